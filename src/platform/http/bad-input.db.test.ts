// Bad input is a 400 with Swedish field messages, never a 500 and never English — on every route.
// The routes, their fields and the fields' types come from the served OpenAPI document (generated from the
// same zod schemas the routes validate with), so a new route or field is walked without editing this file.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { buildApp, buildStaff, login, personBody, setupHarness, TEST_PASSWORD, type ApiClient, type Harness } from '../../../test/support/harness';
import { hashPassword } from '../auth/password';
import { users } from '../tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let clients: ApiClient[];
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await setupHarness();
  staff = await buildStaff(h);
  const hl = await login(h.app, staff.hl.username);
  const admin = await login(h.app, staff.admin.username);
  const revisor = await login(h.app, staff.revisor.username);
  const ec = await login(h.app, staff.ec.username);
  const ks = await login(h.app, staff.ks.username);
  const lon = await login(h.app, staff.lon.username);
  // A request is sent as each in turn until one may call the route (permission is checked before validation).
  clients = [hl, admin, revisor, ec, ks, lon];
  const person = (await hl.post('/api/persons', personBody(1))).json();
  ids.person = person.id;
  ids.representative = (await hl.post(`/api/persons/${person.id}/representatives`, { kind: 'god_man', name: 'Gun Man' })).json().representatives[0].id;
  ids.case = (await hl.post('/api/cases', { personId: person.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-10' })).json().id;
  ids.unit = staff.lss.id;
  ids.user = staff.hl.id;
  ids.legalBasis = (await admin.get('/api/admin/legal-bases')).json().items[0].id;
  const cp = (await h.db.execute(sql`insert into contact_persons (identity_number, first_name, last_name, source, applied_date) values ('198503141234', 'Kim', 'K', 'staff', '2026-03-01') returning id`)) as unknown as { rows: { id: string }[] };
  ids.contactPerson = cp.rows[0].id;
  // The portal's routes are the kontaktperson's alone (issue 12): a portal account for that contact person.
  await h.db.insert(users).values({ username: 'kp.walk', displayName: 'Kim K', role: 'kontaktperson', contactPersonId: ids.contactPerson, passwordHash: await hashPassword(TEST_PASSWORD) });
  clients.push(await login(h.app, 'kp.walk'));
}, 60_000);
afterAll(() => h.close());

/** A valid request per operation, so that one bad field is the only thing wrong. */
function validBody(key: string): Record<string, unknown> {
  const legalBasis = {
    code: 'TEST_1',
    route: 'LSS',
    law: 'LSS',
    paragraph: '9 § 4',
    name: 'Kontaktperson',
    printText: 'Text',
    appealRoute: 'forvaltningsbesvar',
    ivoReportable: true,
    feeRule: 'free',
    validFrom: '2026-01-01',
  };
  const decision = { outcome: 'rejected', reasons: 'Skäl', legalBasisId: '00000000-0000-4000-8000-000000000000', decisionDate: '2026-03-10' };
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /api/auth/login': { username: 'someone', password: 'something' },
    'POST /api/persons/search': { query: 'Testsson' },
    'POST /api/persons': personBody(2),
    'PATCH /api/persons/{id}': { version: 1, firstName: 'Testa', lastName: 'Testsson' },
    'POST /api/persons/{id}/representatives': { kind: 'god_man', name: 'Gun Man' },
    'PATCH /api/persons/{id}/representatives/{representativeId}': { kind: 'god_man', name: 'Gun Man', version: 1 },
    'POST /api/cases': { personId: ids.person, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-10' },
    'POST /api/cases/{id}/acknowledge': { version: 1, acknowledgedDate: '2026-03-12', method: 'phone' },
    'POST /api/cases/{id}/documentation-received': { version: 1, receivedDate: '2026-03-12' },
    'POST /api/cases/{id}/application': { version: 1, applicationDate: '2026-03-12' },
    'POST /api/cases/{id}/assign': { version: 1, responsibleUserId: staff.hl.id },
    'POST /api/admin/units': { name: 'Ny enhet', route: 'LSS' },
    'PATCH /api/admin/units/{id}': { name: 'Ny enhet', route: 'LSS', version: 1 },
    'POST /api/admin/users': { username: 'ny.anvandare', displayName: 'Ny', role: 'handlaggare', unitId: staff.lss.id, password: 'ett-langt-losenord' },
    'PATCH /api/admin/users/{id}': { version: 1, displayName: 'Ny', role: 'handlaggare', unitId: staff.lss.id, active: true },
    'POST /api/admin/legal-bases': legalBasis,
    'PATCH /api/admin/legal-bases/{id}': { ...legalBasis, version: 1 },
    'PUT /api/admin/municipality': { version: 1, name: 'Demo kommun', caseNumberPattern: 'KP-{YYYY}-{NNNN}', acknowledgeWithinWorkingDays: 2 },
    'POST /api/audit/search': {},
    // Decisions (issue 9)
    'POST /api/cases/{id}/decisions': decision,
    'POST /api/decisions/{id}/successor': { ...decision, succession: 'renewal' },
    'PUT /api/decisions/{id}': { ...decision, version: 1 },
    'POST /api/decisions/{id}/approve': { version: 1 },
    'POST /api/decisions/{id}/return': { version: 1, comment: 'Kommentar' },
    'POST /api/decisions/{id}/sent': { version: 1, sentDate: '2026-03-12' },
    'POST /api/decisions/{id}/appeals': { receivedDate: '2026-03-12' },
    'PUT /api/appeals/{id}': { version: 1 },
    'PUT /api/ivo/reports/{id}': { version: 1 },
    'POST /api/decisions/{id}/follow-ups': { date: '2026-03-12', result: 'continue' },
    'POST /api/cases/{id}/order': { decisionId: '00000000-0000-4000-8000-000000000000' },
    'POST /api/orders/{id}/confirm': { version: 1, confirmedDate: '2026-03-12' },
    'POST /api/orders/{id}/return': { version: 1, question: 'Fråga?' },
    'POST /api/orders/{id}/answer': { version: 1, answer: 'Svar.' },
    // Matching (issue 11)
    'POST /api/orders/{orderId}/offers': { contactPersonId: '00000000-0000-4000-8000-000000000000', offeredDate: '2026-03-12' },
    'PUT /api/admin/matching-settings': { version: 1, area: 20, interests: 25, language: 20, availability: 15, age: 10, gender: 10, continuity: 20, waited: 30, deadline: 40 },
    // Investigation (issue 9)
    ...(() => {
      const booking = { kind: 'office', date: '2026-03-20', time: '10:00', place: 'Rum 1' };
      const b = '/api/cases/{id}/investigation/bookings/{bookingId}';
      return {
        'POST /api/cases/{id}/investigation/bookings': booking,
        [`POST ${b}/rebook`]: { ...booking, version: 1 },
        [`POST ${b}/cancel`]: { version: 1 },
        [`POST ${b}/held`]: { version: 1 },
        'POST /api/cases/{id}/investigation/complete': { version: 1 },
      };
    })(),
    'POST /api/public/contact-person-application': { formToken: 'x', firstName: 'Kim', lastName: 'K', identityNumber: '198503141234', privacyAccepted: true },
    'PUT /api/contact-persons/{id}/profile': { version: 1, firstName: 'Kim', lastName: 'K' },
    'POST /api/contact-persons/{id}/interview': { version: 1, date: '2026-03-20', time: '14:00' },
    'POST /api/contact-persons/{id}/steps/{kind}': { version: 1, outcome: 'done', date: '2026-03-10' },
    'POST /api/contact-persons/{id}/references': { version: 1, name: 'Ref' },
    'PUT /api/contact-persons/{id}/references/{referenceId}': { version: 1, name: 'Ref' },
    'POST /api/contact-persons/{id}/register-checks': { version: 1, shownDate: '2026-03-10', extractDate: '2026-03-01', registers: ['belastningsregistret'] },
    'POST /api/contact-persons/{id}/check-validity': { startDate: '2026-04-01', activity: 'lss_child' },
    'POST /api/contact-persons/{id}/approve': { version: 1, date: '2026-03-10' },
    'POST /api/contact-persons/{id}/end': { version: 1, date: '2026-03-10', reason: 'withdrawn' },
    'POST /api/contact-persons/{id}/pauses': { version: 1, fromDate: '2026-03-10' },
    'POST /api/contact-persons/{id}/pauses/end': { version: 1, lastDay: '2026-03-10' },
    'POST /api/contact-persons/{id}/contact': { version: 1, date: '2026-03-10' },
    'PUT /api/contact-persons/{id}/payment': { clearingNumber: '6000', accountNumber: '123456789' },
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
    },
    'POST /api/admin/cp-districts': { name: 'Nytt område' },
    'PATCH /api/admin/cp-districts/{id}': { name: 'Nytt område', version: 1 },
    'POST /api/admin/check-rules': { law: '2010:479', validFrom: '2030-01-01', maxAgeMonths: 6, requiredRegisters: ['belastningsregistret'] },
    // Rates, payroll notices, genomförandeplan, contact log (issue 11)
    'POST /api/admin/rates': { year: 2040, prisbasbelopp: 60000, rounding: 'krona' },
    'PATCH /api/admin/rates/{year}': { version: 1, prisbasbelopp: 60000, rounding: 'krona' },
    'POST /api/admin/rates/{year}/levels': { code: 'niva9', name: 'Nivå 9', arvodeKronor: '1', omkostnadKronor: '1' },
    'PATCH /api/admin/rate-levels/{id}': { version: 1, code: 'niva9', name: 'Nivå 9', arvodeKronor: '1', omkostnadKronor: '1' },
    'DELETE /api/admin/rate-levels/{id}': { version: 1 },
    'POST /api/assignments/{id}/payroll-notice': { version: 1, sentDate: '2026-03-12' },
    'POST /api/offers/{id}/answer': { version: 1, response: 'accepted', responseDate: '2026-03-12', note: null },
    'POST /api/offers/{id}/close': { version: 1, reason: 'withdrawn', closedDate: '2026-03-12', note: null },
    'POST /api/offers/{id}/meetings': { version: 1, date: '2026-03-12', time: '14:00', place: 'Kontoret', participants: null, cancelReason: null },
    'POST /api/offers/{id}/outcome': { version: 1, outcome: 'go_ahead', outcomeDate: '2026-03-12', note: null },
    'POST /api/offers/{id}/assignment': { version: 1, rateLevel: 'niva1', meetingsPerMonth: 4, frequencyText: 'En gång i veckan', activities: 'Fika.', periodFrom: '2026-03-12', periodTo: null, agreementDate: '2026-03-12' },
    'PUT /api/assignments/{id}/agreement': { version: 1, rateLevel: 'niva1', meetingsPerMonth: 4, frequencyText: 'En gång i veckan', activities: 'Fika.', periodFrom: '2026-03-12', periodTo: null, agreementDate: '2026-03-12' },
    'POST /api/assignments/{id}/signatures': { version: 1, personSignedDate: '2026-03-12', contactPersonSignedDate: '2026-03-12' },
    'POST /api/assignments/{id}/appointment': { version: 1, appointedDate: '2026-03-12' },
    'POST /api/assignments/{id}/start': { version: 1, startDate: '2026-03-12' },
    'POST /api/assignments/{id}/interruptions': { version: 1, fromDate: '2026-03-12', reason: 'Sjuk.' },
    'POST /api/assignments/{id}/resume': { version: 1, resumedDate: '2026-03-13' },
    'POST /api/assignments/{id}/end': { version: 1, endDate: '2026-03-12', reason: 'other', note: null },
    'POST /api/orders/{orderId}/plan': { basedOnVersion: 0, goals: [{ goal: 'Mål' }], writtenDate: '2026-03-12' },
    'POST /api/contact-persons/{id}/contacts': { date: '2026-03-12', kind: 'phone' },
    // Notifications and kontaktpersonsträffar (issue 12)
    'PUT /api/notifications/email': { emailEnabled: false, email: null },
    'POST /api/cp-meetings': { date: '2026-04-02', time: '18:00', place: 'Träffpunkten', topic: 'Tema' },
    'PUT /api/cp-meetings/{id}': { version: 1, date: '2026-04-02', time: '18:00', place: 'Träffpunkten', topic: 'Tema' },
    'POST /api/cp-meetings/{id}/cancel': { version: 1 },
    'PUT /api/cp-meetings/{id}/attendance': { version: 1, attendance: [{ contactPersonId: '00000000-0000-4000-8000-000000000000', attended: true }] },
    // Payroll month and internal control (issue 12)
    'POST /api/payroll/months': { month: '2026-03' },
    'POST /api/payroll/months/{month}/lock': { version: 1 },
    'PUT /api/payroll/settings': {
      version: 1,
      unreportedPolicy: 'hold',
      approverMayLock: false,
      payCodeArvode: 'ARV',
      payCodeOmkostnad: 'OMK',
      payCodeUtlagg: 'UTL',
      payCodeCorrection: 'KORR',
      defaultCostCentre: '',
      costCentres: [],
    },
    'POST /api/payroll/changes/{id}/review': { note: null },
    // The portal and monthly reports (issue 12)
    'POST /api/portal/assignments/{id}/reports': { month: '2026-03' },
    'PUT /api/portal/reports/{id}': { version: 1, meetings: [], cancellations: [], expenses: [], message: null, submit: false },
    'POST /api/reports/{id}/approve': { version: 1 },
    'POST /api/reports/{id}/return': { version: 1, comment: 'Lägg till kvittot.' },
    'PUT /api/admin/portal-settings': { version: 1, reportDueDay: 5 },
    // Loggkontroll (issue 13)
    'POST /api/audit/unusual': { from: '2026-03-01', to: '2026-03-31' },
    'POST /api/audit/unusual/sign-off': { kind: 'outside_unit', auditId: 1, comment: 'Granskad.' },
    'PUT /api/admin/mass-read-settings': { version: 1, persons: 20, minutes: 10 },
  };
  return bodies[key] ?? {};
}
const validQuery: Record<string, Record<string, string>> = {
  'DELETE /api/persons/{id}/representatives/{representativeId}': { version: '1' },
  'GET /api/cases/{id}/legal-bases': { date: '2026-03-10' },
};
const pathIds: Record<string, () => string> = {
  '/api/persons/{id}': () => ids.person,
  '/api/cases/{id}': () => ids.case,
  '/api/admin/units/{id}': () => ids.unit,
  '/api/admin/users/{id}': () => ids.user,
  '/api/admin/legal-bases/{id}': () => ids.legalBasis,
  '/api/contact-persons/{id}': () => ids.contactPerson,
  '/api/admin/rates/{year}': () => '2026',
  '/api/payroll/months/{month}': () => '2026-03',
};
function fillPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    if (name === 'representativeId') return ids.representative;
    if (name === 'kind') return 'pledge';
    if (name === 'recordType') return 'closed_case';
    if (name === 'quarter') return '2026-Q2';
    const prefix = path.slice(0, offset + `{${name}}`.length);
    return pathIds[prefix]?.() ?? '00000000-0000-4000-8000-000000000000';
  });
}

type JsonSchema = { type?: string; enum?: unknown[]; format?: string; anyOf?: JsonSchema[]; allOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[] };

function properties(s: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!s) return {};
  return Object.assign({}, s.properties ?? {}, ...(s.allOf ?? []).map(properties));
}
/** The non-null alternative of a nullable field. */
function core(s: JsonSchema): JsonSchema {
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((x) => x.type !== 'null');
    if (nonNull.length === 1) return core(nonNull[0]);
    if (nonNull.every((x) => x.enum)) return { type: nonNull[0].type, enum: nonNull.flatMap((x) => x.enum!) };
  }
  return s;
}

const DATE_FIELD = /date$|^valid(from|to)$|^(from|to)$/i;
const LONG = 'x'.repeat(5001);

/** Values every field of this type must refuse with a 400. */
function badValues(name: string, schema: JsonSchema): unknown[] {
  const s = core(schema);
  if (s.enum) return ['finns-inte', `${String(s.enum[0])}\u0000`, 4, 0, 2147483648, true, {}];
  switch (s.type) {
    case 'integer':
    case 'number':
      return [2147483648, -2147483649, 1.5, 'abc', 1e308, true, [], {}];
    case 'boolean':
      return ['true', 'ja', 1, {}];
    case 'string': {
      const common = ['a\u0000b', '\u0000', 'a\u0007b', 'a\u001bb', '\ud800x', LONG, 42, true, [], {}];
      if (s.format === 'uuid') return [...common, 'inte-ett-id', '00000000-0000-4000-8000-00000000000\u0000'];
      if (DATE_FIELD.test(name)) return [...common, '0001-01-01', '2026-02-30', '2026-2-3', '99999-01-01', '2026-13-01', 20260310];
      return common;
    }
    default:
      return ['x', 1];
  }
}

/** Query strings and path parameters arrive as text. */
function badText(schema: JsonSchema): string[] {
  const s = core(schema);
  const common = ['%00', 'a%00b', '%07', 'x'.repeat(90), '%F0%9F%98%80'];
  if (s.enum) return [...common, 'finns-inte'];
  if (s.type === 'integer' || s.type === 'number') return [...common, 'abc', '2147483648', '-1', '1.5', '1e308', '99999999999999999999'];
  return [...common, 'inte-ett-id', '-1'];
}

const ENGLISH = /\b(expected|received|invalid|input|must|should|required|string|number|boolean|undefined|NaN|null|object|array|too|big|small|characters?)\b|>=|<=|[<>]/i;
const SWEDISH = /[åäöÅÄÖ]|\b(ska|vara|Skriv|Talet|Texten|Fältet|Ange|Datumet|Året|Numret|heltal)\b/;

interface Answer {
  statusCode: number;
  json(): { code: string; message: string; fields?: { path: string; message: string }[] };
  body: string;
}

async function send(method: string, url: string, body: unknown): Promise<Answer> {
  let res: Answer | null = null;
  for (const c of clients) {
    res = await h.app.inject({ method: method as 'POST', url, headers: { cookie: c.cookie }, ...(body !== undefined ? { payload: body as object } : {}) });
    if (res.statusCode !== 403) return res;
  }
  return res!;
}

function expectSwedish400(res: Answer, what: string, field: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
  const b = res.json();
  expect(b.code, what).toBe('VALIDATION_FAILED');
  expect(b.fields?.map((f) => f.path) ?? [], `${what}: ${res.body}`).toContain(field);
  for (const f of b.fields ?? []) {
    expect(f.message, `${what}: ${f.path}`).not.toMatch(ENGLISH);
    expect(f.message, `${what}: ${f.path}`).toMatch(SWEDISH);
  }
}

async function operations() {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops: { method: string; path: string; body?: JsonSchema; params: { in: string; name: string; schema: JsonSchema }[] }[] = [];
  for (const [path, byMethod] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(byMethod)) {
      ops.push({ method: method.toUpperCase(), path, body: op.requestBody?.content?.['application/json']?.schema, params: op.parameters ?? [] });
    }
  }
  return ops;
}

describe('every field of every route refuses bad values with a Swedish 400', () => {
  it('walks the route table: body fields, query strings and path parameters', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(25);
    let checked = 0;
    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      const url = fillPath(op.path);
      const query = validQuery[key] ?? {};
      const qs = (q: Record<string, string>) => (Object.keys(q).length ? `?${Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&')}` : '');
      for (const [field, schema] of Object.entries(properties(op.body))) {
        for (const bad of badValues(field, schema)) {
          const res = await send(op.method, url + qs(query), { ...validBody(key), [field]: bad });
          expectSwedish400(res, `${key} ${field}=${JSON.stringify(bad).slice(0, 40)}`, field);
          checked++;
        }
      }
      for (const p of op.params.filter((x) => x.in === 'query')) {
        for (const bad of badText(p.schema)) {
          const res = await send(op.method, url + qs({ ...query, [p.name]: bad }), op.body ? validBody(key) : undefined);
          expectSwedish400(res, `${key} ?${p.name}=${bad.slice(0, 40)}`, p.name);
          checked++;
        }
      }
      for (const p of op.params.filter((x) => x.in === 'path')) {
        for (const bad of badText(p.schema)) {
          const badUrl = fillPath(op.path.replace(`{${p.name}}`, bad));
          const res = await send(op.method, badUrl + qs(query), op.body ? validBody(key) : undefined);
          expect(res.statusCode, `${key} ${p.name}=${bad}: ${res.body}`).toBe(400);
          // Over-long parameters are refused by the router before validation (BAD_REQUEST); the rest name the field.
          if (res.json().code === 'VALIDATION_FAILED') expectSwedish400(res, `${key} ${p.name}=${bad}`, p.name);
          else expect(res.json().message).toMatch(SWEDISH);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(800);
  }, 300_000);

  it('the named examples from the issue', async () => {
    const [hl] = clients;
    const nul = await hl.post('/api/persons/search', { query: 'An\u0000na' });
    expectSwedish400(nul, 'search NUL', 'query');
    expect(nul.json().fields[0].message).toMatch(/otillåtet tecken/);
    const tooBig = await hl.patch(`/api/persons/${ids.person}`, { version: 2147483648, firstName: 'A', lastName: 'B' });
    expectSwedish400(tooBig, 'version', 'version');
    expect(tooBig.json().fields[0].message).toBe('Talet får vara högst 2 147 483 647.');
    const notInCalendar = await hl.post(`/api/cases/${ids.case}/application`, { version: 1, applicationDate: '2026-02-30' });
    expect(notInCalendar.json().fields).toEqual([{ path: 'applicationDate', message: 'Datumet 2026-02-30 finns inte.' }]);
    const year = await hl.post(`/api/cases/${ids.case}/application`, { version: 1, applicationDate: '0001-01-01' });
    expect(year.json().fields).toEqual([{ path: 'applicationDate', message: 'Året måste vara 1900 eller senare.' }]);
    const bool = await hl.post('/api/persons', { ...personBody(3), protectedIdentity: 'ja' });
    expect(bool.json().fields).toEqual([{ path: 'protectedIdentity', message: 'Välj ja eller nej.' }]);
    const small = await hl.get('/api/cases?page=0');
    expect(small.json().fields).toEqual([{ path: 'page', message: 'Talet måste vara minst 1.' }]);
    // Free text keeps its lines; a name may not.
    const multi = await hl.post('/api/cases', { ...validBody('POST /api/cases'), description: 'Rad ett\nRad två\tmed tabb' });
    expect(multi.statusCode, multi.body).toBe(201);
    expect(multi.json().description).toBe('Rad ett\nRad två\tmed tabb');
    expectSwedish400(await hl.post(`/api/persons/${ids.person}/representatives`, { kind: 'god_man', name: 'Gun\nMan' }), 'name newline', 'name');
  });

  it('any text in a free-text field or the search is a 2xx or a Swedish 400, never a 500 (property)', async () => {
    const [hl] = clients;
    await fc.assert(
      fc.asyncProperty(
        // Any code point, with control characters and lone surrogates mixed in often.
        fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0007', '\n', '\t', '\ud800', '\u2028', 'ö'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }),
        async (text) => {
        const search = await hl.post('/api/persons/search', { query: text });
        const rep = await hl.post(`/api/persons/${ids.person}/representatives`, { kind: 'god_man', name: 'Gun Man', address: text });
        for (const r of [search, rep]) {
          if (r.statusCode >= 400) {
            expect(r.statusCode, r.body).toBe(400);
            for (const f of r.json().fields ?? []) expect(f.message).toMatch(SWEDISH);
          }
        }
      },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('an unexpected error', () => {
  it('logs its class, code and SQLSTATE, never the message (which quotes values)', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const app = await buildApp({ db: h.db, config: h.config, clock: h.clock, logger: { level: 'info', stream } });
    app.get('/api/test-unexpected', { config: { access: 'public' } }, async () => {
      await h.db.execute(sql`select ${'Anna Andersson'}::int`);
      return {};
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/test-unexpected' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
    expect(line).toMatchObject({ errClass: expect.any(String), sqlState: '22P02', errCode: '22P02', route: '/api/test-unexpected' });
    expect(lines.join('\n')).not.toContain('Anna');
  });
});
