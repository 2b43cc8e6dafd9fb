import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildStaff, login, personBody, setupHarness, testPersonnummer, type ApiClient, type Harness } from '../../test/support/harness';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let hs: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' }); // a Monday
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  hs = await login(h.app, staff.hs.username);
});
afterAll(() => h.close());

interface AuditRow {
  id: string;
  action: string;
  actor_user_id: string | null;
  actor_username: string | null;
  entity_type: string;
  entity_id: string | null;
  person_id: string | null;
  request_id: string | null;
}

async function rows<T>(q: SQL): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function count(where: SQL = sql`true`): Promise<number> {
  const [r] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where ${where}`);
  return Number(r.n);
}

const requestIdOf = (res: LightMyRequestResponse) => {
  const id = res.headers['x-request-id'];
  expect(typeof id).toBe('string');
  expect(id).not.toBe('');
  return String(id);
};

function auditFor(res: LightMyRequestResponse): Promise<AuditRow[]> {
  return rows<AuditRow>(
    sql`select id::text, action, actor_user_id, actor_username, entity_type, entity_id, person_id, request_id from audit_log where request_id = ${requestIdOf(res)} order by id`,
  );
}

/** As a handläggare would type it: ÅÅÅÅMMDD-NNNN. */
const typed = (pnr: string) => {
  const d = pnr.replace(/\D/g, '');
  return `${d.slice(0, 8)}-${d.slice(8)}`;
};

async function newPerson(api: ApiClient = hl) {
  const r = await api.post('/api/persons', personBody(++n));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; identityNumber: string; firstName: string; lastName: string };
}

async function newCase(api: ApiClient, personId: string, route: 'LSS' | 'SOL') {
  const r = await api.post('/api/cases', { personId, route, requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; caseNumber: string };
}

/** The error and its causes (Drizzle wraps the driver's error). */
function describeError(e: unknown): string {
  const parts: string[] = [];
  let cur = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let i = 0; cur && i < 4; i++, cur = cur.cause as typeof cur) parts.push(`${cur.code ?? ''} ${cur.message ?? String(cur)}`);
  return parts.join(' | ');
}

async function refused(q: SQL) {
  let err: unknown = null;
  try {
    await h.db.execute(q);
  } catch (e) {
    err = e;
  }
  expect(err, 'statement should have been refused').not.toBeNull();
  const text = describeError(err);
  expect(text).toMatch(/append-only/);
  expect(text).toMatch(/42501/);
}

describe('the log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const before = await count();
    expect(before).toBeGreaterThan(0); // the sign-ins above
    await refused(sql`update audit_log set action = 'person.read'`);
    await refused(sql`update audit_log set actor_user_id = null where id = (select min(id) from audit_log)`);
    await refused(sql`delete from audit_log`);
    await refused(sql`delete from audit_log where id = (select max(id) from audit_log)`);
    await refused(sql`truncate audit_log`);
    expect(await count()).toBe(before);
    // Appending still works.
    await h.db.execute(sql`insert into audit_log (occurred_at, action, entity_type, request_id) values (now(), 'auth.logout', 'session', 'trigger-test')`);
    expect(await count()).toBe(before + 1);
  });
});

describe('the log is written in the use case’s transaction', () => {
  it('leaves no row for a request that fails (duplicate personnummer → 409)', async () => {
    const p = await newPerson();
    const before = await count();
    const dup = await hl.post('/api/persons', personBody(n));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('PERSON_DUPLICATE');
    expect(await auditFor(dup)).toEqual([]);
    expect(await count()).toBe(before);
    expect(await count(sql`person_id = ${p.id} and action = 'person.create'`)).toBe(1);
  });

  it('rolls the row back with the change when the use case throws after writing it', async () => {
    const before = await count();
    const who = { actor: { id: staff.hl.id, username: staff.hl.username }, requestId: 'rollback-test', clock: h.clock };
    await expect(
      writeUseCase(h, async (tx) => {
        await recordAudit(tx, who, { action: 'person.update', entityType: 'person', entityId: null, details: { changed: [] } });
        throw new Error('fails after writing');
      }),
    ).rejects.toThrow('fails after writing');
    expect(await count(sql`request_id = 'rollback-test'`)).toBe(0);
    expect(await count()).toBe(before);
  });
});

describe('reads are logged', () => {
  let person: Awaited<ReturnType<typeof newPerson>>;
  let kase: Awaited<ReturnType<typeof newCase>>;
  beforeAll(async () => {
    person = await newPerson();
    kase = await newCase(hl, person.id, 'LSS');
  });

  function expectRead(row: AuditRow | undefined, res: LightMyRequestResponse, action: string) {
    expect(row).toMatchObject({ action, actor_user_id: staff.hl.id, actor_username: staff.hl.username, person_id: person.id, request_id: requestIdOf(res) });
  }

  it('GET /api/persons/:id', async () => {
    const r = await hl.get(`/api/persons/${person.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const log = await auditFor(r);
    expect(log).toHaveLength(1);
    expectRead(log[0], r, 'person.read');
    expect(log[0]).toMatchObject({ entity_type: 'person', entity_id: person.id });
  });

  it('POST /api/persons/search: one row per person shown', async () => {
    const other = await newPerson();
    const r = await hl.post('/api/persons/search', { query: typed(person.identityNumber) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((i: { id: string }) => i.id)).toEqual([person.id]);
    const log = await auditFor(r);
    expect(log).toHaveLength(1);
    expectRead(log[0], r, 'person.search');

    const both = await hl.post('/api/persons/search', { query: '19850314' });
    const shown: string[] = both.json().items.map((i: { id: string }) => i.id);
    expect(shown).toEqual(expect.arrayContaining([person.id, other.id]));
    const log2 = await auditFor(both);
    expect(log2.map((l) => l.person_id).sort()).toEqual([...shown].sort());
    expect(new Set(log2.map((l) => l.action))).toEqual(new Set(['person.search']));

    const none = await hl.post('/api/persons/search', { query: 'Finnsintesson' });
    expect(none.json().items).toEqual([]);
    expect(await auditFor(none)).toEqual([]);
  });

  it('GET /api/cases/:id', async () => {
    const r = await hl.get(`/api/cases/${kase.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const log = await auditFor(r);
    expect(log).toHaveLength(1);
    expectRead(log[0], r, 'case.read');
    expect(log[0]).toMatchObject({ entity_type: 'case', entity_id: kase.id });
  });

  it('GET /api/cases: one row per case listed', async () => {
    const r = await hl.get('/api/cases?scope=mine&pageSize=100');
    expect(r.statusCode, r.body).toBe(200);
    const items: { id: string }[] = r.json().items;
    expect(items.map((i) => i.id)).toContain(kase.id);
    const log = await auditFor(r);
    expect(log).toHaveLength(items.length);
    expect(log.map((l) => l.entity_id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(log.every((l) => l.action === 'case.list' && l.actor_user_id === staff.hl.id && l.request_id === requestIdOf(r))).toBe(true);
    expectRead(
      log.find((l) => l.entity_id === kase.id),
      r,
      'case.list',
    );
  });

  it('GET /api/cases: every sort and page logs exactly the cases it shows, each with its person', async () => {
    for (const sort of ['receivedDate', 'caseNumber', 'personName', 'status']) {
      for (const page of [1, 2]) {
        const r = await hl.get(`/api/cases?scope=mine&sort=${sort}&order=asc&pageSize=1&page=${page}`);
        expect(r.statusCode, r.body).toBe(200);
        const items: { id: string; person: { id: string } }[] = r.json().items;
        const log = await auditFor(r);
        expect(log.map((l) => [l.entity_id, l.person_id])).toEqual(items.map((i) => [i.id, i.person.id]));
      }
    }
  });

  it('does not log a refused read', async () => {
    const r = await hs.get(`/api/cases/${kase.id}`);
    expect(r.statusCode).toBe(404);
    expect(await auditFor(r)).toEqual([]);
  });
});

describe('loggkontroll (POST /api/audit/search)', () => {
  // A: LSS person, handled by the LSS unit. B: SoL person, only ever touched by SoL staff.
  let A: Awaited<ReturnType<typeof newPerson>>;
  let B: Awaited<ReturnType<typeof newPerson>>;
  let revisor: ApiClient;
  let ec: ApiClient;
  const day1 = '2026-03-16T10:00:00+01:00';
  const day2 = '2026-03-17T10:00:00+01:00';
  const day3 = '2026-03-18T10:00:00+01:00';

  beforeAll(async () => {
    h.clock.set(day1);
    hl = await login(h.app, staff.hl.username);
    hs = await login(h.app, staff.hs.username);
    A = await newPerson(hl);
    await newCase(hl, A.id, 'LSS');
    expect((await hl.get(`/api/persons/${A.id}`)).statusCode).toBe(200);
    B = await newPerson(hs);
    await newCase(hs, B.id, 'SOL');
    expect((await hs.get(`/api/persons/${B.id}`)).statusCode).toBe(200);
    // A SoL handläggare looks up the LSS person: the LSS enhetschef must see that.
    expect((await hs.post('/api/persons/search', { query: typed(A.identityNumber) })).json().items).toHaveLength(1);

    // Moving the clock a day expires the sessions: sign in again each day.
    h.clock.set(day2);
    const hl2 = await login(h.app, staff.hl2.username);
    expect((await hl2.get(`/api/persons/${A.id}`)).statusCode).toBe(200);

    h.clock.set(day3);
    hl = await login(h.app, staff.hl.username);
    hs = await login(h.app, staff.hs.username);
    revisor = await login(h.app, staff.revisor.username);
    ec = await login(h.app, staff.ec.username);
  });

  type Entry = {
    id: number;
    occurredAt: string;
    actor: { id: string | null; username: string | null; displayName: string | null };
    action: string;
    actionLabel: string;
    person: { id: string; name: string; identityNumber: string } | null;
    requestId: string | null;
  };
  type Page = { items: Entry[]; total: number; page: number; pageSize: number };

  async function search(api: ApiClient, body: Record<string, unknown>): Promise<Page & { res: LightMyRequestResponse }> {
    const res = await api.post('/api/audit/search', body);
    expect(res.statusCode, res.body).toBe(200);
    return { ...res.json(), res };
  }

  it('finds everything about a person by the personnummer as typed, newest first, with Swedish labels', async () => {
    const expected = await count(sql`person_id = ${A.id}`);
    const r = await search(revisor, { identityNumber: typed(A.identityNumber), pageSize: 100 });
    expect(r.total).toBe(expected);
    expect(r.items).toHaveLength(expected);
    expect(r.items.every((e) => e.person?.id === A.id)).toBe(true);
    expect(r.items[0].person).toEqual({ id: A.id, name: `${A.firstName} ${A.lastName}`, identityNumber: typed(A.identityNumber) });
    const times = r.items.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(r.items.map((e) => e.action)).toEqual(expect.arrayContaining(['person.create', 'case.create', 'person.read', 'person.search']));

    const read = r.items.find((e) => e.action === 'person.read' && e.actor.id === staff.hl2.id)!;
    expect(read).toMatchObject({ actionLabel: 'Läste personuppgifter', actor: { username: staff.hl2.username, displayName: staff.hl2.displayName } });
    expect(read.occurredAt).toBe(new Date(day2).toISOString());
    expect(r.items.find((e) => e.action === 'person.create')!.actionLabel).toBe('Registrerade person');
    expect(r.items.find((e) => e.action === 'case.create')!.actionLabel).toBe('Registrerade ansökan eller aktualisering');
    expect(r.items.find((e) => e.action === 'person.search')!.actionLabel).toBe('Sökte person');

    // The same person whichever way the number is typed; an unknown number finds nothing.
    const digits = await search(revisor, { identityNumber: A.identityNumber.replace(/\D/g, '').slice(2), pageSize: 1 });
    expect(digits.items[0].person?.id).toBe(A.id);
    const byId = await search(revisor, { personId: A.id, pageSize: 1 });
    expect(byId.total).toBe(digits.total + 1); // the previous search is about A too
    const unknown = await search(revisor, { identityNumber: typed(testPersonnummer(799)) });
    expect(unknown).toMatchObject({ total: 0, items: [] });
  });

  it('logs the search itself as audit.search, about the person searched for', async () => {
    const r = await search(revisor, { identityNumber: typed(A.identityNumber) });
    const log = await auditFor(r.res);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'audit.search', entity_type: 'audit_log', actor_user_id: staff.revisor.id, person_id: A.id, request_id: requestIdOf(r.res) });
    // …and the next search shows it, labelled in Swedish.
    const next = await search(revisor, { identityNumber: typed(A.identityNumber), action: 'audit.search', pageSize: 100 });
    expect(next.items.map((e) => e.requestId)).toContain(requestIdOf(r.res));
    expect(next.items.every((e) => e.actionLabel === 'Sökte i loggen')).toBe(true);
  });

  it('finds a user’s entries, and pages them with the right total', async () => {
    const hl2 = await search(revisor, { userId: staff.hl2.id, pageSize: 100 });
    expect(hl2.total).toBe(await count(sql`actor_user_id = ${staff.hl2.id}`));
    expect(hl2.items.every((e) => e.actor.id === staff.hl2.id)).toBe(true);
    expect(hl2.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'person.read']));
    expect(hl2.items.find((e) => e.action === 'auth.login')!.actionLabel).toBe('Loggade in');

    const total = await count(sql`actor_user_id = ${staff.hl.id}`);
    expect(total).toBeGreaterThan(5);
    const all = await search(revisor, { userId: staff.hl.id, pageSize: 100 });
    expect(all.total).toBe(total);
    const p1 = await search(revisor, { userId: staff.hl.id, pageSize: 3, page: 1 });
    const p2 = await search(revisor, { userId: staff.hl.id, pageSize: 3, page: 2 });
    expect(p1).toMatchObject({ total, page: 1, pageSize: 3 });
    expect(p2).toMatchObject({ total, page: 2, pageSize: 3 });
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(3);
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(all.items.slice(0, 6).map((e) => e.id));
    const last = Math.ceil(total / 3);
    const pl = await search(revisor, { userId: staff.hl.id, pageSize: 3, page: last });
    expect(pl.items).toHaveLength(total - (last - 1) * 3);
    const beyond = await search(revisor, { userId: staff.hl.id, pageSize: 3, page: last + 1 });
    expect(beyond).toMatchObject({ items: [], total });
  });

  it('limits to a period of Swedish calendar days', async () => {
    const start = new Date('2026-03-17T00:00:00+01:00');
    const end = new Date('2026-03-18T00:00:00+01:00');
    const expected = await count(sql`occurred_at >= ${start.toISOString()}::timestamptz and occurred_at < ${end.toISOString()}::timestamptz`);
    expect(expected).toBeGreaterThan(0);
    const r = await search(revisor, { from: '2026-03-17', to: '2026-03-17', pageSize: 100 });
    expect(r.total).toBe(expected);
    expect(r.items.every((e) => new Date(e.occurredAt) >= start && new Date(e.occurredAt) < end)).toBe(true);
    expect(r.items.some((e) => e.action === 'person.read' && e.actor.id === staff.hl2.id)).toBe(true);

    const aboutA = await search(revisor, { identityNumber: typed(A.identityNumber), from: '2026-03-16', to: '2026-03-16', pageSize: 100 });
    expect(aboutA.total).toBeGreaterThan(0);
    expect(aboutA.items.every((e) => e.occurredAt === new Date(day1).toISOString())).toBe(true);
    expect(aboutA.items.some((e) => e.actor.id === staff.hl2.id)).toBe(false);

    const fromDay2 = await search(revisor, { userId: staff.hl.id, from: '2026-03-17', pageSize: 100 });
    expect(fromDay2.items.every((e) => e.occurredAt === new Date(day3).toISOString())).toBe(true);
    const untilDay1 = await search(revisor, { userId: staff.hl2.id, to: '2026-03-16', pageSize: 100 });
    expect(untilDay1.items.every((e) => e.occurredAt < new Date(day2).toISOString())).toBe(true);

    const backwards = await revisor.post('/api/audit/search', { from: '2026-03-17', to: '2026-03-16' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields[0].path).toBe('to');
    const badDate = await revisor.post('/api/audit/search', { from: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('from');
  });

  it('shows the LSS enhetschef their staff and their unit’s persons, not the SoL unit’s own work', async () => {
    const aboutA = await search(ec, { identityNumber: typed(A.identityNumber), pageSize: 100 });
    expect(aboutA.total).toBe(await count(sql`person_id = ${A.id}`) - 1); // minus this very search
    // Including what SoL staff did about the LSS unit's person.
    expect(aboutA.items.some((e) => e.actor.id === staff.hs.id && e.action === 'person.search')).toBe(true);

    const aboutB = await search(ec, { identityNumber: typed(B.identityNumber), pageSize: 100 });
    expect(aboutB).toMatchObject({ total: 0, items: [] });
    expect(await count(sql`person_id = ${B.id}`)).toBeGreaterThan(0);

    const byHs = await search(ec, { userId: staff.hs.id, pageSize: 100 });
    expect(byHs.total).toBeGreaterThan(0);
    expect(byHs.items.every((e) => e.person?.id === A.id)).toBe(true);

    const byHl = await search(ec, { userId: staff.hl.id, pageSize: 100 });
    expect(byHl.total).toBe(await count(sql`actor_user_id = ${staff.hl.id}`));

    // Without filters: exactly the entries by LSS staff or about persons with an LSS case.
    const expected = await count(
      sql`(actor_user_id in (select id from users where unit_id = ${staff.lss.id}) or person_id in (select person_id from cases where unit_id = ${staff.lss.id}))`,
    );
    const everything = await search(ec, { pageSize: 100 });
    expect(everything.total).toBe(expected);
    const seen: Entry[] = [];
    for (let page = 1; page <= Math.ceil(everything.total / 100); page++) seen.push(...(await search(ec, { pageSize: 100, page })).items);
    expect(seen.some((e) => e.person?.id === A.id)).toBe(true);
    expect(seen.some((e) => e.actor.id === staff.hs.id && e.person?.id !== A.id)).toBe(false);
    // The only entry about B the enhetschef sees is their own search for B above.
    expect(seen.filter((e) => e.person?.id === B.id).map((e) => [e.actor.id, e.action])).toEqual([[staff.ec.id, 'audit.search']]);

    // The SoL enhetschef, in turn, sees B.
    const ecSol = await login(h.app, staff.ecSol.username);
    const solB = await search(ecSol, { identityNumber: typed(B.identityNumber), pageSize: 100 });
    expect(solB.total).toBeGreaterThan(0);
    expect(solB.items.every((e) => e.person?.id === B.id)).toBe(true);
  });

  it('is refused to handläggare, kontaktsekreterare, administrator and lön; 401 without a session', async () => {
    for (const user of [staff.hl, staff.hs, staff.ks, staff.admin, staff.lon]) {
      const api = await login(h.app, user.username);
      const r = await api.post('/api/audit/search', { identityNumber: typed(A.identityNumber) });
      expect(r.statusCode, user.role).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
      expect(await auditFor(r)).toEqual([]);
    }
    const anon = await h.app.inject({ method: 'POST', url: '/api/audit/search', payload: {} });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses an invalid personnummer with a field error, logging nothing', async () => {
    const good = typed(A.identityNumber);
    const badCheck = `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`;
    for (const identityNumber of [badCheck, '1985-03-14', 'ab']) {
      const r = await revisor.post('/api/audit/search', { identityNumber });
      expect(r.statusCode, identityNumber).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'identityNumber' }] });
      expect(await auditFor(r)).toEqual([]);
    }
    const tooLong = await revisor.post('/api/audit/search', { identityNumber: '1'.repeat(21) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].path).toBe('identityNumber');
  });
});

describe('loggkontroll: every reveal of skyddad identitet can be found', () => {
  it('filters on person.protected_contact_revealed, alone or with a person', async () => {
    const admin = await login(h.app, staff.admin.username);
    hl = await login(h.app, staff.hl.username);
    const p = (await hl.post('/api/persons', personBody(++n, { protectedIdentity: true }))).json() as { id: string; identityNumber: string };
    await newCase(hl, p.id, 'LSS');
    expect((await admin.put(`/api/admin/users/${staff.hl2.id}/protected-identity/${staff.lss.id}`, {})).statusCode).toBe(200);
    const hl2 = await login(h.app, staff.hl2.username);
    const reads = [await hl2.get(`/api/persons/${p.id}`), await hl2.get(`/api/persons/${p.id}`)];
    for (const r of reads) expect(r.json().contactHidden).toBe(false);
    expect((await hl.get(`/api/persons/${p.id}`)).json().contactHidden).toBe(true); // no grant: no reveal

    const revisor = await login(h.app, staff.revisor.username);
    const all = await revisor.post('/api/audit/search', { action: 'person.protected_contact_revealed', pageSize: 100 });
    expect(all.statusCode, all.body).toBe(200);
    const items: { action: string; actionLabel: string; actor: { id: string }; person: { id: string } | null; requestId: string }[] = all.json().items;
    expect(all.json().total).toBe(await count(sql`action = 'person.protected_contact_revealed'`));
    expect(items.every((e) => e.action === 'person.protected_contact_revealed' && e.actionLabel === 'Visade skyddade kontaktuppgifter')).toBe(true);
    const aboutP = items.filter((e) => e.person?.id === p.id);
    expect(aboutP.map((e) => e.requestId).sort()).toEqual(reads.map(requestIdOf).sort());
    expect(aboutP.every((e) => e.actor.id === staff.hl2.id)).toBe(true);

    const byPerson = await revisor.post('/api/audit/search', { identityNumber: typed(p.identityNumber), action: 'person.protected_contact_revealed' });
    expect(byPerson.json().total).toBe(2);
    // The unit's enhetschef reviews the same reveals.
    const ec = await login(h.app, staff.ec.username);
    expect((await ec.post('/api/audit/search', { personId: p.id, action: 'person.protected_contact_revealed' })).json().total).toBe(2);

    const unknown = await revisor.post('/api/audit/search', { action: 'person.peek' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'action', message: 'Välj en händelse i listan.' }] });
  });
});
