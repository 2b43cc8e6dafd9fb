// From an offer to execution and its life after, on the demo data (the assignments demo step leaves an order with an
// offer waiting for the person's answer and one accepted with a matchningsmöte booked): the kontaktsekreterare records
// that the person accepted the waiting one, books its matchningsmöte (downloads the .ics), records no chemistry; the
// other's meeting is moved to today and goes ahead, the agreement is made, the uppdragsavtal PDF carries the rate
// table's amounts, both sign, verkställ (the order leaves the waiting list); the handläggare sees Verkställd; then avbrott, återuppta, avsluta. With the
// keyboard; every page passes an axe scan.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { choose, DEMO_PASSWORD, expectAccessible, press, signIn, signOut, today, typeInto } from './helpers';

type Offers = { orderId: string; caseNumber: string; offers: Array<{ id: string; response: string; state: string; contactPerson: { name: string } }> };

/**
 * The demo order (src/assignments/demo.ts) with one offer accepted and a matchningsmöte booked, and one offer waiting
 * for the person's answer. Confirmed orders have left the provider's inbox, so the cases in matching are found through
 * the handläggare (API sign-in in a separate request context); the order's offers are then read as the
 * kontaktsekreterare.
 */
async function demoOrder(
  page: Page,
  request: APIRequestContext,
): Promise<{ orderId: string; caseId: string; caseNumber: string; waiting: string; booked: string; handlaggare: string }> {
  for (const handlaggare of ['handlaggare.lss', 'handlaggare.sol']) {
    const login = await request.post('/api/auth/login', { data: { username: handlaggare, password: DEMO_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    const cases = await (await request.get('/api/cases?status=matching&pageSize=100')).json();
    for (const c of cases.items as Array<{ id: string }>) {
      const order = (await (await request.get(`/api/cases/${c.id}/order`)).json()).order as { id: string } | null;
      if (!order) continue;
      const r = await page.request.get(`/api/orders/${order.id}/offers`);
      if (r.status() !== 200) continue;
      const d = (await r.json()) as Offers;
      const waiting = d.offers.find((f) => f.state === 'pending');
      const booked = d.offers.find((f) => f.state === 'meeting_booked');
      if (waiting && booked) return { orderId: order.id, caseId: c.id, caseNumber: d.caseNumber, waiting: waiting.contactPerson.name, booked: booked.contactPerson.name, handlaggare };
    }
    await request.post('/api/auth/logout');
  }
  throw new Error('the demo has no order with an offer waiting and one with a matchningsmöte (src/assignments/demo.ts)');
}

function offerCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name: new RegExp(`^Erbjudande \\d+: ${name}`) });
}

async function notice(page: Page, text: string) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('offer → matchningsmöte → no chemistry → next offer → agreement (PDF amounts) → signed → verkställd → avbrott → återuppta → avsluta', async ({ page, request }, testInfo) => {
  await signIn(page, 'kontaktsekreterare', { keyboard: true });
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  const o = await demoOrder(page, request);
  await page.goto(`/bestallningar/${o.orderId}`);
  const section = page.getByRole('region', { name: 'Matchning och uppdrag' });
  await expect(section).toBeVisible();
  await expectAccessible(page, 'order page with offers');

  // 1. The person accepts the offer that waits for an answer.
  const first = offerCard(page, o.waiting);
  await choose(first, 'Vad svarade personen?', 'Tackade ja');
  await press(first.getByRole('button', { name: 'Spara svaret' }));
  await notice(page, 'personen tackade ja');

  // 2. The matchningsmöte, with its calendar file.
  const book = first.getByRole('form', { name: 'Boka matchningsmöte' });
  await typeInto(book.getByLabel('Datum', { exact: true }), today());
  await typeInto(book.getByLabel('Tid'), '14:30');
  await typeInto(book.getByLabel('Plats'), 'Träffpunkten, Storgatan 1');
  await press(book.getByRole('button', { name: 'Boka mötet' }));
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
  await typeInto(first.getByRole('form', { name: 'Utfall av matchningsmötet' }).getByLabel(/^Anteckning/), 'De hade svårt att hitta något gemensamt.');
  await press(first.getByRole('button', { name: 'Spara utfallet' }));
  await notice(page, 'ingen kemi');
  await expect(first.getByText('Avslutat', { exact: true }).first()).toBeVisible();

  // 4. The other offer (accepted, its matchningsmöte next week): moved to today (the old booking is kept), go ahead.
  const second = offerCard(page, o.booked);
  const rebook = second.getByRole('form', { name: 'Boka om matchningsmötet' });
  await typeInto(rebook.getByLabel('Datum', { exact: true }), today());
  await typeInto(rebook.getByLabel('Tid'), '10:00');
  await typeInto(rebook.getByLabel('Plats'), 'Kontaktpersonsenheten');
  await typeInto(rebook.getByLabel('Varför bokas mötet om?'), 'Alla kunde redan i dag.');
  await press(rebook.getByRole('button', { name: 'Boka om mötet' }));
  await notice(page, 'Matchningsmötet är ombokat');
  await expect(second.locator('s')).toHaveCount(1);
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
  await expect(page).toHaveTitle(new RegExp(`^Uppdrag: ${o.booked}`));
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
  // Executed: the order has left the waiting list.
  await press(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Väntelista', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Väntelista' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: o.caseNumber })).toHaveCount(0);
  await signOut(page);

  // 7. The handläggare: the case is Verkställd, the execution shows the contact person's first name only.
  await signIn(page, o.handlaggare);
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await page.goto(`/arenden/${o.caseId}`);
  await expect(page.locator('.page-status')).toContainText('Verkställd');
  const ex = page.getByRole('region', { name: 'Verkställighet' });
  await expect(ex).toContainText(`Kontaktperson ${o.booked.split(' ')[0]}`);
  await expect(ex).not.toContainText(o.booked);
  await expect(ex).toContainText(`Startade ${today(-3)}`);
  await expectAccessible(page, 'case page, executed');
  await signOut(page);

  // 8. Avbrott, återuppta (tomorrow's resumption is refused: not in the future), avsluta.
  await signIn(page, 'kontaktsekreterare');
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
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

