// Skyddad identitet: the address and contact details are hidden from a kontaktsekreterare.
import { expect, test } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, signIn, signOut, tick } from './helpers';

// Skatteverket's published test personnummer (never assigned to real people).
const PROTECTED_NUMBER = '20001017-2385';

test('the test number is valid', () => {
  expect(Personnummer.valid(PROTECTED_NUMBER)).toBe(true);
});

test('a protected identity’s address is hidden from the kontaktsekreterare', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await page.goto('/personer/ny');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(PROTECTED_NUMBER);
  await page.getByLabel('Förnamn').fill('Signe');
  await page.getByLabel('Efternamn').fill('Skyddadsson');
  await tick(page, 'Personen har skyddad identitet');
  await page.getByLabel('Gatuadress').fill('Hemliga vägen 7');
  await page.getByLabel('Postnummer').fill('54321');
  await page.getByLabel('Ort').fill('Gömby');
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signe Skyddadsson' })).toBeVisible();
  // The responsible handläggare still sees the address.
  await expect(page.getByText('Hemliga vägen 7')).toBeVisible();
  await expect(page.locator('.page-tags').getByText('Skyddad identitet')).toBeVisible();

  await page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }).click();
  await choose(page, 'Vilken lag gäller ärendet?', /^LSS 9 § 4/);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Den enskilde själv');
  await choose(page, 'Hur kom ärendet in?', 'Brev');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ärende / })).toBeVisible();
  await signOut(page);

  await signIn(page, 'kontaktsekreterare');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Karin' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('link', { name: 'Registrera ny person' })).toHaveCount(0);
  await page.getByLabel('Namn eller personnummer').fill(PROTECTED_NUMBER);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Skyddadsson' });
  await expect(row).toBeVisible();
  await expect(row.getByText('Skyddad identitet')).toBeVisible();
  await expectAccessible(page, 'search result with protected person');
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Signe Skyddadsson' })).toBeVisible();
  await expect(page.getByText('Skyddad identitet – adress och kontaktuppgifter visas inte.')).toBeVisible();
  await expect(page.getByText('Hemliga vägen')).toHaveCount(0);
  await expect(page.getByText('Gömby')).toHaveCount(0);
  await expect(page.getByText('54321')).toHaveCount(0);
  await expect(page.getByText('543 21')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' })).toHaveCount(0);
  await expectAccessible(page, 'protected person for kontaktsekreterare');
});
