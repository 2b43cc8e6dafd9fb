// Failed sign-ins: the administrator sees the locked account and unlocks it; the user is told at the next sign-in.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, signOut } from './helpers';

test('the administrator unlocks an account, and its owner is told about the failed attempts', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Adam' })).toBeVisible();
  // A user of this test's own, so no other journey meets the lock.
  const username = `las.${Date.now().toString(36)}`;
  const password = 'ett-långt-lösenord-för-e2e';
  const created = await page.request.post('/api/admin/users', { data: { username, displayName: 'Lova Låsning', role: 'revisor', unitId: null, password } });
  expect(created.status()).toBe(201);

  // Five failures from this address lock the account for it; the answer never says so.
  for (let i = 0; i < 5; i++) {
    const r = await page.request.post('/api/auth/login', { data: { username, password: 'fel-lösenord-nummer-ett' }, headers: { cookie: '' } });
    expect(r.status()).toBe(401);
    expect((await r.json()).code).toBe('INVALID_CREDENTIALS');
  }

  await page.goto('/admin/anvandare');
  const row = page.getByRole('row', { name: /Lova Låsning/ });
  await expect(row.getByText('Låst', { exact: true })).toBeVisible();
  await expectAccessible(page, 'users with a locked account');
  await row.getByRole('button', { name: 'Lås upp Lova Låsning' }).click();
  const done = row.getByRole('status');
  await expect(done).toHaveText('Inloggningen är upplåst.');
  await expect(done).toBeFocused();
  await expect(row.getByText('Låst', { exact: true })).toHaveCount(0);
  await signOut(page);

  await signIn(page, username, { password });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Lova' })).toBeVisible();
  await expect(page.getByText(/Sedan du senast loggade in har någon försökt logga in på ditt konto 5 gånger utan att lyckas \(senast \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\. Om det inte var du, kontakta administratören\./)).toBeVisible();
  await expectAccessible(page, 'start page with the failed-attempts notice');
  // The session keeps the notice (a reload asks /api/auth/me again).
  expect(await (await page.request.get('/api/auth/me')).json()).toMatchObject({ failedAttemptsSinceLastLogin: 5 });
  await signOut(page);
});
