// Import from the old system as the administrator, with the keyboard: a file with a bad personnummer gets a Swedish
// error per row and column and cannot be imported; the fixed file imports every row, after which the same file
// finds them as already registered. axe on the page in each state.
import { expect, test } from '@playwright/test';
import { expectAccessible, personnummer, press, signIn, openFromMenu } from './helpers';

test('the administrator dry-runs a file, fixes the bad row and imports it', async ({ page }) => {
  await signIn(page, 'admin', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await openFromMenu(page, 'Import', 'Administration');
  await expect(page).toHaveTitle('Import från det gamla systemet – Kontakt');
  await expectAccessible(page, 'import page');

  const a = personnummer('19700101');
  const b = personnummer('19710202');
  const file = (second: string) => ({
    name: 'personer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`personnummer;förnamn;efternamn;postnummer\n${a};Åsa;Importsson;123 45\n${second};Örjan;Importsson;123 45\n`, 'utf8'),
  });
  const check = async (f: ReturnType<typeof file>) => {
    await page.getByLabel('CSV-fil').setInputFiles(f);
    await press(page.getByRole('button', { name: 'Provkör filen' }));
  };

  await check(file('1971-bad'));
  await expect(page.getByText('Provkörningen hittade 1 fel')).toBeVisible();
  const errors = page.getByRole('grid', { name: 'Fel i filen' });
  await expect(errors.getByRole('row', { name: '3' })).toContainText('Skriv numret med 10 eller 12 siffror');
  await expect(page.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
  await expectAccessible(page, 'import dry run with an error');

  await check(file(b));
  await expect(page.getByText('Provkörningen hittade inga fel')).toBeVisible();
  await press(page.getByRole('button', { name: 'Importera 2 rader' }));
  await expect(page.getByText('Importen är klar')).toBeVisible();
  await expectAccessible(page, 'import done');

  // The same file again: both persons are now registered.
  await check(file(b));
  await expect(page.getByText('Provkörningen hittade 2 fel')).toBeVisible();

  // An active decision for one of them: the kind "Gällande beslut", a dry run, then the import.
  await page.getByLabel('Sorts fil').selectOption({ label: 'Gällande beslut' });
  await expect(page.locator('#import-columns-hint')).toContainText('lagrum (måste finnas)');
  const day = (months: number) => {
    const d = new Date();
    d.setMonth(d.getMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  const decisionFile = (unit: string) => ({
    name: 'beslut.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `personnummer;enhet;handläggare;lagrum;beslutsdatum;slutdatum;omfattning;omfattning_enhet\n${a};${unit};handlaggare.lss;LSS_9_4;${day(-1)};${day(11)};1;träffar_per_vecka\n`,
      'utf8',
    ),
  });
  await check(decisionFile('Okänd enhet'));
  await expect(page.getByText('Provkörningen hittade 1 fel')).toBeVisible();
  await expect(errors.getByRole('row', { name: '2' })).toContainText('Enheten ”Okänd enhet” finns inte i Kontakt');
  await check(decisionFile('LSS-enheten'));
  await expect(page.getByText('Provkörningen hittade inga fel')).toBeVisible();
  await press(page.getByRole('button', { name: 'Importera 1 rader' }));
  await expect(page.getByText('1 beslut (med sina ärenden) importerades')).toBeVisible();
  await expectAccessible(page, 'decisions imported');
});
