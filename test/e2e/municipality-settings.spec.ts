// The administrator edits the municipality's routine lists on "Kommunens uppgifter": a scope level is added (a
// missing number is refused in Swedish next to its field), saved, seen by the decisions, and removed again; the
// SoL criteria show the standard list. Keyboard and axe.
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, typeInto } from './helpers';

test('the administrator adds and removes a scope level; a missing number gets a Swedish error', async ({ page }) => {
  await signIn(page, 'admin', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await page.goto('/admin/kommun');
  await expect(page).toHaveTitle('Kommunens uppgifter – Kontakt');
  const criteria = page.getByRole('group', { name: 'Kommunens kriterier för kontaktperson enligt SoL' });
  await expect(criteria.getByRole('group', { name: 'Kriterium 1' }).getByLabel('Kod')).not.toHaveValue('');
  await expectAccessible(page, 'municipality settings with the routine lists');

  const levels = page.getByRole('group', { name: 'Nivåer för omfattning' });
  await press(levels.getByRole('button', { name: 'Lägg till en nivå' }));
  const level = levels.getByRole('group', { name: 'Nivå 1' });
  await typeInto(level.getByLabel('Kod'), 'N1');
  await typeInto(level.getByLabel('Namn'), 'Nivå 1');
  await typeInto(level.getByLabel('Timmar i veckan'), '2');
  await typeInto(level.getByLabel('Tillfällen i veckan, minst'), '1');
  await press(page.getByRole('button', { name: 'Spara kommunens uppgifter' }));
  await expect(level.getByText('Skriv ett tal.')).toBeVisible();
  await expectAccessible(page, 'a scope level with a missing number');

  await typeInto(level.getByLabel('Tillfällen i veckan, högst'), '2');
  await press(page.getByRole('button', { name: 'Spara kommunens uppgifter' }));
  await expect(page.getByText('Kommunens uppgifter är sparade.')).toBeVisible();
  const saved = await (await page.request.get('/api/admin/municipality')).json();
  expect(saved.scopeLevels).toEqual([{ code: 'N1', label: 'Nivå 1', hoursPerWeek: 2, occasionsPerWeekMin: 1, occasionsPerWeekMax: 2 }]);
  expect(saved.solCriteria.length).toBeGreaterThan(0);

  // Reload: the saved level is there; remove it so other journeys see the demo's routine.
  await page.reload();
  const again = page.getByRole('group', { name: 'Nivåer för omfattning' });
  await expect(again.getByRole('group', { name: 'Nivå 1' }).getByLabel('Kod')).toHaveValue('N1');
  await press(again.getByRole('button', { name: 'Ta bort nivå 1' }));
  await expect(again.getByText('Listan är tom.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Spara kommunens uppgifter' }));
  await expect(page.getByText('Kommunens uppgifter är sparade.')).toBeVisible();
  expect((await (await page.request.get('/api/admin/municipality')).json()).scopeLevels).toEqual([]);
});
