// The contact persons' portal on a phone (390×844), on the demo data: the contact person of the executed demo
// assignment signs in (username "kontaktperson"), reports this month with a receipt (a wrong file refused first),
// the coordinator returns it with a comment, the contact person fixes it and submits again, the coordinator approves
// it. Keyboard throughout; axe on every portal page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, press, signIn, tick, today, typeInto } from './helpers';

test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTH = `${MONTHS[Number(today().slice(5, 7)) - 1]} ${today().slice(0, 4)}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const ATTEST = 'Jag intygar att uppgifterna är riktiga';

async function newPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

test('a contact person reports a month; the coordinator returns it, then approves the fixed report', async ({ browser }) => {
  // ---- The contact person, on a phone ----
  const cp = await newPage(browser, PHONE);
  await signIn(cp, 'kontaktperson', { keyboard: true });
  await expect(cp).toHaveURL(/\/portalen$/);
  await expect(cp).toHaveTitle('Mina uppdrag – Kontakt');
  await expect(cp.getByRole('heading', { level: 1 })).toHaveText(/^Välkommen, /);
  await expectAccessible(cp, 'portal start page');
  // Nothing runs off the phone's screen (WCAG 1.4.10): the header wraps, "Logga ut" is reachable.
  await expect(cp.getByRole('button', { name: 'Logga ut' })).toBeInViewport({ ratio: 1 });
  expect(await cp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(cp.getByRole('heading', { level: 2, name: 'Kontaktpersonsträffar' })).toBeVisible();
  // A staff page is not theirs.
  await cp.goto('/kontaktpersoner');
  await expect(cp.getByRole('heading', { name: 'Du saknar behörighet' })).toBeVisible();
  await cp.goto('/portalen');

  // The demo's executed assignment (with Greta): another spec may execute a second one for the same contact person.
  const assignment = cp.getByRole('link', { name: 'Uppdraget med Greta', exact: true });
  await press(assignment);
  await expect(cp).toHaveTitle(/^Uppdraget med .+ – Kontakt$/);
  await expect(cp.getByRole('heading', { name: 'Mål i genomförandeplanen' })).toBeVisible();
  await expect(cp.getByRole('heading', { name: 'Det här har ni kommit överens om' })).toBeVisible();
  await expect(cp.getByText('En eftermiddag i veckan')).toBeVisible();
  await expectAccessible(cp, 'portal assignment page');

  await press(cp.getByRole('button', { name: `Rapportera för ${MONTH}` }));
  await expect(cp).toHaveTitle(`Rapport för ${MONTH} – Kontakt`);
  await expectAccessible(cp, 'empty report');
  const reportUrl = cp.url();

  await press(cp.getByRole('button', { name: 'Lägg till en träff' }));
  await typeInto(cp.getByLabel('Datum (träff 1)'), today());
  await typeInto(cp.getByLabel('Hur länge, i minuter (träff 1)'), '90');
  await typeInto(cp.getByLabel('Vad ni gjorde (träff 1)'), 'Bowling och fika');
  await press(cp.getByRole('button', { name: 'Lägg till en utgift' }));
  await typeInto(cp.getByLabel('Belopp i kronor (utgift 1)'), '120,50');
  await typeInto(cp.getByLabel('Vad utgiften gällde (utgift 1)'), 'Bowlinghallen');
  // A file that is not a picture or a PDF is refused by its content, whatever its name.
  await cp.getByLabel('Kvitto (utgift 1)').setInputFiles({ name: 'kvitto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('det här är ingen bild') });
  await expect(cp.getByRole('alert').filter({ hasText: 'Kvittot måste vara en bild' })).toBeVisible();
  await cp.getByLabel('Kvitto (utgift 1)').setInputFiles({ name: 'kvitto.png', mimeType: 'image/png', buffer: PNG });
  await expect(cp.getByRole('link', { name: 'kvitto.png' })).toBeVisible();
  await expectAccessible(cp, 'report with lines');

  // Submitting needs the attestation.
  await press(cp.getByRole('button', { name: 'Skicka in rapporten' }));
  await expect(cp.getByText(`Kryssa i "${ATTEST}" för att skicka in rapporten.`).first()).toBeVisible();
  await tick(cp, ATTEST);
  await press(cp.getByRole('button', { name: 'Skicka in rapporten' }));
  await expect(cp.getByRole('status').filter({ hasText: `Rapporten för ${MONTH} är inskickad.` })).toBeFocused();
  await expect(cp.getByText(/^Inskickad /)).toBeVisible();
  await expectAccessible(cp, 'submitted report');

  // ---- The coordinator ----
  const ks = await newPage(browser);
  await signIn(ks, 'kontaktsekreterare');
  await press(ks.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Månadsrapporter', exact: true }));
  await expect(ks).toHaveTitle('Månadsrapporter – Kontakt');
  await expectAccessible(ks, 'report queue');
  await press(ks.getByRole('link', { name: new RegExp(`\\(${MONTH}\\)$`) }).first());
  await expect(ks).toHaveTitle(new RegExp(`^Rapport från .+, ${MONTH} – Kontakt$`));
  await expect(ks.getByText('Bowling och fika')).toBeVisible();
  await expect(ks.getByRole('link', { name: 'kvitto.png' })).toBeVisible();
  await expectAccessible(ks, 'report review');
  await typeInto(ks.getByLabel('Vad ska kontaktpersonen rätta eller komplettera?'), 'Lägg till träffen i början av månaden.');
  await press(ks.getByRole('button', { name: 'Skicka tillbaka rapporten' }));
  await expect(ks.getByRole('status').filter({ hasText: 'Rapporten är skickad tillbaka till kontaktpersonen.' })).toBeFocused();
  const reviewUrl = ks.url();

  // ---- The contact person fixes it ----
  await cp.goto(reportUrl);
  await expect(cp.getByText('Kontaktsekreteraren har skickat tillbaka rapporten')).toBeVisible();
  await expect(cp.getByText('Lägg till träffen i början av månaden.')).toBeVisible();
  await expectAccessible(cp, 'returned report');
  await press(cp.getByRole('button', { name: 'Lägg till en träff' }));
  await typeInto(cp.getByLabel('Datum (träff 2)'), today());
  await typeInto(cp.getByLabel('Hur länge, i minuter (träff 2)'), '60');
  await typeInto(cp.getByLabel('Vad ni gjorde (träff 2)'), 'Promenad');
  await tick(cp, ATTEST);
  await press(cp.getByRole('button', { name: 'Skicka in rapporten' }));
  await expect(cp.getByRole('status').filter({ hasText: `Rapporten för ${MONTH} är inskickad.` })).toBeFocused();

  // ---- The coordinator approves ----
  await ks.goto(reviewUrl);
  await expect(ks.getByText('Promenad')).toBeVisible();
  await press(ks.getByRole('button', { name: 'Godkänn rapporten' }));
  await expect(ks.getByRole('status').filter({ hasText: 'Rapporten är godkänd.' })).toBeFocused();
  await expectAccessible(ks, 'approved report (coordinator)');

  // ---- Approved: read only for the contact person ----
  await cp.goto(reportUrl);
  await expect(cp.getByText(/^Godkänd /)).toBeVisible();
  await expect(cp.getByRole('button', { name: 'Skicka in rapporten' })).toHaveCount(0);
  await expect(cp.getByText('Bowling och fika')).toBeVisible();
  await expectAccessible(cp, 'approved report (contact person)');
  await cp.context().close();
  await ks.context().close();
});
