// Loggkontroll end to end (issue 13 items 4 and 5): the SoL handläggare registers a person with a SoL case; the LSS
// handläggare opens that person (a read outside her unit and own cases); the enhetschef of the LSS unit finds the
// read among the unusual reads, signs it off with a comment (keyboard), exports the person's log entries as CSV and
// downloads the person's register extract as JSON (content checked) and PDF. axe on every page.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, personnummer, press, signIn, signOut, today, typeInto, openFromMenu } from './helpers';

test.describe.configure({ mode: 'serial' });

test('the enhetschef finds an unusual read, signs it off and downloads the register extract', async ({ page }, testInfo) => {
  const pnr = personnummer('19770523');
  const typed = `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
  const lastName = `Loggsson${pnr.slice(-4)}`;

  // A person of the SoL unit.
  await signIn(page, 'handlaggare.sol');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  const p = await page.request.post('/api/persons', {
    data: { identityNumber: pnr, firstName: 'Lova', lastName, protectedIdentity: false, streetAddress: 'Loggvägen 2', postalCode: '123 45', city: 'Demoby' },
  });
  expect(p.status(), await p.text()).toBe(201);
  const person = (await p.json()) as { id: string };
  const c = await page.request.post('/api/cases', { data: { personId: person.id, route: 'SOL', requester: 'person', channel: 'letter', receivedDate: today() } });
  expect(c.status(), await c.text()).toBe(201);
  const caseNumber = ((await c.json()) as { caseNumber: string }).caseNumber;
  await signOut(page);

  // The LSS handläggare opens the person: outside her unit and own cases.
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await page.goto(`/personer/${person.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
  await signOut(page);

  // The enhetschef reviews.
  await signIn(page, 'enhetschef', { keyboard: true });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await openFromMenu(page, 'Loggkontroll', 'Tillsyn');
  await expect(page).toHaveTitle('Loggkontroll – Kontakt');
  await press(page.getByRole('link', { name: 'Avvikande läsningar att granska' }));
  await expect(page).toHaveTitle('Avvikande läsningar – Kontakt');
  const table = page.getByRole('grid', { name: 'Avvikande läsningar' });
  const row = table.getByRole('row').filter({ hasText: lastName }).filter({ hasText: 'Läsning utanför enheten och egna ärenden' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Hanna Lind');
  await expect(row).toContainText('Läste personuppgifter');
  await expectAccessible(page, 'unusual reads');

  await press(row.getByRole('button', { name: /^Granska/ }));
  const dialog = page.getByRole('dialog', { name: 'Granska avvikande läsning' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'sign-off dialog');
  // Empty comment: a Swedish message, nothing saved.
  await press(dialog.getByRole('button', { name: 'Markera som granskad' }));
  await expect(dialog.getByText('Kommentaren måste fyllas i.').first()).toBeVisible();
  await typeInto(dialog.getByLabel('Kommentar'), 'Hanna hjälpte Omsorgsenheten med ärendet, enligt överenskommelse.');
  await press(dialog.getByRole('button', { name: 'Markera som granskad' }));
  await expect(page.getByRole('status').filter({ hasText: 'Läsningen är markerad som granskad.' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: lastName }).filter({ hasText: 'Läsning utanför enheten och egna ärenden' })).toHaveCount(0);

  // Among the signed-off ones, with who and the comment.
  await press(page.getByRole('button', { name: /Granskning/ }));
  await press(page.getByRole('option', { name: 'Granskade', exact: true }));
  await press(page.getByRole('button', { name: 'Visa avvikelser' }));
  const signed = table.getByRole('row').filter({ hasText: lastName }).filter({ hasText: 'Läsning utanför enheten och egna ärenden' });
  await expect(signed).toContainText('av Elin Sjö');
  await expect(signed).toContainText('Hanna hjälpte Omsorgsenheten');

  // The person's log as a CSV file for Excel.
  await page.goto('/loggkontroll');
  await typeInto(page.getByLabel('Personens personnummer'), typed);
  await press(page.getByRole('button', { name: 'Sök i loggen' }));
  await expect(page.getByRole('grid', { name: 'Loggposter' }).getByRole('row').filter({ hasText: 'Läste personuppgifter' }).first()).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await press(page.getByRole('button', { name: 'Hämta som fil (CSV för Excel)' }));
  const csvPath = testInfo.outputPath('logg.csv');
  await (await csvDownload).saveAs(csvPath);
  const csv = fs.readFileSync(csvPath);
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Tidpunkt;Användare;Användarnamn;Händelse;Person;Personnummer;Typ;Id;Anrops-id');
  expect(lines.some((l) => l.includes(';Hanna Lind;handlaggare.lss;Läste personuppgifter;') && l.includes(lastName))).toBe(true);

  // The register extract.
  await press(page.getByRole('link', { name: 'Registerutdrag för en person' }));
  await expect(page).toHaveTitle('Registerutdrag – Kontakt');
  await expectAccessible(page, 'register extract page');
  await typeInto(page.getByLabel('Namn eller personnummer'), typed);
  await press(page.getByRole('button', { name: 'Sök', exact: true }));
  const hit = page.getByRole('grid', { name: 'Personer' }).getByRole('row').filter({ hasText: lastName });
  await expect(hit).toHaveCount(1);
  await expectAccessible(page, 'register extract search result');

  const jsonDownload = page.waitForEvent('download');
  await press(hit.getByRole('link', { name: `Registerutdrag som JSON-fil för Lova ${lastName}` }));
  const jsonPath = testInfo.outputPath('registerutdrag.json');
  await (await jsonDownload).saveAs(jsonPath);
  const extract = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  expect(extract.person).toEqual(expect.objectContaining({ id: person.id, first_name: 'Lova', last_name: lastName, identity_number: pnr, street_address: 'Loggvägen 2' }));
  expect(extract.sections.cases.map((x: { case_number: string }) => x.case_number)).toEqual([caseNumber]);
  expect(extract.sections.log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.read', user_name: 'Hanna Lind', unit_name: 'LSS-enheten' })]));
  expect(extract.sections.decisions).toEqual([]);

  const pdfDownload = page.waitForEvent('download');
  await press(hit.getByRole('link', { name: `Registerutdrag som PDF för Lova ${lastName}` }));
  const pdfPath = testInfo.outputPath('registerutdrag.pdf');
  await (await pdfDownload).saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await pdfDownload).suggestedFilename()).toBe(`registerutdrag-${today()}.pdf`);
});

test('the administrator sets the mass-read limit', async ({ page }) => {
  await signIn(page, 'admin', { keyboard: true });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await openFromMenu(page, 'Loggkontroll', 'Administration');
  await expect(page).toHaveTitle('Loggkontroll – Kontakt');
  await expectAccessible(page, 'mass-read limit');
  const persons = page.getByLabel('Fler än så här många personer');
  // Out of range: a Swedish message, nothing saved.
  await typeInto(persons, '1');
  await press(page.getByRole('button', { name: 'Spara' }));
  await expect(page.getByText('Talet måste vara minst 2.').first()).toBeVisible();
  await typeInto(persons, '25');
  await typeInto(page.getByLabel('På så här många minuter'), '10');
  await press(page.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: 'Gränsen är sparad.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Fler än så här många personer')).toHaveValue('25');
});
