// Issue 13 items 6 and 7 on the demo data, as the enhetschef and by keyboard, axe on every page: the disposal dry
// run (the demo's records are all recent, so nothing would go) and its line in the log; a case moved from the
// handläggare to the enhetschef; the demo's person registered twice merged into one, the other hidden from search.
import { expect, test } from '@playwright/test';
import { acknowledgedCase, expectAccessible, press, signIn, signOut, typeInto, openFromMenu } from './helpers';

test.describe.configure({ mode: 'serial' });

/** Pick an option of a react-aria select by keyboard: open it, type the start of the label, Enter. */
async function pick(page: import('@playwright/test').Page, label: string, option: string) {
  const button = page.getByRole('button', { name: new RegExp(`^(Välj )?${label}`) }).first();
  await button.focus();
  await button.press('Enter');
  const opt = page.getByRole('option', { name: option });
  await expect(opt).toBeVisible();
  await opt.focus();
  await opt.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test('the enhetschef dry-runs disposal and sees it in the log', async ({ page }) => {
  await signIn(page, 'enhetschef', { keyboard: true });
  await openFromMenu(page, 'Gallring', 'Registervård');
  await expect(page).toHaveTitle('Gallring – Kontakt');
  await expect(page.getByRole('rowheader', { name: 'Avslutade ärenden (personakt)' })).toBeVisible();
  await expectAccessible(page, 'disposal page');
  await press(page.getByRole('button', { name: 'Provkör gallring' }));
  await expect(page.getByText('Provkörning: 0 ärenden och 0 personer skulle tas bort.')).toBeVisible();
  // Nothing would go, so there is nothing to run.
  await expect(page.getByRole('button', { name: 'Gallra nu' })).toHaveCount(0);
  const log = page.getByRole('grid', { name: 'Körningar av gallring' });
  await expect(log.getByRole('row').filter({ hasText: 'Provkörning' }).filter({ hasText: 'Elin Sjö' }).first()).toBeVisible();
  await expectAccessible(page, 'disposal page after a dry run');

  // A rule: the form says what is wrong in Swedish, and saves.
  const form = page.getByRole('form', { name: 'Regel: Avslutade ärenden (personakt)' });
  await typeInto(form.getByLabel('År efter sista anteckningen'), '0');
  await press(form.getByRole('button', { name: 'Spara regeln' }));
  await expect(page.getByText('Talet måste vara minst 1.').first()).toBeVisible();
  await typeInto(form.getByLabel('År efter sista anteckningen'), '5');
  await press(form.getByRole('button', { name: 'Spara regeln' }));
  await expect(page.getByRole('status').filter({ hasText: 'Regeln för avslutade ärenden (personakt) är sparad.' })).toBeVisible();
  await signOut(page);
});

test('the enhetschef moves a case from the handläggare to another', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  const c = await acknowledgedCase(page);
  await signOut(page);

  await signIn(page, 'enhetschef', { keyboard: true });
  await openFromMenu(page, 'Flytta ärenden', 'Registervård');
  await expect(page).toHaveTitle('Flytta ärenden – Kontakt');
  await expectAccessible(page, 'reassign page');
  await pick(page, 'Flytta från', 'Hanna Lind');
  const box = page.getByRole('checkbox', { name: new RegExp(c.caseNumber) });
  await expect(box).toBeVisible();
  await box.focus();
  await box.press('Space');
  await expect(box).toBeChecked();
  await expectAccessible(page, 'reassign page with cases');
  await pick(page, 'Flytta till', 'Elin Sjö');
  await press(page.getByRole('button', { name: 'Flytta ärendena' }));
  await expect(page.getByRole('status').filter({ hasText: `1 ärenden är flyttade till Elin Sjö: ${c.caseNumber}.` })).toBeVisible();
  // The case now names the enhetschef as responsible.
  await page.goto(`/arenden/${c.id}`);
  await expect(page.getByText('Elin Sjö').first()).toBeVisible();
  await signOut(page);
});

test('the enhetschef merges the demo person registered twice', async ({ page }) => {
  await signIn(page, 'enhetschef', { keyboard: true });
  await openFromMenu(page, 'Slå ihop personer', 'Registervård');
  await expect(page).toHaveTitle('Slå ihop personer – Kontakt');
  await expectAccessible(page, 'merge page');
  await typeInto(page.getByLabel('Sök på namn eller nummer'), 'Dubblett');
  await press(page.getByRole('button', { name: 'Sök', exact: true }));
  await pick(page, 'Behåll', 'Dana Dubblett, personnummer');
  await pick(page, 'Slå ihop med och dölj', 'Dana Dubblett, reservnummer RES-DEMO-0001');
  await expectAccessible(page, 'merge page, two chosen');
  await press(page.getByRole('button', { name: 'Slå ihop', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Personerna är ihopslagna. 1 uppgifter' })).toBeVisible();

  // Search now finds one Dana Dubblett, and the kept record has the god man.
  await page.goto('/personer');
  await typeInto(page.getByLabel('Namn eller personnummer'), 'Dubblett');
  await page.keyboard.press('Enter');
  const rows = page.getByRole('row').filter({ hasText: 'Dubblett' });
  await expect(rows).toHaveCount(1);
  await press(rows.getByRole('link').first());
  await expect(page.getByText('Gustav Godeman')).toBeVisible();
  await signOut(page);
});
