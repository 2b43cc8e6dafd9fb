// Matching on a real database: the waiting list (scope, deadline, wishes, offers), one order's candidates with
// reasons and exclusions, "Varför inte?", making an offer (also two coordinators racing for the last place), the
// proposal for the whole list, and the weights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildUser, buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { decisions, legalBases } from '../decisions/tables';
import { investigations } from '../investigation/tables';
import { representatives } from '../people/tables';

import { contactPersons, cpPauses, cpRegisterChecks } from '../contact-persons/tables';
import { offers } from '../assignments/tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ks: ApiClient;
let ks2: ApiClient;
let other: ApiClient;
let admin: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-16T10:00:00+02:00' });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  ks = await login(h.app, staff.ks.username);
  const ksB = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.lss.id });
  ks2 = await login(h.app, ksB.username);
  const ksSol = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.sol.id });
  other = await login(h.app, ksSol.username);
  admin = await login(h.app, staff.admin.username);
});
afterAll(() => h.close());

/** A confirmed order for a new person, with wishes; the decision dated `decisionDate`. */
async function waiting(o: { decisionDate?: string; person?: Record<string, unknown>; wishes?: Partial<typeof investigations.$inferInsert>; count?: number } = {}) {
  const p = await hl.post('/api/persons', personBody(3000 + ++n, o.person ?? {}));
  expect(p.statusCode, p.body).toBe(201);
  const c = (await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-01-02' })).json();
  await h.db.insert(investigations).values({ caseId: c.id, startedDate: '2026-01-05', ...o.wishes });
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({
      caseId: c.id,
      state: 'decided',
      outcome: 'granted',
      reasons: 'Behovet är styrkt.',
      legalBasisId: lb.id,
      decisionDate: o.decisionDate ?? '2026-03-10',
      contactPersonCount: o.count ?? 1,
      startDate: o.decisionDate ?? '2026-03-10',
      endDate: '2027-03-09',
    })
    .returning();
  const s = await hl.post(`/api/cases/${c.id}/order`, { decisionId: d.id });
  expect(s.statusCode, s.body).toBe(201);
  const order = s.json();
  const conf = await ks.post(`/api/orders/${order.id}/confirm`, { version: order.version, confirmedDate: '2026-06-16' });
  expect(conf.statusCode, conf.body).toBe(200);
  return { caseId: c.id as string, caseNumber: c.caseNumber as string, personId: p.json().id as string, orderId: order.id as string };
}

let cpN = 0;
/** An approved contact person with a valid registerkontroll. */
async function approved(o: Partial<typeof contactPersons.$inferInsert> = {}) {
  cpN++;
  const [cp] = await h.db
    .insert(contactPersons)
    .values({
      identityNumber: `19800101${String(1000 + cpN * 10 + 4).slice(-4)}`,
      firstName: 'Kim',
      lastName: `Matchsson${cpN}`,
      source: 'staff',
      appliedDate: '2026-01-01',
      approvedDate: '2026-02-01',
      capacity: 1,
      ...o,
    })
    .returning();
  await h.db.insert(cpRegisterChecks).values({ contactPersonId: cp.id, shownDate: '2026-05-02', extractDate: '2026-05-01', registers: ['belastningsregistret', 'misstankeregistret'], law: '2010:479', seenBy: staff.ks.id });
  return cp;
}

describe('the waiting list', () => {
  it('lists confirmed orders waiting, nearest deadline first, past deadline flagged, in the provider unit only', async () => {
    const late = await waiting({ decisionDate: '2026-02-01', wishes: { wishedInterests: ['fika'], wishedGender: 'woman', wishesOther: 'Helst kvällar' } });
    const fresh = await waiting({ decisionDate: '2026-06-01' });
    const r = await ks.get('/api/matching/waiting-list');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { orderId: string }[];
    const a = items.findIndex((i) => i.orderId === late.orderId);
    const b = items.findIndex((i) => i.orderId === fresh.orderId);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(b);
    expect(items[a]).toMatchObject({
      caseNumber: late.caseNumber,
      decisionDate: '2026-02-01',
      executionDeadline: '2026-05-01',
      daysLeft: -46,
      pastDeadline: true,
      daysWaited: 135,
      wishes: { gender: 'Kvinna', interests: ['fika'], other: 'Helst kvällar' },
      granted: 1,
      started: 0,
      needed: 1,
      offers: [],
    });
    expect(r.json().pastDeadline).toBeGreaterThanOrEqual(1);
    // Another unit's coordinator sees none of them, and gets 404 for the order's candidates.
    const o = (await other.get('/api/matching/waiting-list')).json().items as { orderId: string }[];
    expect(o.map((i) => i.orderId)).not.toContain(late.orderId);
    expect((await other.get(`/api/orders/${late.orderId}/candidates`)).statusCode).toBe(404);
    // The handläggare has no assignment:read.
    expect((await hl.get('/api/matching/waiting-list')).statusCode).toBe(403);
  });

  it('leaves out orders not confirmed', async () => {
    const p = await hl.post('/api/persons', personBody(3900));
    const c = (await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-01-02' })).json();
    const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
    const [d] = await h.db.insert(decisions).values({ caseId: c.id, state: 'decided', outcome: 'granted', reasons: 'x', legalBasisId: lb.id, decisionDate: '2026-03-10' }).returning();
    const order = (await hl.post(`/api/cases/${c.id}/order`, { decisionId: d.id })).json();
    const items = (await ks.get('/api/matching/waiting-list')).json().items as { orderId: string }[];
    expect(items.map((i) => i.orderId)).not.toContain(order.id);
    expect((await ks.get(`/api/orders/${order.id}/candidates`)).json().code).toBe('OFFER_ORDER_NOT_CONFIRMED');
  });
});

describe('candidates, Varför inte, offers', () => {
  it('ranks with reasons, excludes with reasons, explains, offers, and the offer shows on the waiting list', async () => {
    const w = await waiting({
      person: { postalCode: '12345' },
      wishes: { wishedInterests: ['fika', 'musik'], wishedLanguages: ['arabiska'], wishesOther: 'Gärna kvällar', householdMembers: [{ name: 'Bo Hushåll', relation: 'bror' }] },
    });
    await h.db.insert(representatives).values({ personId: w.personId, kind: 'god_man', name: 'Gun Godeman' });
    const best = await approved({ postalCode: '12350', interests: ['fika', 'musik'], languages: ['arabiska'], availability: ['weekday_evening'] });
    const ok = await approved({ postalCode: '99999' });
    const brother = await approved({ firstName: 'Bo', lastName: 'Hushåll' });
    const godMan = await approved({ firstName: 'Gun', lastName: 'Godeman' });
    const full = await approved({ capacity: 1, currentLoad: 0 });
    // full: give them an open offer on another order so the trigger raises the load.
    const elsewhere = await waiting();
    expect((await ks.post(`/api/orders/${elsewhere.orderId}/offers`, { contactPersonId: full.id, offeredDate: '2026-06-16' })).statusCode).toBe(201);

    const r = await ks.get(`/api/orders/${w.orderId}/candidates?limit=200&name=Hushåll`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    const ids = body.candidates.map((c: { id: string }) => c.id);
    expect(ids[0]).toBe(best.id);
    expect(ids).toContain(ok.id);
    expect(ids).not.toContain(brother.id);
    expect(ids).not.toContain(godMan.id);
    expect(ids).not.toContain(full.id);
    expect(body.candidates[0].reasons.map((x: { text: string }) => x.text)).toEqual(['Samma område', 'Delar intressen: fika, musik', 'Talar arabiska', 'Kan kvällar – önskat: kvällar']);
    expect(body.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'household' }), expect.objectContaining({ kind: 'representative' })]));
    expect(body.matches).toEqual([{ id: brother.id, name: 'Bo Hushåll' }]);

    const why = (await ks.get(`/api/orders/${w.orderId}/candidates/${brother.id}`)).json();
    expect(why).toMatchObject({ eligible: false, rank: null, exclusions: [{ kind: 'household' }] });
    const whyGod = (await ks.get(`/api/orders/${w.orderId}/candidates/${godMan.id}`)).json();
    expect(whyGod.exclusions[0].reason).toBe('Är god man för personen.');
    const whyFull = (await ks.get(`/api/orders/${w.orderId}/candidates/${full.id}`)).json();
    expect(whyFull.exclusions.map((e: { kind: string }) => e.kind)).toEqual(['full']);
    const paused = await approved();
    await h.db.insert(cpPauses).values({ contactPersonId: paused.id, fromDate: '2026-06-01', untilDate: '2026-08-01', reason: 'Ledig' });
    const whyPaused = (await ks.get(`/api/orders/${w.orderId}/candidates/${paused.id}`)).json();
    expect(whyPaused).toMatchObject({ eligible: false, exclusions: [{ kind: 'paused' }] });
    const whyBest = (await ks.get(`/api/orders/${w.orderId}/candidates/${best.id}`)).json();
    expect(whyBest).toMatchObject({ eligible: true, rank: 1 });

    // Offer: refused for an excluded one (409 with the reason), for a full one (409 OFFER_NO_PLACE), a future date 400.
    const bad = await ks.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: brother.id, offeredDate: '2026-06-16' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ code: 'OFFER_EXCLUDED' });
    expect(bad.json().message).toMatch(/hushåll/);
    const noPlace = await ks.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: full.id, offeredDate: '2026-06-16' });
    expect(noPlace.json()).toMatchObject({ code: 'OFFER_NO_PLACE', message: expect.stringContaining('inga lediga platser') });
    expect((await ks.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: best.id, offeredDate: '2026-06-17' })).statusCode).toBe(400);
    expect((await other.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: best.id, offeredDate: '2026-06-16' })).statusCode).toBe(404);
    const made = await ks.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: best.id, offeredDate: '2026-06-16' });
    expect(made.statusCode, made.body).toBe(201);
    const [cp] = await h.db.select().from(contactPersons).where(eq(contactPersons.id, best.id));
    expect(cp.currentLoad).toBe(1);
    const item = ((await ks.get('/api/matching/waiting-list')).json().items as { orderId: string; offers: unknown[]; needed: number }[]).find((i) => i.orderId === w.orderId)!;
    expect(item).toMatchObject({ needed: 0, offers: [{ contactPerson: { id: best.id, name: `${cp.firstName} ${cp.lastName}` }, offeredDate: '2026-06-16', response: 'pending', responseLabel: 'Inget svar än' }] });
    // Audited.
    const audit = (await h.db.execute(sql`select count(*)::int as n from audit_log where action = 'offer.create' and entity_id = ${made.json().id}`)) as unknown as { rows: { n: number }[] };
    expect(Number(audit.rows[0].n)).toBe(1);
  });

  it('two coordinators offering the last free place at once: one 201, one 409 OFFER_NO_PLACE', async () => {
    const a = await waiting();
    const b = await waiting();
    const last = await approved({ capacity: 2 });
    const first = await waiting();
    expect((await ks.post(`/api/orders/${first.orderId}/offers`, { contactPersonId: last.id, offeredDate: '2026-06-16' })).statusCode).toBe(201);
    const [r1, r2] = await Promise.all([
      ks.post(`/api/orders/${a.orderId}/offers`, { contactPersonId: last.id, offeredDate: '2026-06-16' }),
      ks2.post(`/api/orders/${b.orderId}/offers`, { contactPersonId: last.id, offeredDate: '2026-06-16' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    expect([r1, r2].find((r) => r.statusCode === 409)!.json().code).toBe('OFFER_NO_PLACE');
    const open = await h.db.select().from(offers).where(eq(offers.contactPersonId, last.id));
    expect(open).toHaveLength(2);
    const [cp] = await h.db.select().from(contactPersons).where(eq(contactPersons.id, last.id));
    expect(cp.currentLoad).toBe(2);
  });
});

describe('staff at the person\'s residence', () => {
  it('are never candidates for a person living there, and Varför inte says why', async () => {
    const w = await waiting({ wishes: { livingSituation: 'group_home', residenceName: 'Solgläntans gruppbostad' } });
    const staffMember = await approved({ workplace: 'solgläntans  Gruppbostad' });
    const elsewhere = await approved({ workplace: 'Björkgården' });
    const body = (await ks.get(`/api/orders/${w.orderId}/candidates?limit=200`)).json();
    const ids = body.candidates.map((c: { id: string }) => c.id);
    expect(ids).toContain(elsewhere.id);
    expect(ids).not.toContain(staffMember.id);
    expect(body.excluded).toContainEqual({ kind: 'staff', label: 'Arbetar på personens boende', count: 1 });
    const why = (await ks.get(`/api/orders/${w.orderId}/candidates/${staffMember.id}`)).json();
    expect(why).toMatchObject({ eligible: false, exclusions: [{ kind: 'staff', reason: 'Arbetar på boendet där personen bor (solgläntans  Gruppbostad).' }] });
    const refused = await ks.post(`/api/orders/${w.orderId}/offers`, { contactPersonId: staffMember.id, offeredDate: '2026-06-16' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/boendet/);
  });
});

describe('the prepared register kept between requests', () => {
  it('follows every change to contact persons, checks, pauses and places at once (the version counts per transaction)', async () => {
    const w = await waiting();
    const ids = async () => ((await ks.get(`/api/orders/${w.orderId}/candidates?limit=200`)).json().candidates as { id: string }[]).map((c) => c.id);
    const version = async () => Number(((await h.db.execute(sql`select version from matching_register_version`)) as unknown as { rows: { version: string }[] }).rows[0].version);
    const a = await approved({ capacity: 1 });
    expect(await ids()).toContain(a.id);
    // A pause (another table) leaves them out at once.
    const [pause] = await h.db.insert(cpPauses).values({ contactPersonId: a.id, fromDate: '2026-06-01', reason: 'Semester', recordedBy: staff.ks.id }).returning();
    expect(await ids()).not.toContain(a.id);
    await h.db.delete(cpPauses).where(eq(cpPauses.id, pause.id));
    expect(await ids()).toContain(a.id);
    // A new contact person, and a name change, are there on the next request.
    const b = await approved();
    expect(await ids()).toContain(b.id);
    await h.db.update(contactPersons).set({ lastName: 'Bytt' }).where(eq(contactPersons.id, b.id));
    const named = (await ks.get(`/api/orders/${w.orderId}/candidates?limit=200`)).json().candidates.find((c: { id: string }) => c.id === b.id);
    expect(named.name).toBe(`${b.firstName} Bytt`);
    // Their only place taken by an offer for another order (the load trigger): gone from this order's list.
    const other = await waiting();
    expect((await ks.post(`/api/orders/${other.orderId}/offers`, { contactPersonId: a.id, offeredDate: '2026-06-16' })).statusCode).toBe(201);
    expect(await ids()).not.toContain(a.id);
    // One transaction with many changes counts the version up once, at commit.
    const before = await version();
    await h.db.transaction(async (tx) => {
      await tx.update(contactPersons).set({ interests: ['fika'] }).where(eq(contactPersons.id, b.id));
      await tx.update(contactPersons).set({ interests: ['musik'] }).where(eq(contactPersons.id, a.id));
      await tx.insert(cpRegisterChecks).values({ contactPersonId: b.id, shownDate: '2026-06-02', extractDate: '2026-06-01', registers: ['belastningsregistret'], law: '2010:479', seenBy: staff.ks.id });
    });
    expect(await version()).toBe(before + 1);
  });
});

function childPnr(n: number): string {
  const nine = `150314${String(100 + n).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `20${nine}${(10 - (sum % 10)) % 10}`;
}

describe('registerkontroll for a child', () => {
  it('excludes a contact person whose extract does not cover the start date, and shows one whose does', async () => {
    const w = await waiting({ person: { identityNumber: childPnr(7) } });
    const valid = await approved();
    const [old] = await h.db.insert(contactPersons).values({ identityNumber: '198002021234', firstName: 'Olle', lastName: 'Gammalutdrag', source: 'staff', appliedDate: '2026-01-01', approvedDate: '2026-02-01' }).returning();
    await h.db.insert(cpRegisterChecks).values({ contactPersonId: old.id, shownDate: '2025-01-02', extractDate: '2025-01-01', registers: ['belastningsregistret'], law: '2010:479', seenBy: staff.ks.id });
    const body = (await ks.get(`/api/orders/${w.orderId}/candidates?limit=200`)).json();
    const ids = body.candidates.map((c: { id: string }) => c.id);
    expect(ids).toContain(valid.id);
    expect(ids).not.toContain(old.id);
    const why = (await ks.get(`/api/orders/${w.orderId}/candidates/${old.id}`)).json();
    expect(why.exclusions.map((e: { kind: string }) => e.kind)).toEqual(['register_check']);
    expect(why.exclusions[0].reason).toMatch(/^Registerkontrollen gäller inte den 2026-06-16: Utdraget från 2025-01-01 är för gammalt/);
  });
});

describe('the proposal for the whole waiting list', () => {
  it('pairs orders with free contact persons within capacity and hard constraints, and says why others are left', async () => {
    const r = await ks.post('/api/matching/proposal');
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.orders).toBeGreaterThan(0);
    const used = new Map<string, number>();
    for (const pair of p.pairs) used.set(pair.contactPerson.id, (used.get(pair.contactPerson.id) ?? 0) + 1);
    const rows = await h.db.select().from(contactPersons);
    for (const cp of rows) expect(used.get(cp.id) ?? 0).toBeLessThanOrEqual(Math.max(0, cp.capacity - cp.currentLoad));
    // Every pair could be offered (the same check as the offer's).
    for (const pair of p.pairs) {
      const why = (await ks.get(`/api/orders/${pair.orderId}/candidates/${pair.contactPerson.id}`)).json();
      expect(why.eligible).toBe(true);
    }
    for (const u of p.unmatched) expect(u.whyLabel).toMatch(/\./);
    // Nothing is booked.
    const before = await h.db.select().from(offers);
    await ks.post('/api/matching/proposal');
    expect(await h.db.select().from(offers)).toHaveLength(before.length);
    expect((await staffOnly()).statusCode).toBe(403);
  });
});

async function staffOnly() {
  return hl.post('/api/matching/proposal');
}

describe('weights', () => {
  it('the administrator reads and changes them; a stale version is 409', async () => {
    const s = (await admin.get('/api/admin/matching-settings')).json();
    expect(s).toMatchObject({ area: 20, interests: 25, version: 1 });
    const r = await admin.put('/api/admin/matching-settings', { ...s, interests: 40 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ interests: 40, version: 2 });
    expect((await admin.put('/api/admin/matching-settings', { ...s, interests: 41 })).statusCode).toBe(409);
    expect((await admin.put('/api/admin/matching-settings', { ...s, version: 2, interests: 101 })).statusCode).toBe(400);
    expect((await ks.get('/api/admin/matching-settings')).statusCode).toBe(403);
    await admin.put('/api/admin/matching-settings', { ...s, version: 2 });
  });
});



