// The administrator configures the contact-person register without a code change: the settings (a requirement's
// validity, reminder days, an interest), the districts (add, rename) and a new version of the registerkontroll
// rule. Every page passes an axe scan; the settings are put back as they were.
import { expect, test } from '@playwright/test';
import { expectAccessible, press, signIn, typeInto, openFromMenu } from './helpers';

const SUFFIX = String(Date.now() % 100000);

test('the administrator changes the register settings, a district and the registerkontroll rule', async ({ page }) => {
  await signIn(page, 'admin');
  await openFromMenu(page, 'Kontaktpersonsregistret', 'Administration');
  await expect(page).toHaveTitle('Inställningar för kontaktpersoner – Kontakt');
  await expectAccessible(page, 'register settings');

  const days = page.getByRole('textbox', { name: 'Påminn om krav som går ut inom (dagar)' });
  const before = await days.inputValue();
  const interests = page.getByRole('textbox', { name: 'Intressen att välja bland' });
  const interestsBefore = await interests.inputValue();
  // A bad number is refused on its field, in Swedish.
  await typeInto(days, 'trettio');
  await press(page.getByRole('button', { name: 'Spara inställningarna' }));
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectAccessible(page, 'register settings with an error');
  await typeInto(days, '45');
  await typeInto(interests, `${interestsBefore}\nschack${SUFFIX} = Schack`);
  await press(page.getByRole('button', { name: 'Spara inställningarna' }));
  await expect(page.getByText('Inställningarna för kontaktpersoner är sparade.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Påminn om krav som går ut inom (dagar)' })).toHaveValue('45');
  await expect(page.getByRole('textbox', { name: 'Intressen att välja bland' })).toHaveValue(new RegExp(`schack${SUFFIX} = Schack`));
  // Put them back.
  await typeInto(page.getByRole('textbox', { name: 'Påminn om krav som går ut inom (dagar)' }), before);
  await typeInto(page.getByRole('textbox', { name: 'Intressen att välja bland' }), interestsBefore);
  await press(page.getByRole('button', { name: 'Spara inställningarna' }));
  await expect(page.getByText('Inställningarna för kontaktpersoner är sparade.')).toBeVisible();

  // Districts: add one, then rename it in the dialog.
  await press(page.getByRole('link', { name: 'Områden för kontaktpersoner' }));
  await expect(page).toHaveTitle('Områden för kontaktpersoner – Kontakt');
  await expectAccessible(page, 'districts');
  await press(page.getByRole('button', { name: 'Lägg till område' }));
  const form = page.getByRole('form', { name: 'Lägg till område' });
  await typeInto(form.getByRole('textbox', { name: 'Namn' }), `Norrdal ${SUFFIX}`);
  await press(form.getByRole('button', { name: 'Spara' }));
  await expect(page.getByText(`Området Norrdal ${SUFFIX} är sparat.`)).toBeVisible();
  await press(page.getByRole('button', { name: `Ändra Norrdal ${SUFFIX}` }));
  const dialog = page.getByRole('dialog', { name: `Ändra Norrdal ${SUFFIX}` });
  await expectAccessible(page, 'district dialog');
  await typeInto(dialog.getByRole('textbox', { name: 'Namn' }), `Norrdalen ${SUFFIX}`);
  await press(dialog.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('rowheader', { name: `Norrdalen ${SUFFIX}` })).toBeVisible();

  // The registerkontroll rule: a new version far ahead (closes the open one the day before it).
  await page.goto('/admin/kontaktpersoner/registerkontroll');
  await expect(page).toHaveTitle('Regler för registerkontroll – Kontakt');
  await expectAccessible(page, 'check rules');
  const n = Date.now();
  const from = `20${60 + (n % 40)}-${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(n / 480) % 28)).padStart(2, '0')}`;
  const rule = page.getByRole('form', { name: 'Lägg till en version av regeln för registerkontroll' });
  await typeInto(rule.getByRole('textbox', { name: 'Utdraget får vara högst (månader)' }), '6');
  await typeInto(rule.getByLabel('Gäller från'), from);
  await press(rule.getByRole('button', { name: 'Lägg till versionen' }));
  await expect(page.getByText(`Regeln från ${from} är sparad.`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `${from} – tills vidare` })).toContainText('6 månader');
  await expectAccessible(page, 'check rules after adding');
});
