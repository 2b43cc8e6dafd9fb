// The IVO report of unexecuted decisions end to end on the demo data (issue 13 item 1): the enhetschef opens the
// quarter to report now (the last one that has ended), reviews the list and each sheet, writes the consequences,
// marks every report submitted — the quarter is then locked — and downloads the quarter as CSV (content checked).
// The demo's LSS decision of a year ago without an executed insats is in the list. Keyboard; axe on the page.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, typeInto, openFromMenu } from './helpers';

test.describe.configure({ mode: 'serial' });

const SLOW = { timeout: 30_000 };

test('the enhetschef reviews the quarter, fills in consequences, marks the reports submitted, exports and the quarter is frozen', async ({ page }, testInfo) => {
  await signIn(page, 'enhetschef', { keyboard: true });
  await openFromMenu(page, 'Ej verkställda beslut', 'Tillsyn');
  await expect(page).toHaveTitle('Ej verkställda beslut – Kontakt');
  const table = page.getByRole('grid', { name: /^Rapporter för \d{4}-Q[1-4]$/ });
  // The quarter is computed from the whole record on first read: room for a busy machine.
  await expect(table).toBeVisible({ timeout: 60_000 });
  const quarter = ((await table.getAttribute('aria-label')) ?? '').replace('Rapporter för ', '');
  await expectAccessible(page, 'IVO quarter page');
  // Maja Ekström's decision of a year ago (the demo) has not been executed within three months.
  await expect(table.getByRole('row').filter({ hasText: 'Maja Ekström' })).toBeVisible();
  const cases = (await table.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
  expect(cases.length).toBeGreaterThan(0);

  // Each sheet: consequences written, then marked submitted (the form suggests today's date).
  for (const [i, caseNumber] of cases.entries()) {
    const sheet = page.getByRole('region', { name: `Rapport ${i + 1}: ärende ${caseNumber}` });
    await expect(sheet.getByRole('button', { name: 'Kopiera beslutsdatum' })).toBeVisible();
    const consequences = sheet.getByRole('form', { name: `Konsekvenser, ärende ${caseNumber}` });
    if (await consequences.isVisible()) {
      await typeInto(consequences.getByLabel('Konsekvenser för den enskilde'), `Väntan gör att personen är ensam på fritiden (${caseNumber}).`);
      await press(consequences.getByRole('button', { name: 'Spara konsekvenserna' }));
      await expect(page.getByRole('status').filter({ hasText: `Konsekvenserna för ärende ${caseNumber} är sparade.` })).toBeVisible(SLOW);
    }
    const submit = sheet.getByRole('form', { name: `Markera inrapporterad, ärende ${caseNumber}` });
    await press(submit.getByRole('button', { name: 'Markera som inrapporterad' }));
    await expect(page.getByRole('status').filter({ hasText: i === cases.length - 1 ? 'kvartalet är låst' : `Rapporten för ärende ${caseNumber} är markerad som inrapporterad.` })).toBeVisible(SLOW);
  }
  await expect(page.getByText('Kvartalet är låst', { exact: true })).toBeVisible(SLOW);
  await expect(page.getByRole('form', { name: /^Konsekvenser, ärende/ })).toHaveCount(0);
  await expectAccessible(page, 'IVO quarter page, frozen');

  // The quarter as CSV: the header, one line per report with its consequences and today's submission date.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Rapporterna som CSV' }).click();
  const file = testInfo.outputPath('ivo.csv');
  await (await download).saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFFPeriod;Rapport;Enhet;Ärende;Personnummer;Insats;Lagrum;Beslutsdatum;')).toBe(true);
  const lines = text.trimEnd().split('\r\n').slice(1);
  expect(lines).toHaveLength(cases.length);
  const todayStr = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  for (const caseNumber of cases) {
    const line = lines.find((l) => l.includes(`;${caseNumber};`));
    expect(line, caseNumber).toBeDefined();
    expect(line).toMatch(new RegExp(`^${quarter};(Första|Uppföljande) rapport;LSS-enheten;`));
    expect(line).toContain(`Väntan gör att personen är ensam på fritiden (${caseNumber}).`);
    expect(line?.endsWith(`;${todayStr}`)).toBe(true);
  }

  // Frozen: the same file again, byte for byte.
  const again = await page.evaluate(async (q) => {
    const r = await fetch(`/api/ivo/quarters/${q}/export.csv`);
    return { sha: r.headers.get('x-content-sha256'), text: await r.text() };
  }, quarter);
  expect(again.text.replace(/^\uFEFF/, '')).toBe(text.replace(/^\uFEFF/, ''));
});
