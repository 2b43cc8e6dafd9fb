// Issue 9 in one journey, through one case: an acknowledged LSS application → the investigation is booked → the
// investigation is written, a warning gets a written reason, it is completed → a bifall within the delegation →
// the decision letter (no appeal text for a bifall) → the order to the provider → the kontaktsekreterare confirms
// it → the handläggare sees "Mottagen". With the keyboard; every page passes an axe scan.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { acknowledgedCase, choose, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

test('from an acknowledged application to a confirmed order', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  const c = await acknowledgedCase(page);

  // Book the investigation.
  await page.goto(`/arenden/${c.id}`);
  const book = page.getByRole('form', { name: 'Boka utredningsmöte' });
  await choose(book, 'Hur ska mötet ske?', 'Hembesök');
  await typeInto(book.getByLabel('Datum', { exact: true }), today(2));
  await typeInto(book.getByLabel('Tid', { exact: true }), '13:30');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
  await expect(page.getByRole('status').filter({ hasText: `Utredningsmötet är bokat ${today(2)} klockan 13:30.` })).toBeFocused();
  await expect(page.locator('.page-status')).toContainText('Under utredning');

  // Investigate: every source answered, network meets part of the need, relatives all of it (a warning).
  await press(page.getByRole('link', { name: 'Fortsätt med utredningen' }));
  await expect(page).toHaveTitle(`Utredning ${c.caseNumber} – Kontakt`);
  await typeInto(page.getByLabel('Behovet med personens egna ord'), 'Jag vill ut och gå och fika.');
  await choose(page, 'Anhöriga', /^Ja$/);
  await choose(page, 'Nätverk', /^Delvis$/);
  for (const s of ['Föreningar', 'Skola', 'Andra aktiviteter', 'Personal på boendet']) await choose(page, s, /^Nej$/);
  await choose(page, 'Hur bor personen?', 'Eget boende');
  await choose(page, 'Vilken personkrets enligt 1 § LSS?', /^Grupp 1/);
  await typeInto(page.getByLabel('Vilket underlag visar personkretsen?'), 'Läkarintyg.');
  await typeInto(page.getByLabel('Datum då underlaget kom in'), today());
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^Sparat \d\d:\d\d$/ })).toBeVisible();
  const warnings = page.getByRole('region', { name: 'Varningar inför beslut' });
  await expect(warnings.getByText('Behovet kan vara tillgodosett på annat sätt: anhöriga.')).toBeVisible();
  await expect(warnings.getByLabel(/^Varför går du vidare trots varningen om /)).toHaveCount(1);
  await typeInto(warnings.getByLabel(/^Varför går du vidare trots varningen om /), 'Brodern hälsar på en gång i månaden.');
  await press(page.getByRole('button', { name: 'Markera utredningen som klar' }));
  await expect(page.getByRole('status').filter({ hasText: 'Utredningen är klar. Nu kan ärendet beslutas.' })).toBeFocused();
  await expectAccessible(page, 'completed investigation (journey)');

  // Decide a bifall within the delegation: one meeting a week.
  await page.goto(`/arenden/${c.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Beslut' })).toBeVisible();
  await choose(page, 'Beslut', /^Bifall/);
  await typeInto(page.getByLabel('Skälen för beslutet'), 'Du behöver sällskap för att komma ut.');
  await choose(page, 'Rättslig grund', /^9 § 4/);
  await typeInto(page.getByLabel('Omfattning', { exact: true }), '1');
  await typeInto(page.getByLabel('Gäller från'), today());
  await typeInto(page.getByLabel('Gäller till'), today(364));
  await press(page.getByRole('button', { name: 'Fatta beslut' }));
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible();
  await expect(page.getByText('Ska verkställas senast')).toBeVisible();
  await expect(page.locator('.page-status')).toContainText('Beviljad');
  await expectAccessible(page, 'case page with a bifall (journey)');

  // The letter: what was decided, the legal basis, free of charge, and no appeal instructions for a bifall.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Ladda ner beslutsbrev (PDF)' }).first())]);
  const pdfPath = testInfo.outputPath('beslut-bifall.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Vi säger ja till det du har sökt');
  expect(text).toContain('9 § 4 lagen (1993:387)');
  expect(text).toContain('Det kostar inget att ha en kontaktperson.');
  expect(text).not.toContain('förvaltningsbesvär');
  expect(text).not.toContain('laglighetsprövning');

  // The order to the provider.
  const send = page.getByRole('form', { name: 'Skicka beställning' });
  await typeInto(send.getByLabel('Det här behöver kontaktpersonen veta'), 'Ring helst på eftermiddagen.');
  await press(send.getByRole('button', { name: 'Skicka beställningen' }));
  const orderSection = page.getByRole('region', { name: 'Beställning' });
  await expect(orderSection.getByText('Skickad', { exact: true }).first()).toBeVisible();
  await expect(page.locator('.page-status')).toContainText('Beställd');
  await expectAccessible(page, 'case page with an order sent (journey)');
  await signOut(page);

  // The kontaktsekreterare finds it in the inbox and confirms it.
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beställningar' }));
  await press(page.getByRole('row').filter({ hasText: c.caseNumber }).getByRole('link', { name: c.caseNumber }));
  await expect(page.getByText('Ring helst på eftermiddagen.')).toBeVisible();
  const confirm = page.getByRole('form', { name: 'Bekräfta att beställningen är mottagen' });
  await press(confirm.getByRole('button', { name: 'Bekräfta mottagen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Beställningen är bekräftad som mottagen.' })).toBeFocused();
  await signOut(page);

  // The handläggare sees it received.
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  await page.goto(`/arenden/${c.id}`);
  await expect(page.getByRole('region', { name: 'Beställning' }).getByText(`Mottagen ${today()}`).first()).toBeVisible();
  await expect(page.locator('.page-status')).toContainText('Beställning bekräftad');
  await expectAccessible(page, 'case page with the order received (journey)');
});
