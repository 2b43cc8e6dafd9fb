// The other roles' pages, the 404 and "not allowed" pages, and an ended session.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, signOut, today, openFromMenu } from './helpers';

test('pages for other roles and the 404 page', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Adam' })).toBeVisible();
  await expectAccessible(page, 'admin start');
  for (const [path, title] of [
    ['/admin/enheter', 'Enheter'],
    ['/admin/anvandare', 'Användare'],
    ['/admin/rattsliga-grunder', 'Rättsliga grunder'],
    ['/admin/kommun', 'Kommunens uppgifter'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(`${title} – Kontakt`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectAccessible(page, path);
  }
  await page.goto('/admin/enheter');
  await expect(page.getByRole('rowheader', { name: 'LSS-enheten' })).toBeVisible();
  await page.getByRole('button', { name: 'Ändra LSS-enheten' }).click();
  await expect(page.getByRole('dialog', { name: 'Ändra LSS-enheten' })).toBeVisible();
  await expectAccessible(page, 'unit dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A case-worker page is not for the administrator.
  await page.goto('/arenden');
  await expect(page.getByRole('heading', { level: 1, name: 'Du saknar behörighet' })).toBeVisible();
  await page.goto('/finns-inte');
  await expect(page).toHaveTitle('Sidan finns inte – Kontakt');
  await expectAccessible(page, '404');
  await signOut(page);

  await signIn(page, 'revisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Rolf' })).toBeVisible();
  await openFromMenu(page, 'Loggkontroll', 'Tillsyn');
  await expect(page).toHaveTitle('Loggkontroll – Kontakt');
  // Nothing chosen: asked for at least one condition.
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ange minst ett villkor' })).toBeVisible();
  await page.getByLabel('Från och med').fill(today());
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  const log = page.getByRole('grid', { name: 'Loggposter' });
  await expect(log.getByRole('row').filter({ hasText: 'Rolf Ås' }).filter({ hasText: 'Loggade in' }).first()).toBeVisible();
  await expectAccessible(page, 'audit search');
  await signOut(page);

  await signIn(page, 'lon');
  await expect(page.getByRole('heading', { name: 'Lön', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lönemånad' }).first()).toBeVisible();
  await expectAccessible(page, 'lön start');
});

test('an ended session sends the user to the login page and back', async ({ page, context }) => {
  await signIn(page, 'enhetschef');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Elin' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enhetens ärenden' })).toBeVisible();
  await context.clearCookies();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer', exact: true }).click();
  await page.getByLabel('Namn eller personnummer').fill('Andersson');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/\/logga-in\?next=%2Fpersoner&utloggad=1/);
  await expect(page.getByText('Du har blivit utloggad', { exact: false }).first()).toBeVisible();
  await expectAccessible(page, 'login after timeout');
  await page.getByLabel('Användarnamn').fill('enhetschef');
  await page.getByLabel('Lösenord').fill('Kontakt-demo-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/personer$/);
});
