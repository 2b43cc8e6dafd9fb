// Orders end to end on the demo data: the decisions stage's demo decides cases and the orders demo step sends an
// order for each favourable decision (one overdue, one already confirmed, the rest waiting). The kontaktsekreterare
// sees the inbox (overdue in red on the start page and in the list), opens the overdue order and returns it with a
// question; the handläggare answers from the case page (resending it); the kontaktsekreterare confirms receipt and the
// handläggare sees "Mottagen" on the case page. With the keyboard; every page passes an axe scan.
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

test.describe.configure({ mode: 'serial' });

/** Demo handläggare by display name (src/demo/demo-data.ts). */
const HANDLAGGARE: Record<string, string> = { 'Hanna Lind': 'handlaggare.lss', 'Samir Berg': 'handlaggare.sol' };

test('kontaktsekreterare returns an order with a question, the handläggare answers, the order is confirmed and seen received', async ({ page }) => {
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Karin' })).toBeVisible();
  // The start page: the inbox at a glance, the overdue order in red. (The orders demo step sends its first order a
  // week back when the decision is that old; if the decisions demo has only newer decisions, nothing is overdue.)
  const summary = page.getByRole('region', { name: 'Inkomna beställningar' });
  await expect(summary).toBeVisible();
  const waiting = Number(await summary.locator('.stat-value').first().textContent());
  expect(waiting, 'the demo has orders waiting in the inbox (decisions demo + orders demo step)').toBeGreaterThan(0);
  const overdue = Number(await summary.locator('.stat-value').nth(1).textContent());
  if (overdue > 0) {
    await expect(summary.locator('.stat-danger')).toContainText('inte bekräftade i tid');
    await expect(summary.locator('.warning-list .badge-danger').first()).toContainText('skulle ha bekräftats senast');
  }
  await expectAccessible(page, 'kontaktsekreterare start page');

  // The inbox, from the main menu: oldest first, the overdue one marked.
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beställningar' }));
  await expect(page).toHaveTitle('Inkomna beställningar – Kontakt');
  if (overdue > 0) await expect(page.getByText(/inte bekräftade? i tid/).first()).toBeVisible();
  await expectAccessible(page, 'inbox');
  const row = (overdue > 0 ? page.getByRole('row').filter({ hasText: 'Inte bekräftad i tid' }) : page.getByRole('row').filter({ hasText: /KP-/ })).first();
  const caseNumber = (await row.getByRole('link').textContent())!.trim();
  expect(caseNumber).toMatch(/^KP-\d{4}-\d{4}$/);
  await press(row.getByRole('link', { name: caseNumber }));

  // The order: only what was sent (red when overdue); confirm receipt today.
  await expect(page).toHaveTitle(`Beställning ${caseNumber} – Kontakt`);
  if (overdue > 0) await expect(page.locator('.notice-error')).toContainText('Beställningen är inte bekräftad');
  await expect(page.getByRole('heading', { name: 'Det här behöver kontaktpersonen veta' })).toBeVisible();
  const handlaggare = (await page.locator('.summary-row').filter({ hasText: 'Ärende' }).locator('dd').textContent())!;
  const username = Object.entries(HANDLAGGARE).find(([name]) => handlaggare.includes(name))?.[1];
  expect(username, handlaggare).toBeTruthy();
  await expectAccessible(page, 'order page');

  // Something is unclear: return it with a question (keyboard).
  const ret = page.getByRole('form', { name: 'Återsänd med en fråga' });
  await typeInto(ret.getByLabel('Din fråga till handläggaren'), 'Vilka tider passar personen?');
  await press(ret.getByRole('button', { name: 'Återsänd med fråga' }));
  await expect(page.getByRole('status').filter({ hasText: 'Beställningen är återsänd till handläggaren med din fråga.' })).toBeFocused();
  await expect(page.locator('.summary-row').filter({ hasText: 'Status' })).toContainText('Återsänd med fråga');
  await expectAccessible(page, 'order page (returned)');
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Inkomna beställningar' }));
  await expect(page.getByRole('row').filter({ hasText: caseNumber })).toHaveCount(0);
  await signOut(page);

  // The handläggare: the case is red in "Mina ärenden" while not confirmed in time; the case page shows the question.
  await signIn(page, username!);
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }));
  await expect(page).toHaveTitle('Mina ärenden – Kontakt');
  const caseRow = page.getByRole('row').filter({ hasText: caseNumber });
  if (overdue > 0) await expect(caseRow.locator('.badge-danger')).toContainText('Beställningen är inte bekräftad');
  await press(caseRow.getByRole('link', { name: caseNumber }));
  await expect(page).toHaveTitle(`Ärende ${caseNumber} – Kontakt`);
  const section = page.getByRole('region', { name: 'Beställning' });
  await expect(section.getByText('Utföraren har återsänt beställningen med en fråga')).toBeVisible();
  await expect(section.getByText('Vilka tider passar personen?').first()).toBeVisible();
  await expectAccessible(page, 'case page with returned order');
  const answer = page.getByRole('form', { name: 'Svara utföraren' });
  await typeInto(answer.getByLabel('Ditt svar'), 'Eftermiddagar, helst tisdagar.');
  await press(answer.getByRole('button', { name: 'Svara och skicka igen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Svaret är skickat och beställningen är skickad igen.' })).toBeFocused();
  await expect(section.locator('.summary-row').filter({ hasText: 'Status' })).toContainText('Skickad');
  await expect(section.getByText(`${today()}: Besvarad och skickad igen`)).toBeVisible();
  await signOut(page);

  // Back in the inbox: confirm receipt today.
  await signIn(page, 'kontaktsekreterare');
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beställningar' }));
  await press(page.getByRole('row').filter({ hasText: caseNumber }).getByRole('link', { name: caseNumber }));
  await expect(page).toHaveTitle(`Beställning ${caseNumber} – Kontakt`);
  await expect(page.getByText('Eftermiddagar, helst tisdagar.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Bekräfta att beställningen är mottagen' });
  await expect(form.getByLabel('Datum då beställningen togs emot')).toHaveValue(today());
  await press(form.getByRole('button', { name: 'Bekräfta mottagen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Beställningen är bekräftad som mottagen.' })).toBeFocused();
  await expect(page.locator('.summary-row').filter({ hasText: 'Status' })).toContainText(`Mottagen ${today()}`);
  await expect(page.locator('.notice-error')).toHaveCount(0);
  await expectAccessible(page, 'order page (confirmed)');

  // Gone from the inbox.
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Inkomna beställningar' }));
  await expect(page.getByRole('row').filter({ hasText: caseNumber })).toHaveCount(0);
  await signOut(page);

  // The handläggare opens the case from "Mina ärenden": the order is "Mottagen", no longer red.
  await signIn(page, username!);
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }));
  await expect(page).toHaveTitle('Mina ärenden – Kontakt');
  await expect(page.getByRole('row').filter({ hasText: caseNumber }).locator('.badge-danger')).toHaveCount(0);
  await press(page.getByRole('row').filter({ hasText: caseNumber }).getByRole('link', { name: caseNumber }));
  await expect(page).toHaveTitle(`Ärende ${caseNumber} – Kontakt`);
  await expect(section.locator('.summary-row').filter({ hasText: 'Status' })).toContainText(`Mottagen ${today()}`);
  await expect(page.locator('.page-status')).toContainText('Beställning bekräftad');
  await expectAccessible(page, 'case page with confirmed order');
});
