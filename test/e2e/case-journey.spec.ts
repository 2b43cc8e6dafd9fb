// The first slice end to end as a handläggare: person → LSS request → acknowledgement with documentation
// missing → letter (PDF text checked) → "Mina ärenden"; then the other unit's handläggare cannot see it.
// Done with the keyboard; every page visited passes an axe scan.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

// Skatteverket's published test personnummer (never assigned to real people).
const PERSON_NUMBER = '19121212-1212';
const MISSING_DOCS = /underlag/i;

test.describe.configure({ mode: 'serial' });

test('the test number is valid', () => {
  expect(Personnummer.valid(PERSON_NUMBER)).toBe(true);
});

let lssCase: { id: string; number: string } | null = null;

test('handläggare registers a person and an LSS request, acknowledges it with documentation missing, and downloads the letter', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await expect(page).toHaveTitle('Start – Kontakt');
  await expectAccessible(page, 'start page');

  // Person search → register a new person (keyboard).
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer', exact: true }));
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
  await expect(page.getByRole('status').filter({ hasText: 'Tolvan Tolvansson är registrerad.' })).toBeFocused();
  await expect(page.getByText('Provgatan 12')).toBeVisible();
  await expectAccessible(page, 'person page');

  // Register an LSS request.
  await press(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }));
  await expect(page).toHaveTitle('Registrera ansökan eller aktualisering – Kontakt');
  // Reached from the person: the breadcrumb says "Sök person", and so does the main menu (Personer), not Ärenden.
  await expect(page.getByRole('navigation', { name: 'Du är här' })).toContainText('Sök person');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).locator('.nav-link.active')).toHaveText('Personer');
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
  // The notice carried over from the form has focus; the breadcrumb and the main menu agree on the section.
  await expect(page.getByRole('status').filter({ hasText: 'är registrerat.' })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).locator('.nav-link.active')).toHaveText('Ärenden');
  await expect(page.locator('.summary-row').filter({ hasText: 'Inkom' })).toContainText('(i dag)');
  await expectAccessible(page, 'case page (new)');

  // Acknowledge by letter, documentation missing.
  const ack = page.getByRole('form', { name: 'Bekräfta ärendet' });
  await expect(ack.getByLabel('Datum för bekräftelsen')).toHaveValue(today());
  await choose(ack, 'Hur bekräftades ärendet?', 'Brev');
  await choose(ack, 'Finns läkarintyg eller annat underlag som visar personkretsen?', 'Nej, underlag saknas');
  await press(ack.getByRole('button', { name: 'Bekräfta ärendet' }));
  await expect(page.getByText('Ärendet är bekräftat.')).toBeVisible();
  // Focus is on the notice that reports the action (not <body>), the earlier notice is gone, and the next Tab
  // reaches the letter.
  const notice = page.getByRole('status').filter({ hasText: 'Ärendet är bekräftat.' });
  await expect(notice).toBeFocused();
  await expect(page.getByText(`Ärende ${caseNumber} är registrerat.`)).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ladda ner bekräftelsebrev (PDF)' })).toBeFocused();
  // The status is shown once.
  await expect(page.getByText('Bekräftad', { exact: true })).toHaveCount(1);
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
