// The payroll month end to end on the demo data: lön sets the lönearter and lets arvode be paid while the monthly
// report is missing, opens the month of the demo's executed assignment (sent to payroll by the demo), sees its line,
// locks the month and downloads the payroll file as CSV for Excel (content checked); then the internal control list,
// for lön and the enhetschef. Keyboard; axe on every page. Other specs share the data: the month may already be
// locked by another journey, and then this one only reads and downloads it.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, expectAccessible, press, signIn, signOut, typeInto } from './helpers';

test.describe.configure({ mode: 'serial' });

const NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const monthName = (m: string) => `${NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
/** "1 234,50 kr" (non-breaking spaces) as the file writes it: "1234,50". */
const fileAmount = (shown: string) => {
  // The cell also holds its column's name (shown on a phone): take the amount.
  const t = (/−?\d[\d\s\u00a0]*(,\d{2})?\s*kr/.exec(shown)?.[0] ?? shown).replace(/[\s\u00a0]|kr/g, '').replace('−', '-');
  return t.includes(',') ? t : `${t},00`;
};

test('lön opens the month, locks it and downloads the payroll file', async ({ page }, testInfo) => {
  await signIn(page, 'lon', { keyboard: true });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  // The demo's executed assignment, sent to payroll (other specs may add more notices).
  // Asked from the page itself (its session cookie is SameSite=Strict).
  const answer = await page.evaluate(async () => {
    const r = await fetch('/api/payroll-notices');
    return { status: r.status, body: await r.json() };
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const notices = answer.body.items as {
    caseNumber: string;
    startDate: string;
    contactPerson: { name: string; identityNumber: string };
  }[];
  expect(notices.length).toBeGreaterThan(0);
  const notice = [...notices].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
  const month = notice.startDate.slice(0, 7);
  const [first, ...rest] = notice.contactPerson.name.split(' ');
  const fileName = `${rest.join(' ')}, ${first}`;

  // Settings: lönearter, and arvode paid even while the report is missing (the demo has no report for the month).
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Lönemånad', exact: true }));
  await expect(page).toHaveTitle('Lönemånad – Kontakt');
  await press(page.getByRole('link', { name: 'Löneinställningar' }));
  await expect(page).toHaveTitle('Löneinställningar – Kontakt');
  await expectAccessible(page, 'payroll settings page');
  await choose(page, 'När månadsrapporten saknas eller inte är godkänd', 'Betala arvodet ändå, vänta med omkostnad och utlägg');
  await typeInto(page.getByLabel('Löneart för arvode'), '1101');
  await press(page.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('status').filter({ hasText: 'Löneinställningarna är sparade.' })).toBeVisible();

  await page.goto(`/lon/manad?month=${month}`);
  await expect(page).toHaveTitle('Lönemånad – Kontakt');
  await expect(page.getByLabel('Månad', { exact: true })).toHaveValue(month);
  const open = page.getByRole('button', { name: `Öppna ${monthName(month)}` });
  const status = page.getByRole('region', { name: new RegExp(`^${monthName(month)}: `) });
  await expect(status).toBeVisible();
  if (await open.isVisible()) {
    await expectAccessible(page, 'payroll month, not opened');
    await press(open);
    await expect(page.getByRole('status').filter({ hasText: `${monthName(month)} är öppnad.` })).toBeVisible();
  }
  const lines = page.getByRole('grid', { name: `Rader ${monthName(month)}` }).or(page.getByRole('table', { name: `Rader ${monthName(month)}` }));
  const row = lines.getByRole('row').filter({ hasText: notice.caseNumber }).first();
  await expect(row).toContainText(notice.contactPerson.identityNumber);
  await expectAccessible(page, 'payroll month, open');
  const arvodeShown = (await row.getByRole('gridcell').nth(1).textContent()) ?? '';
  const lock = page.getByRole('button', { name: `Lås ${monthName(month)}` });
  if (await lock.isVisible()) {
    await press(lock);
    await expect(page.getByRole('status').filter({ hasText: `${monthName(month)} är låst.` })).toBeVisible();
  }
  await expect(status).toContainText('Låst');
  await expectAccessible(page, 'payroll month, locked');

  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Hämta lönefilen som CSV för Excel' }))]);
  expect(download.suggestedFilename()).toBe(`lon-${month}.csv`);
  const csvPath = testInfo.outputPath('lonefil.csv');
  await download.saveAs(csvPath);
  const bytes = fs.readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = text.slice(0, -2).split('\r\n');
  expect(header).toBe('Personnummer;Namn;Uppdrag;Nivå;Arvode;Omkostnad;Extra utlägg;Löneart arvode;Löneart omkostnad;Löneart utlägg;Kostnadsställe;Avser månad;Typ');
  const line = rows.map((r) => r.split(';')).find((f) => f[2] === notice.caseNumber);
  expect(line, `the file has the line of ${notice.caseNumber}`).toBeDefined();
  const f = line as string[];
  expect(f).toHaveLength(13);
  expect(f.slice(0, 2)).toEqual([notice.contactPerson.identityNumber, fileName]);
  expect(f[3]).toMatch(/^Nivå \d$/);
  expect(f[4]).toMatch(/^[1-9]\d*,\d{2}$/);
  expect(f[4]).toBe(fileAmount(arvodeShown));
  // No approved report: the omkostnad and expenses wait (unless another journey had it approved).
  expect(f[5]).toMatch(/^\d+,\d{2}$/);
  expect(f[7]).toBe('1101');
  expect(f.slice(11)).toEqual([month, 'Ordinarie']);
  // The export is logged and the same file comes back byte for byte.
  await page.reload();
  await expect(page.getByRole('grid', { name: `Hämtade lönefiler ${monthName(month)}` }).or(page.getByRole('table', { name: `Hämtade lönefiler ${monthName(month)}` }))).toContainText('CSV');
  const again = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), `/api/payroll/months/${month}/export.csv`);
  expect(Buffer.from(again).equals(bytes)).toBe(true);
  await signOut(page);
});

test('the internal control list: lön reviews a change, the enhetschef sees the list', async ({ page }) => {
  await signIn(page, 'lon');
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Intern kontroll', exact: true }));
  await expect(page).toHaveTitle('Intern kontroll av utbetalningar – Kontakt');
  const list = page.getByRole('grid', { name: 'Ändringar av betalningsuppgifter' }).or(page.getByRole('table', { name: 'Ändringar av betalningsuppgifter' }));
  await expect(list).toContainText('Arvodestabell');
  await expectAccessible(page, 'internal control');
  const review = list.getByRole('button', { name: /^Markera som granskad/ }).first();
  await press(review);
  await expect(page.getByRole('status').filter({ hasText: 'Ändringen är markerad som granskad.' })).toBeVisible();
  await page.getByLabel('Vilka ändringar').selectOption('all');
  await expect(list).toContainText('Granskad');
  await expectAccessible(page, 'internal control, all');
  await signOut(page);

  await signIn(page, 'enhetschef');
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Intern kontroll', exact: true }));
  await expect(page).toHaveTitle('Intern kontroll av utbetalningar – Kontakt');
  await expectAccessible(page, 'internal control for the enhetschef');
  await signOut(page);
});
