// The investigation as a handläggare, with the keyboard: book the meeting (summons PDF and .ics), rebook it (the
// history stays), write the investigation with autosave, meet a colleague's save (409 explained, reload), answer
// every source, write a reason for each eligibility warning, and complete it. Every page passes an axe scan.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { acknowledgedCase, choose, DEMO_PASSWORD, expectAccessible, press, signIn, today, typeInto } from './helpers';

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Sparat \d\d:\d\d$/ })).toBeVisible();

test('handläggare books, rebooks and completes an investigation with a warning and its reason', async ({ page }, testInfo) => {
  await signIn(page, 'handlaggare.lss', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Hanna' })).toBeVisible();
  const c = await acknowledgedCase(page);

  // The case page offers the booking.
  await page.goto(`/arenden/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${c.caseNumber}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Utredningsmöte' })).toBeVisible();
  await expectAccessible(page, 'case page with booking form');

  // Phone is refused: the person is not known (acknowledged by letter, no other case).
  const book = page.getByRole('form', { name: 'Boka utredningsmöte' });
  await choose(book, 'Hur ska mötet ske?', 'Telefon');
  await typeInto(book.getByLabel('Datum', { exact: true }), today(7));
  await typeInto(book.getByLabel('Tid', { exact: true }), '10:00');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
  await expect(book.getByText('Telefon går bara när personen redan är känd av enheten.').first()).toBeVisible();
  await choose(book, 'Hur ska mötet ske?', 'Besök på kontoret');
  await typeInto(book.getByLabel('Plats'), 'LSS-enheten, Storgatan 1, rum 3');
  await typeInto(book.getByLabel('Tolk på språk'), 'Arabiska');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
  await expect(page.getByRole('status').filter({ hasText: `Utredningsmötet är bokat ${today(7)} klockan 10:00.` })).toBeFocused();
  await expect(page.locator('.page-status')).toContainText('Under utredning');
  await expectAccessible(page, 'case page with a booking');

  // The summons letter and the calendar file.
  const [pdf] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Ladda ner kallelse (PDF)' }))]);
  const pdfPath = testInfo.outputPath('kallelse.pdf');
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(c.caseNumber);
  expect(text).toContain('klockan 10:00');
  expect(text).toContain('tolk på arabiska');
  const [ics] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Lägg till i kalendern (.ics)' }))]);
  const icsPath = testInfo.outputPath('utredning.ics');
  await ics.saveAs(icsPath);
  const cal = fs.readFileSync(icsPath, 'utf8');
  expect(cal).toContain('BEGIN:VEVENT');
  expect(cal).toContain(`DTSTART;TZID=Europe/Stockholm:${today(7).replaceAll('-', '')}T100000`);

  // Rebook: the old booking stays in the history.
  await press(page.getByRole('button', { name: 'Boka om mötet' }));
  const rebook = page.getByRole('form', { name: 'Boka om utredningsmötet' });
  await typeInto(rebook.getByLabel('Datum', { exact: true }), today(8));
  await typeInto(rebook.getByLabel('Varför bokas mötet om?'), 'Personen bad om en annan dag.');
  await press(rebook.getByRole('button', { name: 'Spara den nya tiden' }));
  await expect(page.getByRole('status').filter({ hasText: `Mötet är ombokat till ${today(8)} klockan 10:00.` })).toBeFocused();
  const history = page.getByRole('table').filter({ hasText: 'Ombokad' });
  await expect(history).toContainText(today(7));
  await expect(history).toContainText('Personen bad om en annan dag.');
  await expectAccessible(page, 'case page with a rebooking');

  // The investigation page.
  await press(page.getByRole('link', { name: 'Fortsätt med utredningen' }));
  await expect(page).toHaveTitle(`Utredning ${c.caseNumber} – Kontakt`);
  await expectAccessible(page, 'investigation page');
  await typeInto(page.getByLabel('Behovet med personens egna ord'), 'Jag vill ha någon att gå på bio med.');
  await page.keyboard.press('Tab');
  await saved(page);

  // A colleague saves in between: the next autosave is refused and the page says so.
  const current = await (await page.request.get(`/api/cases/${c.id}/investigation`)).json();
  const other = await page.request.put(`/api/cases/${c.id}/investigation`, { data: { version: current.version, needInOwnWords: 'Jag vill ha någon att gå på bio med.', assessment: 'Kollegans bedömning.' } });
  expect(other.status()).toBe(200);
  await typeInto(page.getByLabel('Din bedömning'), 'Min bedömning.');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Någon annan har ändrat utredningen medan du skrev')).toBeVisible();
  await expectAccessible(page, 'investigation page with a conflict');
  await press(page.getByRole('button', { name: 'Hämta den senaste versionen' }));
  await expect(page.getByLabel('Din bedömning')).toHaveValue('Kollegans bedömning.');

  // Answer every source; relatives meet the need ("ja") and the person lives in a gruppbostad: two warnings.
  await choose(page, 'Anhöriga', /^Ja$/);
  for (const s of ['Föreningar', 'Skola', 'Andra aktiviteter', 'Nätverk', 'Personal på boendet']) await choose(page, s, /^Nej$/);
  await choose(page, 'Hur bor personen?', 'Gruppbostad');
  await choose(page, 'Vilken personkrets enligt 1 § LSS?', /^Grupp 1/);
  await typeInto(page.getByLabel('Vilket underlag visar personkretsen?'), 'Läkarintyg.');
  await typeInto(page.getByLabel('Datum då underlaget kom in'), today());
  await typeInto(page.getByLabel('Intressen'), 'bio, fika');
  await page.keyboard.press('Tab');
  await saved(page);
  const warnings = page.getByRole('region', { name: 'Varningar inför beslut' });
  await expect(warnings.getByText('Personen bor i gruppbostad. Individuell prövning krävs.')).toBeVisible();
  await expect(warnings.getByText('Behovet kan vara tillgodosett på annat sätt: anhöriga.')).toBeVisible();

  // Completing is refused until every warning has a reason.
  await press(page.getByRole('button', { name: 'Markera utredningen som klar' }));
  const summary = page.getByRole('alert').filter({ hasText: 'Rätta följande innan du går vidare' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Skriv varför du går vidare trots varningen.' })).toHaveCount(2);
  await expectAccessible(page, 'investigation page refusing completion');
  const reasons = warnings.getByLabel(/^Varför går du vidare trots varningen om /);
  await typeInto(reasons.nth(0), 'Boendet har ingen personal för fritid utanför huset.');
  await typeInto(reasons.nth(1), 'Systern bor långt bort och kommer sällan.');
  await press(page.getByRole('button', { name: 'Markera utredningen som klar' }));
  await expect(page.getByRole('status').filter({ hasText: 'Utredningen är klar. Nu kan ärendet beslutas.' })).toBeFocused();
  await expect(page.getByText('Motivering: Boendet har ingen personal för fritid utanför huset.')).toBeVisible();
  await expectAccessible(page, 'completed investigation');

  // Back on the case: the investigation is complete, the warnings carry their reasons.
  await press(page.getByRole('link', { name: 'Tillbaka till ärendet' }));
  await expect(page.locator('.summary-row').filter({ hasText: 'Klar' }).first()).toContainText(today());
  await expect(page.getByText('Motivering: Systern bor långt bort och kommer sällan.')).toBeVisible();
  await expectAccessible(page, 'case page after the investigation');
  const [record] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Ladda ner utredningen (PDF)' }))]);
  const recordPath = testInfo.outputPath('utredning.pdf');
  await record.saveAs(recordPath);
  const recordText = execFileSync('pdftotext', ['-enc', 'UTF-8', recordPath, '-'], { encoding: 'utf8' });
  expect(recordText).toContain('Personen bor i gruppbostad. Individuell prövning krävs.');
  expect(recordText).toContain('Systern bor långt bort och kommer sällan.');
});

test('SoL: a known person is investigated by phone; the age limit and an exclusion warn, with reasons', async ({ page }) => {
  await signIn(page, 'handlaggare.sol', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  // 16 years old, acknowledged by phone: known, so phone is allowed.
  const c = await acknowledgedCase(page, { route: 'SOL', birth: `${Number(today().slice(0, 4)) - 16}0101`, method: 'phone' });
  await page.goto(`/arenden/${c.id}`);
  const book = page.getByRole('form', { name: 'Boka utredningsmöte' });
  await choose(book, 'Hur ska mötet ske?', 'Telefon');
  await typeInto(book.getByLabel('Datum', { exact: true }), today());
  await typeInto(book.getByLabel('Tid', { exact: true }), '13:30');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
  await expect(page.getByRole('status').filter({ hasText: `Utredningsmötet är bokat ${today()} klockan 13:30.` })).toBeFocused();
  // The meeting is today: it can be marked held.
  await press(page.getByRole('button', { name: 'Mötet är genomfört' }));
  await expect(page.getByRole('status').filter({ hasText: 'Mötet är registrerat som genomfört.' })).toBeFocused();
  await expect(page.getByRole('table').filter({ hasText: 'Genomförd' })).toBeVisible();

  await press(page.getByRole('link', { name: 'Fortsätt med utredningen' }));
  await expect(page).toHaveTitle(`Utredning ${c.caseNumber} – Kontakt`);
  for (const s of ['Anhöriga', 'Föreningar', 'Skola', 'Andra aktiviteter', 'Nätverk', 'Personal på boendet']) await choose(page, s, /^Nej$/);
  for (const crit of ['Behöver sällskap', 'Behovet är varaktigt', 'Har svårt att gå ut', 'Ingen särskild kompetens', 'Behöver komma ut']) await choose(page, crit, /^Ja$/);
  const box = page.getByRole('checkbox', { name: 'Beviljat boendestöd' });
  await box.focus();
  await box.press('Space');
  await page.keyboard.press('Tab');
  await saved(page);
  const warnings = page.getByRole('region', { name: 'Varningar inför beslut' });
  await expect(warnings.getByText(/Personen är under 19 år/)).toBeVisible();
  await expect(warnings.getByText('Beviljat boendestöd: hemtjänst kan vara rätt insats.')).toBeVisible();
  await expectAccessible(page, 'SoL investigation with warnings');

  // Closing the tab right after typing loses nothing: the draft is sent as the page goes away.
  await typeInto(page.getByLabel('Behovet med personens egna ord'), 'Jag är ensam på kvällarna.');
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await expect
    .poll(async () => (await (await again.request.get(`/api/cases/${c.id}/investigation`)).json()).form.needInOwnWords, { timeout: 10_000 })
    .toBe('Jag är ensam på kvällarna.');
  await again.goto(`/arenden/${c.id}/utredning`);
  await expect(again.getByLabel('Behovet med personens egna ord')).toHaveValue('Jag är ensam på kvällarna.');

  const reasons = again.getByRole('region', { name: 'Varningar inför beslut' }).getByLabel(/^Varför går du vidare trots varningen om /);
  await typeInto(reasons.nth(0), 'Gymnasiet är slut och personen bor själv.');
  await typeInto(reasons.nth(1), 'Boendestödet gäller bara ekonomi.');
  await press(again.getByRole('button', { name: 'Markera utredningen som klar' }));
  await expect(again.getByRole('status').filter({ hasText: 'Utredningen är klar.' })).toBeFocused();
  await expectAccessible(again, 'completed SoL investigation');
});

test('a session that ends while typing loses nothing: after signing in again the draft is back and saved', async ({ page }) => {
  await signIn(page, 'handlaggare.sol');
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  const c = await acknowledgedCase(page, { route: 'SOL', method: 'phone' });
  await page.goto(`/arenden/${c.id}`);
  const book = page.getByRole('form', { name: 'Boka utredningsmöte' });
  await choose(book, 'Hur ska mötet ske?', 'Telefon');
  await typeInto(book.getByLabel('Datum', { exact: true }), today());
  await typeInto(book.getByLabel('Tid', { exact: true }), '14:00');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
  await expect(page.getByRole('status').filter({ hasText: 'Utredningsmötet är bokat' })).toBeFocused();
  await press(page.getByRole('link', { name: 'Fortsätt med utredningen' }));
  await expect(page).toHaveTitle(`Utredning ${c.caseNumber} – Kontakt`);

  // The session ends (as after inactivity) while the handläggare writes; leaving the field tries to save.
  await page.context().clearCookies();
  await typeInto(page.getByLabel('Behovet med personens egna ord'), 'Jag vill gå på fotboll med någon.');
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/\/logga-in/);
  await page.getByLabel('Användarnamn').fill('handlaggare.sol');
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page).toHaveTitle(`Utredning ${c.caseNumber} – Kontakt`);
  await expect(page.getByText('Det du skrev innan du loggades ut finns kvar')).toBeVisible();
  await expect(page.getByLabel('Behovet med personens egna ord')).toHaveValue('Jag vill gå på fotboll med någon.');
  await expect
    .poll(async () => (await (await page.request.get(`/api/cases/${c.id}/investigation`)).json()).form.needInOwnWords, { timeout: 10_000 })
    .toBe('Jag vill gå på fotboll med någon.');
  await expectAccessible(page, 'investigation restored after signing in again');
});
