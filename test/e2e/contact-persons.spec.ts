// The contact-person register end to end: a member of the public applies on "Bli kontaktperson" (no sign-in,
// keyboard only) → the kontaktsekreterare finds it among new applications, books the interview (.ics), records
// it, two references, the registerkontroll (and tries it against assignments: an extract 7 months before a
// start in 2026-04 is refused for a child's LSS assignment, 7 months before a start in 2025-10 accepted), the
// pledge and the introduction → approves → the contact person is "Godkänd, ledig" in the register.
// Every page visited passes an axe scan.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, personnummer, press, signIn, tick, today, typeInto } from './helpers';

test.describe.configure({ mode: 'serial' });

/** A valid-checksum fictitious personnummer (not one of the demo's), with the separator the public form shows. */
function applicantNumber(): string {
  const n = personnummer('19870315');
  return `${n.slice(0, 8)}-${n.slice(8)}`;
}

const LAST_NAME = `Sökandesson${Date.now() % 100000}`;
const NAME = `Sara ${LAST_NAME}`;

const region = (page: Page, name: string | RegExp): Locator => page.getByRole('region', { name });

test('a member of the public applies on "Bli kontaktperson" with the keyboard', async ({ page }) => {
  await page.goto('/bli-kontaktperson');
  const loaded = Date.now();
  await expect(page).toHaveTitle('Bli kontaktperson – Kontakt');
  await expect(page.getByRole('heading', { level: 1, name: 'Bli kontaktperson' })).toBeVisible();
  await expectAccessible(page, 'public application form');

  // Sending without accepting the privacy notice: a Swedish error on that field.
  await typeInto(page.getByLabel('Förnamn'), 'Sara');
  await typeInto(page.getByLabel('Efternamn'), LAST_NAME);
  await typeInto(page.getByLabel('Personnummer'), applicantNumber());
  await typeInto(page.getByLabel('E-post'), 'sara@exempel.se');
  await typeInto(page.getByLabel('Telefon'), '070-123 45 67');
  await typeInto(page.getByLabel('Postnummer'), '12345');
  await typeInto(page.getByLabel('Berätta kort varför du vill bli kontaktperson'), 'Jag har tid över och vill hjälpa till.');
  await tick(page, 'Musik');
  await typeInto(page.getByLabel('Språk du talar'), 'svenska, arabiska');
  await tick(page, 'Helger');
  await press(page.getByRole('button', { name: 'Skicka ansökan' }));
  await expect(page.getByText('Du måste godkänna hur vi hanterar dina uppgifter').first()).toBeVisible();
  await expectAccessible(page, 'public form with an error');

  await tick(page, 'Jag har läst hur mina uppgifter hanteras och godkänner det');
  // The server refuses a form sent sooner than its minimum fill time after loading it.
  await page.waitForTimeout(Math.max(0, 6500 - (Date.now() - loaded)));
  await press(page.getByRole('button', { name: 'Skicka ansökan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Tack för din ansökan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Det här händer sedan' })).toBeVisible();
  await expectAccessible(page, 'application received');
});

test('the kontaktsekreterare runs every step and approves: the contact person is "ledig"', async ({ page, browser }) => {
  await signIn(page, 'kontaktsekreterare');
  await expect(page.getByRole('heading', { name: 'Kontaktpersoner att följa upp' })).toBeVisible();
  await expectAccessible(page, 'start page with reminders');

  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kontaktpersoner' }));
  await expect(page).toHaveTitle('Kontaktpersoner – Kontakt');
  await expectAccessible(page, 'register');
  await press(page.getByRole('link', { name: 'Nya ansökningar' }));
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();
  await expectAccessible(page, 'inbox');
  await press(page.getByRole('link', { name: NAME }));
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.locator('.page-status')).toContainText('Sökande');
  await expectAccessible(page, 'applicant page');

  // Interview: booked (with a calendar file), then held.
  const interview = region(page, 'Boka intervju');
  await typeInto(interview.getByLabel('Datum för intervjun'), today(7));
  await typeInto(interview.getByLabel('Tid'), '14:30');
  await typeInto(interview.getByLabel('Plats'), 'Kommunhuset');
  await press(interview.getByRole('button', { name: 'Boka intervjun' }));
  await expect(page.getByRole('status').filter({ hasText: 'Intervjun är bokad.' })).toBeFocused();
  await expect(page.locator('.page-status')).toContainText('Under utredning');
  await expect(page.getByRole('link', { name: 'Lägg in i kalendern (.ics)' })).toHaveAttribute('href', /interview\.ics$/);
  const held = region(page, 'Intervjun är hållen');
  await typeInto(held.getByLabel('Bedömning'), 'Lugn, trygg och intresserad av musik.');
  await press(held.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: 'Intervjun är hållen: registrerat.' })).toBeFocused();

  // Two references: one positive at once, one called later.
  const refs = region(page, 'Referenser');
  await typeInto(refs.getByLabel('Referensens namn'), 'Rut Referens');
  await press(refs.getByRole('button', { name: 'Spara referensen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Referensen är sparad.' })).toBeFocused();
  await expect(refs.getByText('Rut Referens: positiv')).toBeVisible();
  await typeInto(refs.getByLabel('Referensens namn'), 'Rolf Referens');
  const pending = refs.getByRole('radiogroup', { name: 'Utfall', exact: true }).getByRole('radio', { name: 'Inte kontaktad än' });
  await pending.focus();
  await pending.press('Space');
  await press(refs.getByRole('button', { name: 'Spara referensen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Referensen är sparad.' })).toBeFocused();
  await expect(refs.getByText('Rolf Referens: inte kontaktad än')).toBeVisible();
  const positive = refs.getByRole('radiogroup', { name: 'Utfall för Rolf Referens' }).getByRole('radio', { name: 'Positiv' });
  await positive.focus();
  await positive.press('Space');
  await press(refs.getByRole('button', { name: 'Spara utfallet' }));
  await expect(page.getByRole('status').filter({ hasText: 'Referensen är sparad.' })).toBeFocused();
  await expect(refs.getByText(/Rolf Referens: positiv/)).toBeVisible();
  await expectAccessible(page, 'references');

  // Registerkontroll: an extract 7 months before a start in 2025-10 (belastningsregistret only) holds …
  const check = region(page, 'Registerkontroll');
  await typeInto(check.getByLabel('Utdragets datum'), '2025-03-15');
  // Both registers are ticked to begin with: untick misstankeregistret.
  const suspicion = check.getByRole('checkbox', { name: 'Misstankeregistret' });
  await expect(suspicion).toBeChecked();
  await suspicion.focus();
  await suspicion.press('Space');
  await expect(suspicion).not.toBeChecked();
  await press(check.getByRole('button', { name: 'Registrera utdraget' }));
  await expect(page.getByRole('status').filter({ hasText: 'Registerkontrollen är registrerad.' })).toBeFocused();
  await typeInto(check.getByLabel('Uppdragets planerade start'), '2025-10-15');
  await press(check.getByRole('button', { name: 'Pröva' }));
  await expect(check.getByText('Utdraget räcker', { exact: true })).toBeVisible();
  // … while one 7 months before a start in 2026-04 (both registers) is refused for a child's LSS assignment.
  await typeInto(check.getByLabel('Utdragets datum'), '2025-09-15');
  await tick(check, 'Misstankeregistret');
  await press(check.getByRole('button', { name: 'Registrera utdraget' }));
  await expect(page.getByRole('status').filter({ hasText: 'Registerkontrollen är registrerad.' })).toBeFocused();
  await typeInto(check.getByLabel('Uppdragets planerade start'), '2026-04-15');
  await press(check.getByRole('button', { name: 'Pröva' }));
  await expect(check.getByText('Utdraget räcker inte')).toBeVisible();
  await expect(check.getByText(/för gammalt/)).toBeVisible();
  await expectAccessible(page, 'register check refused');
  // A fresh extract for the approval.
  await typeInto(check.getByLabel('Utdragets datum'), today(-20));
  await press(check.getByRole('button', { name: 'Registrera utdraget' }));
  await expect(page.getByRole('status').filter({ hasText: 'Registerkontrollen är registrerad.' })).toBeFocused();

  // Pledge and introduction, then approve.
  for (const title of ['Tystnadsförbindelse', 'Introduktion']) {
    await press(region(page, title).getByRole('button', { name: 'Spara' }));
    await expect(page.getByRole('status').filter({ hasText: `${title}: registrerat.` })).toBeFocused();
  }
  const approve = region(page, 'Godkänn som kontaktperson');
  await press(approve.getByRole('button', { name: 'Godkänn' }));
  await expect(page.getByRole('status').filter({ hasText: 'Kontaktpersonen är godkänd.' })).toBeFocused();
  await expect(page.locator('.page-status')).toContainText('Godkänd, ledig');
  await expect(page.getByText(/Godkänd \d{4}-\d{2}-\d{2} av Karin Ek/)).toBeVisible();
  await expectAccessible(page, 'approved contact person');

  // A portal invitation: the link (valid 72 hours) lets the contact person choose a password.
  const portal = region(page, 'Konto i portalen');
  await press(portal.getByRole('button', { name: 'Skapa inbjudningslänk' }));
  const link = (await portal.locator('code').textContent()) ?? '';
  expect(link).toMatch(/\/portalen\/valj-losenord#[A-Za-z0-9_-]{43}$/);
  // Opened by the contact person: a browser of their own, without the coordinator's session.
  const theirs = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const invited = await theirs.newPage();
  await invited.goto(link);
  await expect(invited).toHaveTitle('Välj lösenord – Kontakt');
  await expectAccessible(invited, 'portal password page');
  await typeInto(invited.getByLabel('Lösenord', { exact: true }), 'ett-långt-lösenord');
  await typeInto(invited.getByLabel('Skriv lösenordet igen'), 'ett-långt-lösenord');
  await press(invited.getByRole('button', { name: 'Spara lösenordet' }));
  await expect(invited.getByText('Ditt lösenord är sparat')).toBeVisible();
  await theirs.close();

  // In the register, among those free for a new assignment.
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Kontaktpersoner' }));
  await tick(page, 'Bara de som är lediga för ett nytt uppdrag');
  await typeInto(page.getByRole('textbox', { name: 'Namn' }), LAST_NAME);
  await press(page.getByRole('button', { name: 'Sök' }));
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: NAME }) });
  await expect(row).toContainText('Godkänd, ledig');
  await expectAccessible(page, 'register filtered');
  // Gallring: a dry run lists what would go and removes nothing (the demo's Ivar Demoholm withdrew 220 days ago; the
  // declined Fredrik Demodal is newer than six months); then remove it, confirmed in a dialog, with the keyboard.
  const disposal = region(page, 'Gallring');
  await press(disposal.getByRole('button', { name: 'Provkör gallring' }));
  await expect(disposal.getByText(/^1 ansökan avslutades \d{4}-\d{2}-\d{2} eller tidigare och kan gallras\. Inget är borttaget än\.$/)).toBeVisible();
  await expect(disposal.getByRole('listitem').filter({ hasText: '1 som tog tillbaka sin ansökan' })).toBeVisible();
  await expectAccessible(page, 'disposal dry run');
  await press(disposal.getByRole('button', { name: 'Gallra 1 ansökan' }));
  const confirm = page.getByRole('alertdialog', { name: 'Gallra 1 ansökan?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'disposal confirmation');
  await press(confirm.getByRole('button', { name: 'Ja, ta bort dem' }));
  await expect(disposal.getByText('1 ansökan är borttagen.')).toBeVisible();
  await press(disposal.getByRole('button', { name: 'Provkör gallring' }));
  await expect(disposal.getByText('Inga ansökningar är äldre än 6 månader. Det finns inget att gallra.')).toBeVisible();
  await typeInto(page.getByRole('textbox', { name: 'Namn' }), 'Demoholm');
  const onlyFree = page.getByRole('checkbox', { name: 'Bara de som är lediga för ett nytt uppdrag' });
  await onlyFree.focus();
  await onlyFree.press('Space');
  await expect(onlyFree).not.toBeChecked();
  await press(page.getByRole('button', { name: 'Sök' }));
  await expect(page.getByRole('link', { name: 'Ivar Demoholm' })).toHaveCount(0);

  await press(page.getByRole('link', { name: 'Påminnelser' }));
  await expect(page).toHaveTitle('Påminnelser – Kontakt');
  // An expired requirement would name the running assignments to follow up, in a column of its own.
  await expect(page.getByRole('columnheader', { name: 'Pågående uppdrag att följa upp' })).toBeVisible();
  await expectAccessible(page, 'reminders');
});

test('lön sees the approved contact person and registers the bank account (validated per bank)', async ({ page }) => {
  await signIn(page, 'lon');
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Bank och skatt' }));
  await expect(page).toHaveTitle('Bank och skatt – Kontakt');
  await expectAccessible(page, 'payroll list');
  await press(page.getByRole('button', { name: `Visa uppgifter för ${NAME}` }));
  const payment = region(page, 'Bank och skatt').last();
  await typeInto(payment.getByLabel('Clearingnummer'), '5000');
  await typeInto(payment.getByLabel('Kontonummer'), '1234567');
  await press(payment.getByRole('button', { name: 'Spara bankuppgifter' }));
  await expect(payment.getByText('Kontonumret stämmer inte med clearingnumret').first()).toBeVisible();
  await typeInto(payment.getByLabel('Clearingnummer'), '6000');
  await typeInto(payment.getByLabel('Kontonummer'), '123456789');
  await press(payment.getByRole('button', { name: 'Spara bankuppgifter' }));
  await expect(payment.getByText('Handelsbanken')).toBeVisible();
  await expectAccessible(page, 'payroll details');
});
