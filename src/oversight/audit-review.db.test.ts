// Loggkontroll's unusual reads and sign-offs, the CSV export and the register extract (issue 13 items 4 and 5), on a
// real database (PGlite, and PostgreSQL with KONTAKT_TEST_DB=postgres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, gte, lt, or, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { unusualAccess } from './audit-rules';
import { loadAccessReads } from './audit-unusual';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
const api: Record<string, ApiClient> = {};
let n = 500;

interface Person {
  id: string;
  identityNumber: string;
  firstName: string;
  lastName: string;
}
let pA: Person; // LSS case, read by its own handläggare (ordinary)
let pB: Person; // SOL case, read by an LSS handläggare (outside the unit)
let pP: Person; // skyddad identitet, LSS case
let pOther: Person; // another person: never in pA's extract
let caseA: { id: string; caseNumber: string };
let caseOther: { id: string; caseNumber: string };
const massPersons: Person[] = [];

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function newPerson(as: ApiClient, o: Record<string, unknown> = {}): Promise<Person> {
  const r = await as.post('/api/persons', personBody(++n, o));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function newCase(as: ApiClient, personId: string, route: 'LSS' | 'SOL') {
  const r = await as.post('/api/cases', { personId, route, requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; caseNumber: string };
}

/** Sessions end after inactivity: sign everyone in again after moving the clock. */
async function signInAll() {
  for (const k of ['hl', 'hl2', 'hs', 'ks', 'ec', 'ecSol', 'admin', 'revisor'] as const) api[k] = await login(h.app, staff[k].username);
}

const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  await signInAll();
  pA = await newPerson(api.hl);
  caseA = await newCase(api.hl, pA.id, 'LSS');
  pB = await newPerson(api.hs);
  await newCase(api.hs, pB.id, 'SOL');
  pP = await newPerson(api.hl, { protectedIdentity: true });
  await newCase(api.hl, pP.id, 'LSS');
  pOther = await newPerson(api.hl, { firstName: 'Olle', lastName: 'Annansson' });
  caseOther = await newCase(api.hl, pOther.id, 'LSS');
  for (let i = 0; i < 4; i++) massPersons.push(await newPerson(api.hl2));
  // The mass-read limit: more than 3 persons within 10 minutes.
  const s = (await api.admin.get('/api/audit/mass-read-settings')).json();
  const put = await api.admin.put('/api/admin/mass-read-settings', { persons: 3, minutes: 10, version: s.version });
  expect(put.statusCode, put.body).toBe(200);
  // The reads, a minute apart.
  h.clock.set('2026-03-16T11:00:00+01:00');
  await signInAll();
  for (const [as, p] of [
    [api.hl, pA],
    [api.hl, pB],
    [api.hl, pP],
  ] as const) {
    expect((await as.get(`/api/persons/${p.id}`)).statusCode).toBe(200);
    h.clock.advance(60_000);
  }
  h.clock.set('2026-03-16T13:00:00+01:00');
  await signInAll();
  for (const p of massPersons) {
    expect((await api.hl2.get(`/api/persons/${p.id}`)).statusCode).toBe(200);
    h.clock.advance(60_000);
  }
  h.clock.set('2026-03-17T09:00:00+01:00');
  await signInAll();
});
afterAll(() => h.close());

interface Finding {
  kind: string;
  auditId: number;
  actor: { id: string };
  person: { id: string } | null;
  persons: number;
  signOff: { by: string; comment: string } | null;
}
async function unusual(as: ApiClient, body: Record<string, unknown> = {}): Promise<Finding[]> {
  const r = await as.post('/api/audit/unusual', { ...PERIOD, pageSize: 100, ...body });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items;
}
const short = (f: Finding) => [f.kind, f.actor.id, f.person?.id];

describe('unusual reads', () => {
  it('finds each kind for the enhetschef of the unit: outside the unit, skyddad identitet, mass read', async () => {
    const found = await unusual(api.ec);
    expect(found.map(short)).toEqual(
      expect.arrayContaining([
        ['outside_unit', staff.hl.id, pB.id],
        ['protected_identity', staff.hl.id, pP.id],
        ['mass_read', staff.hl2.id, massPersons[0].id],
      ]),
    );
    expect(found.find((f) => f.kind === 'mass_read')?.persons).toBe(4);
    // The ordinary read is not there.
    expect(found.filter((f) => f.person?.id === pA.id)).toEqual([]);
    const logged = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'audit.unusual_list' and actor_user_id = ${staff.ec.id}`);
    expect(logged[0].n).toBeGreaterThan(0);
  });

  it('shows another unit’s enhetschef only what concerns their unit', async () => {
    const found = await unusual(api.ecSol);
    expect(found.map(short)).toEqual([['outside_unit', staff.hl.id, pB.id]]);
  });

  it('filters by kind, and a period without reads has none', async () => {
    expect((await unusual(api.ec, { kind: 'mass_read' })).map((f) => f.kind)).toEqual(['mass_read']);
    expect(await unusual(api.ec, { from: '2026-02-01', to: '2026-02-28' })).toEqual([]);
  });

  it('refuses a period longer than a year and an end before the start (Swedish 400)', async () => {
    const long = await api.ec.post('/api/audit/unusual', { from: '2025-01-01', to: '2026-03-01' });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('AUDIT_PERIOD_TOO_LONG');
    const back = await api.ec.post('/api/audit/unusual', { from: '2026-03-10', to: '2026-03-01' });
    expect(back.statusCode).toBe(400);
    expect(back.json().fields[0].message).toBe('Slutdatum kan inte vara före startdatum.');
  });

  it('is closed to roles without audit:read', async () => {
    for (const k of ['hl', 'ks', 'admin']) expect((await api[k].post('/api/audit/unusual', PERIOD)).statusCode).toBe(403);
    expect((await api.revisor.post('/api/audit/unusual', PERIOD)).statusCode).toBe(200);
  });
});

describe('signing off', () => {
  it('stores who, when and the comment, logs it, and moves the finding to the signed list', async () => {
    const f = (await unusual(api.ec)).find((x) => x.kind === 'outside_unit' && x.person?.id === pB.id)!;
    const r = await api.ec.post('/api/audit/unusual/sign-off', { kind: f.kind, auditId: f.auditId, comment: 'Hjälpte SoL-enheten en dag, enligt överenskommelse.' });
    expect(r.statusCode, r.body).toBe(201);
    const [stored] = await rows<{ signed_by: string; comment: string; signed_at: Date }>(sql`select signed_by, comment, signed_at from audit_signoffs where audit_id = ${f.auditId} and kind = 'outside_unit'`);
    expect(stored.signed_by).toBe(staff.ec.id);
    expect(stored.comment).toBe('Hjälpte SoL-enheten en dag, enligt överenskommelse.');
    expect(new Date(stored.signed_at).toISOString()).toBe('2026-03-17T08:00:00.000Z');
    const log = await rows<{ person_id: string; details: { kind: string; auditId: number } }>(
      sql`select person_id, details from audit_log where action = 'audit.sign_off' and actor_user_id = ${staff.ec.id}`,
    );
    expect(log).toEqual([{ person_id: pB.id, details: expect.objectContaining({ kind: 'outside_unit', auditId: f.auditId }) }]);
    expect((await unusual(api.ec)).find((x) => x.auditId === f.auditId && x.kind === 'outside_unit')).toBeUndefined();
    const signed = (await unusual(api.ec, { status: 'signed' })).find((x) => x.auditId === f.auditId);
    expect(signed?.signOff).toEqual(expect.objectContaining({ by: staff.ec.displayName, comment: 'Hjälpte SoL-enheten en dag, enligt överenskommelse.' }));
  });

  it('signs off a mass read by its first read', async () => {
    const f = (await unusual(api.ec, { kind: 'mass_read' }))[0];
    const r = await api.ec.post('/api/audit/unusual/sign-off', { kind: 'mass_read', auditId: f.auditId, comment: 'Inventering av väntelistan.' });
    expect(r.statusCode, r.body).toBe(201);
  });

  it('refuses a second sign-off (409), a read that is not unusual (404), an empty comment (400)', async () => {
    const f = (await unusual(api.ec, { status: 'signed' }))[0];
    const again = await api.ec.post('/api/audit/unusual/sign-off', { kind: f.kind, auditId: f.auditId, comment: 'Igen.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('AUDIT_ALREADY_SIGNED_OFF');
    const [ordinary] = await rows<{ id: string }>(sql`select id::text from audit_log where action = 'person.read' and person_id = ${pA.id}`);
    const notUnusual = await api.ec.post('/api/audit/unusual/sign-off', { kind: 'outside_unit', auditId: Number(ordinary.id), comment: 'Ok.' });
    expect(notUnusual.statusCode).toBe(404);
    expect(notUnusual.json().code).toBe('AUDIT_FINDING_NOT_FOUND');
    const empty = await api.ec.post('/api/audit/unusual/sign-off', { kind: f.kind, auditId: f.auditId, comment: '  ' });
    expect(empty.statusCode).toBe(400);
  });

  it('lets only the enhetschef sign off, and only within their unit', async () => {
    const f = (await unusual(api.ec, { kind: 'protected_identity' }))[0];
    for (const k of ['hl', 'revisor', 'admin']) expect((await api[k].post('/api/audit/unusual/sign-off', { kind: f.kind, auditId: f.auditId, comment: 'x' })).statusCode).toBe(403);
    expect((await api.ecSol.post('/api/audit/unusual/sign-off', { kind: f.kind, auditId: f.auditId, comment: 'x' })).statusCode).toBe(404);
  });
});

describe('mass-read settings', () => {
  it('are the administrator’s, versioned, with Swedish messages for bad limits', async () => {
    const s = (await api.ec.get('/api/audit/mass-read-settings')).json();
    expect(s).toEqual({ persons: 3, minutes: 10, version: s.version });
    expect((await api.ec.put('/api/admin/mass-read-settings', { persons: 5, minutes: 10, version: s.version })).statusCode).toBe(403);
    expect((await api.admin.put('/api/admin/mass-read-settings', { persons: 5, minutes: 10, version: s.version + 7 })).statusCode).toBe(409);
    const bad = await api.admin.put('/api/admin/mass-read-settings', { persons: 1, minutes: 0, version: s.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['minutes', 'persons']);
  });
});

describe('log search by unit, and the CSV export', () => {
  it('searches the actions of a unit’s staff', async () => {
    const r = await api.revisor.post('/api/audit/search', { unitId: staff.sol.id, pageSize: 100 });
    expect(r.statusCode, r.body).toBe(200);
    const actors = new Set(r.json().items.map((i: { actor: { id: string } }) => i.actor.id));
    expect([...actors].sort()).toEqual([staff.ecSol.id, staff.hs.id].filter((id) => actors.has(id)).sort());
    expect(actors.has(staff.hs.id)).toBe(true);
  });

  it('exports what a search finds as CSV for Excel (BOM, semicolons, CRLF), logged', async () => {
    const r = await api.ec.post('/api/audit/export.csv', { identityNumber: pA.identityNumber, ...PERIOD });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toBe('attachment; filename="logg-2026-03-17.csv"');
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Tidpunkt;Användare;Användarnamn;Händelse;Person;Personnummer;Typ;Id;Anrops-id');
    expect(lines.some((l) => l.startsWith('2026-03-16 11:00:00;') && l.includes(';Läste personuppgifter;') && l.includes(pA.lastName))).toBe(true);
    expect(r.body).not.toContain(pB.lastName);
    const [log] = await rows<{ person_id: string; details: { rows: number } }>(sql`select person_id, details from audit_log where action = 'audit.export'`);
    expect(log.person_id).toBe(pA.id);
    expect(log.details.rows).toBe(lines.length - 2);
  });
});

describe('register extract (GDPR art. 15)', () => {
  beforeAll(async () => {
    const [lb] = await rows<{ id: string }>(sql`select id from legal_bases where route = 'LSS' order by valid_from limit 1`);
    await h.db.execute(sql`insert into decisions (case_id, state, outcome, reasons, legal_basis_id, decision_date, start_date)
      values (${caseA.id}, 'decided', 'granted', 'Behovet är styrkt.', ${lb.id}, '2026-03-17', '2026-04-01'),
             (${caseOther.id}, 'decided', 'rejected', 'Annans skäl.', ${lb.id}, '2026-03-17', null)`);
  });

  it('holds the person’s case, decision and the log of who read them, and nothing of another person', async () => {
    const r = await api.ec.get(`/api/persons/${pA.id}/register-extract.json`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="registerutdrag-2026-03-17.json"');
    const e = r.json();
    expect(e.person).toEqual(expect.objectContaining({ id: pA.id, first_name: pA.firstName, last_name: pA.lastName, street_address: 'Provgatan 1' }));
    expect(e.sections.cases.map((c: { case_number: string }) => c.case_number)).toEqual([caseA.caseNumber]);
    expect(e.sections.decisions).toEqual([expect.objectContaining({ case_number: caseA.caseNumber, outcome: 'granted', reasons: 'Behovet är styrkt.' })]);
    expect(e.sections.log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.read', user_name: staff.hl.displayName })]));
    const text = r.body;
    for (const other of [pOther.id, pOther.lastName, caseOther.caseNumber, caseOther.id, 'Annans skäl', pB.id, pB.lastName]) expect(text).not.toContain(other);
    const [log] = await rows<{ actor_user_id: string; details: { format: string; counts: Record<string, number> } }>(
      sql`select actor_user_id, details from audit_log where action = 'gdpr.extract' and person_id = ${pA.id}`,
    );
    expect(log.actor_user_id).toBe(staff.ec.id);
    expect(log.details).toEqual(expect.objectContaining({ format: 'json', counts: expect.objectContaining({ cases: 1, decisions: 1 }) }));
  });

  it('leaves out a protected person’s contact details', async () => {
    const e = (await api.ec.get(`/api/persons/${pP.id}/register-extract.json`)).json();
    expect(e.person.protected_identity).toBe(true);
    expect(e.person).not.toHaveProperty('street_address');
    expect(e.person).not.toHaveProperty('phone');
  });

  it('is a PDF for the person, logged', async () => {
    const r = await api.ec.get(`/api/persons/${pA.id}/register-extract.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'gdpr.extract' and person_id = ${pA.id} and details->>'format' = 'pdf'`);
    expect(n.n).toBe(1);
  });

  it('is the enhetschef’s only: 403 for every other role, 404 for an unknown person', async () => {
    for (const k of ['hl', 'hs', 'ks', 'admin', 'revisor']) {
      expect((await api[k].get(`/api/persons/${pA.id}/register-extract.json`)).statusCode).toBe(403);
      expect((await api[k].get(`/api/persons/${pA.id}/register-extract.pdf`)).statusCode).toBe(403);
    }
    expect((await api.ec.get('/api/persons/00000000-0000-4000-8000-000000000000/register-extract.json')).statusCode).toBe(404);
  });
});

describe('the SQL prefilter of unusual reads', () => {
  it('drops nothing the pure rules find (generated reads on a 15-second grid: ties, windows ending exactly on a read, dense and sparse hours)', async () => {
    const users = await rows<{ id: string; username: string; unit_id: string | null }>(sql`select id, username, unit_id from users order by username`);
    const people = await rows<{ id: string }>(sql`select id from persons order by id`);
    // A fixed pseudo-random sequence (no Math.random in tests).
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const entries: { at: string; actor: string; username: string; person: string; action: string }[] = [];
    let step = 0;
    for (let i = 0; i < 2500; i++) {
      // Dense stretches (a read every 0–2 steps) and sparse ones (every 0–40 steps).
      step += Math.floor(rand() * ((Math.floor(i / 300) % 2 === 0) ? 3 : 41));
      const u = users[Math.floor(rand() * Math.min(users.length, 4))];
      const at = new Date(Date.parse('2025-01-10T07:00:00Z') + step * 15_000).toISOString();
      entries.push({ at, actor: u.id, username: u.username, person: people[Math.floor(rand() * people.length)].id, action: rand() < 0.5 ? 'person.read' : 'case.read' });
    }
    await h.db.execute(sql`insert into audit_log (occurred_at, actor_user_id, actor_username, action, entity_type, person_id, request_id)
      select (e->>'at')::timestamptz, (e->>'actor')::uuid, e->>'username', e->>'action', 'person', (e->>'person')::uuid, 'prefilter-test'
      from json_array_elements(${JSON.stringify(entries)}::json) e`);
    const period = and(gte(auditLog.occurredAt, sql`'2025-01-01'::timestamptz`), lt(auditLog.occurredAt, sql`'2025-02-01'::timestamptz`));
    const unit = staff.lss.id;
    const unitScope = or(
      sql`${auditLog.actorUserId} in (select id from users where unit_id = ${unit})`,
      sql`${auditLog.personId} in (select person_id from cases where unit_id = ${unit})`,
    );
    let findings = 0;
    let dropped = 0;
    const kinds = new Set<string>();
    for (const where of [period, and(period, unitScope)])
      for (const settings of [
        { persons: 3, minutes: 10 },
        { persons: 5, minutes: 2 },
        { persons: 2, minutes: 1 },
        { persons: 8, minutes: 30 },
        { persons: 20, minutes: 10 },
      ]) {
        const all = await loadAccessReads(h.db, where);
        const some = await loadAccessReads(h.db, where, { unusualOnly: settings });
        const expected = unusualAccess(all.reads, settings);
        expect(unusualAccess(some.reads, settings), JSON.stringify(settings)).toEqual(expected);
        findings += expected.length;
        for (const f of expected) kinds.add(f.kind);
        dropped += all.reads.length - some.reads.length;
      }
    // Not trivial: findings of every kind, and the prefilter leaves reads out.
    expect(findings).toBeGreaterThan(100);
    expect(kinds).toEqual(new Set(['outside_unit', 'protected_identity', 'mass_read']));
    expect(dropped).toBeGreaterThan(0);
  });
});
