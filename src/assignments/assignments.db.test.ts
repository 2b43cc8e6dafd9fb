// Execution on a real database: the person's answer, closing an offer, the matchningsmöte (rebooking history, .ics)
// and its outcome, the assignment (agreement PDF with the rate table's amounts, signatures, förordnande), verkställ
// and the case status (Verkställd, delvis 1 av 2), avbrott/återuppta, avsluta (the place returns, a replacement under
// the same decision), scope, stale versions, the last place taken twice at once, and executionFacts = the view.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../platform/calendar';
import { auditLog } from '../platform/audit/tables';
import { buildStaff, buildUnit, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { decisions, legalBases } from '../decisions/tables';
import { contactPersons } from '../contact-persons/tables';
import { insertOffer } from './repo';
import { executionFacts, type AssignmentEndReason, ASSIGNMENT_END_REASONS } from './rules';
import { assignmentInterruptions, assignments, offers } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ks: ApiClient;
let ec: ApiClient;
let ksOther: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  ks = await login(h.app, staff.ks.username);
  ec = await login(h.app, staff.ec.username);
  const other = await buildUnit(h.db, { route: 'LSS' });
  ksOther = await login(h.app, (await buildUser(h.db, { role: 'kontaktsekreterare', unitId: other.id })).username);
});
afterAll(() => h.close());

async function cp(o: Partial<typeof contactPersons.$inferInsert> = {}) {
  const [row] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: `19800101${String(1000 + ++n).slice(-4)}`, firstName: `Kalle${n}`, lastName: 'Kontakt', source: 'staff', appliedDate: '2025-01-01', approvedDate: '2025-02-01', capacity: 1, ...o })
    .returning();
  return row;
}

/** A case with a favourable decision (inserted, as the decisions stage leaves it) and its order sent to ks's unit. */
async function ordered(d: Partial<typeof decisions.$inferInsert> = {}) {
  const p = await hl.post('/api/persons', personBody(5000 + ++n, { firstName: 'Sara' }));
  const c = (await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-01-02' })).json();
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [dec] = await h.db
    .insert(decisions)
    .values({
      caseId: c.id,
      state: 'decided',
      outcome: 'granted',
      reasons: 'Behovet är styrkt.',
      legalBasisId: lb.id,
      decisionDate: '2026-02-01',
      scopeUnit: 'meetings_per_week',
      scopeAmount: 1,
      level: 'niva1',
      contactPersonCount: 1,
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      ...d,
    })
    .returning();
  const o = await hl.post(`/api/cases/${c.id}/order`, { decisionId: dec.id, providerUnitId: staff.lss.id });
  expect(o.statusCode, o.body).toBe(201);
  return { caseId: c.id as string, decision: dec, orderId: o.json().id as string };
}

async function offer(orderId: string, contactPersonId: string, offeredDate = '2026-03-01') {
  return h.db.transaction((tx) => insertOffer(tx, { orderId, contactPersonId, offeredDate, createdBy: null }));
}

type Page = { offers: Array<{ id: string; version: number; state: string; assignment: { id: string } | null; meetings: Array<{ id: string; cancelled: boolean; outcome: string | null }>; abilities: Record<string, boolean> }>; openPlaces: number; progressLabel: string | null; defaultRateLevel: string | null };
const offerOf = (p: Page, id: string) => p.offers.find((x) => x.id === id)!;

async function ok<T = any>(r: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const res = await r;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function load(cpId: string) {
  const [row] = await h.db.select({ load: contactPersons.currentLoad }).from(contactPersons).where(eq(contactPersons.id, cpId));
  return row.load;
}
async function status(caseId: string) {
  return (await hl.get(`/api/cases/${caseId}`)).json().status as string;
}

/** Offer → accepted → meeting → go ahead → assignment, through the API; returns the assignment. */
async function toAssignment(orderId: string, cpId: string, terms: Record<string, unknown> = {}) {
  const f = await offer(orderId, cpId);
  let p: Page = await ok(ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'accepted', responseDate: '2026-03-02' }));
  p = await ok(ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-05', time: '10:00', place: 'Kontoret' }));
  p = await ok(ks.post(`/api/offers/${f.id}/outcome`, { version: offerOf(p, f.id).version, outcome: 'go_ahead', outcomeDate: '2026-03-05' }));
  p = await ok(
    ks.post(`/api/offers/${f.id}/assignment`, { version: offerOf(p, f.id).version, rateLevel: 'niva1', meetingsPerMonth: 4, activities: 'Fika', periodFrom: '2026-03-09', periodTo: null, agreementDate: '2026-03-06', ...terms }),
    201,
  );
  const a = await ok(ks.get(`/api/assignments/${offerOf(p, f.id).assignment!.id}`));
  return { f, a: a as { id: string; version: number } & Record<string, unknown> };
}

async function executed(orderId: string, cpId: string, startDate = '2026-03-10') {
  const { f, a } = await toAssignment(orderId, cpId);
  let x = await ok<{ version: number }>(ks.post(`/api/assignments/${a.id}/signatures`, { version: a.version, personSignedDate: '2026-03-07', contactPersonSignedDate: '2026-03-08' }));
  x = await ok(ks.post(`/api/assignments/${a.id}/start`, { version: x.version, startDate }));
  return { f, a: x as { id: string; version: number } & Record<string, unknown> };
}

describe('the offer', () => {
  it('a no closes the offer and returns the place; a yes waits for the matchningsmöte; stale versions and bad dates are refused', async () => {
    const { orderId } = await ordered();
    const k = await cp();
    const f = await offer(orderId, k.id);
    expect(await load(k.id)).toBe(1);
    // The contact person's last place is taken: another offer of them is refused.
    const other = await ordered();
    await expect(offer(other.orderId, k.id)).rejects.toMatchObject({ code: 'OFFER_NO_PLACE' });
    const future = await ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'declined', responseDate: '2026-03-17' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0]).toMatchObject({ path: 'responseDate' });
    const p: Page = await ok(ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'declined', responseDate: '2026-03-03', note: 'Vill vänta.' }));
    expect(offerOf(p, f.id)).toMatchObject({ state: 'closed', abilities: { canAnswer: false, canBook: false } });
    expect(await load(k.id)).toBe(0);
    const stale = await ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'accepted', responseDate: '2026-03-03' });
    expect(stale.statusCode).toBe(409);
    const [row] = await h.db.select().from(offers).where(eq(offers.id, f.id));
    expect(row).toMatchObject({ response: 'declined', closedReason: 'declined', closedDate: '2026-03-03', responseNote: 'Vill vänta.' });
  });

  it('withdrawn and contact person declined close the offer with their reasons', async () => {
    const { orderId } = await ordered({ contactPersonCount: 2 });
    const [k1, k2] = [await cp(), await cp()];
    const f1 = await offer(orderId, k1.id);
    const f2 = await offer(orderId, k2.id);
    await ok(ks.post(`/api/offers/${f1.id}/close`, { version: f1.version, reason: 'withdrawn', closedDate: '2026-03-04' }));
    const p: Page = await ok(ks.post(`/api/offers/${f2.id}/close`, { version: f2.version, reason: 'contact_person_declined', closedDate: '2026-03-04', note: 'Flyttar.' }));
    expect(p.openPlaces).toBe(2);
    const rows = await h.db.select().from(offers).where(eq(offers.orderId, orderId));
    expect(rows.map((r) => r.closedReason).sort()).toEqual(['contact_person_declined', 'withdrawn']);
    const again = await ks.post(`/api/offers/${f1.id}/close`, { version: f1.version + 1, reason: 'withdrawn', closedDate: '2026-03-04' });
    expect(again.json().code).toBe('OFFER_CLOSED');
  });

  it('the matchningsmöte: booked, rebooked (history kept), .ics; no chemistry closes and excludes the candidate for this order', async () => {
    const { orderId } = await ordered();
    const k = await cp({ capacity: 2 });
    const f = await offer(orderId, k.id);
    const early = await ks.post(`/api/offers/${f.id}/meetings`, { version: f.version, date: '2026-03-05', time: '10:00', place: 'Kontoret' });
    expect(early.json().code).toBe('OFFER_NOT_ACCEPTED');
    let p: Page = await ok(ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'accepted', responseDate: '2026-03-02' }));
    const badTime = await ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-05', time: '25:00', place: 'Kontoret' });
    expect(badTime.json().fields).toEqual([expect.objectContaining({ path: 'time' })]);
    p = await ok(ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-05', time: '10:00', place: 'Kontoret', participants: 'Alla' }));
    const noReason = await ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-06', time: '11:00', place: 'Biblioteket' });
    expect(noReason.json().fields).toEqual([expect.objectContaining({ path: 'cancelReason' })]);
    p = await ok(ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-06', time: '11:00', place: 'Biblioteket', cancelReason: 'Personen var sjuk.' }));
    const meetings = offerOf(p, f.id).meetings;
    expect(meetings.map((m) => m.cancelled)).toEqual([true, false]);
    const ics = await ks.get(`/api/offers/${f.id}/meetings/${meetings[1].id}/kalender.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body).toContain('DTSTART;TZID=Europe/Stockholm:20260306T110000');
    expect(ics.body).toContain('Biblioteket');
    expect(ics.body).not.toContain('Sara');
    const why = await ks.post(`/api/offers/${f.id}/outcome`, { version: offerOf(p, f.id).version, outcome: 'no_chemistry', outcomeDate: '2026-03-06' });
    expect(why.json().fields).toEqual([expect.objectContaining({ path: 'note' })]);
    p = await ok(ks.post(`/api/offers/${f.id}/outcome`, { version: offerOf(p, f.id).version, outcome: 'no_chemistry', outcomeDate: '2026-03-06', note: 'De hade inget att prata om.' }));
    expect(offerOf(p, f.id).state).toBe('closed');
    const [row] = await h.db.select().from(offers).where(eq(offers.id, f.id));
    expect(row).toMatchObject({ closedReason: 'no_chemistry', closedNote: 'De hade inget att prata om.' });
    expect(await load(k.id)).toBe(0);
    await expect(offer(orderId, k.id)).rejects.toMatchObject({ code: 'OFFER_CP_EXCLUDED' });
    // Another order may still have them.
    const other = await ordered();
    await expect(offer(other.orderId, k.id)).resolves.toMatchObject({ orderId: other.orderId });
  });

  it('two coordinators taking the last place at once: one wins, the other gets 409', async () => {
    const a = await ordered();
    const b = await ordered();
    const k = await cp();
    const results = await Promise.allSettled([offer(a.orderId, k.id), offer(b.orderId, k.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'OFFER_NO_PLACE', status: 409 });
    expect(await load(k.id)).toBe(1);
  });
});

describe('the assignment', () => {
  it('agreement from a go-ahead offer: rate level defaulted from the decision, period within the decision, PDF with the amounts', async () => {
    const { orderId } = await ordered();
    const k = await cp();
    const f = await offer(orderId, k.id);
    let p: Page = await ok(ks.post(`/api/offers/${f.id}/answer`, { version: f.version, response: 'accepted', responseDate: '2026-03-02' }));
    expect(p.defaultRateLevel).toBe('niva1');
    const notYet = await ks.post(`/api/offers/${f.id}/assignment`, { version: offerOf(p, f.id).version, rateLevel: 'niva1', periodFrom: '2026-03-09', agreementDate: '2026-03-06' });
    expect(notYet.json().code).toBe('OFFER_NOT_GONE_AHEAD');
    p = await ok(ks.post(`/api/offers/${f.id}/meetings`, { version: offerOf(p, f.id).version, date: '2026-03-05', time: '10:00', place: 'Kontoret' }));
    p = await ok(ks.post(`/api/offers/${f.id}/outcome`, { version: offerOf(p, f.id).version, outcome: 'go_ahead', outcomeDate: '2026-03-05' }));
    const v = offerOf(p, f.id).version;
    const before = await ks.post(`/api/offers/${f.id}/assignment`, { version: v, rateLevel: 'niva1', periodFrom: '2026-01-09', agreementDate: '2026-03-06' });
    expect(before.json().fields).toEqual([expect.objectContaining({ path: 'periodFrom' })]);
    const noRate = await ks.post(`/api/offers/${f.id}/assignment`, { version: v, rateLevel: 'niva9', periodFrom: '2026-03-09', agreementDate: '2026-03-06' });
    expect(noRate.json().fields).toEqual([expect.objectContaining({ path: 'rateLevel' })]);
    p = await ok(
      ks.post(`/api/offers/${f.id}/assignment`, { version: v, rateLevel: 'niva1', meetingsPerMonth: 4, frequencyText: 'En gång i veckan', activities: 'Fika och promenader', periodFrom: '2026-03-09', agreementDate: '2026-03-06' }),
      201,
    );
    const id = offerOf(p, f.id).assignment!.id;
    expect(await load(k.id)).toBe(1); // the assignment holds the place through its offer
    const a = await ok<Record<string, unknown>>(ks.get(`/api/assignments/${id}`));
    // niva1 2026: 20 % of 59 200 kr / 12 = 986,67 → 987 kr; omkostnad 10 % → 493 kr (whole kronor).
    expect(a).toMatchObject({ rateLevel: 'niva1', rateLevelName: 'Nivå 1', amounts: { arvode: '987\u00a0kr', omkostnad: '493\u00a0kr' }, phase: 'agreement', abilities: { canStart: false, canSign: true } });
    const pdf = await ks.get(`/api/assignments/${id}/uppdragsavtal.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Du får 987 kr i arvode per månad');
    expect(text).toContain('Du får också 493 kr per månad');
    expect(text).toContain('Ni ses 4 gånger i månaden');
    expect(text).toContain('Fika och promenader');
    expect(text).toContain('tystnadsplikt');
    const forordnande = await ks.get(`/api/assignments/${id}/forordnande.pdf`);
    expect(pdfText(forordnande.rawPayload)).toContain('Förordnande som kontaktperson');
    // The terms change until someone signs.
    const changed = await ok<{ version: number; meetingsPerMonth: number }>(
      ks.put(`/api/assignments/${id}/agreement`, { version: a.version, rateLevel: 'niva2', meetingsPerMonth: 8, periodFrom: '2026-03-09', periodTo: '2027-01-31', agreementDate: '2026-03-06' }),
    );
    expect(changed.meetingsPerMonth).toBe(8);
    const signed = await ok<{ version: number; abilities: Record<string, boolean> }>(ks.post(`/api/assignments/${id}/signatures`, { version: changed.version, personSignedDate: '2026-03-07' }));
    expect(signed.abilities).toMatchObject({ canEditAgreement: false, canSign: true, canStart: false });
    const locked = await ks.put(`/api/assignments/${id}/agreement`, { version: signed.version, rateLevel: 'niva1', periodFrom: '2026-03-09', agreementDate: '2026-03-06' });
    expect(locked.json().code).toBe('ASSIGNMENT_SIGNED');
    const appointed = await ok<{ appointedDate: string }>(ks.post(`/api/assignments/${id}/appointment`, { version: signed.version, appointedDate: '2026-03-07' }));
    expect(appointed.appointedDate).toBe('2026-03-07');
  });

  it('verkställ: both signed first, not in the future; the case becomes Verkställd, delvis (1 av 2) when two are granted', async () => {
    const { caseId, orderId } = await ordered({ contactPersonCount: 2 });
    const { a } = await toAssignment(orderId, (await cp()).id);
    const unsigned = await ks.post(`/api/assignments/${a.id}/start`, { version: a.version, startDate: '2026-03-10' });
    expect(unsigned.json().code).toBe('ASSIGNMENT_NOT_SIGNED');
    const s = await ok<{ version: number }>(ks.post(`/api/assignments/${a.id}/signatures`, { version: a.version, personSignedDate: '2026-03-07', contactPersonSignedDate: '2026-03-08' }));
    const future = await ks.post(`/api/assignments/${a.id}/start`, { version: s.version, startDate: '2026-03-17' });
    expect(future.json().fields).toEqual([expect.objectContaining({ path: 'startDate' })]);
    const beforeSigned = await ks.post(`/api/assignments/${a.id}/start`, { version: s.version, startDate: '2026-03-07' });
    expect(beforeSigned.json().fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'startDate', message: expect.stringContaining('skrevs under') })]));
    expect(await status(caseId)).toBe('matching');
    const started = await ok<{ phase: string; progressLabel: string; version: number }>(ks.post(`/api/assignments/${a.id}/start`, { version: s.version, startDate: '2026-03-10' }));
    expect(started).toMatchObject({ phase: 'running', progressLabel: 'Delvis verkställt (1 av 2)' });
    expect(await status(caseId)).toBe('executed');
    const page: Page = await ok(ks.get(`/api/orders/${orderId}/offers`));
    expect(page.progressLabel).toBe('Delvis verkställt (1 av 2)');
    expect(page.openPlaces).toBe(1);
    // The handläggare sees the execution: the first name only.
    const ex = await ok<{ progressLabel: string; assignments: Array<Record<string, unknown>> }>(hl.get(`/api/cases/${caseId}/execution`));
    expect(ex.progressLabel).toBe('Delvis verkställt (1 av 2)');
    expect(ex.assignments[0]).toMatchObject({ startDate: '2026-03-10', contactPersonFirstName: expect.stringMatching(/^Kalle/) });
    expect(JSON.stringify(ex)).not.toMatch(/Kontakt"|lastName|1980/);
  });

  it('avbrott and återuppta keep history; the status follows (Avbrott ↔ Verkställd)', async () => {
    const { caseId, orderId } = await ordered();
    const { a } = await executed(orderId, (await cp()).id);
    const beforeStart = await ks.post(`/api/assignments/${a.id}/interruptions`, { version: a.version, fromDate: '2026-03-09', reason: 'Semester' });
    expect(beforeStart.json().fields).toEqual([expect.objectContaining({ path: 'fromDate' })]);
    let x = await ok<{ version: number; phase: string; abilities: Record<string, boolean> }>(ks.post(`/api/assignments/${a.id}/interruptions`, { version: a.version, fromDate: '2026-03-12', reason: 'Kontaktpersonen är sjuk' }));
    expect(x).toMatchObject({ phase: 'interrupted', abilities: { canInterrupt: false, canResume: true } });
    expect(await status(caseId)).toBe('interrupted');
    const early = await ks.post(`/api/assignments/${a.id}/resume`, { version: x.version, resumedDate: '2026-03-12' });
    expect(early.json().fields).toEqual([expect.objectContaining({ path: 'resumedDate' })]);
    x = await ok(ks.post(`/api/assignments/${a.id}/resume`, { version: x.version, resumedDate: '2026-03-14' }));
    expect(x.phase).toBe('running');
    expect(await status(caseId)).toBe('executed');
    x = await ok(ks.post(`/api/assignments/${a.id}/interruptions`, { version: x.version, fromDate: '2026-03-15', reason: 'Personen är bortrest' }));
    const rows = await h.db.select().from(assignmentInterruptions).where(eq(assignmentInterruptions.assignmentId, a.id));
    expect(rows.map((r) => [r.fromDate, r.resumedDate])).toEqual(
      expect.arrayContaining([
        ['2026-03-12', '2026-03-14'],
        ['2026-03-15', null],
      ]),
    );
    const stale = await ks.post(`/api/assignments/${a.id}/resume`, { version: a.version, resumedDate: '2026-03-16' });
    expect(stale.statusCode).toBe(409);
  });

  it('avsluta, the contact person stopped: the offer closes (place returns), the order waits for a replacement under the same decision', async () => {
    const { caseId, orderId, decision } = await ordered();
    const k = await cp();
    const { f, a } = await executed(orderId, k.id);
    expect(await load(k.id)).toBe(1);
    const x = await ok<{ phase: string; endsDecision: boolean; abilities: Record<string, boolean> }>(
      ks.post(`/api/assignments/${a.id}/end`, { version: a.version, endDate: '2026-03-13', reason: 'contact_person_stopped', note: 'Fick nytt jobb.' }),
    );
    expect(x).toMatchObject({ phase: 'ended', endsDecision: false, abilities: { canEnd: false, canInterrupt: false } });
    const [o] = await h.db.select().from(offers).where(eq(offers.id, f.id));
    expect(o).toMatchObject({ closedReason: 'ended', closedDate: '2026-03-13' });
    expect(await load(k.id)).toBe(0);
    // The gap counts as an avbrott until a replacement starts; the order has a place open again.
    expect(await status(caseId)).toBe('interrupted');
    const page: Page = await ok(ks.get(`/api/orders/${orderId}/offers`));
    expect(page.openPlaces).toBe(1);
    const replacement = await executed(orderId, (await cp()).id, '2026-03-15');
    expect(replacement.f.decisionId).toBe(decision.id);
    expect(await status(caseId)).toBe('executed');
    const again = await ks.post(`/api/assignments/${a.id}/end`, { version: (x as unknown as { version: number }).version, endDate: '2026-03-14', reason: 'other' });
    expect(again.json().code).toBe('ASSIGNMENT_ENDED');
  });

  it("avsluta, the person's wish: the case is ended", async () => {
    const { caseId, orderId } = await ordered();
    const { a } = await executed(orderId, (await cp()).id);
    const early = await ks.post(`/api/assignments/${a.id}/end`, { version: a.version, endDate: '2026-03-09', reason: 'person_wish' });
    expect(early.json().fields).toEqual([expect.objectContaining({ path: 'endDate' })]);
    await ok(ks.post(`/api/assignments/${a.id}/end`, { version: a.version, endDate: '2026-03-15', reason: 'person_wish' }));
    expect(await status(caseId)).toBe('ended');
  });

  it('scope: another unit gets 404, the handläggare 403, the enhetschef reads but may not write; every read and write is logged', async () => {
    const { orderId } = await ordered();
    const { a } = await toAssignment(orderId, (await cp()).id);
    expect((await ksOther.get(`/api/assignments/${a.id}`)).statusCode).toBe(404);
    expect((await ksOther.get(`/api/orders/${orderId}/offers`)).statusCode).toBe(404);
    expect((await hl.get(`/api/assignments/${a.id}`)).statusCode).toBe(403);
    const seen = await ok<{ abilities: Record<string, boolean> }>(ec.get(`/api/assignments/${a.id}`));
    expect(Object.values(seen.abilities).every((v) => !v)).toBe(true);
    expect((await ec.post(`/api/assignments/${a.id}/signatures`, { version: a.version, personSignedDate: '2026-03-07' })).statusCode).toBe(403);
    const entries = await h.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'assignment'), eq(auditLog.entityId, a.id)));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['assignment.read']));
    const offerEntries = await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, 'offer'));
    expect(new Set(offerEntries.map((e) => e.action))).toEqual(new Set(['offer.answer', 'offer.close', 'offer.meeting_book', 'offer.meeting_outcome', 'offer.calendar_file', 'assignment.create']));
  });
});

describe('executionFacts (rules.ts) = case_facts_source (SQL)', () => {
  it('for random assignment and interruption histories', async () => {
    const { caseId, orderId, decision } = await ordered({ contactPersonCount: 3 });
    const cps = [await cp(), await cp(), await cp()];
    const day = (i: number) => addDays('2026-01-01', i);
    const history = fc.array(
      fc.record({
        start: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        end: fc.option(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom<AssignmentEndReason>(...ASSIGNMENT_END_REASONS)), { nil: null }),
        interruptions: fc.array(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: null })), { maxLength: 2 }),
      }),
      { maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(history, async (hs) => {
        await h.db.delete(assignmentInterruptions);
        await h.db.delete(assignments).where(eq(assignments.orderId, orderId));
        await h.db.delete(offers).where(eq(offers.orderId, orderId));
        const facts = [];
        for (const [i, x] of hs.entries()) {
          const [f] = await h.db.insert(offers).values({ orderId, decisionId: decision.id, caseId, providerUnitId: staff.lss.id, contactPersonId: cps[i].id, offeredDate: '2025-12-01' }).returning();
          const startDate = x.start === null ? null : day(x.start);
          const endDate = x.end === null ? null : day((x.start ?? 0) + x.end[0]);
          const endReason = x.end === null ? null : x.end[1];
          const [a] = await h.db
            .insert(assignments)
            .values({ offerId: f.id, orderId, decisionId: decision.id, caseId, providerUnitId: staff.lss.id, contactPersonId: cps[i].id, rateLevel: 'niva1', periodFrom: '2026-01-01', startDate, endDate, endReason })
            .returning();
          const ints = x.interruptions.map(([from, len]) => ({ from: day(from), resumed: len === null ? null : day(from + len) }));
          for (const it of ints) await h.db.insert(assignmentInterruptions).values({ assignmentId: a.id, fromDate: it.from, resumedDate: it.resumed, reason: 'x' });
          facts.push({ startDate, endDate, endReason, interruptions: ints });
        }
        const r = (await h.db.execute(
          sql`select executed_date::text as e, ended_date::text as d, interrupted_since::text as i from case_facts_source where case_id = ${caseId}`,
        )) as unknown as { rows: { e: string | null; d: string | null; i: string | null }[] };
        const kept = (await h.db.execute(
          sql`select executed_date::text as e, ended_date::text as d, interrupted_since::text as i from case_facts where case_id = ${caseId}`,
        )) as unknown as { rows: { e: string | null; d: string | null; i: string | null }[] };
        const want = executionFacts(facts);
        expect({ executedDate: r.rows[0].e, endedDate: r.rows[0].d, interruptedSince: r.rows[0].i }).toEqual(want);
        expect(kept.rows[0]).toEqual(r.rows[0]);
      }),
      { numRuns: 25 },
    );
  });
});

function pdfText(buf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avtal-'));
  const file = path.join(dir, 'a.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
