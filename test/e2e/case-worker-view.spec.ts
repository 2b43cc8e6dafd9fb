// What a case worker (and a revisor) sees: warnings that follow the status, focus on the notice after an action,
// action headings, the status once, relative dates, the search button by its field, "Ingen träff" carrying the
// number into the form, the menu following the breadcrumbs, links only to what the role can open, and every
// table readable on a 390 px phone.
import { expect, test, type Page } from '@playwright/test';
import Personnummer from 'personnummer';
import { choose, expectAccessible, press, signIn, signOut, typeInto, openFromMenu } from './helpers';

const NUMBER = '19870612-1236';
const REFERRAL_STATUS = 'Aktualisering, ingen ansökan ännu';

test.describe.configure({ mode: 'serial' });

test('the test number is valid', () => {
  expect(Personnummer.valid(NUMBER)).toBe(true);
});

let caseUrl = '';

test('a SoL referral: no acknowledgement warning, status once, action headings, notices take focus', async ({ page }) => {
  await signIn(page, 'handlaggare.sol');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer', exact: true }).click();
  await expect(page).toHaveTitle('Sök person – Kontakt');

  // The "Sök" button stands next to its field.
  const field = page.getByLabel('Namn eller personnummer');
  const button = page.getByRole('button', { name: 'Sök', exact: true });
  const f = (await field.boundingBox())!;
  const b = (await button.boundingBox())!;
  expect(b.x - (f.x + f.width)).toBeLessThanOrEqual(24);

  // "Ingen träff" on a number → "registrera en ny person" carries the number into the form (not in the URL).
  await typeInto(field, NUMBER);
  await press(button);
  await expect(page.getByRole('heading', { name: `Ingen träff på ”${NUMBER}”` })).toBeVisible();
  await press(page.getByRole('link', { name: 'registrera en ny person' }));
  await expect(page).toHaveTitle('Registrera ny person – Kontakt');
  await expect(page).not.toHaveURL(/1236/);
  await expect(page.getByLabel('Personnummer eller samordningsnummer')).toHaveValue(NUMBER);
  await typeInto(page.getByLabel('Förnamn'), 'Ester');
  await typeInto(page.getByLabel('Efternamn'), 'Aktualisera');
  await press(page.getByRole('button', { name: 'Registrera person' }));
  await expect(page.getByRole('status').filter({ hasText: 'Ester Aktualisera är registrerad.' })).toBeFocused();

  // A relative refers the person (SoL): a referral.
  await press(page.getByRole('link', { name: 'Registrera ansökan eller aktualisering' }));
  await choose(page, 'Vilken lag gäller ärendet?', /socialtjänstlagen/i);
  await choose(page, 'Vem ansökte eller aktualiserade?', /anhörig/i);
  await typeInto(page.getByLabel(/Namn på den som ansökte/), 'Dottern');
  await choose(page, 'Hur kom ärendet in?', 'Telefon');
  await typeInto(page.getByLabel('Datum då ärendet kom in'), '2026-01-07');
  await press(page.getByRole('button', { name: 'Registrera ärendet' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Ärende / })).toBeVisible();
  caseUrl = new URL(page.url()).pathname;

  // Status once; no "Inte bekräftad … Ansökan kom in" for something that is not an application.
  await expect(page.getByText(REFERRAL_STATUS, { exact: true })).toHaveCount(1);
  await expect(page.locator('.notice-warning')).toHaveCount(0);
  await expect(page.getByText(/Inte bekräftad/)).toHaveCount(0);
  // Action forms are named by the action, not by a fact.
  await expect(page.getByRole('heading', { level: 2, name: 'Registrera ansökan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personen har ansökt' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Byt ansvarig handläggare' })).toHaveCount(0); // handläggare cannot assign
  await expectAccessible(page, 'referral case page');

  // The start page's "needs action" list does not hold it.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
  await expect(page.locator('.loading')).toHaveCount(0);
  const warnings = page.locator('.warning-list');
  if ((await warnings.count()) > 0) await expect(warnings).not.toContainText('Ester Aktualisera');

  // The person applies: focus moves to the notice, the earlier one does not stack.
  await page.goto(caseUrl);
  const app = page.getByRole('form', { name: 'Registrera ansökan' });
  await typeInto(app.getByLabel('Datum för ansökan'), '2026-01-08');
  await press(app.getByRole('button', { name: 'Registrera ansökan' }));
  await expect(page.getByRole('status').filter({ hasText: 'Ansökan är registrerad.' })).toBeFocused();
  await expect(page.getByText(REFERRAL_STATUS)).toHaveCount(0);
  await expect(page.locator('.action-notice')).toHaveCount(1);
  await signOut(page);
});

test('the revisor’s log links to the log for a person, never to a page the role cannot open', async ({ page }) => {
  // The screen-reader label of the demo account uses the right genitive.
  await page.goto('/logga-in');
  await expect(page.getByRole('button', { name: 'Fyll i Rolf Ås uppgifter' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Åss/ })).toHaveCount(0);

  await signIn(page, 'revisor');
  await openFromMenu(page, 'Loggkontroll', 'Tillsyn');
  await typeInto(page.getByLabel(/Personens personnummer/), NUMBER);
  await press(page.getByRole('button', { name: 'Sök i loggen' }));
  const results = page.getByRole('grid', { name: 'Loggposter' });
  await expect(results.getByRole('row').nth(1)).toBeVisible();
  await expect(results.locator('a[href^="/personer/"]')).toHaveCount(0);
  await typeInto(page.getByLabel(/Personens personnummer/), '');
  await press(results.getByRole('button', { name: 'Visa loggen för Ester Aktualisera' }).first());
  await expect(page.getByText('Du saknar behörighet')).toHaveCount(0);
  await expect(page.getByLabel(/Personens personnummer/)).toHaveValue(NUMBER);
  await expect(results.getByRole('row').nth(1)).toContainText('Ester Aktualisera');
  await expectAccessible(page, 'audit log for a person');
  await signOut(page);
});

/** The page is no wider than the screen, and every table cell's content lies inside it. */
async function expectFitsPhone(page: Page, what: string) {
  await expect(page.locator('.loading')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('table td, table [role=gridcell], table [role=rowheader]')]
      .filter((td) => {
        const r = td.getBoundingClientRect();
        const style = getComputedStyle(td);
        return style.display === 'none' || style.visibility === 'hidden' || r.width === 0 || r.right > window.innerWidth + 0.5 || r.left < -0.5;
      })
      .map((td) => td.textContent),
  );
  expect(outside, `${what}: cells not fully visible`).toEqual([]);
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every table is readable: stacked rows, each cell labelled, nothing cut off', async ({ page }, testInfo) => {
    await page.goto('/logga-in');
    await expectFitsPhone(page, 'login (demo accounts)');

    await signIn(page, 'enhetschef');
    await expect(page.getByRole('heading', { level: 1, name: /Välkommen/ })).toBeVisible();
    await page.goto('/arenden?omfang=enhet');
    await expect(page.getByRole('grid', { name: 'Enhetens ärenden' })).toBeVisible();
    const firstRow = page.getByRole('grid', { name: 'Enhetens ärenden' }).getByRole('row').nth(1);
    // Each cell carries its column's name on a phone.
    for (const label of ['Ärende', 'Person', 'Ansvarig', 'Lag', 'Inkom', 'Status', 'Varningar']) {
      await expect(firstRow.locator('.td-label', { hasText: label }).first()).toBeVisible();
    }
    await expectFitsPhone(page, 'case list');
    await page.screenshot({ path: testInfo.outputPath('case-list-390.png'), fullPage: true });

    await page.goto('/personer');
    await typeInto(page.getByLabel('Namn eller personnummer'), 'Aktualisera');
    await press(page.getByRole('button', { name: 'Sök', exact: true }));
    await expect(page.getByRole('grid', { name: 'Sökresultat' })).toBeVisible();
    await expectFitsPhone(page, 'person search');

    await page.goto('/loggkontroll');
    await typeInto(page.getByLabel('Från och med'), '2000-01-01');
    await press(page.getByRole('button', { name: 'Sök i loggen' }));
    await expect(page.getByRole('grid', { name: 'Loggposter' })).toBeVisible();
    await expectFitsPhone(page, 'audit log');
    await expectAccessible(page, 'audit log at 390 px');
    await signOut(page);

    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { level: 1, name: /Välkommen/ })).toBeVisible();
    await page.goto('/admin/enheter');
    await expect(page.getByRole('grid', { name: 'Enheter' })).toBeVisible();
    await expectFitsPhone(page, 'units');
    await page.goto('/admin/rattsliga-grunder');
    await expect(page.locator('table')).toBeVisible();
    await expectFitsPhone(page, 'legal bases');
  });
});
