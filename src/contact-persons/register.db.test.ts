// The contact-person register end to end through HTTP: the public application (token, honeypot, rate limit,
// fuzz), duplicates and clients, the pipeline to "ledig", the register check for an assignment, payment
// details, reminders, disposal, and the SQL status agreeing with deriveCpStatus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, eq, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, testPersonnummer, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { contactPersons, cpApplyThrottle, cpDistricts, cpSettings } from './tables';
import { runMaintenance } from '../platform/maintenance';
import { contactPersonMaintenance } from './maintenance';
import { checkRulesOf, cpSettingsOf, listContactPersons, loadFactsWhere, statusFactsOf } from './repo';
import { requirementsOf } from './present';
import { loadContactPersonFull } from './repo';
import { CP_STATUSES, deriveCpStatus, remindersFor } from './rules';
import { decisions, legalBases } from '../decisions/tables';
import { insertOffer } from '../assignments/repo';

const testAudit = { who: { actor: null, requestId: 'test', clock: { now: () => new Date() } }, action: 'contact_person.list', entityType: 'contact_person' } as const;

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let ks: ApiClient;
let lon: ApiClient;
let hl: ApiClient;
let district: string;
let ipSeq = 0;

/** Sign in again after the clock jumped past the session's idle timeout. */
async function relogin() {
  ks = await login(h.app, staff.ks.username);
  lon = await login(h.app, staff.lon.username);
  hl = await login(h.app, staff.hl.username);
}

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  await relogin();
  [{ id: district }] = await h.db.insert(cpDistricts).values({ name: 'Norra' }).returning();
}, 60_000);
afterAll(() => h.close());

async function formToken(): Promise<string> {
  const res = await h.app.inject({ method: 'GET', url: '/api/public/contact-person-application' });
  expect(res.statusCode).toBe(200);
  return res.json().formToken;
}

function application(n: number, o: Record<string, unknown> = {}) {
  return {
    firstName: 'Kim',
    lastName: `Kontaktsson${n}`,
    identityNumber: testPersonnummer(500 + n),
    email: 'kim@exempel.se',
    phone: '070-111 22 33',
    streetAddress: 'Vägen 1',
    postalCode: '12345',
    city: 'Demoby',
    districtId: district,
    motivation: 'Jag vill hjälpa till.',
    interests: ['musik', 'friluftsliv'],
    languages: ['Svenska', 'arabiska'],
    availability: ['weekend'],
    travel: ['car'],
    capacity: 2,
    privacyAccepted: true,
    ...o,
  };
}

/** Apply as a member of the public: fetch the form, wait the minimum fill time, post. */
async function apply(body: Record<string, unknown>, opts: { wait?: number; ip?: string } = {}) {
  const token = await formToken();
  h.clock.advance((opts.wait ?? 10) * 1000);
  return h.app.inject({ method: 'POST', url: '/api/public/contact-person-application', payload: { formToken: token, ...body }, remoteAddress: opts.ip ?? `10.9.0.${++ipSeq}` });
}

const rows = async () => Number((await h.db.select({ n: count() }).from(contactPersons))[0].n);

describe('the public application', () => {
  it('is received, and tells what happens next', async () => {
    const res = await apply(application(1));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().nextSteps.length).toBeGreaterThan(2);
    const list = (await ks.get('/api/contact-persons?status=applicant')).json();
    const found = list.items.find((x: { name: string }) => x.name === 'Kim Kontaktsson1');
    expect(found).toMatchObject({ statusLabel: 'Sökande', duplicate: false, isClient: false, languages: ['svenska', 'arabiska'] });
  });

  it('refuses a form sent too fast, a filled honeypot and a forged token, writing nothing', async () => {
    const before = await rows();
    expect((await apply(application(2), { wait: 1 })).json().code).toBe('APPLICATION_NOT_ACCEPTED');
    expect((await apply(application(2, { website: 'http://spam' }))).json().code).toBe('APPLICATION_NOT_ACCEPTED');
    const forged = await h.app.inject({ method: 'POST', url: '/api/public/contact-person-application', payload: { formToken: `${Date.now() - 60_000}.${'A'.repeat(43)}`, ...application(2) } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('APPLICATION_NOT_ACCEPTED');
    expect(await rows()).toBe(before);
  });

  it('refuses a personnummer born in the future, unknown interests and a missing privacy acceptance with Swedish field errors', async () => {
    const before = await rows();
    const future = await apply(application(3, { identityNumber: '20991231-0000' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('identityNumber');
    const interest = await apply(application(3, { interests: ['okänt'] }));
    expect(interest.json().fields[0]).toMatchObject({ path: 'interests' });
    const privacy = await apply(application(3, { privacyAccepted: false }));
    expect(privacy.statusCode).toBe(400);
    expect(privacy.json().fields[0].message).toMatch(/godkänna/);
    expect(await rows()).toBe(before);
  });

  it('is rate limited per client address with the counter in the database', async () => {
    await h.db.update(cpSettings).set({ applicationsPerHour: 3 });
    const ip = '10.8.8.8';
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await apply(application(10 + i), { ip })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    expect((await apply(application(20), { ip: '10.8.8.9' })).statusCode).toBe(201);
    h.clock.advance(3600_000);
    expect((await apply(application(21), { ip })).statusCode).toBe(201);
    await relogin();
    await h.db.update(cpSettings).set({ applicationsPerHour: 1000 });
  });

  it('the daily maintenance removes ended throttle windows and keeps the running ones', async () => {
    const throttled = async () => (await h.db.select({ n: count() }).from(cpApplyThrottle))[0].n;
    expect(await throttled()).toBeGreaterThan(0);
    h.clock.advance(3600_000 + 1000);
    expect((await apply(application(22), { ip: '10.8.8.10' })).statusCode).toBe(201);
    await runMaintenance(h.database, h.clock, h.config.sessionIdleMinutes, [{ name: 'contact-persons', maintenance: contactPersonMaintenance }]);
    const left = await h.db.select({ key: cpApplyThrottle.key }).from(cpApplyThrottle);
    expect(left).toHaveLength(1);
    await relogin();
  });

  it('fuzzed bodies: never a 5xx, and nothing written on refusal', async () => {
    const before = await rows();
    const token = await formToken();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ formToken: fc.oneof(fc.constant(token), fc.string()), firstName: fc.string({ maxLength: 300 }), identityNumber: fc.string(), privacyAccepted: fc.anything(), interests: fc.anything() }, { requiredKeys: [] }),
          fc.dictionary(fc.constantFrom('firstName', 'lastName', 'identityNumber', 'capacity', 'email', 'postalCode', 'languages', 'website'), fc.oneof(fc.string({ maxLength: 6000 }), fc.integer(), fc.constant(null), fc.array(fc.string()))),
        ),
        async (body) => {
          const res = await h.app.inject({ method: 'POST', url: '/api/public/contact-person-application', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress: '10.7.7.7' });
          expect(res.statusCode).toBeLessThan(500);
          expect(res.statusCode).not.toBe(201);
        },
      ),
      { numRuns: 150 },
    );
    expect(await rows()).toBe(before);
  });
});

describe('duplicates and clients', () => {
  it('a second application with the same personnummer is a new row, flagged "finns redan" on both', async () => {
    const first = await apply(application(30));
    expect(first.statusCode).toBe(201);
    const again = await apply(application(30, { firstName: 'Kimmie' }));
    expect(again.statusCode).toBe(201);
    const list = (await ks.get('/api/contact-persons?name=Kontaktsson30')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.every((x: { duplicate: boolean }) => x.duplicate)).toBe(true);
    const one = (await ks.get(`/api/contact-persons/${list.items[0].id}`)).json();
    expect(one.duplicates).toHaveLength(1);
    // The first row was not changed by the second application.
    expect(list.items.map((x: { name: string }) => x.name).sort()).toEqual(['Kim Kontaktsson30', 'Kimmie Kontaktsson30']);
  });

  it('an applicant who is a registered client is flagged', async () => {
    const p = await hl.post('/api/persons', personBody(40));
    expect(p.statusCode).toBe(201);
    expect((await apply(application(40, { identityNumber: personBody(40).identityNumber }))).statusCode).toBe(201);
    const list = (await ks.get('/api/contact-persons?name=Kontaktsson40')).json();
    expect(list.items[0].isClient).toBe(true);
  });
});

describe('the pipeline', () => {
  it('interview → references → registerkontroll → pledge → introduction → approved → ledig', async () => {
    expect((await apply(application(50))).statusCode).toBe(201);
    const id = (await ks.get('/api/contact-persons?name=Kontaktsson50')).json().items[0].id;
    let cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    expect(cp.status).toBe('applicant');
    expect(cp.abilities.canApprove).toBe(false);

    cp = (await ks.post(`/api/contact-persons/${id}/interview`, { version: cp.version, date: '2026-03-20', time: '14:30', location: 'Kommunhuset' })).json();
    expect(cp.status).toBe('investigating');
    const ics = await ks.get(`/api/contact-persons/${id}/interview.ics`);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body).toContain('DTSTART;TZID=Europe/Stockholm:20260320T143000');

    // A stale version is a conflict.
    expect((await ks.post(`/api/contact-persons/${id}/steps/interview`, { version: 1, outcome: 'done', date: '2026-03-16' })).statusCode).toBe(409);
    cp = (await ks.post(`/api/contact-persons/${id}/steps/interview`, { version: cp.version, outcome: 'done', date: '2026-03-16', notes: 'Lugn och stabil.' })).json();
    cp = (await ks.post(`/api/contact-persons/${id}/references`, { version: cp.version, name: 'Ref Ett', contactedDate: '2026-03-16', outcome: 'positive' })).json();
    cp = (await ks.post(`/api/contact-persons/${id}/references`, { version: cp.version, name: 'Ref Två', outcome: 'pending' })).json();
    expect(cp.requirements.find((r: { kind: string }) => r.kind === 'references').state).toBe('missing');
    cp = (await ks.put(`/api/contact-persons/${id}/references/${cp.references[1].id}`, { version: cp.version, name: 'Ref Två', contactedDate: '2026-03-16', outcome: 'positive' })).json();
    const future = await ks.post(`/api/contact-persons/${id}/register-checks`, { version: cp.version, shownDate: '2026-03-17', extractDate: '2026-03-01', registers: ['belastningsregistret'] });
    expect(future.statusCode).toBe(400);
    cp = (await ks.post(`/api/contact-persons/${id}/register-checks`, { version: cp.version, shownDate: '2026-03-16', extractDate: '2026-03-02', registers: ['belastningsregistret', 'misstankeregistret'] })).json();
    expect(cp.registerChecks[0]).toMatchObject({ extractDate: '2026-03-02', seenBy: staff.ks.displayName, law: '2010:479' });
    const tooEarly = await ks.post(`/api/contact-persons/${id}/approve`, { version: cp.version, date: '2026-03-16' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toMatch(/Tystnadsförbindelse/);
    cp = (await ks.post(`/api/contact-persons/${id}/steps/pledge`, { version: cp.version, outcome: 'done', date: '2026-03-16' })).json();
    cp = (await ks.post(`/api/contact-persons/${id}/steps/introduction`, { version: cp.version, outcome: 'done', date: '2026-03-16' })).json();
    expect(cp.approvalProblems).toEqual([]);
    expect(cp.abilities.canApprove).toBe(true);
    cp = (await ks.post(`/api/contact-persons/${id}/approve`, { version: cp.version, date: '2026-03-16' })).json();
    expect(cp).toMatchObject({ status: 'available', statusLabel: 'Godkänd, ledig', approvedBy: staff.ks.displayName, approvedDate: '2026-03-16' });
    const free = (await ks.get('/api/contact-persons?freeCapacity=yes&language=svenska&interest=musik&availability=weekend')).json();
    expect(free.items.map((x: { id: string }) => x.id)).toContain(id);

    // A pause until a date returns automatically the day after.
    cp = (await ks.post(`/api/contact-persons/${id}/pauses`, { version: cp.version, fromDate: '2026-03-16', untilDate: '2026-03-20', reason: 'Föräldraledig' })).json();
    expect(cp.status).toBe('paused');
    h.clock.set('2026-03-21T10:00:00+01:00');
    await relogin();
    cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    expect(cp.status).toBe('available');
    // An open pause ends when the coordinator says so.
    cp = (await ks.post(`/api/contact-persons/${id}/pauses`, { version: cp.version, fromDate: '2026-03-21', untilDate: null })).json();
    expect(cp.status).toBe('paused');
    expect((await ks.post(`/api/contact-persons/${id}/pauses/end`, { version: cp.version, lastDay: '2026-03-19' })).json().fields[0].path).toBe('lastDay');
    cp = (await ks.post(`/api/contact-persons/${id}/pauses/end`, { version: cp.version, lastDay: '2026-03-21' })).json();
    expect(cp.status).toBe('paused');
    h.clock.set('2026-03-22T10:00:00+01:00');
    await relogin();
    expect((await ks.get(`/api/contact-persons/${id}`)).json().status).toBe('available');

    // Every read and write is in the audit log.
    const actions = (await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['contact_person.apply', 'contact_person.read', 'contact_person.change', 'contact_person.calendar', 'contact_person.list']));
  });

  it('the list logs exactly the contact persons on its page, with the filters used', async () => {
    const [{ last }] = await h.db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
    const r = (await ks.get('/api/contact-persons?page=2&pageSize=2&name=Kontaktsson')).json();
    expect(r.items).toHaveLength(2);
    const log = await h.db
      .select({ entityId: auditLog.entityId, details: auditLog.details, actor: auditLog.actorUsername })
      .from(auditLog)
      .where(sql`${auditLog.id} > ${last} and ${auditLog.action} = 'contact_person.list'`);
    expect(log.map((l) => l.entityId).sort()).toEqual(r.items.map((i: { id: string }) => i.id).sort());
    expect(log.every((l) => JSON.stringify(l.details) === JSON.stringify({ filters: ['name'] }) && l.actor === staff.ks.username)).toBe(true);
  });

  it('the registerkontroll for an assignment: 7 months before 2026-04 refused for a child (LSS); 7 months before 2025-10 accepted', async () => {
    h.clock.set('2026-03-21T10:00:00+01:00');
    await relogin();
    expect((await apply(application(60))).statusCode).toBe(201);
    const id = (await ks.get('/api/contact-persons?name=Kontaktsson60')).json().items[0].id;
    let cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    cp = (await ks.post(`/api/contact-persons/${id}/register-checks`, { version: cp.version, shownDate: '2025-09-20', extractDate: '2025-09-15', registers: ['belastningsregistret', 'misstankeregistret'] })).json();
    const refused = (await ks.post(`/api/contact-persons/${id}/check-validity`, { startDate: '2026-04-15', activity: 'lss_child' })).json();
    expect(refused).toMatchObject({ ok: false, reason: 'too_old' });
    cp = (await ks.post(`/api/contact-persons/${id}/register-checks`, { version: cp.version, shownDate: '2025-03-20', extractDate: '2025-03-15', registers: ['belastningsregistret'] })).json();
    // The newest extract counts: make it the only one by checking the older start with a fresh person.
    expect((await apply(application(61))).statusCode).toBe(201);
    const id2 = (await ks.get('/api/contact-persons?name=Kontaktsson61')).json().items[0].id;
    const cp2 = (await ks.get(`/api/contact-persons/${id2}`)).json();
    await ks.post(`/api/contact-persons/${id2}/register-checks`, { version: cp2.version, shownDate: '2025-03-20', extractDate: '2025-03-15', registers: ['belastningsregistret'] });
    const accepted = (await ks.post(`/api/contact-persons/${id2}/check-validity`, { startDate: '2025-10-15', activity: 'lss_child' })).json();
    expect(accepted).toMatchObject({ ok: true, reason: 'valid' });
  });

  it('decline needs a reason; an ended applicant cannot be changed', async () => {
    expect((await apply(application(70))).statusCode).toBe(201);
    const id = (await ks.get('/api/contact-persons?name=Kontaktsson70')).json().items[0].id;
    let cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    const noReason = await ks.post(`/api/contact-persons/${id}/end`, { version: cp.version, date: h.clock.today(), reason: 'declined' });
    expect(noReason.json().fields[0].path).toBe('note');
    cp = (await ks.post(`/api/contact-persons/${id}/end`, { version: cp.version, date: h.clock.today(), reason: 'declined', note: 'Passar inte.' })).json();
    expect(cp).toMatchObject({ status: 'ended', endReasonLabel: 'Ej antagen' });
    expect((await ks.post(`/api/contact-persons/${id}/contact`, { version: cp.version, date: h.clock.today() })).json().code).toBe('CP_ENDED');
  });
});

describe('the administrator configures the register', () => {
  it('requirements, windows and interests are settings; districts are a list; check rules are dated versions', async () => {
    const admin = await login(h.app, staff.admin.username);
    expect((await ks.get('/api/admin/contact-person-settings')).statusCode).toBe(403);
    const s = (await admin.get('/api/admin/contact-person-settings')).json();
    expect(s).not.toHaveProperty('formSecret');
    const { version, ...rest } = s;
    const saved = await admin.put('/api/admin/contact-person-settings', { ...rest, version, reminderWithinDays: 45, interests: [...s.interests, { code: 'schack', label: 'Schack' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reminderWithinDays: 45, version: version + 1 });
    expect((await admin.put('/api/admin/contact-person-settings', { ...rest, version })).statusCode).toBe(409);
    expect((await admin.put('/api/admin/contact-person-settings', { ...rest, version: version + 1, interests: [{ code: 'a', label: 'A' }, { code: 'a', label: 'B' }] })).json().fields[0].path).toBe('interests');
    const d = await admin.post('/api/admin/cp-districts', { name: 'Östra' });
    expect(d.statusCode).toBe(200);
    expect((await admin.post('/api/admin/cp-districts', { name: 'Östra' })).json().fields[0]).toMatchObject({ path: 'name' });
    expect((await admin.patch(`/api/admin/cp-districts/${d.json().id}`, { name: 'Östra', active: false, version: 1 })).json()).toMatchObject({ active: false, version: 2 });
    const rules = (await admin.post('/api/admin/check-rules', { law: '2010:479', validFrom: '2030-01-01', maxAgeMonths: 3, requiredRegisters: ['belastningsregistret', 'misstankeregistret'] })).json();
    expect(rules.items.map((r: { validFrom: string; validTo: string | null }) => [r.validFrom, r.validTo])).toEqual([
      ['2011-01-01', '2026-02-28'],
      ['2026-03-01', '2029-12-31'],
      ['2030-01-01', null],
    ]);
  });
});

describe('portal invitation', () => {
  it('an approved contact person gets a link valid 72 hours, used once; an applicant gets none', async () => {
    const approved = (await ks.get('/api/contact-persons?name=Kontaktsson50')).json().items[0].id;
    const applicant = (await ks.get('/api/contact-persons?name=Kontaktsson1')).json().items[0].id;
    expect((await ks.post(`/api/contact-persons/${applicant}/portal-invite`)).statusCode).toBe(409);
    const invite = (await ks.post(`/api/contact-persons/${approved}/portal-invite`)).json();
    const token = invite.link.split('#')[1];
    expect(token).toHaveLength(43);
    const set = (password: string, t = token) => h.app.inject({ method: 'POST', url: '/api/public/portal/password', payload: { token: t, password } });
    expect((await set('kort')).json().fields[0].path).toBe('password');
    expect((await set('ett-långt-lösenord', 'fel')).json().code).toBe('PORTAL_INVITE_INVALID');
    const done = (await set('ett-långt-lösenord')).json();
    expect(done).toEqual({ done: true, username: expect.any(String) });
    // The account signs in as a kontaktperson (the portal, issue 12).
    const signIn = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: done.username, password: 'ett-långt-lösenord' } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().user.role).toBe('kontaktperson');
    expect((await set('ett-annat-långt-lösenord')).json().code).toBe('PORTAL_INVITE_INVALID');
    // An expired link.
    const second = (await ks.post(`/api/contact-persons/${approved}/portal-invite`)).json().link.split('#')[1];
    h.clock.advance(72 * 3600_000 + 1000);
    expect((await set('ett-långt-lösenord', second)).json().code).toBe('PORTAL_INVITE_INVALID');
    await relogin();
  });
});

describe('payment details', () => {
  it('lön and the coordinator only; the account is validated per bank', async () => {
    const id = (await ks.get('/api/contact-persons?name=Kontaktsson1')).json().items[0].id;
    expect((await hl.get(`/api/contact-persons/${id}/payment`)).statusCode).toBe(403);
    expect((await hl.get(`/api/contact-persons/${id}`)).statusCode).toBe(403);
    expect((await lon.get(`/api/contact-persons/${id}`)).statusCode).toBe(403);
    expect((await lon.get(`/api/contact-persons/${id}/payment`)).json()).toMatchObject({ registered: false });
    const bad = await lon.put(`/api/contact-persons/${id}/payment`, { clearingNumber: '5000', accountNumber: '1234567' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'accountNumber' });
    const unknownBank = await lon.put(`/api/contact-persons/${id}/payment`, { clearingNumber: '9420', accountNumber: '4172385' });
    expect(unknownBank.json().fields[0]).toMatchObject({ path: 'clearingNumber' });
    const ok = await lon.put(`/api/contact-persons/${id}/payment`, { clearingNumber: '6000', accountNumber: '123 456 789', taxTable: 32, taxColumn: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ registered: true, bankName: 'Handelsbanken', accountNumber: '123456789', version: 1 });
    expect((await ks.put(`/api/contact-persons/${id}/payment`, { clearingNumber: '6000', accountNumber: '123456789' })).statusCode).toBe(409);
    expect((await ks.put(`/api/contact-persons/${id}/payment`, { version: 1, clearingNumber: '6000', accountNumber: '123456789' })).statusCode).toBe(200);
    // Payroll's list: approved contact persons only, for lön only.
    expect((await ks.get('/api/contact-persons/payroll')).statusCode).toBe(403);
    const payroll = (await lon.get('/api/contact-persons/payroll')).json();
    expect(payroll.items.map((x: { name: string }) => x.name)).toContain('Kim Kontaktsson50');
    expect(payroll.items.map((x: { name: string }) => x.name)).not.toContain('Kim Kontaktsson1');
    // Paged, with the number missing bank details; "missing" leaves out the one just registered.
    expect(payroll).toMatchObject({ page: 1, pageSize: 25, total: payroll.items.length });
    const missing = (await lon.get('/api/contact-persons/payroll?missing=yes')).json();
    expect(missing.total).toBe(payroll.missing);
    expect(missing.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(missing.items.every((x: { registered: boolean }) => !x.registered)).toBe(true);
    const before = await h.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'contact_person.list'));
    const one = (await lon.get('/api/contact-persons/payroll?page=1&pageSize=1')).json();
    expect(one).toMatchObject({ items: [payroll.items[0]], total: payroll.total, pageSize: 1 });
    expect((await lon.get(`/api/contact-persons/payroll?page=${payroll.total + 1}&pageSize=1`)).json().items).toEqual([]);
    const after = await h.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'contact_person.list'));
    expect(Number(after[0].n) - Number(before[0].n)).toBe(1);
    expect((await lon.get('/api/contact-persons/payroll?pageSize=1000')).statusCode).toBe(400);
    // The register's reads never carry them.
    expect((await ks.get(`/api/contact-persons/${id}`)).body).not.toContain('123456789');
  });
});

describe('reminders, disposal and the SQL status', () => {
  it('lists the check that runs out within 30 days and a contact older than 90 days', async () => {
    h.clock.set('2026-08-20T10:00:00+02:00');
    await relogin();
    const r = (await ks.get('/api/contact-persons/reminders?pageSize=100')).json();
    const mine = r.items.filter((x: { name: string }) => x.name === 'Kim Kontaktsson50');
    expect(mine.map((x: { kind: string }) => x.kind).sort()).toEqual(['expiring', 'no_contact']);
    // The counts cover all of them; a page is a slice of the same order (date, then name); a kind narrows it.
    expect(r.total).toBe(r.items.length);
    expect(r.counts.expired + r.counts.expiring + r.counts.noContact).toBe(r.total);
    const dates = r.items.map((x: { date: string }) => x.date);
    expect(dates).toEqual([...dates].sort());
    const second = (await ks.get('/api/contact-persons/reminders?page=2&pageSize=1')).json();
    expect(second).toMatchObject({ total: r.total, page: 2, pageSize: 1, items: [r.items[1]] });
    // The contact person shown on that page is in the log of the read.
    const shown = await h.db.select().from(auditLog).where(sql`${auditLog.action} = 'contact_person.reminders' and ${auditLog.entityId} = ${r.items[1].contactPersonId}`);
    expect(shown.length).toBeGreaterThan(0);
    const expiring = (await ks.get('/api/contact-persons/reminders?kind=expiring&pageSize=100')).json();
    expect(expiring.total).toBe(r.counts.expiring);
    expect(expiring.items.every((x: { kind: string }) => x.kind === 'expiring')).toBe(true);
    expect((await ks.get('/api/contact-persons/reminders?kind=other')).statusCode).toBe(400);
    // The reminders are kept between requests while the register is unchanged; a change shows at once, the same day.
    const kim = mine[0].contactPersonId;
    const cp = (await ks.get(`/api/contact-persons/${kim}`)).json();
    expect((await ks.post(`/api/contact-persons/${kim}/contact`, { version: cp.version, date: '2026-08-20' })).statusCode).toBe(200);
    const afterContact = (await ks.get('/api/contact-persons/reminders?pageSize=100')).json();
    expect(afterContact.items.filter((x: { contactPersonId: string }) => x.contactPersonId === kim).map((x: { kind: string }) => x.kind)).toEqual(['expiring']);
    expect(afterContact.counts.noContact).toBe(r.counts.noContact - 1);
    // … and so does a change of the settings (a shorter window: the check no longer within it).
    const admin = await login(h.app, staff.admin.username);
    const s = (await admin.get('/api/admin/contact-person-settings')).json();
    const { version, ...rest } = s;
    expect((await admin.put('/api/admin/contact-person-settings', { ...rest, version, reminderWithinDays: 5 })).statusCode).toBe(200);
    const narrow = (await ks.get('/api/contact-persons/reminders?pageSize=100')).json();
    expect(narrow.withinDays).toBe(5);
    expect(narrow.items.some((x: { contactPersonId: string }) => x.contactPersonId === kim)).toBe(false);
    expect((await admin.put('/api/admin/contact-person-settings', { ...rest, version: version + 1 })).statusCode).toBe(200);
    expect((await ks.get('/api/contact-persons/reminders?pageSize=100')).json().counts).toEqual(afterContact.counts);
  });

  it('disposal: a dry run counts what would go and removes nothing; the run removes exactly that, logs counts and who ran it', async () => {
    h.clock.set('2026-03-05T10:00:00+01:00');
    await relogin();
    // Kontaktsson70 was declined on 2026-03-21. Add: withdrawn on the cutoff day (2026-03-22, with an interview and a
    // reference), declined the day after the cutoff (stays), and an applicant still in the pipeline (stays).
    const make = async (n: number) => {
      expect((await apply(application(n))).statusCode).toBe(201);
      return (await ks.get(`/api/contact-persons?name=Kontaktsson${n}`)).json().items[0].id as string;
    };
    const withdrawn = await make(80);
    const recent = await make(81);
    const open = await make(82);
    h.clock.set('2026-03-23T10:00:00+01:00');
    await relogin();
    let cp = (await ks.get(`/api/contact-persons/${withdrawn}`)).json();
    cp = (await ks.post(`/api/contact-persons/${withdrawn}/steps/interview`, { version: cp.version, outcome: 'done', date: '2026-03-10' })).json();
    cp = (await ks.post(`/api/contact-persons/${withdrawn}/references`, { version: cp.version, name: 'Ref Gallras', contactedDate: '2026-03-11', outcome: 'positive' })).json();
    const w = await ks.post(`/api/contact-persons/${withdrawn}/end`, { version: cp.version, date: '2026-03-22', reason: 'withdrawn' });
    expect(w.statusCode, w.body).toBe(200);
    cp = (await ks.get(`/api/contact-persons/${recent}`)).json();
    expect((await ks.post(`/api/contact-persons/${recent}/end`, { version: cp.version, date: '2026-03-23', reason: 'declined', note: 'Passar inte.' })).statusCode).toBe(200);
    h.clock.set('2026-09-22T10:00:00+02:00');
    await relogin();
    const [seventy] = (await ks.get('/api/contact-persons?name=Kontaktsson70')).json().items;

    /** Every row of the register and of each table that hangs on it, as "table id" strings. */
    const snapshot = async () => {
      const r = await h.db.execute(sql`select 'cp ' || id as k from contact_persons
        union all select 'step ' || id from cp_steps union all select 'ref ' || id from cp_references
        union all select 'check ' || id from cp_register_checks union all select 'pause ' || id from cp_pauses
        union all select 'pay ' || contact_person_id from cp_payment_details union all select 'invite ' || id from cp_portal_invites`);
      return ((r as unknown as { rows: { k: string }[] }).rows ?? (r as unknown as { k: string }[])).map((x) => x.k).sort();
    };
    const before = await snapshot();
    const dry = await ks.post('/api/contact-persons/disposal', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, months: 6, cutoff: '2026-03-22', count: 2, declined: 1, withdrawn: 1, steps: 1, references: 1, registerChecks: 0 });
    expect(await snapshot()).toEqual(before);

    // The real run needs the dry run's count, and is refused (nothing removed) if it no longer holds.
    expect((await ks.post('/api/contact-persons/disposal', { dryRun: false })).json().fields[0].path).toBe('expectedCount');
    const stale = await ks.post('/api/contact-persons/disposal', { dryRun: false, expectedCount: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/Provkör igen/);
    expect(await snapshot()).toEqual(before);
    // Someone without the write permission may not run it.
    expect((await hl.post('/api/contact-persons/disposal', { dryRun: true })).statusCode).toBe(403);

    const done = await ks.post('/api/contact-persons/disposal', { dryRun: false, expectedCount: 2 });
    expect(done.statusCode, done.body).toBe(200);
    const { dryRun: _d, ...runCounts } = done.json();
    const { dryRun: _d2, ...dryCounts } = dry.json();
    expect(runCounts).toEqual(dryCounts);
    // Exactly the two applicants and their records are gone; every other row of every table is as it was.
    const after = await snapshot();
    const gone = before.filter((k) => !after.includes(k));
    expect(after.every((k) => before.includes(k))).toBe(true);
    expect(gone.filter((k) => k.startsWith('cp ')).sort()).toEqual([`cp ${seventy.id}`, `cp ${withdrawn}`].sort());
    expect(gone).toHaveLength(2 + dry.json().steps + dry.json().references);
    for (const id of [recent, open]) expect((await ks.get(`/api/contact-persons/${id}`)).statusCode).toBe(200);
    // The log: who ran it, the counts, no content.
    const log = await h.db.select().from(auditLog).where(sql`${auditLog.action} = 'contact_person.disposal'`).orderBy(auditLog.id);
    const last = log.at(-1)!;
    expect(last.actorUsername).toBe(staff.ks.username);
    expect(last.details).toEqual(done.json());
    expect(JSON.stringify(log.map((l) => l.details))).not.toMatch(/Kontaktsson|Ref Gallras|kim@exempel/);
    expect(log.filter((l) => (l.details as { dryRun: boolean }).dryRun)).toHaveLength(1);
    // A second dry run finds nothing.
    expect((await ks.post('/api/contact-persons/disposal', { dryRun: true })).json()).toMatchObject({ count: 0 });
  });

  it('an expired check flags the existing assignments and blocks new ones until renewed', async () => {
    // Kontaktsson50 was approved on 2026-03-16 with an extract of 2026-03-02 (6 months: valid through 2026-09-02).
    h.clock.set('2026-08-20T10:00:00+02:00');
    await relogin();
    const [{ id }] = (await ks.get('/api/contact-persons?name=Kontaktsson50')).json().items;
    const p = await hl.post('/api/persons', personBody(7050, { firstName: 'Sara' }));
    const c = (await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-08-01' })).json();
    const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
    const [dec] = await h.db
      .insert(decisions)
      .values({ caseId: c.id, state: 'decided', outcome: 'granted', reasons: 'Behovet är styrkt.', legalBasisId: lb.id, decisionDate: '2026-08-01', scopeUnit: 'meetings_per_week', scopeAmount: 1, level: 'niva1', contactPersonCount: 1, startDate: '2026-08-01', endDate: '2027-07-31' })
      .returning();
    const o = await hl.post(`/api/cases/${c.id}/order`, { decisionId: dec.id, providerUnitId: staff.lss.id });
    expect(o.statusCode, o.body).toBe(201);
    await h.db.transaction((tx) => insertOffer(tx, { orderId: o.json().id, contactPersonId: id, offeredDate: '2026-08-20', createdBy: null }));
    let cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    expect(cp).toMatchObject({ activeAssignments: 1, blockedForNewAssignments: false, assignmentsToFollowUp: 0 });

    h.clock.set('2026-09-03T10:00:00+02:00');
    await relogin();
    cp = (await ks.get(`/api/contact-persons/${id}`)).json();
    expect(cp.requirements.find((r: { kind: string }) => r.kind === 'register_check')).toMatchObject({ state: 'expired', expires: '2026-09-03' });
    expect(cp).toMatchObject({ blockedForNewAssignments: true, assignmentsToFollowUp: 1 });
    // Not valid for a new assignment (matching excludes on the same verdict).
    expect((await ks.post(`/api/contact-persons/${id}/check-validity`, { startDate: '2026-09-10', activity: 'lss_child' })).json()).toMatchObject({ ok: false });
    // In the reminders, with the assignment to follow up.
    const expired = (await ks.get('/api/contact-persons/reminders?kind=expired&pageSize=100')).json();
    const mine = expired.items.find((x: { contactPersonId: string; requirement: string }) => x.contactPersonId === id && x.requirement === 'register_check');
    expect(mine).toMatchObject({ date: '2026-09-03', assignmentsToFollowUp: 1 });
    expect(mine.message).toBe('Registerkontroll gick ut 2026-09-03. Ett pågående uppdrag berörs.');

    // Renewed: neither blocked nor flagged.
    cp = (await ks.post(`/api/contact-persons/${id}/register-checks`, { version: cp.version, shownDate: '2026-09-03', extractDate: '2026-09-01', registers: ['belastningsregistret', 'misstankeregistret'] })).json();
    expect(cp).toMatchObject({ blockedForNewAssignments: false, assignmentsToFollowUp: 0 });
    expect((await ks.post(`/api/contact-persons/${id}/check-validity`, { startDate: '2026-09-10', activity: 'lss_child' })).json()).toMatchObject({ ok: true });
    const after = (await ks.get('/api/contact-persons/reminders?kind=expired&pageSize=100')).json();
    expect(after.items.some((x: { contactPersonId: string }) => x.contactPersonId === id)).toBe(false);
  });

  it('the reminders (read from what can run out) are those of every contact person’s full facts', async () => {
    // A later day: the renewed check runs out and the last contacts are old.
    h.clock.set('2027-04-01T10:00:00+02:00');
    await relogin();
    const today = h.clock.today();
    const [settings, rules] = await Promise.all([cpSettingsOf(h.db), checkRulesOf(h.db)]);
    const expected: string[] = [];
    for (const f of await loadFactsWhere(h.db, undefined)) {
      if (!f.row.approvedDate || deriveCpStatus(statusFactsOf(f), today) === 'ended') continue;
      for (const r of remindersFor(requirementsOf(f, settings, rules, today), f.row.lastContactDate, f.row.approvedDate, today, settings.reminderWithinDays, settings.lastContactDays)) {
        expected.push(`${f.row.id} ${r.kind} ${r.requirement} ${r.date}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const got = (await ks.get('/api/contact-persons/reminders?pageSize=100')).json();
    expect(got.total).toBe(expected.length);
    expect(got.items.map((x: { contactPersonId: string; kind: string; requirement: string | null; date: string }) => `${x.contactPersonId} ${x.kind} ${x.requirement} ${x.date}`).sort()).toEqual(expected.sort());
  });

  it('statusSql agrees with deriveCpStatus for every row', async () => {
    const today = h.clock.today();
    const { rows: list } = await listContactPersons(h.db, { page: 1, pageSize: 100 }, today, testAudit);
    expect(list.length).toBeGreaterThan(5);
    for (const r of list) {
      const full = await loadContactPersonFull(h.db, r.id);
      expect(r.status, r.id).toBe(deriveCpStatus(statusFactsOf(full!), today));
    }
    // Each status filter (statusIs, the stored recruitment_started) selects exactly the rows of that status.
    let filtered = 0;
    for (const status of CP_STATUSES) {
      const { rows: only } = await listContactPersons(h.db, { page: 1, pageSize: 100, status }, today, testAudit);
      for (const r of only) expect(deriveCpStatus(statusFactsOf((await loadContactPersonFull(h.db, r.id))!), today), `${status} ${r.id}`).toBe(status);
      filtered += only.length;
    }
    expect(filtered).toBe(list.length);
    const [{ n }] = await h.db.select({ n: sql<number>`count(distinct identity_number)::int` }).from(contactPersons);
    expect(n).toBeGreaterThan(0);
  });
});
