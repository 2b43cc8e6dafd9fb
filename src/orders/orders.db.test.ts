// Orders on a real database: send (once, also when two sends race), the provider's inbox per unit, open, confirm,
// return with a question, answer and resend, stale versions, bad input and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildStaff, buildUnit, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { decisions, legalBases } from '../decisions/tables';
import { investigations } from '../investigation/tables';
import { auditLog } from '../platform/audit/tables';
import { orderEvents, orders } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let hs: ApiClient;
let ks: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' }); // a Monday
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  hs = await login(h.app, staff.hs.username);
  ks = await login(h.app, staff.ks.username);
});
afterAll(() => h.close());

async function newCase(api: ApiClient = hl, person: Record<string, unknown> = {}, route: 'LSS' | 'SOL' = 'LSS') {
  const p = await api.post('/api/persons', personBody(2000 + ++n, person));
  expect(p.statusCode, p.body).toBe(201);
  const r = await api.post('/api/cases', { personId: p.json().id, route, requester: 'person', channel: 'phone', receivedDate: '2026-03-02' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; caseNumber: string; person: { id: string }; unit: { id: string } };
}

/** A decision as the decisions stage leaves it (inserted directly: this stage only reads the table). */
async function decided(caseId: string, o: Partial<typeof decisions.$inferInsert> = {}) {
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({
      caseId,
      state: 'decided',
      outcome: 'granted',
      reasons: 'Behovet är styrkt.',
      legalBasisId: lb.id,
      decisionDate: '2026-03-10',
      scopeUnit: 'meetings_per_week',
      scopeAmount: 1,
      contactPersonCount: 1,
      startDate: '2026-03-10',
      endDate: '2027-03-09',
      ...o,
    })
    .returning();
  return d;
}

async function sendFor(caseId: string, decisionId: string, api = hl, body: Record<string, unknown> = {}) {
  return api.post(`/api/cases/${caseId}/order`, { decisionId, ...body });
}

async function sent(o: { person?: Record<string, unknown> } = {}) {
  const c = await newCase(hl, o.person);
  const d = await decided(c.id);
  const r = await sendFor(c.id, d.id, hl, { information: 'Tycker om fotboll.' });
  expect(r.statusCode, r.body).toBe(201);
  return { c, d, order: r.json() };
}

async function count(table: string, where = 'true') {
  const r = (await h.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

describe('sending an order', () => {
  it('sends the favourable decision with what execution needs, and the inbox and case page show it', async () => {
    const c = await newCase();
    await h.db.insert(investigations).values({
      caseId: c.id,
      startedDate: '2026-03-03',
      needInOwnWords: 'HEMLIG UTREDNINGSTEXT',
      assessment: 'HEMLIG BEDÖMNING',
      wishedGender: 'woman',
      wishedAgeMin: 30,
      wishedAgeMax: 50,
      wishedInterests: ['fotboll'],
      wishedLanguages: ['arabiska'],
      wishesOther: 'Gärna någon som har hund.',
    });
    const d = await decided(c.id);
    const before = await hl.get(`/api/cases/${c.id}/order`);
    expect(before.json()).toMatchObject({ decision: { id: d.id, scope: '1 träff i veckan' }, order: null, abilities: { canSend: true }, defaultProviderUnitId: staff.lss.id });
    const r = await sendFor(c.id, d.id, hl, { information: 'Personen är rädd för hundar.' });
    expect(r.statusCode, r.body).toBe(201);
    const o = r.json();
    expect(o).toMatchObject({
      state: 'sent',
      stateLabel: 'Skickad',
      sentDate: '2026-03-16',
      confirmDeadline: '2026-03-18',
      overdue: false,
      providerUnit: { id: staff.lss.id },
      decision: { id: d.id, outcomeLabel: 'Bifall', legalBasis: expect.stringContaining('9 § 4'), scope: '1 träff i veckan', startDate: '2026-03-10', endDate: '2027-03-09' },
      wishes: { gender: 'Kvinna', ageMin: 30, ageMax: 50, interests: ['fotboll'], languages: ['arabiska'], other: 'Gärna någon som har hund.' },
      information: 'Personen är rädd för hundar.',
      person: { contact: { streetAddress: 'Provgatan 1', phone: '070-123 45 67' }, contactNote: null },
      events: [{ kind: 'sent', date: '2026-03-16' }],
    });
    // Nothing more of the investigation travels.
    expect(JSON.stringify(o)).not.toMatch(/HEMLIG/);
    const inbox = (await ks.get('/api/orders')).json();
    expect(inbox.items.map((x: { id: string }) => x.id)).toContain(o.id);
    const seen = await ks.get(`/api/orders/${o.id}`);
    expect(seen.statusCode).toBe(200);
    expect(JSON.stringify(seen.json())).not.toMatch(/HEMLIG/);
    const page = (await hl.get(`/api/cases/${c.id}/order`)).json();
    expect(page).toMatchObject({ order: { id: o.id, state: 'sent' }, abilities: { canSend: false } });
    // The case is "Beställd".
    expect((await hl.get(`/api/cases/${c.id}`)).json().status).toBe('ordered');
  });

  it('never writes a protected person’s contact details into the order', async () => {
    const { order } = await sent({ person: { protectedIdentity: true } });
    const seen = (await ks.get(`/api/orders/${order.id}`)).json();
    expect(seen.person.contact).toBeNull();
    expect(seen.person.contactNote).toMatch(/Kontakt via handläggaren/);
    expect(JSON.stringify(seen)).not.toMatch(/Provgatan|070-123/);
  });

  it('sending twice never makes two orders: the second is 409, also when both race', async () => {
    const { c, d, order } = await sent();
    const again = await sendFor(c.id, d.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORDER_ALREADY_SENT');
    expect(await count('orders', `decision_id = '${d.id}'`)).toBe(1);
    expect(await count('order_events', `order_id = '${order.id}'`)).toBe(1);

    const c2 = await newCase();
    const d2 = await decided(c2.id);
    const results = await Promise.all([sendFor(c2.id, d2.id), sendFor(c2.id, d2.id), sendFor(c2.id, d2.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('ORDER_ALREADY_SENT');
    expect(await count('orders', `decision_id = '${d2.id}'`)).toBe(1);
    expect(await count('audit_log', `action = 'order.send' and details->>'decisionId' = '${d2.id}'`)).toBe(1);
  });

  it('refuses without a favourable decided decision, with a stale decision, outside scope and without permission', async () => {
    const c = await newCase();
    const none = await sendFor(c.id, '00000000-0000-4000-8000-000000000000');
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('ORDER_NO_FAVOURABLE_DECISION');
    const rejected = await decided(c.id, { outcome: 'rejected', scopeUnit: null, scopeAmount: null });
    expect((await sendFor(c.id, rejected.id)).json().code).toBe('ORDER_NO_FAVOURABLE_DECISION');
    expect((await hl.get(`/api/cases/${c.id}/order`)).json()).toMatchObject({ decision: null, abilities: { canSend: false } });

    const c2 = await newCase();
    const draft = await decided(c2.id, { state: 'draft' });
    expect((await sendFor(c2.id, draft.id)).json().code).toBe('ORDER_NO_FAVOURABLE_DECISION');

    // A newer decision replaced the one on the page.
    const c3 = await newCase();
    const old = await decided(c3.id, { decisionDate: '2026-03-01' });
    await decided(c3.id, { decisionDate: '2026-03-12', previousDecisionId: old.id, succession: 'change' });
    const stale = await sendFor(c3.id, old.id);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().fields[0].path).toBe('decisionId');

    const c4 = await newCase();
    const d4 = await decided(c4.id);
    expect((await sendFor(c4.id, d4.id, hs)).statusCode).toBe(404); // the other unit's handläggare
    expect((await sendFor(c4.id, d4.id, ks)).statusCode).toBe(403); // no order:send
    expect(await count('orders', `case_id in ('${c.id}','${c2.id}','${c3.id}','${c4.id}')`)).toBe(0);
  });

  it('sends to a chosen provider unit that has a kontaktsekreterare, and refuses one without', async () => {
    const c = await newCase(hs, {}, 'SOL');
    const d = await decided(c.id);
    // The SoL unit has no kontaktsekreterare; the only unit that has one is the default.
    expect((await hs.get(`/api/cases/${c.id}/order`)).json()).toMatchObject({ providerUnits: expect.arrayContaining([{ id: staff.lss.id, name: staff.lss.name }]) });
    const empty = await buildUnit(h.db, { route: 'SOL' });
    const bad = await sendFor(c.id, d.id, hs, { providerUnitId: empty.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('providerUnitId');
    const ok = await sendFor(c.id, d.id, hs, { providerUnitId: staff.lss.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().providerUnit.id).toBe(staff.lss.id);
  });

  it('refuses bad input with a Swedish 400', async () => {
    const c = await newCase();
    const d = await decided(c.id);
    const long = await sendFor(c.id, d.id, hl, { information: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0]).toMatchObject({ path: 'information', message: expect.stringMatching(/högst 4 000 tecken/) });
    const ctrl = await sendFor(c.id, d.id, hl, { information: 'a\u0000b' });
    expect(ctrl.statusCode).toBe(400);
    const notId = await hl.post(`/api/cases/${c.id}/order`, { decisionId: 'inte-ett-id' });
    expect(notId.json().fields[0].path).toBe('decisionId');
    expect(await count('orders', `case_id = '${c.id}'`)).toBe(0);
  });
});

describe('the provider’s inbox', () => {
  it('shows only the unit’s open orders, oldest first, with deadline and overdue', async () => {
    const other = await buildUnit(h.db, { route: 'LSS' });
    const ksOther = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: other.id });
    const ksOtherApi = await login(h.app, ksOther.username);
    const a = await sent();
    // An older order, sent on the Wednesday before: the deadline (Friday 13th) has passed.
    await h.db.update(orders).set({ sentDate: '2026-03-11' }).where(eq(orders.id, a.order.id));
    const c = await newCase();
    const d = await decided(c.id);
    const b = (await sendFor(c.id, d.id, hl, { providerUnitId: other.id })).json();

    const mine = (await ks.get('/api/orders?pageSize=100')).json();
    const ids = mine.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(a.order.id);
    expect(ids).not.toContain(b.id);
    expect(ids[0]).toBe(a.order.id);
    expect(mine.items[0]).toMatchObject({ sentDate: '2026-03-11', confirmDeadline: '2026-03-13', overdue: true, stateLabel: 'Skickad' });
    expect(mine.overdue).toBe(mine.items.filter((x: { overdue: boolean }) => x.overdue).length);
    expect(mine.overdue).toBeGreaterThanOrEqual(1);

    const theirs = (await ksOtherApi.get('/api/orders')).json();
    expect(theirs.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(theirs.overdue).toBe(0);
    // Another unit's order does not exist for them.
    expect((await ksOtherApi.get(`/api/orders/${a.order.id}`)).statusCode).toBe(404);
    expect((await ksOtherApi.post(`/api/orders/${a.order.id}/confirm`, { version: a.order.version, confirmedDate: '2026-03-16' })).statusCode).toBe(404);
    // A handläggare reads no inbox.
    expect((await hl.get('/api/orders')).statusCode).toBe(403);
    // "Mina ärenden" flags the overdue order.
    const list = (await hl.get('/api/cases?pageSize=100')).json();
    const row = list.items.find((x: { id: string }) => x.id === a.c.id);
    expect(row.warnings.map((w: { code: string }) => w.code)).toEqual(['ORDER_NOT_CONFIRMED']);
    expect(row.warnings[0].message).toContain('2026-03-13');
    expect(list.items.find((x: { id: string }) => x.id === c.id).warnings).toEqual([]);
  });
});

describe('confirm, return, answer', () => {
  it('confirms with a valid date; the case page shows "Mottagen"', async () => {
    const { c, order } = await sent();
    const future = await ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-03-17' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('confirmedDate');
    const early = await ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-03-13' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].message).toMatch(/före dagen beställningen skickades/);
    const ok = await ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-03-16' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'confirmed', stateLabel: 'Mottagen', confirmedDate: '2026-03-16', abilities: { canConfirm: false, canReturn: false } });
    // Stale version → 409; confirming again → 409 with its own code.
    expect((await ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-03-16' })).json().code).toBe('VERSION_CONFLICT');
    expect((await ks.post(`/api/orders/${order.id}/confirm`, { version: ok.json().version, confirmedDate: '2026-03-16' })).json().code).toBe('ORDER_ALREADY_CONFIRMED');
    const page = (await hl.get(`/api/cases/${c.id}/order`)).json();
    expect(page.order).toMatchObject({ stateLabel: 'Mottagen', confirmedDate: '2026-03-16' });
    expect((await hl.get(`/api/cases/${c.id}`)).json().status).toBe('order_confirmed');
    // No longer in the inbox.
    expect((await ks.get('/api/orders?pageSize=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(order.id);
    // Only the kontaktsekreterare confirms.
    const other = await sent();
    expect((await hl.post(`/api/orders/${other.order.id}/confirm`, { version: 1, confirmedDate: '2026-03-16' })).statusCode).toBe(403);
  });

  it('returns with a question, the handläggare answers and the order is back in the inbox', async () => {
    const { c, order } = await sent();
    await h.db.update(orders).set({ sentDate: '2026-03-12' }).where(eq(orders.id, order.id));
    const empty = await ks.post(`/api/orders/${order.id}/return`, { version: order.version, question: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('question');
    const r = await ks.post(`/api/orders/${order.id}/return`, { version: order.version, question: 'Vilken tid på dagen passar?' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'returned', stateLabel: 'Återsänd med fråga', returnQuestion: 'Vilken tid på dagen passar?' });
    expect((await ks.get('/api/orders?pageSize=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(order.id);
    // A returned order cannot be confirmed until answered.
    expect((await ks.post(`/api/orders/${order.id}/confirm`, { version: r.json().version, confirmedDate: '2026-03-16' })).json().code).toBe('ORDER_RETURNED');
    // The handläggare sees the question and answers it; the other unit's handläggare cannot.
    const page = (await hl.get(`/api/cases/${c.id}/order`)).json();
    expect(page.order).toMatchObject({ state: 'returned', abilities: { canAnswer: true } });
    expect((await hs.post(`/api/orders/${order.id}/answer`, { version: r.json().version, answer: 'Eftermiddagar.' })).statusCode).toBe(404);
    expect((await ks.post(`/api/orders/${order.id}/answer`, { version: r.json().version, answer: 'Eftermiddagar.' })).statusCode).toBe(403);
    expect((await hl.post(`/api/orders/${order.id}/answer`, { version: order.version, answer: 'Eftermiddagar.' })).json().code).toBe('VERSION_CONFLICT');
    const a = await hl.post(`/api/orders/${order.id}/answer`, { version: r.json().version, answer: 'Eftermiddagar.' });
    expect(a.statusCode, a.body).toBe(200);
    // Resent today: the confirm clock starts anew from the first send (2026-03-12, set below the sent order).
    expect(a.json()).toMatchObject({ state: 'sent', sentDate: '2026-03-16', confirmDeadline: '2026-03-18', overdue: false, returnQuestion: null });
    expect(a.json().events.map((e: { kind: string; text: string | null }) => [e.kind, e.text])).toEqual([
      ['sent', null],
      ['returned', 'Vilken tid på dagen passar?'],
      ['answered', 'Eftermiddagar.'],
    ]);
    expect((await hl.post(`/api/orders/${order.id}/answer`, { version: a.json().version, answer: 'Igen.' })).json().code).toBe('ORDER_NOT_RETURNED');
    const back = (await ks.get(`/api/orders/${order.id}`)).json();
    expect(back.abilities).toMatchObject({ canConfirm: true });
    // Not before the resend.
    expect((await ks.post(`/api/orders/${order.id}/confirm`, { version: back.version, confirmedDate: '2026-03-13' })).statusCode).toBe(400);
    expect((await ks.post(`/api/orders/${order.id}/confirm`, { version: back.version, confirmedDate: '2026-03-16' })).statusCode).toBe(200);
  });

  it('two kontaktsekreterare acting at once: one wins, the other gets 409', async () => {
    const ks2 = await login(h.app, (await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.lss.id })).username);
    const { order } = await sent();
    const [a, b] = await Promise.all([
      ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-03-16' }),
      ks2.post(`/api/orders/${order.id}/return`, { version: order.version, question: 'Fråga?' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await count('order_events', `order_id = '${order.id}'`)).toBe(2);
  });
});

describe('audit', () => {
  it('logs send, list, read, confirm, return and answer without personal data', async () => {
    const { c, order } = await sent();
    await ks.get('/api/orders?pageSize=100');
    await ks.get(`/api/orders/${order.id}`);
    const r = (await ks.post(`/api/orders/${order.id}/return`, { version: order.version, question: 'Fråga om tider?' })).json();
    const a = (await hl.post(`/api/orders/${order.id}/answer`, { version: r.version, answer: 'Svar om tider.' })).json();
    await ks.post(`/api/orders/${order.id}/confirm`, { version: a.version, confirmedDate: '2026-03-16' });
    await hl.get(`/api/cases/${c.id}/order`);
    const rows = await h.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, order.id))).orderBy(auditLog.id);
    expect(rows.map((x) => x.action)).toEqual(['order.send', 'order.list', 'order.read', 'order.return', 'order.answer', 'order.confirm', 'order.read']);
    for (const x of rows) expect(x.personId).toBe(c.person.id);
    expect(rows[0].details).toEqual({ caseId: c.id, decisionId: order.decision.id, providerUnitId: staff.lss.id });
    expect(rows[2].details).toEqual({ via: 'inbox' });
    expect(rows[5].details).toEqual({ fields: ['confirmedDate', 'confirmedBy'], overdue: false });
    expect(JSON.stringify(rows.map((x) => x.details))).not.toMatch(/tider|Tycker/);
    // The order's history.
    const events = await h.db.select({ kind: orderEvents.kind }).from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(orderEvents.createdAt);
    expect(events.map((e) => e.kind)).toEqual(['sent', 'returned', 'answered', 'confirmed']);
  });
});
