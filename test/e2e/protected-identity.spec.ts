// Skyddad identitet: the address and contact details need the permission for a unit (granted by the
// administrator) and a case of the person in that unit. Registering the person or a case gives neither.
// Demo: handlaggare.lss and enhetschef hold the permission for LSS-enheten; handlaggare.sol and the
// kontaktsekreterare do not.
import { expect, test, type Page } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, signIn, signOut, tick } from './helpers';

// Skatteverket's published test personnummer (never assigned to real people).
const PROTECTED_NUMBER = '20001017-2385';
const HIDDEN = 'Skyddad identitet – adress och kontaktuppgifter visas inte.';

test('the test number is valid', () => {
  expect(Personnummer.valid(PROTECTED_NUMBER)).toBe(true);
});

async function openPerson(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer', exact: true }).click();
  await page.getByLabel('Namn eller personnummer').fill(PROTECTED_NUMBER);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Skyddadsson' });
  await expect(row.getByText('Skyddad identitet')).toBeVisible();
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signe Skyddadsson' })).toBeVisible();
}

async function expectHidden(page: Page) {
  await expect(page.getByText(HIDDEN)).toBeVisible();
  for (const text of ['Hemliga vägen', 'Gömby', '54321', '543 21']) await expect(page.getByText(text)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ändra uppgifter' })).toHaveCount(0);
}

async function registerCase(page: Page, route: RegExp) {
  await page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }).click();
  await choose(page, 'Vilken lag gäller ärendet?', route);
  await choose(page, 'Vem ansökte eller aktualiserade?', 'Den enskilde själv');
  await choose(page, 'Hur kom ärendet in?', 'Brev');
  await page.getByRole('button', { name: 'Registrera ärendet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ärende / })).toBeVisible();
}

test('contact details need the permission and a case in the unit; every reveal is in the log', async ({ page }) => {
  test.slow(); // one journey through four roles
  // A handläggare without the permission registers the person and a case: they see nothing of the address.
  await signIn(page, 'handlaggare.sol');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Samir' })).toBeVisible();
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
  await expect(page.locator('.page-tags').getByText('Skyddad identitet')).toBeVisible();
  await expectHidden(page);
  await registerCase(page, /^Socialtjänstlagen/);
  await openPerson(page);
  await expectHidden(page);
  await expectAccessible(page, 'protected person, case without the permission');
  await signOut(page);

  // With the permission for LSS-enheten but no case there: still nothing. After registering an LSS case: shown.
  await signIn(page, 'handlaggare.lss');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await openPerson(page);
  await expectHidden(page);
  await registerCase(page, /^LSS 9 § 4/);
  await openPerson(page);
  await expect(page.getByText('Hemliga vägen 7')).toBeVisible();
  await expect(page.getByText('Du ser uppgifterna med din behörighet, och varje visning loggas.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra uppgifter' })).toBeVisible();
  await expectAccessible(page, 'protected person with the permission');
  await signOut(page);

  // The kontaktsekreterare (no permission, no cases) sees the flag and nothing else.
  await signIn(page, 'kontaktsekreterare');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Karin' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Registrera ny person' })).toHaveCount(0);
  await page.getByLabel('Namn eller personnummer').fill(PROTECTED_NUMBER);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Skyddadsson' })).toBeVisible();
  await expectAccessible(page, 'search result with protected person');
  await openPerson(page);
  await expectHidden(page);
  await expect(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' })).toHaveCount(0);
  await expectAccessible(page, 'protected person for kontaktsekreterare');
  await signOut(page);

  // Loggkontroll: the revisor finds the reveal by its own event.
  await signIn(page, 'revisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Rolf' })).toBeVisible();
  await page.goto('/loggkontroll');
  await page.getByLabel('Personens personnummer').fill(PROTECTED_NUMBER);
  await page.getByRole('button', { name: /Händelse/ }).click();
  await page.getByRole('option', { name: 'Visade skyddade kontaktuppgifter' }).click();
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  const table = page.getByRole('grid', { name: 'Loggposter' });
  const rows = table.getByRole('row').filter({ hasText: 'Visade skyddade kontaktuppgifter' });
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Hanna Lind' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Samir Berg' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Läste personuppgifter' })).toHaveCount(0);
  await expectAccessible(page, 'loggkontroll filtered on reveals');
});

test('the administrator sees who holds the permission, and grants and revokes it', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Adam' })).toBeVisible();
  await page.goto('/admin/anvandare');
  const table = page.getByRole('grid', { name: 'Användare' });
  await expect(table.getByRole('row').filter({ hasText: 'Hanna Lind' }).getByText('Behörighet: LSS-enheten')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Elin Sjö' }).getByText('Behörighet: LSS-enheten')).toBeVisible();
  const samir = table.getByRole('row').filter({ hasText: 'Samir Berg' });
  await expect(samir.getByText(/^Behörighet:/)).toHaveCount(0);
  await expectAccessible(page, 'users with the permission column');

  await page.getByRole('button', { name: 'Ändra Samir Berg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ändra Samir Berg' });
  await dialog.getByRole('button', { name: 'Ge behörighet i Omsorgsenheten' }).click();
  await expect(dialog.getByText('Samir Berg har nu behörighet till skyddad identitet i Omsorgsenheten.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Ta bort behörigheten i Omsorgsenheten' })).toBeVisible();
  await expect(samir.getByText('Behörighet: Omsorgsenheten')).toBeVisible();
  await expectAccessible(page, 'user dialog with the permission');
  await dialog.getByRole('button', { name: 'Ta bort behörigheten i Omsorgsenheten' }).click();
  await expect(dialog.getByText('Samir Berg har inte längre behörighet till skyddad identitet i Omsorgsenheten.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Ge behörighet i Omsorgsenheten' })).toBeVisible();

  // A role that reads no cases cannot get it.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Ändra Karin Ek' }).click();
  await expect(page.getByRole('dialog', { name: 'Ändra Karin Ek' }).getByText('Användaren kan inte få behörigheten')).toBeVisible();
});
