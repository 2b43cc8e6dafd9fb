// Decisions end to end: as the demo LSS handläggare, an avslag under LSS 9 § 4 whose letter tells how to appeal by
// förvaltningsbesvär; as the SoL handläggare, an avslag under old SoL 4 kap. 2 § (dated before 2025-07-01) whose
// letter tells about laglighetsprövning; the enhetschef approves a decision over the delegation from the queue.
// Done with the keyboard; every page visited passes an axe scan.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { choose, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

test.describe.configure({ mode: 'serial' });

async function openCaseOf(page: Page, personName: string) {
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }));
  const row = page.getByRole('row').filter({ hasText: personName });
  await expect(row).toBeVisible();
  await press(row.getByRole('link').first());
  await expect(page.getByRole('heading', { level: 2, name: 'Beslut' })).toBeVisible();
}

async function letterText(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const link = page.getByRole('link', { name: 'Ladda ner beslutsbrev (PDF)' }).first();
  const [download] = await Promise.all([page.waitForEvent('download'), press(link)]);
  const pdfPath = testInfo.outputPath(name);
  await download.saveAs(pdfPath);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('LSS handläggare decides an avslag under LSS 9 § 4: the letter gives förvaltningsbesvär', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await openCaseOf(page, 'Vera Holm');
  await expectAccessible(page, 'case page with the decide form');
  await choose(page, 'Beslut', 'Avslag');
  await typeInto(page.getByLabel('Vad personen ansökte om'), 'kontaktperson');
  await typeInto(page.getByLabel('Skälen för beslutet'), 'Du har redan stöd som ger dig sällskap varje vecka.');
  await choose(page, 'Rättslig grund', /^9 § 4/);
  await press(page.getByRole('button', { name: 'Fatta beslut' }));
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible();
  await expect(page.getByText('Förvaltningsbesvär', { exact: true })).toBeVisible();
  await expectAccessible(page, 'case page with a decided avslag');
  const text = await letterText(page, testInfo, 'beslut-lss.pdf');
  expect(text).toContain('Vi säger nej till det du har sökt');
  expect(text).toContain('förvaltningsbesvär');
  expect(text).toContain('inom tre veckor från den dag du fick del av beslutet');
  expect(text).toContain('förvaltningsrätten');
  expect(text).toContain('9 § 4 lagen (1993:387)');
  expect(text).not.toContain('laglighetsprövning');

  // Appealed; the court changes the decision to a bifall with its own scope, which the new decision carries.
  await press(page.locator('summary').filter({ hasText: 'Registrera överklagande' }));
  const appeal = page.getByRole('form', { name: 'Registrera överklagande' });
  await typeInto(appeal.getByLabel('Överklagandet kom in'), today());
  await press(appeal.getByRole('button', { name: 'Registrera överklagande' }));
  await expect(page.getByText('Överklagandet är registrerat.')).toBeVisible();
  const court = page.getByRole('form', { name: 'Uppdatera överklagandet' });
  await typeInto(court.getByLabel('Skickat till förvaltningsrätten'), today());
  await choose(court, 'Domstolens utfall', 'Ändrat');
  await typeInto(court.getByLabel('Datum för domstolens beslut'), today());
  await choose(court, 'Domstolen beviljade', 'Delvis bifall');
  await typeInto(court.getByLabel('Domstolens skäl'), 'Förvaltningsrätten anser att du behöver en kontaktperson.');
  await choose(court, 'Omfattningen anges i', 'träffar i månaden');
  await typeInto(court.getByLabel('Omfattning', { exact: true }), '3');
  await expectAccessible(page, 'the court changed the decision');
  await press(court.getByRole('button', { name: 'Spara överklagandet' }));
  await expect(page.getByText('Överklagandet är uppdaterat.')).toBeVisible();
  const changed = page.getByRole('region', { name: `Beslut ${today()}: delvis bifall` });
  await expect(changed.getByText('3 träffar i månaden')).toBeVisible();
  await expect(changed.getByText('Förvaltningsrätten anser att du behöver en kontaktperson.')).toBeVisible();

  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }));
  await expect(page).toHaveTitle('Uppföljning och upphörande – Kontakt');
  await expect(page.getByRole('row').filter({ hasText: 'Maja Ekström' })).toBeVisible();
  await expectAccessible(page, 'follow-up list');
});

test('SoL handläggare decides an avslag under old SoL 4 kap. 2 § before 2025-07-01: the letter gives laglighetsprövning', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.sol', { keyboard: true });
  await openCaseOf(page, 'Olle Sand');
  await choose(page, 'Beslut', 'Avslag');
  await typeInto(page.getByLabel('Skälen för beslutet'), 'Behovet tillgodoses av dina anhöriga.');
  await typeInto(page.getByLabel('Beslutsdatum'), '2025-06-10');
  await choose(page, 'Rättslig grund', /^4 kap\. 2 §/);
  await expectAccessible(page, 'decide form with the old SoL bases');
  await press(page.getByRole('button', { name: 'Fatta beslut' }));
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible();
  const text = await letterText(page, testInfo, 'beslut-sol.pdf');
  expect(text).toContain('laglighetsprövning');
  expect(text).toContain('kommunallagen, 13 kap.');
  expect(text).toContain('anslagstavla');
  expect(text).toContain('4 kap. 2 § socialtjänstlagen (2001:453)');
  expect(text).not.toContain('förvaltningsbesvär');
});

test('the enhetschef approves a decision over the delegation from the queue', async ({ page }) => {
  await signIn(page, 'enhetschef', { keyboard: true });
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Att godkänna' }));
  await expect(page).toHaveTitle('Beslut att godkänna – Kontakt');
  await expectAccessible(page, 'approval queue');
  const row = page.getByRole('row').filter({ hasText: 'Ali Haddad' });
  await expect(row).toBeVisible();
  await press(row.getByRole('link').first());
  await expect(page.getByText('Väntar på enhetschefens godkännande')).toBeVisible();
  await expectAccessible(page, 'case page with a decision awaiting approval');
  await press(page.getByRole('button', { name: 'Godkänn beslutet' }));
  await expect(page.getByText('Beslutet är godkänt.')).toBeVisible();
  await expect(page.getByText('Ska verkställas senast')).toBeVisible();
});

test('a bifall over the delegation is sent back, revised within it, decided, sent and renewed', async ({ page }) => {
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await openCaseOf(page, 'Elsa Berg');
  await choose(page, 'Beslut', /^Bifall/);
  await typeInto(page.getByLabel('Skälen för beslutet'), 'Du behöver sällskap för att komma ut.');
  await choose(page, 'Rättslig grund', /^9 § 4/);
  await typeInto(page.getByLabel('Omfattning', { exact: true }), '2');
  await expect(page.getByText('Motsvarar ungefär 16–20 timmar i månaden.')).toBeVisible();
  await expect(page.getByText('Enhetschefen behöver godkänna beslutet')).toBeVisible();
  await typeInto(page.getByLabel('Gäller från'), today());
  await typeInto(page.getByLabel('Gäller till'), today(300));
  await expectAccessible(page, 'decide form for a bifall');
  await press(page.getByRole('button', { name: 'Fatta beslut' }));
  await expect(page.getByText('Beslutet väntar nu på enhetschefens godkännande.')).toBeVisible();
  const caseUrl = page.url();
  await signOut(page);

  await signIn(page, 'enhetschef', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await page.goto(caseUrl);
  await typeInto(page.getByLabel('Kommentar till handläggaren'), 'En träff i veckan räcker.');
  await press(page.getByRole('button', { name: 'Skicka tillbaka till handläggaren' }));
  await expect(page.getByText('Beslutet är skickat tillbaka till handläggaren.')).toBeVisible();
  await signOut(page);

  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await page.goto(caseUrl);
  await expect(page.getByText('En träff i veckan räcker.')).toBeVisible();
  await expectAccessible(page, 'case page with a returned decision');
  await typeInto(page.getByLabel('Omfattning', { exact: true }), '1');
  await press(page.getByRole('button', { name: 'Spara och skicka igen' }));
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible();
  await expect(page.getByText('Ska verkställas senast')).toBeVisible();
  await press(page.getByRole('button', { name: 'Registrera datum' }));
  await expect(page.getByText('Datumet är registrerat.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Förläng beslutet' }));
  await expect(page.getByRole('heading', { level: 3, name: 'Nytt beslut: förlängning' })).toBeVisible();
  const renewal = page.getByRole('form', { name: 'Fatta beslut om förlängning' });
  await choose(renewal, 'Beslut', /^Bifall/);
  await choose(renewal, 'Rättslig grund', /^9 § 4/);
  await typeInto(renewal.getByLabel('Omfattning', { exact: true }), '1');
  await typeInto(renewal.getByLabel('Gäller till'), today(600));
  await expectAccessible(page, 'renewal form');
  await press(renewal.getByRole('button', { name: 'Fatta beslut om förlängning' }));
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible();
  await expect(page.getByText('Förlängning', { exact: true })).toBeVisible();
});
