// Översikt and Försenat (issue 13 items 2, 3): the enhetschef opens the dashboard from the menu with the keyboard,
// filters by legal route and period, downloads a chart's CSV (content checked against the table beside the chart),
// then opens the overdue list and follows an item to where it is fixed. axe on every page.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, openFromMenu, press, signIn, today, typeInto } from './helpers';

test('the enhetschef reads the key figures, filters, downloads a CSV and opens the overdue list', async ({ page }, testInfo) => {
  await signIn(page, 'enhetschef', { keyboard: true });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await openFromMenu(page, 'Översikt', 'Tillsyn');
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  // Every chart is an image with a text alternative, and a table of the same figures beside it.
  const requests = page.getByRole('region', { name: 'Ansökningar och aktualiseringar per månad' });
  await expect(requests.getByRole('img', { name: /Ansökningar och aktualiseringar per månad/ })).toBeVisible();
  await expect(requests.getByRole('table')).toBeVisible();
  await expect(page.locator('main svg[role="img"]')).toHaveCount(8);
  await expectAccessible(page, 'Översikt');

  // Filter: LSS, from the first of this month a year ago to today (typed, then Enter from the last field).
  const from = `${Number(today().slice(0, 4)) - 1}-${today().slice(5, 7)}-01`;
  await page.getByRole('button', { name: /Lagrum/ }).click();
  await page.getByRole('option', { name: 'LSS' }).click();
  await typeInto(page.getByRole('textbox', { name: /Från och med/ }), from);
  await typeInto(page.getByRole('textbox', { name: /Till och med/ }), today());
  await page.getByRole('textbox', { name: /Till och med/ }).press('Enter');
  await expect(page.getByText(`LSS-enheten, LSS, ${from}–${today()}.`)).toBeVisible();
  const rows = requests.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(14); // header + 13 months

  // The table's figures, then the CSV of the same chart.
  const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
  const [download] = await Promise.all([page.waitForEvent('download'), press(requests.getByRole('button', { name: /Ladda ner ansökningar och aktualiseringar per månad som CSV-fil/ }))]);
  expect(download.suggestedFilename()).toBe(`arenden-per-manad-${from}-${today()}.csv`);
  const csvPath = testInfo.outputPath('arenden.csv');
  await download.saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv.startsWith('\uFEFFMånad;Antal ärenden\r\n')).toBe(true);
  expect(csv.slice(1).trimEnd().split('\r\n').slice(1)).toEqual(cells.map((c) => c.join(';')));
  // The demo has LSS cases received this year: the file is not all zeros.
  expect(cells.some((c) => Number(c[1]) > 0)).toBe(true);

  // A period ending before it starts is refused in Swedish, next to the field.
  await typeInto(page.getByRole('textbox', { name: /Till och med/ }), '2020-01-01');
  await page.getByRole('button', { name: 'Visa nyckeltal' }).click();
  await expect(page.getByText('Slutdatum kan inte vara före startdatum.').first()).toBeVisible();

  // Försenat, from the link on the page.
  await press(page.getByRole('link', { name: 'Försenat: allt som har passerat en tidsgräns' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Försenat' })).toBeVisible();
  for (const title of ['Ansökningar som inte bekräftats i tid', 'Beställningar som utföraren inte bekräftat i tid', 'Uppföljningar som ska göras', 'Månadsrapporter som inte lämnats in']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
  }
  await expectAccessible(page, 'Försenat');
  // Every item links to where it is fixed: follow the first one, if the demo has any.
  const first = page.locator('.overdue-list a').first();
  if ((await page.locator('.overdue-list a').count()) > 0) {
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/(arenden|uppdrag|kontaktpersoner)\//);
    await press(first);
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  }
});

test('a handläggare sees the unit’s figures but has no LSS statistics link; lön has no Översikt', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await page.goto('/oversikt');
  await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Enhet/ })).toHaveCount(0);
  await page.goto('/oversikt/lss-statistik');
  await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toHaveCount(0);
});
