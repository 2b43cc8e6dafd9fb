// The authorisation matrix (issue 14 item 6): every /api route is called as every role in every relation to its
// record on a seeded database (the demo, plus a colleague, the other unit's staff and a second contact person),
// and the answer is compared with the reviewed table in src/platform/policy/authorisation-matrix.ts
// (docs/authorisation-matrix.md). A route missing from the table fails the test. Every answer a caller without
// the skyddad identitet grant gets is also searched for the protected person's contact details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { routeTable } from './app';
import { login, setupHarness, TEST_PASSWORD, testPersonnummer, type ApiClient, type Harness } from '../../../test/support/harness';
import { seedDemo } from '../../demo/seed-demo';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import { hashPassword } from '../auth/password';
import { users } from '../tables';
import type { Role } from '../rules';
import { expectedOutcome, MATRIX_ROUTES, matrixCells, relationsOf, type Outcome, type Relation } from '../policy/authorisation-matrix';
import { ROLES } from '../rules';

let h: Harness;
/** Ids of the records the routes are called on: `base` (the LSS unit's, the own handläggare's) and `prot` (skyddad identitet). */
const base: Record<string, string> = {};
const prot: Record<string, string> = {};
type Caller = { name: string; api: ApiClient };
/** The caller of each role in each relation, by the unit the record belongs to. */
const callers: Record<string, Record<Role, Partial<Record<Relation, Caller>>>> = {};
/** The unit of the base case (and person) and the provider unit of its order. */
const homes: { case?: 'lss' | 'sol'; provider?: 'lss' | 'sol' } = {};
const ZERO = '00000000-0000-4000-8000-000000000000';
const HUGE = 2147483647;
/** The protected person's contact details and their god man's: only a grant holder with the case in scope may get them. */
const SECRETS = ['Hemliga gatan 7', '070-999 88 77', 'hemlig.person@exempel.se', '070-999 11 22', 'Hemlig box 9'];
/** Callers who hold the grant for the protected person's unit (their answers may show the details). */
const GRANT_HOLDERS = new Set(['handlaggare.lss', 'enhetschef']);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}
async function one<T>(q: ReturnType<typeof sql>): Promise<T> {
  const [r] = await rows<T>(q);
  if (!r) throw new Error('fixture: no row');
  return r;
}

beforeAll(async () => {
  h = await setupHarness();
  await seedDemo(h.db, h.clock, h.config);
  const unitOf = async (name: string) => (await one<{ id: string }>(sql`select id from units where name = ${name}`)).id;
  const lss = await unitOf('LSS-enheten');
  const sol = await unitOf('Omsorgsenheten');
  const hash = await hashPassword(TEST_PASSWORD);
  const addUser = async (username: string, role: Role, unitId: string | null, contactPersonId: string | null = null) => {
    const [u] = await h.db.insert(users).values({ username, displayName: username, role, unitId, contactPersonId, passwordHash: hash }).returning();
    return u.id;
  };

  // The executed demo assignment (LSS provider unit) and its chain: case, person, decision, order, offer, matchningsmöte.
  const a = await one<{ id: string; order_id: string; case_id: string; contact_person_id: string }>(
    sql`select id, order_id, case_id, contact_person_id from assignments where start_date is not null order by start_date desc limit 1`,
  );
  Object.assign(base, { assignment: a.id, order: a.order_id, case: a.case_id, contactPerson: a.contact_person_id, unit: lss, otherUnit: sol });
  const c = await one<{ person_id: string; unit_id: string; username: string }>(
    sql`select c.person_id, c.unit_id, u.username from cases c join users u on u.id = c.responsible_user_id where c.id = ${a.case_id}`,
  );
  base.person = c.person_id;
  base.decision = (await one<{ decision_id: string }>(sql`select decision_id from orders where id = ${a.order_id}`)).decision_id;
  base.offer = (await one<{ id: string }>(sql`select id from offers where order_id = ${a.order_id} and contact_person_id = ${a.contact_person_id}`)).id;
  base.matchingMeeting = (await one<{ id: string }>(sql`select id from matching_meetings where offer_id = ${base.offer} limit 1`)).id;
  base.interviewContactPerson = (await one<{ contact_person_id: string }>(sql`select contact_person_id from cp_steps where kind = 'interview' and booked_date is not null and done_date is null limit 1`)).contact_person_id;
  base.reference = (await one<{ id: string }>(sql`select id from cp_references where contact_person_id = ${a.contact_person_id} limit 1`)).id;
  base.cpMeeting = (await one<{ id: string }>(sql`select id from cp_meetings where provider_unit_id = ${lss} limit 1`)).id;
  base.legalBasis = (await one<{ id: string }>(sql`select id from legal_bases order by code limit 1`)).id;
  base.district = (await one<{ id: string }>(sql`select id from cp_districts limit 1`)).id;
  base.rateLevel = (await one<{ id: string }>(sql`select id from rate_levels order by year desc, code limit 1`)).id;
  // An investigation booking on another of the own handläggare's LSS cases (not the protected person's).
  const booking = await one<{ id: string; case_id: string }>(
    sql`select b.id, b.case_id from investigation_bookings b join cases c on c.id = b.case_id join persons p on p.id = c.person_id
        where c.unit_id = ${lss} and not p.protected_identity and b.state = 'booked' limit 1`,
  );
  Object.assign(base, { booking: booking.id, bookingCase: booking.case_id });

  // The person with skyddad identitet, their LSS case and booking, and their god man: contact details made unmistakable.
  const p3 = await one<{ id: string }>(sql`select id from persons where protected_identity`);
  prot.person = p3.id;
  const pc = await one<{ id: string; unit_id: string; username: string }>(
    sql`select c.id, c.unit_id, u.username from cases c join users u on u.id = c.responsible_user_id where c.person_id = ${p3.id}`,
  );
  expect(pc).toMatchObject({ unit_id: lss, username: 'handlaggare.lss' });
  prot.case = pc.id;
  const pb = await one<{ id: string }>(sql`select id from investigation_bookings where case_id = ${pc.id} and state = 'booked'`);
  Object.assign(prot, { booking: pb.id, bookingCase: pc.id });
  prot.representative = (await one<{ id: string }>(sql`select id from representatives where person_id = ${p3.id}`)).id;
  await h.db.execute(sql`update persons set street_address = ${SECRETS[0]}, phone = ${SECRETS[1]}, email = ${SECRETS[2]} where id = ${p3.id}`);
  await h.db.execute(sql`update representatives set phone = ${SECRETS[3]}, address = ${SECRETS[4]} where person_id = ${p3.id}`);

  // More callers: a colleague in LSS without the grant, the other unit's kontaktsekreterare and enhetschef, a second
  // contact person with a portal account, and a user for the administrator's user routes.
  base.colleague = await addUser('hl2.lss', 'handlaggare', lss);
  await addUser('ks.sol', 'kontaktsekreterare', sol);
  await addUser('ec.sol', 'enhetschef', sol);
  const cp2 = await one<{ id: string }>(sql`select id from contact_persons where approved_date is not null and id <> ${a.contact_person_id} limit 1`);
  await addUser('kp2.portal', 'kontaktperson', null, cp2.id);
  base.spareUser = await addUser('reserv.anvandare', 'handlaggare', lss);

  await addUser('hl2.sol', 'handlaggare', sol);
  const signIn = async (username: string) => ({ name: username, api: await login(h.app, username, passwordOf(username)) });
  const [hanna, hl2, hs, hs2, ks, ksSol, ec, ecSol, kp, kp2, admin, lon, revisor] = await Promise.all(
    ['handlaggare.lss', 'hl2.lss', 'handlaggare.sol', 'hl2.sol', 'kontaktsekreterare', 'ks.sol', 'enhetschef', 'ec.sol', 'kontaktperson', 'kp2.portal', 'admin', 'lon', 'revisor'].map(signIn),
  );
  // The callers depend on the unit the record belongs to (its home): the executed demo assignment's case is the
  // Omsorgsenheten's (SoL), its order was sent to the LSS-enheten; the protected person's case is the LSS-enheten's.
  const unitCallers = (home: 'lss' | 'sol') => {
    const [o, u, x] = home === 'lss' ? [hanna, hl2, hs] : [hs, hs2, hanna];
    const [k, kx] = home === 'lss' ? [ks, ksSol] : [ksSol, ks];
    const [e, ex] = home === 'lss' ? [ec, ecSol] : [ecSol, ec];
    return {
      handlaggare: { own: o, unit: u, other: x, protected: hl2, '-': u },
      kontaktsekreterare: { unit: k, other: kx, protected: ks, '-': k },
      enhetschef: { unit: e, other: ex, protected: ec, '-': e },
      administrator: { other: admin, protected: admin, '-': admin },
      lon: { other: lon, protected: lon, '-': lon },
      revisor: { other: revisor, protected: revisor, '-': revisor },
      kontaktperson: { own: kp, other: kp2, '-': kp },
    };
  };
  callers.lss = unitCallers('lss');
  callers.sol = unitCallers('sol');
  homes.case = c.unit_id === lss ? 'lss' : 'sol';
  homes.provider = (await one<{ provider_unit_id: string }>(sql`select provider_unit_id from orders where id = ${a.order_id}`)).provider_unit_id === lss ? 'lss' : 'sol';

  // Records made through the API the way staff make them: an appeal, a representative, a genomförandeplan, a
  // monthly report with a receipt, a change to payment details, an import job, an IVO quarter.
  const ok = (r: LightMyRequestResponse, what: string) => {
    if (r.statusCode >= 300) throw new Error(`fixture ${what}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  ok(await hs.api.post(`/api/decisions/${base.decision}/appeals`, { receivedDate: '2026-03-12' }), 'appeal');
  base.appeal = (await one<{ id: string }>(sql`select id from appeals where decision_id = ${base.decision} limit 1`)).id;
  ok(await hs.api.post(`/api/persons/${base.person}/representatives`, { kind: 'god_man', name: 'Gun Man' }), 'representative');
  base.representative = (await one<{ id: string }>(sql`select id from representatives where person_id = ${base.person}`)).id;
  ok(await ks.api.post(`/api/orders/${base.order}/plan`, { basedOnVersion: 0, goals: [{ goal: 'Mål' }], writtenDate: '2026-03-12' }), 'plan');
  base.report = ok(await kp.api.post(`/api/portal/assignments/${base.assignment}/reports`, { month: '2026-03' }), 'report').id;
  const receipt = await h.app.inject({ method: 'POST', url: `/api/portal/reports/${base.report}/receipts`, headers: { cookie: kp.api.cookie, 'content-type': 'application/octet-stream', 'x-file-name': 'kvitto.png' }, payload: PNG });
  base.receipt = ok(receipt, 'receipt').id;
  ok(await lon.api.put(`/api/contact-persons/${base.contactPerson}/payment`, { clearingNumber: '6000', accountNumber: '123456789' }), 'payment');
  base.paymentChange = (await one<{ id: string }>(sql`select id from payment_changes order by id desc limit 1`)).id;
  const job = await h.app.inject({ method: 'POST', url: '/api/import/check?kind=persons', headers: { cookie: admin.api.cookie, 'content-type': 'application/octet-stream', 'x-file-name': 'p.csv' }, payload: 'personnummer;förnamn;efternamn\n' });
  base.importJob = ok(job, 'import').id;
  ok(await ec.api.get('/api/ivo/quarters/2026-Q1'), 'ivo');
  base.ivoReport = (await rows<{ id: string }>(sql`select id from ivo_reports where unit_id = ${lss} limit 1`))[0]?.id ?? ZERO;
  base.notification = (await rows<{ id: string }>(sql`select id from notifications limit 1`))[0]?.id ?? ZERO;
}, 240_000);
afterAll(() => h.close());

/** Whose unit the route's record is: the base case's for case and person routes (a booking's case is the LSS unit's), else the order's provider unit. */
function homeOf(key: string): 'lss' | 'sol' {
  const kind = MATRIX_ROUTES[key].record;
  if (key.includes(':bookingId')) return 'lss';
  return kind === 'case' || kind === 'person' ? homes.case! : homes.provider!;
}

/** The id for a path parameter of the route (by the path before it), for the relation's record. */
function fillPath(url: string, relation: Relation): string {
  const ids = relation === 'protected' ? { ...base, ...prot } : base;
  const isBookingRoute = url.includes(':bookingId');
  return url.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    const before = url.slice(0, offset);
    if (name === 'bookingId') return ids.booking;
    if (name === 'representativeId') return ids.representative;
    if (name === 'meetingId') return ids.matchingMeeting;
    if (name === 'receiptId') return ids.receipt;
    if (name === 'referenceId') return ids.reference;
    if (name === 'kind') return 'pledge';
    if (name === 'recordType') return 'closed_case';
    if (name === 'quarter') return '2026-Q1';
    if (name === 'month') return '2026-03';
    if (name === 'year') return '2026';
    if (name === 'planVersion') return '1';
    if (name === 'token') return ZERO;
    if (name === 'unitId') return ids.unit;
    if (name === 'contactPersonId') return ids.contactPerson;
    if (url.includes('interview.ics')) return ids.interviewContactPerson;
    if (name === 'orderId') return ids.order;
    const table: [RegExp, string][] = [
      [/\/api\/persons$/, 'person'],
      [/\/api\/cases$/, isBookingRoute ? 'bookingCase' : 'case'],
      [/\/api\/decisions$/, 'decision'],
      [/\/api\/appeals$/, 'appeal'],
      [/\/api\/orders$/, 'order'],
      [/\/api\/offers$/, 'offer'],
      [/\/api\/assignments$/, 'assignment'],
      [/\/api\/portal\/assignments$/, 'assignment'],
      [/\/api\/portal\/reports$/, 'report'],
      [/\/api\/portal\/meetings$/, 'cpMeeting'],
      [/\/api\/reports$/, 'report'],
      [/\/api\/cp-meetings$/, 'cpMeeting'],
      [/\/api\/payroll-notices$/, 'assignment'],
      [/\/api\/ivo\/reports$/, 'ivoReport'],
      [/\/api\/payroll\/changes$/, 'paymentChange'],
      [/\/api\/contact-persons$/, 'contactPerson'],
      [/\/api\/admin\/units$/, 'otherUnit'],
      [/\/api\/admin\/users$/, 'spareUser'],
      [/\/api\/admin\/legal-bases$/, 'legalBasis'],
      [/\/api\/admin\/cp-districts$/, 'district'],
      [/\/api\/admin\/rate-levels$/, 'rateLevel'],
      [/\/api\/notifications$/, 'notification'],
      [/\/api\/import\/jobs$/, 'importJob'],
    ];
    const hit = table.find(([re]) => re.test(before.replace(/\/$/, '')));
    if (!hit) throw new Error(`no fixture for :${name} in ${url}`);
    return ids[hit[1]] ?? ZERO;
  });
}

/** A request the route's schema accepts, naming the fixture's records; versions are stale, so nothing is changed. */
function bodyOf(key: string, relation: Relation): unknown {
  const ids = relation === 'protected' ? { ...base, ...prot } : base;
  const legalBasis = { code: 'TEST_1', route: 'LSS', law: 'LSS', paragraph: '9 § 4', name: 'Kontaktperson', printText: 'Text', appealRoute: 'forvaltningsbesvar', ivoReportable: true, feeRule: 'free', validFrom: '2026-01-01' };
  const decision = { outcome: 'rejected', reasons: 'Skäl', legalBasisId: ids.legalBasis, decisionDate: '2026-03-16' };
  const booking = { kind: 'office', date: '2026-03-20', time: '10:00', place: 'Rum 1', version: HUGE };
  const agreement = { version: HUGE, rateLevel: 'niva1', meetingsPerMonth: 4, frequencyText: 'En gång i veckan', activities: 'Fika.', periodFrom: '2026-03-12', periodTo: null, agreementDate: '2026-03-12' };
  const b = '/api/cases/:id/investigation/bookings/:bookingId';
  const bodies: Record<string, unknown> = {
    'POST /api/persons/search': { query: 'Testsson' },
    'POST /api/persons': { identityNumber: testPersonnummer(901), firstName: 'Testa', lastName: 'Testsson', protectedIdentity: false },
    'PATCH /api/persons/:id': { version: HUGE, firstName: 'Testa', lastName: 'Testsson' },
    'POST /api/persons/:id/representatives': { kind: 'god_man', name: 'Gun Man' },
    'PATCH /api/persons/:id/representatives/:representativeId': { kind: 'god_man', name: 'Gun Man', version: HUGE },
    'POST /api/cases': { personId: ids.person, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-10' },
    'POST /api/cases/:id/acknowledge': { version: HUGE, acknowledgedDate: '2026-03-12', method: 'phone' },
    'POST /api/cases/:id/documentation-received': { version: HUGE, receivedDate: '2026-03-12' },
    'POST /api/cases/:id/application': { version: HUGE, applicationDate: '2026-03-12' },
    'POST /api/cases/:id/assign': { version: HUGE, responsibleUserId: ids.spareUser },
    'PUT /api/cases/:id/investigation': { version: HUGE },
    'POST /api/cases/:id/investigation/complete': { version: HUGE },
    'POST /api/cases/:id/investigation/bookings': { ...booking, version: undefined },
    [`POST ${b}/rebook`]: booking,
    [`POST ${b}/cancel`]: { version: HUGE },
    [`POST ${b}/held`]: { version: HUGE },
    'POST /api/cases/:id/decisions': decision,
    'POST /api/decisions/:id/successor': { ...decision, succession: 'renewal' },
    'PUT /api/decisions/:id': { ...decision, version: HUGE },
    'POST /api/decisions/:id/approve': { version: HUGE },
    'POST /api/decisions/:id/return': { version: HUGE, comment: 'Kommentar' },
    'POST /api/decisions/:id/sent': { version: HUGE, sentDate: '2026-03-12' },
    'POST /api/decisions/:id/appeals': { receivedDate: '2026-03-12' },
    'PUT /api/appeals/:id': { version: HUGE },
    'POST /api/decisions/:id/follow-ups': { date: '2026-03-12', result: 'continue' },
    'POST /api/cases/:id/order': { decisionId: ids.decision },
    'POST /api/orders/:id/confirm': { version: HUGE, confirmedDate: '2026-03-12' },
    'POST /api/orders/:id/return': { version: HUGE, question: 'Fråga?' },
    'POST /api/orders/:id/answer': { version: HUGE, answer: 'Svar.' },
    'POST /api/admin/units': { name: 'LSS-enheten', route: 'LSS' },
    'PATCH /api/admin/units/:id': { name: 'Ny enhet', route: 'LSS', version: HUGE },
    'POST /api/admin/users': { username: 'admin', displayName: 'Ny', role: 'handlaggare', unitId: ids.unit, password: 'ett-langt-losenord' },
    'PATCH /api/admin/users/:id': { version: HUGE, displayName: 'Ny', role: 'handlaggare', unitId: ids.unit, active: true },
    'POST /api/admin/legal-bases': legalBasis,
    'PATCH /api/admin/legal-bases/:id': { ...legalBasis, version: HUGE },
    'PUT /api/admin/municipality': { version: HUGE, name: 'Demo kommun', caseNumberPattern: 'KP-{YYYY}-{NNNN}', acknowledgeWithinWorkingDays: 2, documentationWithinWorkingDays: 10 },
    'POST /api/audit/search': {},
    'POST /api/audit/export.csv': {},
    'PUT /api/ivo/reports/:id': { version: HUGE },
    'POST /api/ivo/reports/:id/submit': { version: HUGE, submittedDate: '2026-03-12' },
    'POST /api/orders/:orderId/offers': { contactPersonId: ids.contactPerson, offeredDate: '2026-03-16' },
    'PUT /api/admin/matching-settings': { version: HUGE, area: 20, interests: 25, language: 20, availability: 15, age: 10, gender: 10, continuity: 20, waited: 30, deadline: 40 },
    'POST /api/public/contact-person-application': { formToken: 'x', firstName: 'Kim', lastName: 'K', identityNumber: '198503141234', privacyAccepted: true },
    'PUT /api/contact-persons/:id/profile': { version: HUGE, firstName: 'Kim', lastName: 'K' },
    'POST /api/contact-persons/:id/interview': { version: HUGE, date: '2026-03-20', time: '14:00' },
    'POST /api/contact-persons/:id/steps/:kind': { version: HUGE, outcome: 'done', date: '2026-03-10' },
    'POST /api/contact-persons/:id/references': { version: HUGE, name: 'Ref' },
    'PUT /api/contact-persons/:id/references/:referenceId': { version: HUGE, name: 'Ref' },
    'POST /api/contact-persons/:id/register-checks': { version: HUGE, shownDate: '2026-03-10', extractDate: '2026-03-01', registers: ['belastningsregistret'] },
    'POST /api/contact-persons/:id/check-validity': { startDate: '2026-04-01', activity: 'lss_child' },
    'POST /api/contact-persons/:id/approve': { version: HUGE, date: '2026-03-10' },
    'POST /api/contact-persons/:id/end': { version: HUGE, date: '2026-03-10', reason: 'withdrawn' },
    'POST /api/contact-persons/:id/pauses': { version: HUGE, fromDate: '2026-03-10' },
    'POST /api/contact-persons/:id/pauses/end': { version: HUGE, lastDay: '2026-03-10' },
    'POST /api/contact-persons/:id/contact': { version: HUGE, date: '2026-03-10' },
    'POST /api/contact-persons/:id/portal-invite': {},
    'POST /api/contact-persons/disposal': { expectedCount: HUGE },
    'PUT /api/contact-persons/:id/payment': { clearingNumber: '6000', accountNumber: '123456789' },
    'POST /api/public/portal/password': { token: 'x', password: 'ett-langt-losenord' },
    'PUT /api/admin/contact-person-settings': {
      requirements: [{ kind: 'interview', required: true, validityMonths: null }],
      referencesRequired: 2,
      registerCheckScope: 'children',
      interests: [{ code: 'musik', label: 'Musik' }],
      reminderWithinDays: 30,
      lastContactDays: 90,
      disposalMonths: 6,
      applicationsPerHour: 5,
      minFillSeconds: 5,
      version: HUGE,
    },
    'POST /api/admin/cp-districts': { name: 'Matrisens område' },
    'PATCH /api/admin/cp-districts/:id': { name: 'Nytt område', version: HUGE },
    'POST /api/admin/check-rules': { law: '2010:479', validFrom: '2000-01-01', maxAgeMonths: 6, requiredRegisters: ['belastningsregistret'] },
    'POST /api/admin/rates': { year: 2026, prisbasbelopp: 60000, rounding: 'krona' },
    'PATCH /api/admin/rates/:year': { version: HUGE, prisbasbelopp: 60000, rounding: 'krona' },
    'POST /api/admin/rates/:year/levels': { code: 'niva1', name: 'Nivå 1', arvodeKronor: '1', omkostnadKronor: '1' },
    'PATCH /api/admin/rate-levels/:id': { version: HUGE, code: 'niva9', name: 'Nivå 9', arvodeKronor: '1', omkostnadKronor: '1' },
    'DELETE /api/admin/rate-levels/:id': { version: HUGE },
    'POST /api/assignments/:id/payroll-notice': { version: HUGE, sentDate: '2026-03-12' },
    'POST /api/offers/:id/answer': { version: HUGE, response: 'accepted', responseDate: '2026-03-12', note: null },
    'POST /api/offers/:id/close': { version: HUGE, reason: 'withdrawn', closedDate: '2026-03-12', note: null },
    'POST /api/offers/:id/meetings': { version: HUGE, date: '2026-03-12', time: '14:00', place: 'Kontoret', participants: null, cancelReason: null },
    'POST /api/offers/:id/outcome': { version: HUGE, outcome: 'go_ahead', outcomeDate: '2026-03-12', note: null },
    'POST /api/offers/:id/assignment': agreement,
    'PUT /api/assignments/:id/agreement': agreement,
    'POST /api/assignments/:id/signatures': { version: HUGE, personSignedDate: '2026-03-12', contactPersonSignedDate: '2026-03-12' },
    'POST /api/assignments/:id/appointment': { version: HUGE, appointedDate: '2026-03-12' },
    'POST /api/assignments/:id/start': { version: HUGE, startDate: '2026-03-12' },
    'POST /api/assignments/:id/interruptions': { version: HUGE, fromDate: '2026-03-12', reason: 'Sjuk.' },
    'POST /api/assignments/:id/resume': { version: HUGE, resumedDate: '2026-03-13' },
    'POST /api/assignments/:id/end': { version: HUGE, endDate: '2026-03-12', reason: 'other', note: null },
    'POST /api/orders/:orderId/plan': { basedOnVersion: 100_000, goals: [{ goal: 'Mål' }], writtenDate: '2026-03-12' },
    'POST /api/contact-persons/:id/contacts': { date: '2026-03-12', kind: 'phone' },
    'PUT /api/notifications/email': { emailEnabled: false, email: null },
    'POST /api/cp-meetings': { date: '2026-04-02', time: '18:00', place: 'Träffpunkten', topic: 'Tema' },
    'PUT /api/cp-meetings/:id': { version: HUGE, date: '2026-04-02', time: '18:00', place: 'Träffpunkten', topic: 'Tema' },
    'POST /api/cp-meetings/:id/cancel': { version: HUGE },
    'PUT /api/cp-meetings/:id/attendance': { version: HUGE, attendance: [{ contactPersonId: ids.contactPerson, attended: true }] },
    'POST /api/payroll/months': { month: '2026-03' },
    'POST /api/payroll/months/:month/lock': { version: HUGE },
    'PUT /api/payroll/settings': {
      version: HUGE,
      unreportedPolicy: 'hold',
      approverMayLock: false,
      payCodeArvode: 'ARV',
      payCodeOmkostnad: 'OMK',
      payCodeUtlagg: 'UTL',
      payCodeCorrection: 'KORR',
      defaultCostCentre: '',
      costCentres: [],
    },
    'POST /api/payroll/changes/:id/review': { note: null },
    'POST /api/portal/assignments/:id/reports': { month: '2026-03' },
    'PUT /api/portal/reports/:id': { version: HUGE, meetings: [], cancellations: [], expenses: [], message: null, submit: false },
    'POST /api/reports/:id/approve': { version: HUGE },
    'POST /api/reports/:id/return': { version: HUGE, comment: 'Lägg till kvittot.' },
    'PUT /api/admin/portal-settings': { version: HUGE, reportDueDay: 5 },
    'POST /api/audit/unusual': { from: '2026-03-01', to: '2026-03-31' },
    'POST /api/audit/unusual/sign-off': { kind: 'outside_unit', auditId: 1, comment: 'Granskad.' },
    'PUT /api/admin/mass-read-settings': { version: HUGE, persons: 20, minutes: 10 },
    'POST /api/oversight/disposal/run': { dryRun: true },
    'PUT /api/oversight/disposal/rules/:recordType': { version: HUGE, active: true, yearsAfterLastEntry: 5, keepBornOnDays: [5, 15, 25], keepLssDecisions: true, pseudonymiseAudit: true },
    'POST /api/oversight/reassign/cases': { fromUserId: ids.spareUser },
    'POST /api/oversight/reassign': { fromUserId: ids.spareUser, toUserId: ids.colleague, all: true },
    // Two persons with different personnummer: the merge is refused (409), so nothing changes.
    'POST /api/oversight/merge-persons': { keepPersonId: base.person, mergePersonId: prot.person },
    'POST /api/matching/proposal': {},
    'POST /api/import/jobs/:id/commit': {},
    'PUT /api/admin/users/:id/protected-identity/:unitId': {},
    'POST /api/notifications/:id/read': {},
    'POST /api/notifications/read-all': {},
    'POST /api/admin/users/:id/unlock': {},
    'POST /api/auth/logout': {},
  };
  return key in bodies ? bodies[key] : {};
}

const QUERIES: Record<string, string> = {
  'GET /api/cases/:id/legal-bases': '?date=2026-03-10',
  'DELETE /api/persons/:id/representatives/:representativeId': `?version=${HUGE}`,
  'GET /api/oversight/lss-statistics.csv': '?year=2025&municipalityCode=0180',
  'POST /api/import/check': '?kind=persons',
};
/** Routes whose body is a file, not JSON. */
const FILES: Record<string, Buffer | string> = {
  'POST /api/portal/reports/:id/receipts': PNG,
  'POST /api/import/check': 'personnummer;förnamn;efternamn\n',
};

/** The users this file adds have the test password; the demo's have the demo password. */
const ADDED = new Set(['hl2.lss', 'hl2.sol', 'ks.sol', 'ec.sol', 'kp2.portal']);
function passwordOf(username: string): string {
  return ADDED.has(username) ? TEST_PASSWORD : DEMO_PASSWORD;
}

type Actual = Outcome | 'invalid' | 'error' | '401';

function classify(res: LightMyRequestResponse): Actual {
  if (res.statusCode >= 500) return 'error';
  if (res.statusCode === 401) return '401';
  if (res.statusCode === 403) return '403';
  if (res.statusCode === 404) return '404';
  if (res.statusCode === 400 && res.headers['content-type']?.toString().includes('json') && res.json().code === 'VALIDATION_FAILED') return 'invalid';
  return 'allowed';
}

describe('authorisation matrix', () => {
  it('lists every /api route with its declared access, and no route that does not exist', () => {
    const api = routeTable(h.app).filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    const served = Object.fromEntries(api.map((r) => [`${r.method} ${r.url}`, r.access]));
    const missing = Object.keys(served).filter((k) => !(k in MATRIX_ROUTES));
    const gone = Object.keys(MATRIX_ROUTES).filter((k) => !(k in served));
    expect(missing, 'routes missing from src/platform/policy/authorisation-matrix.ts').toEqual([]);
    expect(gone, 'routes in the matrix that the app no longer serves').toEqual([]);
    const changed = Object.entries(MATRIX_ROUTES).filter(([k, s]) => served[k] !== s.access).map(([k, s]) => `${k}: matrix ${s.access}, app ${served[k]}`);
    expect(changed).toEqual([]);
  });

  it('every route as every role in every relation answers as the table says, and never shows protected details to others', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    let cells = 0;
    for (const key of Object.keys(MATRIX_ROUTES)) {
      const [method, url] = key.split(' ');
      for (const role of ROLES) {
        for (const relation of relationsOf(key, role)) {
          const caller = callers[homeOf(key)][role][relation];
          if (!caller) throw new Error(`no caller for ${role} ${relation}`);
          const path = fillPath(url, relation) + (QUERIES[key] ?? '');
          const file = FILES[key];
          // Signing out would end the caller's session: it is called with a session of its own.
          const cookie = key === 'POST /api/auth/logout' ? (await login(h.app, caller.name, passwordOf(caller.name))).cookie : caller.api.cookie;
          const res = await h.app.inject({
            method: method as 'GET',
            url: path,
            headers: { cookie, ...(file ? { 'content-type': 'application/octet-stream', 'x-file-name': 'fil.png' } : {}) },
            ...(method === 'GET' ? {} : { payload: (file ?? (key === 'POST /api/auth/login' ? { username: caller.name, password: passwordOf(caller.name) } : bodyOf(key, relation))) as string }),
          });
          cells++;
          const expected = expectedOutcome(key, role, relation);
          const actual = classify(res);
          const same = actual === expected || (expected === 'shown' && actual === 'allowed');
          if (!same) mismatches.push(`${key} as ${role} (${caller.name}) ${relation}: expected ${expected}, got ${actual} ${res.statusCode} ${res.body.replace(/"requestId":"[^"]*",?/, '').slice(0, 400)}`);
          if (!GRANT_HOLDERS.has(caller.name)) {
            const text = res.rawPayload.toString('latin1') + res.body;
            const found = SECRETS.filter((s) => text.includes(s));
            if (found.length) leaks.push(`${key} as ${caller.name} (${relation}): ${found.join(', ')}`);
          }
        }
      }
    }
    expect(cells).toBe(matrixCells().length);
    console.log(`authorisation matrix: ${cells} cells checked, ${mismatches.length} mismatches, ${leaks.length} protected-detail leaks`);
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
