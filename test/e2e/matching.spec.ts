// Matching on the demo data: the kontaktsekreterare opens Väntelista (a confirmed order from the orders demo step),
// opens the order's candidates (ranked, with reasons in words), asks "Varför inte?" for the paused demo contact
// person, offers the best candidate and sees the offer on the waiting list; the proposal for the whole waiting list
// lists its pairs. With the keyboard; every page passes an axe scan.
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, typeInto } from './helpers';

test('väntelista → kandidater with reasons → varför inte → erbjud → the offer on the waiting list; the proposal', async ({ page }) => {
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Väntelista', exact: true }));
  await expect(page).toHaveTitle('Väntelista – Kontakt');
  await expect(page.getByRole('heading', { level: 1, name: 'Väntelista' })).toBeVisible();
  const anyRow = page.getByRole('row').filter({ hasText: /KP-/ }).first();
  await expect(anyRow, 'the orders demo step confirms orders in the kontaktsekreterare’s unit').toBeVisible();
  // An order without offers when there is one (the assignments demo step has offered for another).
  const fresh = page.getByRole('row').filter({ hasText: /KP-/ }).filter({ hasText: 'Inga än' });
  const row = (await fresh.count()) > 0 ? fresh.first() : anyRow;
  await expectAccessible(page, 'waiting list');
  const caseNumber = (await row.getByRole('link').first().textContent())!.trim();

  // The proposal for the whole waiting list pairs the order with a free contact person, with reasons; nothing booked.
  await press(page.getByRole('link', { name: 'Förslag för hela väntelistan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Förslag för hela väntelistan' })).toBeVisible();
  await expect(page.getByText(/beslut väntar, \d+ kontaktpersoner har ledig plats/)).toBeVisible();
  const pairs = page.getByRole('grid', { name: 'Föreslagna par' }).or(page.getByRole('table', { name: 'Föreslagna par' }));
  await expect(pairs.getByRole('row').filter({ hasText: caseNumber })).toBeVisible();
  await expectAccessible(page, 'proposal');

  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Väntelista', exact: true }));
  // (A click: the table may take focus back from the link when its data refreshes on return.)
  await page.getByRole('row').filter({ hasText: caseNumber }).getByRole('link', { name: caseNumber }).click();

  // Kandidater: ranked, each with why in words.
  await expect(page.getByRole('heading', { level: 1, name: `Kandidater för ${caseNumber}` })).toBeVisible();
  const first = page.locator('.candidate').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('heading', { level: 3 })).toContainText('poäng');
  await expectAccessible(page, 'candidates');

  // Varför inte? The paused demo contact person.
  await typeInto(page.getByLabel('Kontaktpersonens namn'), 'Demokvist');
  await press(page.getByRole('button', { name: 'Sök', exact: true }));
  await press(page.getByRole('button', { name: 'Varför inte Elsa Demokvist?' }));
  const why = page.locator('.why-not');
  await expect(why).toContainText('Kan inte erbjudas');
  await expect(why).toContainText('pausad');
  await expectAccessible(page, 'why not');

  // Erbjud the best candidate.
  const name = (await first.getByRole('heading', { level: 3 }).textContent())!.replace(/\s*\d+ poäng$/, '').trim();
  await press(first.getByRole('button', { name: `Erbjud ${name}` }));
  await expect(page.getByRole('status').filter({ hasText: 'är erbjuden' })).toBeVisible();

  // The offer on the waiting list.
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Väntelista', exact: true }));
  const same = page.getByRole('row').filter({ hasText: caseNumber });
  await expect(same).toContainText(name);
  await expect(same).toContainText('Inget svar än');
});
