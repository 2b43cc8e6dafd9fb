// Plan and pay end to end on the demo data: the administrator changes a level's amount and adds next year's table
// (copying the levels); the kontaktsekreterare records a contact with a contact person and writes a
// genomförandeplan for an order in two versions (downloading both PDFs); lön sees the anställningsuppgifter the demo
// step sent to payroll and downloads the month as CSV for Excel (BOM, semicolons). Keyboard; axe on every page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, expectAccessible, press, signIn, signOut, today, typeInto, openFromMenu } from './helpers';

test.describe.configure({ mode: 'serial' });

const YEAR = Number(today().slice(0, 4));

test('administrator changes a level amount and adds next year’s table', async ({ page }) => {
  await signIn(page, 'admin', { keyboard: true });
  await openFromMenu(page, 'Arvoden och omkostnader', 'Administration');
  await expect(page).toHaveTitle('Arvoden och omkostnader – Kontakt');
  const year = page.getByRole('region', { name: String(YEAR), exact: true });
  await expect(year.getByRole('row').filter({ hasText: 'Nivå 1' })).toBeVisible();
  await expectAccessible(page, 'rates page');

  // Nivå 1 this year: an entered arvode instead of the share.
  await press(year.getByRole('button', { name: `Ändra Nivå 1 ${YEAR}` }));
  const dialog = page.getByRole('dialog', { name: `Ändra Nivå 1 ${YEAR}` });
  await dialog.getByLabel('Arvode som andel (‰)').fill('');
  await typeInto(dialog.getByLabel('Arvode per månad (kronor)'), '1 300,50');
  await expectAccessible(page, 'level dialog');
  await press(dialog.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: `Nivå 1 ${YEAR} är sparad.` })).toBeVisible();
  await expect(year.getByRole('row').filter({ hasText: 'Nivå 1' })).toContainText('1\u00a0300,50\u00a0kr');

  // A bad amount is explained in Swedish on the field.
  await press(year.getByRole('button', { name: `Ändra Nivå 2 ${YEAR}` }));
  const d2 = page.getByRole('dialog', { name: `Ändra Nivå 2 ${YEAR}` });
  await typeInto(d2.getByLabel('Ersättning per tillfälle (kronor)'), '12,345');
  await press(d2.getByRole('button', { name: 'Spara' }));
  await expect(d2.getByText('Skriv beloppet i kronor, till exempel 1 234 eller 1 234,50.').first()).toBeVisible();
  await press(d2.getByRole('button', { name: 'Avbryt' }));

  // Next year, copying the levels.
  await press(page.getByRole('button', { name: 'Lägg till år' }));
  const form = page.getByRole('form', { name: 'Lägg till år' });
  await expect(form.getByRole('textbox', { name: 'År', exact: true })).toHaveValue(String(YEAR + 1));
  await typeInto(form.getByLabel('Prisbasbelopp (kronor)'), '60 500');
  await choose(form, 'Avrundning av belopp från andelar', 'Jämna tiotal kronor');
  await press(form.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: `Tabellen för ${YEAR + 1} är sparad.` })).toBeVisible();
  const next = page.getByRole('region', { name: String(YEAR + 1), exact: true });
  await expect(next.getByText('60\u00a0500\u00a0kr')).toBeVisible();
  await expect(next.getByRole('row').filter({ hasText: 'Nivå 2' })).toBeVisible();
  await expectAccessible(page, 'rates page with next year');
  await signOut(page);
});

test('kontaktsekreterare records a contact and writes a genomförandeplan in two versions', async ({ page }, testInfo) => {
  await signIn(page, 'kontaktsekreterare');
  // A contact with an approved contact person.
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kontaktpersoner', exact: true }));
  await expect(page).toHaveTitle('Kontaktpersoner – Kontakt');
  await page.getByRole('link', { name: 'David Demolund' }).click();
  await expect(page).toHaveTitle('David Demolund – Kontakt');
  const contacts = page.getByRole('region', { name: 'Kontakter' });
  await expect(contacts).toBeVisible();
  const form = contacts.getByRole('form', { name: 'Registrera kontakt' });
  await choose(form, 'Hur hade ni kontakt?', 'Telefon');
  const note = `Pratade om hösten (${Date.now() % 100000}). Allt går bra.`;
  await typeInto(form.getByLabel('Anteckning'), note);
  await press(form.getByRole('button', { name: 'Registrera kontakt' }));
  await expect(page.getByRole('status').filter({ hasText: 'Kontakten är registrerad.' })).toBeVisible();
  await expect(contacts.getByRole('row').filter({ hasText: note })).toContainText('Telefon');
  await expect(contacts.getByText(`Senaste kontakt: ${today()}.`)).toBeVisible();
  await expectAccessible(page, 'contact person page with contacts');

  // A genomförandeplan for a running assignment (the demo's executed one, sent to payroll), from its contact
  // person's page. Which contact person the demo matched comes from the notices the coordinator may read.
  const notices = await page.request.get('/api/payroll-notices');
  expect(notices.status()).toBe(200);
  const cpName: string = (await notices.json()).items[0].contactPerson.name;
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Kontaktpersoner' }));
  await page.getByRole('link', { name: cpName }).click();
  await expect(page).toHaveTitle(`${cpName} – Kontakt`);
  // The one sent to payroll (other specs may have given this contact person more assignments on the same data).
  const assignment = page.getByRole('region', { name: 'Uppdrag' }).getByRole('row').filter({ hasText: 'Pågår' }).filter({ hasText: 'Skickade till lön' }).first();
  await expect(assignment).toBeVisible();
  await press(assignment.getByRole('link', { name: /^Genomförandeplan för uppdraget med/ }));
  await expect(page).toHaveTitle('Genomförandeplan – Kontakt');
  await expect(page.getByRole('region', { name: 'Det här står i beslutet' })).toBeVisible();
  const caseNumber = (await page.locator('.lead, p').filter({ hasText: /ärende KP-/ }).first().textContent())!.match(/KP-\d{4}-\d{4}/)![0];
  const write = page.getByRole('form', { name: /Skriv (planen|en ny version)/ });
  const first = !(await page.getByRole('region', { name: /Gällande plan \(version/ }).count());
  await typeInto(write.getByLabel('Vad vill personen nå? (mål 1)'), 'Komma ut och träffa andra en gång i veckan.');
  await typeInto(write.getByLabel('Aktiviteter'), 'Promenader och fika.');
  await typeInto(write.getByLabel('Hur ofta och när'), 'Tisdagar efter skolan.');
  await press(write.getByRole('button', { name: first ? 'Spara planen' : 'Spara ny version' }));
  const v1 = (await page.getByRole('status').filter({ hasText: /sparad som version \d+/ }).textContent())!.match(/version (\d+)/)![1];
  // The second version, from the first.
  const write2 = page.getByRole('form', { name: 'Skriv en ny version' });
  await expect(write2.getByLabel('Aktiviteter')).toHaveValue('Promenader och fika.');
  await press(write2.getByRole('button', { name: 'Lägg till mål' }));
  await typeInto(write2.getByLabel('Vad vill personen nå? (mål 2)'), 'Prova på att simma.');
  await typeInto(write2.getByLabel('Aktiviteter'), 'Promenader, fika och simning.');
  await press(write2.getByRole('button', { name: 'Spara ny version' }));
  const v2 = String(Number(v1) + 1);
  await expect(page.getByRole('status').filter({ hasText: `sparad som version ${v2}` })).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versioner' });
  await expect(versions.getByRole('row').filter({ hasText: `Version ${v1}` })).toBeVisible();
  await expectAccessible(page, 'plan page with versions');
  await press(versions.getByRole('button', { name: `Visa version ${v1}` }));
  await expect(page.getByRole('heading', { name: `Version ${v1}`, exact: true })).toBeVisible();
  for (const [v, text] of [
    [v1, 'Promenader och fika.'],
    [v2, 'Prova på att simma.'],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), press(versions.getByRole('link', { name: `Hämta version ${v} som PDF` }))]);
    const file = testInfo.outputPath(`plan-v${v}.pdf`);
    await download.saveAs(file);
    const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Genomförandeplan');
    expect(pdf).toContain(caseNumber);
    expect(pdf).toContain(text);
  }
  await signOut(page);
});

test('lön sees the anställningsuppgifter and downloads them as CSV for Excel', async ({ page }, testInfo) => {
  await signIn(page, 'lon', { keyboard: true });
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Anställningsuppgifter', exact: true }));
  await expect(page).toHaveTitle('Anställningsuppgifter – Kontakt');
  const month = today().slice(0, 7);
  const table = page.getByRole('grid', { name: `Anställningsuppgifter ${month}` }).or(page.getByRole('table', { name: `Anställningsuppgifter ${month}` }));
  const row = table.getByRole('row').filter({ hasText: 'Nivå 1' }).first();
  await expect(row).toContainText(/KP-\d{4}-\d{4}/);
  await expect(row).toContainText('kr');
  await expectAccessible(page, 'payroll notices page');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: `Hämta ${month} som CSV för Excel` }))]);
  const csvPath = testInfo.outputPath('anstallningsuppgifter.csv');
  await csvDownload.saveAs(csvPath);
  const bytes = fs.readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, first] = bytes.toString('utf8').slice(1).split('\r\n');
  expect(header.split(';')).toEqual(expect.arrayContaining(['Kontaktperson', 'Personnummer', 'Nivå', 'Arvode per månad (kr)', 'Omkostnad per månad (kr)', 'Kontonummer']));
  expect(first.split(';').length).toBe(header.split(';').length);
  expect(first).toMatch(/;\d+,\d{2};\d+,\d{2};/);
  const [pdf] = await Promise.all([page.waitForEvent('download'), press(row.getByRole('link', { name: /som PDF$/ }))]);
  const pdfPath = testInfo.outputPath('notice.pdf');
  await pdf.saveAs(pdfPath);
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })).toContain('Anställningsuppgifter för kontaktperson');
  await signOut(page);
});
