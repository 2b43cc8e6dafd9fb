// The first slice end to end, as real users in a real browser: request → acknowledgement → letter → list;
// unit scope; protected identity; bad input. Every page visited passes an axe scan.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

// Skatteverket's published test personnummer (never assigned to real people); checked below.
const PERSON_NUMBER = '19121212-1212';
const PROTECTED_NUMBER = '20001017-2385';
const INVALID_NUMBER = '19121212-1213';
const MISSING_DOCS = /underlag/i;

test.describe.configure({ mode: 'serial' });

test('test numbers are what we think they are', () => {
  expect(Personnummer.valid(PERSON_NUMBER)).toBe(true);
  expect(Personnummer.valid(PROTECTED_NUMBER)).toBe(true);
  expect(Personnummer.valid(INVALID_NUMBER)).toBe(false);
});

let lssCase: { id: string; number: string } | null = null;

test('handläggare registers a person and an LSS request, acknowledges it with documentation missing, and downloads the letter', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await expect(page).toHaveTitle('Start – Kontakt');
  await expectAccessible(page, 'start page');

  // Person search → register a new person (keyboard).
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }));
  await expect(page).toHaveTitle('Sök person – Kontakt');
  await expectAccessible(page, 'person search');
  await press(page.getByRole('link', { name: 'Registrera ny person' }));
  await expect(page).toHaveTitle('Registrera ny person – Kontakt');
  await expectAccessible(page, 'person form');
  await typeInto(page.getByLabel('Personnummer eller samordningsnummer'), PERSON_NUMBER);
  await typeInto(page.getByLabel('Förnamn'), 'Tolvan');
  await typeInto(page.getByLabel('Efternamn'), 'Tolvansson');
  await typeInto(page.getByLabel('Gatuadress'), 'Provgatan 12');
  await typeInto(page.getByLabel('Postnummer'), '12345');
  await typeInto(page.getByLabel('Ort'), 'Demoby');
  await press(page.getByRole('button', { name: 'Registrera person' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Tolvan Tolvansson' })).toBeVisible();
  await expect(page.getByText('Tolvan Tolvansson är registrerad.')).toBeVisible();
  await expect(page.getByText('Provgatan 12')).toBeVisible();
  await expectAccessible(page, 'person page');

  // Register an LSS request.
  await press(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }));
  await expect(page).toHaveTitle('Registrera ansökan eller aktualisering – Kontakt');
  await expectAccessible(page, 'request form');
  await choose(page, 'Vilken lag gäller ärendet?', /^LSS 9 § 4/);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Den enskilde själv');
  await choose(page, 'Hur kom ärendet in?', 'Telefon');
  await expect(page.getByLabel('Datum då ärendet kom in')).toHaveValue(today());
  await typeInto(page.getByLabel('Vad gäller ansökan?'), 'Vill ha en kontaktperson att gå på bio med.');
  await press(page.getByRole('button', { name: 'Registrera ärendet' }));

  const h1 = page.getByRole('heading', { level: 1, name: /^Ärende / });
  await expect(h1).toBeVisible();
  const caseNumber = (await h1.textContent())!.replace('Ärende ', '').trim();
  expect(caseNumber).toMatch(/^KP-\d{4}-\d{4}$/);
  const caseId = page.url().split('/arenden/')[1];
  lssCase = { id: caseId, number: caseNumber };
  await expect(page.getByText(`Ärende ${caseNumber} är registrerat.`)).toBeVisible();
  await expectAccessible(page, 'case page (new)');

  // Acknowledge by letter, documentation missing.
  const ack = page.getByRole('form', { name: 'Bekräfta ärendet' });
  await expect(ack.getByLabel('Datum för bekräftelsen')).toHaveValue(today());
  await choose(ack, 'Hur bekräftades ärendet?', 'Brev');
  await choose(ack, 'Finns läkarintyg eller annat underlag som visar personkretsen?', 'Nej, underlag saknas');
  await press(ack.getByRole('button', { name: 'Bekräfta ärendet' }));
  await expect(page.getByText('Ärendet är bekräftat.')).toBeVisible();
  await expect(page.locator('.notice-warning').filter({ hasText: MISSING_DOCS }).first()).toBeVisible();
  await expectAccessible(page, 'case page (acknowledged)');

  // Download the letter and read it.
  const link = page.getByRole('link', { name: 'Ladda ner bekräftelsebrev (PDF)' });
  const [download] = await Promise.all([page.waitForEvent('download'), press(link)]);
  const pdfPath = testInfo.outputPath('bekraftelse.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(caseNumber);
  expect(text).toContain('Demo kommun');
  expect(text).toMatch(MISSING_DOCS);

  // "Mina ärenden" lists it with the warning.
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }));
  await expect(page).toHaveTitle('Mina ärenden – Kontakt');
  const row = page.getByRole('row').filter({ hasText: caseNumber });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Tolvan Tolvansson');
  await expect(row.locator('.badge-warning')).toContainText(MISSING_DOCS);
  await expectAccessible(page, 'case list');

  // Sorting by case number works from the column header.
  await page.getByRole('columnheader', { name: /Ärende/ }).click();
  await expect(page).toHaveURL(/sortering=caseNumber/);
  await expect(page.getByRole('row').filter({ hasText: caseNumber })).toBeVisible();

  await signOut(page);
});

test('the other unit’s handläggare cannot see the case', async ({ page }) => {
  expect(lssCase, 'the first journey must have created the case').not.toBeNull();
  await signIn(page, 'handlaggare.sol');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Samir' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
  await expect(page).toHaveTitle('Mina ärenden – Kontakt');
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.getByText(lssCase!.number)).toHaveCount(0);

  await page.goto(`/arenden/${lssCase!.id}`);
  await expect(page.getByText('Du har inte behörighet till ärendet, eller så finns det inte.')).toBeVisible();
  await expect(page.getByText('Tolvan')).toHaveCount(0);
  await expectAccessible(page, 'case not allowed');
});

test('a protected identity’s address is hidden from the kontaktsekreterare', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(PROTECTED_NUMBER);
  await page.getByLabel('Förnamn').fill('Signe');
  await page.getByLabel('Efternamn').fill('Skyddadsson');
  await page.getByRole('checkbox', { name: 'Personen har skyddad identitet' }).check();
  await page.getByLabel('Gatuadress').fill('Hemliga vägen 7');
  await page.getByLabel('Postnummer').fill('54321');
  await page.getByLabel('Ort').fill('Gömby');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signe Skyddadsson' })).toBeVisible();
  // The responsible handläggare still sees the address.
  await expect(page.getByText('Hemliga vägen 7')).toBeVisible();
  await expect(page.locator('.page-tags').getByText('Skyddad identitet')).toBeVisible();

  await page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }).click();
  await choose(page, 'Vilken lag gäller ärendet?', /^LSS 9 § 4/);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Den enskilde själv');
  await choose(page, 'Hur kom ärendet in?', 'Brev');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ärende / })).toBeVisible();
  await signOut(page);

  await signIn(page, 'kontaktsekreterare');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Karin' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('link', { name: 'Registrera ny person' })).toHaveCount(0);
  await page.getByLabel('Namn eller personnummer').fill(PROTECTED_NUMBER);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Skyddadsson' });
  await expect(row).toBeVisible();
  await expect(row.getByText('Skyddad identitet')).toBeVisible();
  await expectAccessible(page, 'search result with protected person');
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Signe Skyddadsson' })).toBeVisible();
  await expect(page.getByText('Skyddad identitet – adress och kontaktuppgifter visas inte.')).toBeVisible();
  await expect(page.getByText('Hemliga vägen')).toHaveCount(0);
  await expect(page.getByText('Gömby')).toHaveCount(0);
  await expect(page.getByText('54321')).toHaveCount(0);
  await expect(page.getByText('543 21')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' })).toHaveCount(0);
  await expectAccessible(page, 'protected person for kontaktsekreterare');
});

test('bad input gets a Swedish message next to the field and nothing is saved', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();

  // An invalid personnummer (wrong check digit).
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(INVALID_NUMBER);
  await page.getByLabel('Förnamn').fill('Felix');
  await page.getByLabel('Efternamn').fill('Felsson');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Rätta följande' });
  await expect(summary).toBeFocused();
  const idField = page.getByLabel('Personnummer eller samordningsnummer');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(idField).toHaveAccessibleDescription(/inte ett giltigt personnummer/);
  await expect(page.locator('.field').filter({ has: idField }).locator('.field-error')).toHaveText(/Numret är inte ett giltigt personnummer/);
  await expectAccessible(page, 'person form with errors');
  // The summary links to the field.
  await summary.getByRole('link').first().click();
  await expect(idField).toBeFocused();
  await expect(page).toHaveURL(/\/personer\/ny$/);

  // Nothing was created.
  await page.goto('/personer');
  await page.getByLabel('Namn eller personnummer').fill('Felsson');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Ingen träff/ })).toBeVisible();

  // A received date in the future.
  await page.getByLabel('Namn eller personnummer').fill(PERSON_NUMBER);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Tolvansson' }).getByRole('link').click();
  await page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }).click();
  await choose(page, 'Vilken lag gäller ärendet?', /^LSS 9 § 4/);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Vårdnadshavare');
  await choose(page, 'Hur kom ärendet in?', 'E-tjänst');
  const dateField = page.getByLabel('Datum då ärendet kom in');
  await dateField.fill(today(30));
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field').filter({ has: dateField }).locator('.field-error')).toHaveText('Datumet kan inte vara senare än i dag.');
  await expect(page).toHaveURL(/\/arenden\/ny/);
  // A date that is not a date.
  await dateField.fill('2026-02-30');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(page.locator('.field').filter({ has: dateField }).locator('.field-error')).toHaveText(/ÅÅÅÅ-MM-DD/);
  await expectAccessible(page, 'request form with errors');
});

test('a wrong password gives a Swedish message', async ({ page }) => {
  await signIn(page, 'handlaggare.lss', 'fel-lösenord');
  const summary = page.getByRole('alert').filter({ hasText: 'Det gick inte att logga in' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Fel användarnamn eller lösenord.');
  await expect(page).toHaveURL(/\/logga-in/);
  await expectAccessible(page, 'login with error');
});

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
  await expect(page.getByRole('cell', { name: 'LSS-enheten' })).toHaveCount(0); // on the municipality page now
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
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggkontroll' }).click();
  await expect(page).toHaveTitle('Loggkontroll – Kontakt');
  await page.getByLabel('Personens personnummer').fill(PERSON_NUMBER);
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  await expect(page.getByRole('table', { name: 'Loggposter' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Loggposter' })).toContainText('Hanna Lind');
  await expectAccessible(page, 'audit search');
  await signOut(page);

  await signIn(page, 'lon');
  await expect(page.getByText('Lönehanteringen kommer')).toBeVisible();
  await expectAccessible(page, 'lön start');
});

test('an ended session sends the user to the login page and back', async ({ page, context }) => {
  await signIn(page, 'enhetschef');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Elin' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enhetens ärenden' })).toBeVisible();
  await context.clearCookies();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await page.getByLabel('Namn eller personnummer').fill('Tolvan');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/\/logga-in\?next=%2Fpersoner&utloggad=1/);
  await expect(page.getByText('Du har blivit utloggad', { exact: false }).first()).toBeVisible();
  await expectAccessible(page, 'login after timeout');
  await page.getByLabel('Användarnamn').fill('enhetschef');
  await page.getByLabel('Lösenord').fill('Kontakt-demo-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/personer$/);
});
