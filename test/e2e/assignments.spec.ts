// From an offer to execution and its life after, on the demo data (the assignments demo step leaves an order with two
// offers waiting for the person's answer): the kontaktsekreterare records that the person accepted the first, books
// the matchningsmöte (downloads the .ics), records no chemistry; the second goes ahead, the agreement is made, the
// uppdragsavtal PDF carries the rate table's amounts, both sign, verkställ; the handläggare sees Verkställd; then
// avbrott, återuppta, avsluta. With the keyboard; every page passes an axe scan.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { choose, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

type Offers = { orderId: string; caseNumber: string; offers: Array<{ id: string; response: string; state: string; contactPerson: { name: string } }> };

/** The demo order whose offers all wait for the person's answer (two of them). */
async function orderWithPendingOffers(page: Page): Promise<{ orderId: string; caseId: string; caseNumber: string; names: string[] }> {
  const inbox = await (await page.request.get('/api/orders?pageSize=100')).json();
  for (const o of inbox.items as Array<{ id: string }>) {
    const r = await page.request.get(`/api/orders/${o.id}/offers`);
    if (r.status() !== 200) continue;
    const d = (await r.json()) as Offers;
    if (d.offers.length >= 2 && d.offers.every((f) => f.state === 'pending')) {
      const order = await (await page.request.get(`/api/orders/${o.id}`)).json();
      return { orderId: o.id, caseId: order.caseId, caseNumber: d.caseNumber, names: d.offers.map((f) => f.contactPerson.name) };
    }
  }
  throw new Error('the demo has no order with two offers waiting for an answer (src/assignments/demo.ts)');
}

function offerCard(page: Page, n: number, name: string): Locator {
  return page.getByRole('article', { name: new RegExp(`Erbjudande ${n}: ${name}`) });
}

async function notice(page: Page, text: string) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('offer → matchningsmöte → no chemistry → next offer → agreement (PDF amounts) → signed → verkställd → avbrott → återuppta → avsluta', async ({ page }, testInfo) => {
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  const o = await orderWithPendingOffers(page);
  await page.goto(`/bestallningar/${o.orderId}`);
  const section = page.getByRole('region', { name: 'Matchning och uppdrag' });
  await expect(section).toBeVisible();
  await expectAccessible(page, 'order page with offers');

  // 1. The person accepts the first offer.
  const first = offerCard(page, 1, o.names[0]);
  await choose(first, 'Vad svarade personen?', 'Tackade ja');
  await press(first.getByRole('button', { name: 'Spara svaret' }));
  await notice(page, 'personen tackade ja');

  // 2. The matchningsmöte, with its calendar file.
  await typeInto(first.getByLabel('Datum', { exact: true }), today());
  await typeInto(first.getByLabel('Tid'), '14:30');
  await typeInto(first.getByLabel('Plats'), 'Träffpunkten, Storgatan 1');
  await press(first.getByRole('button', { name: 'Boka mötet' }));
  await notice(page, 'Matchningsmötet är bokat');
  const [ics] = await Promise.all([page.waitForEvent('download'), press(first.getByRole('link', { name: 'Lägg till i kalendern (.ics)' }))]);
  const icsText = readFileSync(await ics.path(), 'utf8');
  expect(icsText).toContain(`DTSTART;TZID=Europe/Stockholm:${today().replace(/-/g, '')}T143000`);
  expect(icsText).toContain('Träffpunkten');
  await expectAccessible(page, 'order page with a booked matchningsmöte');

  // 3. No chemistry: the reason is required, then the offer closes.
  await choose(first, 'Hur gick mötet?', /Ingen kemi/);
  await press(first.getByRole('button', { name: 'Spara utfallet' }));
  await expect(first.getByText('Skriv varför det inte blev en matchning.').first()).toBeVisible();
  await typeInto(first.getByLabel(/^Anteckning/), 'De hade svårt att hitta något gemensamt.');
  await press(first.getByRole('button', { name: 'Spara utfallet' }));
  await notice(page, 'ingen kemi');
  await expect(first.getByText('Avslutat', { exact: true }).first()).toBeVisible();

  // 4. The second offer: accepted, meeting, go ahead.
  const second = offerCard(page, 2, o.names[1]);
  await choose(second, 'Vad svarade personen?', 'Tackade ja');
  await press(second.getByRole('button', { name: 'Spara svaret' }));
  await notice(page, 'personen tackade ja');
  await typeInto(second.getByLabel('Datum', { exact: true }), today());
  await typeInto(second.getByLabel('Tid'), '10:00');
  await typeInto(second.getByLabel('Plats'), 'Kontaktpersonsenheten');
  await press(second.getByRole('button', { name: 'Boka mötet' }));
  await notice(page, 'Matchningsmötet är bokat');
  await choose(second, 'Hur gick mötet?', /Går vidare/);
  await press(second.getByRole('button', { name: 'Spara utfallet' }));
  await notice(page, 'ni går vidare');
  await expectAccessible(page, 'order page, agreement form');

  // 5. The agreement: the page moves to the assignment.
  await typeInto(second.getByLabel(/^Antal träffar i månaden/), '4');
  await typeInto(second.getByLabel(/^Aktiviteter/), 'Promenader och fika.');
  // Three days back, so the avbrott below can start and end before today.
  await typeInto(second.getByLabel('Uppdraget gäller från'), today(-3));
  await typeInto(second.getByLabel('Avtalets datum'), today(-3));
  await press(second.getByRole('button', { name: 'Skapa uppdraget' }));
  await expect(page).toHaveTitle(new RegExp(`^Uppdrag: ${o.names[1]}`));
  await notice(page, 'Uppdraget är skapat');
  const agreement = page.getByRole('region', { name: 'Uppdragsavtal' });
  const arvode = (await agreement.locator('.summary-row').filter({ hasText: 'Arvode per månad' }).locator('dd').textContent())!.replace(/\s/g, ' ');
  const omkostnad = (await agreement.locator('.summary-row').filter({ hasText: 'Omkostnad per månad' }).locator('dd').textContent())!.replace(/\s/g, ' ');
  expect(arvode).toMatch(/^\d[\d ]* kr$/);
  await expectAccessible(page, 'assignment page');

  // The uppdragsavtal PDF: the amounts of the rate table, tystnadsplikt, the signatures.
  const [pdf] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: 'Skriv ut uppdragsavtalet (PDF)' }))]);
  const pdfPath = testInfo.outputPath('uppdragsavtal.pdf');
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Du får ${arvode} i arvode per månad`);
  expect(text).toContain(`Du får också ${omkostnad} per månad`);
  expect(text).toContain('Ni ses 4 gånger i månaden.');
  expect(text).toContain('Du har tystnadsplikt.');
  expect(text).toContain('Underskrifter');

  // 6. Both sign; verkställ.
  const signatures = page.getByRole('region', { name: 'Underskrifter och förordnande' });
  await typeInto(signatures.getByLabel(/^Personen skrev under/), today(-3));
  await typeInto(signatures.getByLabel(/^Kontaktpersonen skrev under/), today(-3));
  await press(signatures.getByRole('button', { name: 'Spara underskrifter' }));
  await notice(page, 'Underskrifterna är registrerade');
  await press(signatures.getByRole('button', { name: 'Registrera förordnandet' }));
  await notice(page, 'Förordnandet är registrerat');
  const execution = page.getByRole('region', { name: 'Verkställ' });
  await typeInto(execution.getByLabel('Första dagen uppdraget pågick'), today(-3));
  await press(execution.getByRole('button', { name: 'Verkställ' }));
  await notice(page, 'Uppdraget är verkställt');
  await expect(page.locator('.badge').filter({ hasText: 'Pågår (verkställt)' })).toBeVisible();
  await expectAccessible(page, 'assignment page, executed');
  const assignmentUrl = page.url();
  await signOut(page);

  // 7. The handläggare: the case is Verkställd, the execution shows the contact person's first name only.
  await signIn(page, 'handlaggare.lss');
  await page.goto(`/arenden/${o.caseId}`);
  await expect(page.locator('.page-status')).toContainText('Verkställd');
  const ex = page.getByRole('region', { name: 'Verkställighet' });
  await expect(ex).toContainText(`Kontaktperson ${o.names[1].split(' ')[0]}`);
  await expect(ex).not.toContainText(o.names[1]);
  await expect(ex).toContainText(`Startade ${today(-3)}`);
  await expectAccessible(page, 'case page, executed');
  await signOut(page);

  // 8. Avbrott, återuppta (tomorrow's resumption is refused: not in the future), avsluta.
  await signIn(page, 'kontaktsekreterare');
  await page.goto(assignmentUrl);
  const interruptions = page.getByRole('region', { name: 'Avbrott' });
  await typeInto(interruptions.getByLabel('Avbrott från'), today(-2));
  await typeInto(interruptions.getByLabel('Skäl'), 'Kontaktpersonen är sjuk');
  await press(interruptions.getByRole('button', { name: 'Registrera avbrott' }));
  await notice(page, 'Avbrottet är registrerat');
  await expect(interruptions).toContainText(`Från ${today(-2)}, pågår: Kontaktpersonen är sjuk`);
  await expect(page.locator('.badge').filter({ hasText: 'Avbrott' })).toBeVisible();
  await typeInto(interruptions.getByLabel('Uppdraget pågår igen från'), today(1));
  await press(interruptions.getByRole('button', { name: 'Återuppta' }));
  await expect(interruptions.getByText('Datumet kan inte vara senare än i dag.').first()).toBeVisible();
  await typeInto(interruptions.getByLabel('Uppdraget pågår igen från'), today(-1));
  await press(interruptions.getByRole('button', { name: 'Återuppta' }));
  await notice(page, 'Uppdraget är återupptaget');
  await expect(interruptions).toContainText(`Från ${today(-2)}, återupptaget ${today(-1)}: Kontaktpersonen är sjuk`);
  await expectAccessible(page, 'assignment page, resumed');

  const end = page.getByRole('region', { name: 'Avsluta uppdraget' });
  await choose(end, 'Varför avslutas uppdraget?', 'Kontaktpersonen slutade');
  await typeInto(end.getByLabel(/^Anteckning/), 'Flyttar till annan ort.');
  await press(end.getByRole('button', { name: 'Avsluta uppdraget' }));
  await notice(page, 'Uppdraget är avslutat');
  await expect(end).toContainText('Beställningen väntar på en ny kontaktperson');
  await expect(end.locator('.summary-row').filter({ hasText: 'Sista dag med arvode' })).toContainText(today());
  await expectAccessible(page, 'assignment page, ended');
  // The order: the place is open again for a replacement under the same decision.
  await press(page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: `Beställning ${o.caseNumber}` }));
  await expect(page.getByRole('region', { name: 'Matchning och uppdrag' }).locator('.summary-row').filter({ hasText: 'Platser utan kontaktperson' })).toContainText('1');
});

