// Kontaktpersonsträffar and notifications end to end on the demo data: a second kontaktsekreterare of LSS-enheten
// asks for e-mail on the Meddelanden page; the kontaktsekreterare plans a träff for today (the demo's running
// assignment's contact person is invited), downloads the .ics and records attendance; the colleague finds the notice
// under "Meddelanden" in the header and opens it; the administrator's E-post page shows the e-mail that would have
// been sent (no SMTP in the test). Keyboard only; axe on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, signOut, tick, today, typeInto, openFromMenu } from './helpers';

test.describe.configure({ mode: 'serial' });

const COLLEAGUE = `ks.kollega.${Date.now() % 100000}`;
const PASSWORD = 'ett-langt-losenord-for-e2e';
const EMAIL = 'kollega@demo-kommun.se';
const TOPIC = 'Att sätta gränser';

test('the administrator adds a second kontaktsekreterare to LSS-enheten', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Adam' })).toBeVisible();
  const units = await (await page.request.get('/api/admin/units')).json();
  const lss = units.items.find((u: { name: string }) => u.name === 'LSS-enheten');
  const created = await page.request.post('/api/admin/users', { data: { username: COLLEAGUE, displayName: 'Kalle Kollega', role: 'kontaktsekreterare', unitId: lss.id, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  await signOut(page);
});

test('the colleague asks to be told by e-mail', async ({ page }) => {
  await signIn(page, COLLEAGUE, { password: PASSWORD, keyboard: true });
  await press(page.getByRole('link', { name: 'Meddelanden', exact: true }));
  await expect(page).toHaveTitle('Meddelanden – Kontakt');
  await expect(page.getByText('Du har inga meddelanden.')).toBeVisible();
  await expect(page.getByText('E-post skickas inte än')).toBeVisible();
  await expectAccessible(page, 'messages page');
  const form = page.getByRole('form', { name: 'E-post när du får ett meddelande' });
  await tick(form, 'Skicka e-post till mig när jag får ett nytt meddelande');
  await press(form.getByRole('button', { name: 'Spara' }));
  await expect(form.getByText('Skriv den e-postadress meddelandena ska skickas till.').first()).toBeVisible();
  await typeInto(form.getByLabel(/E-postadress/), EMAIL);
  await press(form.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: `Du får e-post till ${EMAIL} när du har ett nytt meddelande.` })).toBeVisible();
  await signOut(page);
});

test('the kontaktsekreterare plans a träff, gets its calendar file and records attendance', async ({ page }) => {
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kontaktpersonsträffar', exact: true }));
  await expect(page).toHaveTitle('Kontaktpersonsträffar – Kontakt');
  await expectAccessible(page, 'kontaktpersonsträffar');

  const form = page.getByRole('form', { name: 'Planera en träff' });
  await typeInto(form.getByRole('textbox', { name: /^Starttid/ }), '07:30');
  await typeInto(form.getByRole('textbox', { name: /^Plats/ }), 'Träffpunkten, Storgatan 1');
  await typeInto(form.getByRole('textbox', { name: /^Tema/ }), TOPIC);
  // A day that has passed is refused on the field.
  await typeInto(form.getByRole('textbox', { name: /^Datum/ }), today(-1));
  await press(form.getByRole('button', { name: 'Planera och bjud in' }));
  await expect(form.getByText('Datumet har redan varit. Välj i dag eller ett senare datum.').first()).toBeVisible();
  await typeInto(form.getByRole('textbox', { name: /^Datum/ }), today());
  await press(form.getByRole('button', { name: 'Planera och bjud in' }));

  await expect(page).toHaveTitle(`Kontaktpersonsträff ${today()} – Kontakt`);
  await expect(page.getByRole('status').filter({ hasText: /Träffen är planerad\. \d+ kontaktpersone?r? (är inbjuden|är inbjudna)\./ })).toBeVisible();
  await expect(page.getByText(TOPIC).first()).toBeVisible();
  await expectAccessible(page, 'kontaktpersonsträff');

  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Lägg till i kalendern (.ics)' }))]);
  expect(download.suggestedFilename()).toBe(`kontaktpersonstraff-${today()}.ics`);
  const ics = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(ics).toString('utf8')).toContain(`SUMMARY:Kontaktpersonsträff: ${TOPIC}`);

  // Attendance, on the day itself: the first invited came.
  const attendance = page.getByRole('form', { name: 'Närvaro' });
  const present = attendance.getByRole('radiogroup').first().getByRole('radio', { name: 'Närvarande' });
  await present.focus();
  await present.press('Space');
  await expect(present).toBeChecked();
  await press(attendance.getByRole('button', { name: 'Spara närvaro' }));
  await expect(page.getByRole('status').filter({ hasText: /Närvaron är sparad: 1 av \d+ närvarande\./ })).toBeVisible();
  await expectAccessible(page, 'kontaktpersonsträff with attendance');

  // Listed among the upcoming träffar (it is today).
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Kontaktpersonsträffar' }));
  await expect(page.getByRole('row').filter({ hasText: TOPIC })).toBeVisible();
  await signOut(page);
});

test('the colleague finds the notice under Meddelanden and opens the träff', async ({ page }) => {
  await signIn(page, COLLEAGUE, { password: PASSWORD });
  const link = page.getByRole('link', { name: /^Meddelanden\s+1 olästa$/ });
  await expect(link).toBeVisible();
  await press(link);
  const message = page.getByRole('listitem').filter({ hasText: `Ny kontaktpersonsträff ${today()}` });
  await expect(message).toContainText(`Tema: ${TOPIC}.`);
  await expect(message).toContainText('Oläst');
  await expectAccessible(page, 'messages page with a message');
  await press(message.getByRole('link', { name: /^Öppna/ }));
  await expect(page).toHaveTitle(`Kontaktpersonsträff ${today()} – Kontakt`);
  await expect(page.getByRole('link', { name: 'Meddelanden', exact: true })).toBeVisible();
  await signOut(page);
});

test('the administrator sees the e-mail that would have been sent', async ({ page }) => {
  await signIn(page, 'admin', { keyboard: true });
  await openFromMenu(page, 'E-post', 'Administration');
  await expect(page).toHaveTitle('E-post – Kontakt');
  await expect(page.getByText('Ingen e-post skickas')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: EMAIL });
  await expect(row).toContainText('Nytt meddelande i Kontakt');
  await expect(row).toContainText('Väntar på att skickas');
  await expectAccessible(page, 'e-mail outbox');
  await signOut(page);
});
