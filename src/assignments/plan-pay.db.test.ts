// Plan and pay on a real database: the genomförandeplan (versions, 409 on a concurrent save, PDF, scope), the
// anställningsuppgifter (send once with version, the lön list by month with bank details, the kontaktsekreterare
// without them, CSV for Excel, scope), and the contact log (last contact moves forward, scope of assignments).
// Earlier stages' rows and the offer/assignment (another part of this stage makes them) are inserted directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildStaff, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { decisions, legalBases } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons, cpPaymentDetails } from '../contact-persons/tables';
import { monthlyFromShare } from '../payments/rules';
import { assignments, offers } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ks: ApiClient;
let ksSol: ApiClient;
let ec: ApiClient;
let lon: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  const other = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.sol.id });
  hl = await login(h.app, staff.hl.username);
  ks = await login(h.app, staff.ks.username);
  ksSol = await login(h.app, other.username);
  ec = await login(h.app, staff.ec.username);
  lon = await login(h.app, staff.lon.username);
});
afterAll(() => h.close());

/** A confirmed order of the LSS unit for a new person's granted decision (the earlier stages' rows). */
async function ordered() {
  const p = await hl.post('/api/persons', personBody(3000 + ++n, { firstName: 'Sara', lastName: `Lind${n}` }));
  expect(p.statusCode, p.body).toBe(201);
  const c = await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-02' });
  expect(c.statusCode, c.body).toBe(201);
  const caseId = c.json().id as string;
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({ caseId, state: 'decided', outcome: 'granted', reasons: 'Sara behöver sällskap för att komma ut.', legalBasisId: lb.id, decisionDate: '2026-03-10', scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1, startDate: '2026-03-10', endDate: '2027-03-09' })
    .returning();
  const [o] = await h.db.insert(orders).values({ caseId, decisionId: d.id, providerUnitId: staff.lss.id, sentDate: '2026-03-11', sentBy: staff.hl.id, confirmedDate: '2026-03-12' }).returning();
  return { caseId, caseNumber: c.json().caseNumber as string, personId: p.json().id as string, d, o };
}

async function contactPerson() {
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: `1970010${String(++n).padStart(5, '0')}`, firstName: 'Kim', lastName: `Kontakt${n}`, source: 'staff', appliedDate: '2025-01-01', approvedDate: '2025-02-01', capacity: 3, streetAddress: 'Kontaktvägen 2', postalCode: '123 45', city: 'Demoby' })
    .returning();
  return cp;
}

/** An assignment as the matching/agreement part leaves it. */
async function assigned(o: Awaited<ReturnType<typeof ordered>>, cpId: string, set: Partial<typeof assignments.$inferInsert> = {}) {
  const [off] = await h.db
    .insert(offers)
    .values({ orderId: o.o.id, decisionId: o.d.id, caseId: o.caseId, providerUnitId: staff.lss.id, contactPersonId: cpId, offeredDate: '2026-03-12', response: 'accepted', responseDate: '2026-03-13' })
    .returning();
  const [a] = await h.db
    .insert(assignments)
    .values({ offerId: off.id, orderId: o.o.id, decisionId: o.d.id, caseId: o.caseId, providerUnitId: staff.lss.id, contactPersonId: cpId, rateLevel: 'niva1', periodFrom: '2026-03-14', startDate: '2026-03-14', meetingsPerMonth: 4, ...set })
    .returning();
  return a;
}

const planBody = (basedOnVersion: number, o: Record<string, unknown> = {}) => ({
  basedOnVersion,
  goals: [{ goal: 'Komma ut och träffa folk en gång i veckan.', fromDecision: '1 träff i veckan' }],
  activities: 'Promenader och fika.',
  schedule: 'Tisdagar efter skolan.',
  personWishes: 'Sara vill själv välja vad de gör.',
  followUpHow: 'Samtal med Sara och kontaktpersonen.',
  followUpDate: '2026-06-15',
  writtenDate: '2026-03-16',
  ...o,
});

describe('genomförandeplan', () => {
  it('is written in versions linked to the decision, listed and viewable, with a PDF; audited', async () => {
    const o = await ordered();
    const empty = await ks.get(`/api/orders/${o.o.id}/plan`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ current: null, versions: [], decision: { id: o.d.id, scope: '1 träff i veckan', reasons: expect.stringContaining('sällskap') }, abilities: { canWrite: true } });
    const v1 = await ks.post(`/api/orders/${o.o.id}/plan`, planBody(0));
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json().current).toMatchObject({ planVersion: 1, goals: [{ goal: 'Komma ut och träffa folk en gång i veckan.' }] });
    const v2 = await ks.post(`/api/orders/${o.o.id}/plan`, planBody(1, { activities: 'Promenader, fika och bio.' }));
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().versions.map((v: { planVersion: number }) => v.planVersion)).toEqual([2, 1]);
    const old = await ks.get(`/api/orders/${o.o.id}/plan/versions/1`);
    expect(old.json()).toMatchObject({ planVersion: 1, activities: 'Promenader och fika.' });
    const pdf = await ks.get(`/api/orders/${o.o.id}/plan/versions/2/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await ks.get(`/api/orders/${o.o.id}/plan/versions/3`)).statusCode).toBe(404);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.personId, o.personId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['plan.read', 'plan.save', 'plan.pdf']));
  });

  it('a save from an old version, also two at once, is 409: one new version only', async () => {
    const o = await ordered();
    expect((await ks.post(`/api/orders/${o.o.id}/plan`, planBody(0))).statusCode).toBe(201);
    const stale = await ks.post(`/api/orders/${o.o.id}/plan`, planBody(0));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('PLAN_VERSION_CONFLICT');
    const both = await Promise.all([ks.post(`/api/orders/${o.o.id}/plan`, planBody(1)), ks.post(`/api/orders/${o.o.id}/plan`, planBody(1))]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await ks.get(`/api/orders/${o.o.id}/plan`)).json().versions).toHaveLength(2);
  });

  it('checks dates and goals with Swedish messages', async () => {
    const o = await ordered();
    const future = await ks.post(`/api/orders/${o.o.id}/plan`, planBody(0, { writtenDate: '2026-03-17' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0]).toMatchObject({ path: 'writtenDate', message: expect.stringMatching(/senare än i dag/) });
    const noGoal = await ks.post(`/api/orders/${o.o.id}/plan`, planBody(0, { goals: [] }));
    expect(noGoal.json().fields[0].message).toBe('Skriv minst ett mål.');
  });

  it('scope: another unit’s kontaktsekreterare gets 404; lön cannot read; handläggare and enhetschef cannot write', async () => {
    const o = await ordered();
    expect((await ksSol.get(`/api/orders/${o.o.id}/plan`)).statusCode).toBe(404);
    expect((await ksSol.post(`/api/orders/${o.o.id}/plan`, planBody(0))).statusCode).toBe(404);
    expect((await lon.get(`/api/orders/${o.o.id}/plan`)).statusCode).toBe(403);
    expect((await hl.post(`/api/orders/${o.o.id}/plan`, planBody(0))).statusCode).toBe(403);
    expect((await ec.post(`/api/orders/${o.o.id}/plan`, planBody(0))).statusCode).toBe(403);
    const seen = await ec.get(`/api/orders/${o.o.id}/plan`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.canWrite).toBe(false);
  });
});

describe('anställningsuppgifter', () => {
  it('sent once with the version; lön lists it by month with bank details, as PDF and CSV; never the person’s name', async () => {
    const o = await ordered();
    const cp = await contactPerson();
    await h.db.insert(cpPaymentDetails).values({ contactPersonId: cp.id, clearingNumber: '8327', accountNumber: '9 123 456-7', bankName: 'Swedbank', taxTable: 32, taxColumn: 1 });
    const a = await assigned(o, cp.id);
    const sent = await ks.post(`/api/assignments/${a.id}/payroll-notice`, { version: a.version, sentDate: '2026-03-16' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ payrollNoticeDate: '2026-03-16', version: a.version + 1 });
    const again = await ks.post(`/api/assignments/${a.id}/payroll-notice`, { version: a.version + 1, sentDate: '2026-03-16' });
    expect(again.json().code).toBe('PAYROLL_NOTICE_ALREADY_SENT');
    expect((await ks.post(`/api/assignments/${a.id}/payroll-notice`, { version: a.version, sentDate: '2026-03-16' })).statusCode).toBe(409);

    const list = await lon.get('/api/payroll-notices?month=2026-03');
    expect(list.statusCode, list.body).toBe(200);
    const notice = list.json().items.find((x: { assignmentId: string }) => x.assignmentId === a.id);
    expect(notice).toMatchObject({
      caseNumber: o.caseNumber,
      contactPerson: { name: `Kim ${cp.lastName}`, streetAddress: 'Kontaktvägen 2' },
      payment: { bankName: 'Swedbank', clearingNumber: '8327', taxTable: 32 },
      level: { code: 'niva1', name: 'Nivå 1', year: 2026 },
      arvode: monthlyFromShare(59_200, 200, 'krona'),
      omkostnad: monthlyFromShare(59_200, 100, 'krona'),
      startDate: '2026-03-14',
    });
    expect(JSON.stringify(list.json())).not.toMatch(/Sara|Lind|sällskap/);
    expect((await lon.get('/api/payroll-notices?month=2026-04')).json().items).toEqual([]);
    expect((await lon.get('/api/payroll-notices?month=2026-13')).statusCode).toBe(400);

    const csv = await lon.get('/api/payroll-notices/export.csv?month=2026-03');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const text = csv.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = text.slice(1).split('\r\n');
    expect(header.split(';')).toContain('Arvode per månad (kr)');
    expect(header.split(';')).toContain('Kontonummer');
    expect(row).toContain(`;${o.caseNumber};Kim ${cp.lastName};`);
    expect(row).toContain(`;${monthlyFromShare(59_200, 200, 'krona') / 100},00;`);
    const pdf = await lon.get(`/api/payroll-notices/${a.id}/pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

    // The kontaktsekreterare of the unit sees the notice without bank details; another unit's does not see it.
    const own = (await ks.get(`/api/payroll-notices/${a.id}`)).json();
    expect(own).toMatchObject({ payment: null, paymentShown: false });
    expect((await ks.get('/api/payroll-notices/export.csv?month=2026-03')).rawPayload.toString('utf8')).not.toMatch(/Kontonummer|Swedbank/);
    expect((await ksSol.get(`/api/payroll-notices/${a.id}`)).statusCode).toBe(404);
    expect((await ksSol.get('/api/payroll-notices')).json().items).toEqual([]);
    expect((await ksSol.post(`/api/assignments/${a.id}/payroll-notice`, { version: 2, sentDate: '2026-03-16' })).statusCode).toBe(404);
    expect((await hl.get('/api/payroll-notices')).statusCode).toBe(403);
    expect((await lon.post(`/api/assignments/${a.id}/payroll-notice`, { version: 2, sentDate: '2026-03-16' })).statusCode).toBe(403);

    const reads = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'payroll_notice.read'), eq(auditLog.entityId, cp.id)));
    expect(reads.map((r) => (r.details as { format: string }).format)).toEqual(expect.arrayContaining(['list', 'csv', 'pdf', 'json']));
  });

  it('refuses a notice when the rate table has no such level for the start year', async () => {
    const o = await ordered();
    const a = await assigned(o, (await contactPerson()).id, { rateLevel: 'niva7' });
    const r = await ks.post(`/api/assignments/${a.id}/payroll-notice`, { version: a.version, sentDate: '2026-03-16' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('RATE_LEVEL_MISSING');
  });
});

describe('contact log', () => {
  it('records contacts, moves the last contact date forward only, lists them with the assignments (first name only)', async () => {
    const o = await ordered();
    const cp = await contactPerson();
    const a = await assigned(o, cp.id);
    const r1 = await ks.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-03-10', kind: 'phone', note: 'Allt går bra.', assignmentId: a.id });
    expect(r1.statusCode, r1.body).toBe(201);
    const r2 = await ks.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-02-01', kind: 'group_meeting' });
    expect(r2.statusCode, r2.body).toBe(201);
    const [row] = await h.db.select().from(contactPersons).where(eq(contactPersons.id, cp.id));
    expect(row.lastContactDate).toBe('2026-03-10');
    const log = await ks.get(`/api/contact-persons/${cp.id}/contacts`);
    expect(log.json()).toMatchObject({
      lastContactDate: '2026-03-10',
      canRecord: true,
      items: [
        { date: '2026-03-10', kindLabel: 'Telefon', note: 'Allt går bra.', assignmentId: a.id },
        { date: '2026-02-01', kindLabel: 'Kontaktpersonsträff' },
      ],
      assignments: [{ id: a.id, personFirstName: 'Sara', rateLevel: 'Nivå 1', stateLabel: 'Pågår', payrollNoticeDate: null, canSendPayrollNotice: true }],
    });
    expect(JSON.stringify(log.json())).not.toMatch(/Lind/);
    // The person whose first name was shown is in the log of the read.
    const audited = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'contact_log.read'), eq(auditLog.entityId, a.id)));
    expect(audited.length).toBeGreaterThan(0);
    expect(audited[0].personId).toBe(o.personId);
    // Another unit's kontaktsekreterare reads the register (all) but not this unit's assignments.
    expect((await ksSol.get(`/api/contact-persons/${cp.id}/contacts`)).json().assignments).toEqual([]);
  });

  it('refuses a future date, another contact person’s assignment, and readers without the permission', async () => {
    const cp = await contactPerson();
    const future = await ks.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-03-17', kind: 'phone' });
    expect(future.json().fields[0]).toMatchObject({ path: 'date', message: expect.stringMatching(/senare än i dag/) });
    const o = await ordered();
    const other = await assigned(o, (await contactPerson()).id);
    const wrong = await ks.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-03-16', kind: 'visit', assignmentId: other.id });
    expect(wrong.json().fields[0].path).toBe('assignmentId');
    expect((await ks.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-03-16', kind: 'fax' })).json().fields[0].message).toBe('Välj hur ni hade kontakt.');
    expect((await hl.get(`/api/contact-persons/${cp.id}/contacts`)).statusCode).toBe(403);
    expect((await lon.post(`/api/contact-persons/${cp.id}/contacts`, { date: '2026-03-16', kind: 'phone' })).statusCode).toBe(403);
    expect((await ks.get('/api/contact-persons/00000000-0000-4000-8000-000000000000/contacts')).statusCode).toBe(404);
  });
});
