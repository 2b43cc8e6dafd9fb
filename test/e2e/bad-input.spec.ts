// Bad input: a Swedish message next to the field, an error summary on top, and nothing saved.
import { expect, test } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, signIn, today } from './helpers';

// Skatteverket's published test personnummer (never assigned to real people), and one with a wrong check digit.
const VALID_NUMBER = '19811218-9876';
const INVALID_NUMBER = '19811218-9877';

test('the test numbers are what we think they are', () => {
  expect(Personnummer.valid(VALID_NUMBER)).toBe(true);
  expect(Personnummer.valid(INVALID_NUMBER)).toBe(false);
});

test('bad input gets a Swedish message next to the field and nothing is saved', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();

  // An invalid personnummer (wrong check digit).
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(INVALID_NUMBER);
  await page.getByLabel('Förnamn').fill('Felix');
  await page.getByLabel('Efternamn').fill('Felsson');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Rätta följande' });
  await expect(summary).toBeFocused();
  const idField = page.getByLabel('Personnummer eller samordningsnummer');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(idField).toHaveAccessibleDescription(/inte ett giltigt personnummer/);
  await expect(page.locator('.field').filter({ has: idField }).locator('.field-error')).toHaveText(/Numret är inte ett giltigt personnummer/);
  await expectAccessible(page, 'person form with errors');
  // The summary links to the field.
  await summary.getByRole('link').first().click();
  await expect(idField).toBeFocused();
  await expect(page).toHaveURL(/\/personer\/ny$/);

  // Nothing was created.
  await page.goto('/personer');
  await page.getByLabel('Namn eller personnummer').fill('Felsson');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Ingen träff/ })).toBeVisible();

  // Correct the number: now the person is registered.
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(VALID_NUMBER);
  await page.getByLabel('Förnamn').fill('Felix');
  await page.getByLabel('Efternamn').fill('Felsson');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Felix Felsson' })).toBeVisible();

  // The same number again is refused as a duplicate, with the API's Swedish message.
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(VALID_NUMBER.replace('-', ''));
  await page.getByLabel('Förnamn').fill('Felix');
  await page.getByLabel('Efternamn').fill('Dubblett');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.getByRole('alert')).toContainText('Det finns redan en person med det numret');
  await expect(page.locator('.field').filter({ has: page.getByLabel('Personnummer eller samordningsnummer') }).locator('.field-error')).toHaveText(/redan en person/);
  await expect(page).toHaveURL(/\/personer\/ny$/);
  await page.goBack();

  // A received date in the future.
  await page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }).click();
  await choose(page, 'Vilken lag gäller ärendet?', /^LSS 9 § 4/);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Vårdnadshavare');
  await choose(page, 'Hur kom ärendet in?', 'E-tjänst');
  const dateField = page.getByLabel('Datum då ärendet kom in');
  await dateField.fill(today(30));
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field').filter({ has: dateField }).locator('.field-error')).toHaveText('Datumet kan inte vara senare än i dag.');
  await expect(page).toHaveURL(/\/arenden\/ny/);
  // A date that is not in the calendar, one in the wrong format, and a year out of range: each says what is wrong.
  const dateError = page.locator('.field').filter({ has: dateField }).locator('.field-error');
  await dateField.fill('2026-02-30');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(dateError).toHaveText('Datumet 2026-02-30 finns inte.');
  await dateField.fill('0001-01-01');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(dateError).toHaveText('Året måste vara 1900 eller senare.');
  await dateField.fill('30/2 2026');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(dateError).toHaveText(/ÅÅÅÅ-MM-DD/);
  await expectAccessible(page, 'request form with errors');
});

test('a samordningsnummer with a date outside the calendar is registered with what is known; a future birth date is refused', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  const number = page.getByLabel('Personnummer eller samordningsnummer');
  // Valid check digit, born 2099: refused by the server, which knows today's date.
  await page.goto('/personer/ny');
  await number.fill('20991231-2395');
  await page.getByLabel('Förnamn').fill('Framtida');
  await page.getByLabel('Efternamn').fill('Person');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.locator('.field').filter({ has: number }).locator('.field-error')).toHaveText(/Födelsedatumet 2099-12-31 ligger i framtiden/);
  // 19790290-2399: day 90 − 60 = 30 February. Skatteverket assigns such numbers; the day is unknown.
  await number.fill('19790290-2399');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Framtida Person' })).toBeVisible();
  await expect(page.getByText('februari 1979 (dagen är okänd)')).toBeVisible();
  await expect(page.getByText(/^\d+ år$|^\d+ eller \d+ år \(födelsedagen är okänd\)$/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('februari 1979 (dagen är okänd)')).toBeVisible();
  await expectAccessible(page, 'person with a partial birth date');
});

test('a wrong password gives a Swedish message', async ({ page }) => {
  await signIn(page, 'handlaggare.lss', { password: 'fel-lösenord', keyboard: true });
  const summary = page.getByRole('alert').filter({ hasText: 'Det gick inte att logga in' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Fel användarnamn eller lösenord.');
  await expect(page).toHaveURL(/\/logga-in/);
  await expectAccessible(page, 'login with error');
});
