// Disposal (gallring), bulk reassignment and person merge against a real database (PGlite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, contextFor, login, setupHarness, type Harness } from '../../test/support/harness';
import { persons, representatives } from '../people/tables';
import { cases } from '../intake/tables';
import { recordAudit } from '../platform/audit/record';
import { CASE_RECORD_TABLES, KEPT_WITH_OWN_RULES } from './disposal-repo';
import { runDisposal } from './disposal-run';
import { mergePersons } from './merge-persons';
import { reassignCases } from './reassign-cases';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let seq = 0;
const TODAY = '2032-03-01';

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}
const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0].n);

/** A valid fictitious personnummer born on the given date. */
function personnummer(birth: string, serial: number): string {
  const nine = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `${birth.slice(0, 2)}${nine}${(10 - (sum % 10)) % 10}`;
}

async function person(birth: string | null, o: { at?: string; idKind?: 'personnummer' | 'reservnummer'; firstName?: string } = {}) {
  const n = ++seq;
  const at = new Date(`${o.at ?? '2025-01-10'}T12:00:00Z`);
  const kind = o.idKind ?? 'personnummer';
  const [p] = await h.db
    .insert(persons)
    .values({
      identityNumber: kind === 'personnummer' ? personnummer(birth!, 100 + n) : `RES-${n}-TEST`,
      idKind: kind,
      firstName: o.firstName ?? 'Gallra',
      lastName: `Testsson${n}`,
      birthDate: birth,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return p;
}

/** A case with a record under it; `closed` by a rejection (SoL) or an ended follow-up (LSS); every row dated `at`. */
async function caseFor(personId: string, o: { route?: 'LSS' | 'SOL'; at?: string; closed?: boolean; responsible?: string; unitId?: string } = {}) {
  const at = o.at ?? '2025-01-10';
  const ts = new Date(`${at}T12:00:00Z`);
  const route = o.route ?? 'SOL';
  const [c] = await h.db
    .insert(cases)
    .values({
      caseNumber: `GALL-${++seq}`,
      personId,
      route,
      unitId: o.unitId ?? staff.lss.id,
      responsibleUserId: o.responsible ?? staff.hl.id,
      requester: 'person',
      channel: 'phone',
      receivedDate: at,
      applicationDate: at,
      createdAt: ts,
      updatedAt: ts,
    })
    .returning();
  await h.db.execute(sql`insert into investigations (case_id, started_date, created_at, updated_at) values (${c.id}, ${at}, ${ts}, ${ts})`);
  if (o.closed !== false) {
    const basis = route === 'LSS' ? 'LSS_9_4' : 'SOL2025_11_1';
    const [d] = await rows<{ id: string }>(sql`insert into decisions (case_id, state, outcome, reasons, legal_basis_id, decision_date, created_at, updated_at)
      values (${c.id}, 'decided', ${route === 'LSS' ? 'granted' : 'rejected'}, 'Skäl', (select id from legal_bases where code = ${basis}), ${at}, ${ts}, ${ts}) returning id`);
    if (route === 'LSS') {
      await h.db.execute(sql`insert into orders (decision_id, case_id, provider_unit_id, sent_date, created_at, updated_at) values (${d.id}, ${c.id}, ${staff.lss.id}, ${at}, ${ts}, ${ts})`);
      await h.db.execute(sql`insert into follow_ups (decision_id, date, result, created_at) values (${d.id}, ${at}, 'end', ${ts})`);
    }
  }
  return c;
}

beforeAll(async () => {
  h = await setupHarness({ now: `${TODAY}T10:00:00+01:00` });
  staff = await buildStaff(h);
});
afterAll(() => h.close());

describe('every table of a case record is disposed with it', () => {
  it('CASE_RECORD_TABLES names every table that references cases, at any depth (a new one must be added or kept)', async () => {
    const fks = await rows<{ child: string; parent: string }>(sql`
      select distinct tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`);
    const reach = new Set(['cases']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const f of fks) {
        if (reach.has(f.parent) && !reach.has(f.child) && !(KEPT_WITH_OWN_RULES as readonly string[]).includes(f.child)) {
          reach.add(f.child);
          grew = true;
        }
      }
    }
    const cascaded = ['cp_report_meetings', 'cp_report_cancellations', 'cp_report_expenses', 'cp_report_receipts'];
    expect([...reach].filter((t) => !cascaded.includes(t)).sort()).toEqual(CASE_RECORD_TABLES.map((t) => t.table).sort());
  });
});

describe('disposal', () => {
  let disposed: { id: string }[];
  let kept15: { id: string };
  let keptLss: { id: string };
  let notYet: { id: string };
  let open: { id: string };
  let lonely: { id: string };

  beforeAll(async () => {
    disposed = [];
    for (let i = 0; i < 7; i++) {
      const p = await person('1985-03-14');
      await caseFor(p.id);
      disposed.push(p);
    }
    kept15 = await person('1985-03-15');
    await caseFor(kept15.id);
    keptLss = await person('1985-03-14');
    await caseFor(keptLss.id, { route: 'LSS' });
    notYet = await person('1985-03-14');
    await caseFor(notYet.id, { at: '2027-06-01' });
    open = await person('1985-03-14');
    await caseFor(open.id, { closed: false });
    lonely = await person(null, { idKind: 'reservnummer', at: '2024-05-05' });
    await h.db.insert(representatives).values({ personId: disposed[0].id, kind: 'god_man', name: 'Gustav Godeman', createdAt: new Date('2025-01-10T12:00:00Z') });
    // Someone read the first person's data and their case: entries that must stay, pseudonymised.
    const ctx = contextFor(h, staff.hl);
    await recordAudit(h.db, ctx, [
      { action: 'person.read', entityType: 'person', entityId: disposed[0].id, personId: disposed[0].id, details: { contactShown: true } },
      { action: 'case.read', entityType: 'case', entityId: disposed[0].id, personId: disposed[0].id },
      { action: 'person.read', entityType: 'person', entityId: kept15.id, personId: kept15.id, details: { contactShown: false } },
    ]);
  });

  it('the dry run counts what the run removes, removes nothing, and both are logged with who ran them', async () => {
    const auditBefore = await count(sql`select count(*)::int as n from audit_log`);
    const casesBefore = await count(sql`select count(*)::int as n from cases`);
    const dry = await runDisposal(contextFor(h, staff.ec), { dryRun: true }, { batchSize: 3 });
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(casesBefore);
    expect(await count(sql`select count(*)::int as n from audit_pseudonyms`)).toBe(0);
    expect(dry).toMatchObject({ dryRun: true, cases: 7, persons: 8, auditPseudonymised: 2, keptBornOn: 1, keptLss: 1, keptPayroll: 0 });
    expect(dry.listed).toHaveLength(7);
    expect(dry.listed[0]).toMatchObject({ kind: 'closed_case', lastEntry: '2025-01-10', dueBy: '2031-12-31' });

    const run = await runDisposal(contextFor(h, staff.ec), { dryRun: false }, { batchSize: 3 });
    const { runId: _a, listed: _b, listedAll: _c, dryRun: _d, ...runCounts } = run;
    const { runId: _e, listed: _f, listedAll: _g, dryRun: _h, ...dryCounts } = dry;
    expect(runCounts).toEqual(dryCounts);
    expect(run.batches).toBeGreaterThan(2);

    // Removed: the seven closed SoL cases with their record, their persons (and the representative), the lonely person.
    expect(await count(sql`select count(*)::int as n from persons where id = any(${`{${disposed.map((p) => p.id).join(',')},${lonely.id}}`}::uuid[])`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from representatives where name = 'Gustav Godeman'`)).toBe(0);
    // Kept: born on the 15th, the LSS decision, not yet due, still open.
    for (const p of [kept15, keptLss, notYet, open]) expect(await count(sql`select count(*)::int as n from cases where person_id = ${p.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from case_facts where case_id not in (select id from cases)`)).toBe(0);

    // The audit log: nothing deleted; the disposed person's entries carry a pseudonym; the kept person's are untouched.
    const after = await count(sql`select count(*)::int as n from audit_log`);
    expect(after).toBeGreaterThan(auditBefore); // plus the run's own entries (counts only)
    expect(await count(sql`select count(*)::int as n from audit_log where person_id = ${disposed[0].id} or entity_id = ${disposed[0].id}`)).toBe(0);
    const pseud = await rows<{ person_id: string; entity_id: string; action: string }>(
      sql`select person_id, entity_id, action from audit_log where person_id in (select pseudonym from audit_pseudonyms) order by id`,
    );
    expect(pseud.map((r) => r.action)).toEqual(['person.read', 'case.read']);
    expect(new Set(pseud.map((r) => r.person_id)).size).toBe(1);
    expect(pseud[0].entity_id).toBe(pseud[0].person_id);
    expect(await count(sql`select count(*)::int as n from audit_log where person_id = ${kept15.id}`)).toBe(1);

    // The log of runs: counts and who, for the dry run and the run.
    const log = await rows<{ dry_run: boolean; ran_by: string; ran_by_name: string; cases: number; persons: number; finished_at: unknown }>(
      sql`select dry_run, ran_by, ran_by_name, cases, persons, finished_at from disposal_runs order by started_at, dry_run desc`,
    );
    expect(log.map((l) => [l.dry_run, l.ran_by, l.cases, l.persons])).toEqual([
      [true, staff.ec.id, 7, 8],
      [false, staff.ec.id, 7, 8],
    ]);
    expect(log.every((l) => l.finished_at !== null && l.ran_by_name === staff.ec.displayName)).toBe(true);
    const entries = await rows<{ details: Record<string, unknown>; person_id: string | null }>(sql`select details, person_id from audit_log where action = 'disposal.run' order by id`);
    expect(entries.every((e) => e.person_id === null)).toBe(true);
    expect(entries.reduce((s, e) => s + (e.details.dryRun ? 0 : Number(e.details.cases)), 0)).toBe(7);

    // A second dry run finds nothing more.
    expect(await runDisposal(contextFor(h, staff.ec), { dryRun: true })).toMatchObject({ cases: 0, persons: 0 });
  });

  it('the audit log is still append-only: no UPDATE of a living person, no made-up pseudonym, no DELETE', async () => {
    await expect(h.db.execute(sql`update audit_log set action = 'x' where person_id = ${kept15.id}`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log where person_id in (select pseudonym from audit_pseudonyms)`)).rejects.toThrow();
    const fake = '11111111-2222-4333-8444-555555555555';
    await expect(h.db.execute(sql`update audit_log set person_id = ${fake} where person_id = ${kept15.id}`)).rejects.toThrow();
    await expect(h.db.execute(sql`select pseudonymise_audit_persons(${`{${kept15.id}}`}::uuid[], null)`)).rejects.toThrow();
  });

  it('only the enhetschef may dispose: 403 for the other roles', async () => {
    for (const u of [staff.hl, staff.ks, staff.admin, staff.revisor, staff.lon]) {
      const api = await login(h.app, u.username);
      expect((await api.post('/api/oversight/disposal/run', { dryRun: true })).statusCode, u.role).toBe(403);
      expect((await api.get('/api/oversight/disposal')).statusCode, u.role).toBe(403);
    }
    const ec = await login(h.app, staff.ec.username);
    const res = await ec.get('/api/oversight/disposal');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules.map((r: { recordType: string }) => r.recordType)).toEqual(['closed_case', 'person']);
  });

  it('a rule is changed with its version; a stale version is 409', async () => {
    const ec = await login(h.app, staff.ec.username);
    const rule = (await ec.get('/api/oversight/disposal')).json().rules[0];
    const body = { active: true, yearsAfterLastEntry: 6, keepBornOnDays: [25, 5, 15, 5], keepLssDecisions: false, pseudonymiseAudit: true, version: rule.version };
    const ok = await ec.put('/api/oversight/disposal/rules/closed_case', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rules[0]).toMatchObject({ yearsAfterLastEntry: 6, keepBornOnDays: [5, 15, 25], keepLssDecisions: false, version: rule.version + 1 });
    expect((await ec.put('/api/oversight/disposal/rules/closed_case', body)).statusCode).toBe(409);
    expect((await ec.put('/api/oversight/disposal/rules/closed_case', { ...body, yearsAfterLastEntry: 0, version: rule.version + 1 })).statusCode).toBe(400);
  });
});

describe('bulk reassignment', () => {
  it('moves exactly the chosen cases, one audit entry each; a case not the handläggare’s refuses all of it', async () => {
    const p = await person('1990-01-02', { at: '2031-01-01' });
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await caseFor(p.id, { at: '2031-01-01', closed: false, responsible: staff.hl.id }));
    const other = await caseFor(p.id, { at: '2031-01-01', closed: false, responsible: staff.hl2.id });
    const ctx = contextFor(h, staff.ec);

    const refused = reassignCases(ctx, { fromUserId: staff.hl.id, toUserId: staff.hl2.id, all: false, caseIds: [mine[0].id, other.id] });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await count(sql`select count(*)::int as n from cases where responsible_user_id = ${staff.hl.id} and person_id = ${p.id}`)).toBe(3);

    const r = await reassignCases(ctx, { fromUserId: staff.hl.id, toUserId: staff.hl2.id, all: false, caseIds: [mine[0].id, mine[2].id] });
    expect(r.moved).toBe(2);
    const now = await rows<{ id: string; responsible_user_id: string }>(sql`select id, responsible_user_id from cases where person_id = ${p.id}`);
    const owner = new Map(now.map((c) => [c.id, c.responsible_user_id]));
    expect([owner.get(mine[0].id), owner.get(mine[1].id), owner.get(mine[2].id), owner.get(other.id)]).toEqual([staff.hl2.id, staff.hl.id, staff.hl2.id, staff.hl2.id]);
    expect((await rows<{ responsible_user_id: string }>(sql`select responsible_user_id from case_facts where case_id = ${mine[0].id}`))[0].responsible_user_id).toBe(staff.hl2.id);
    const audit = await rows<{ entity_id: string; details: { from: string; to: string } }>(sql`select entity_id, details from audit_log where action = 'case.reassign' order by id`);
    expect(audit.map((a) => a.entity_id).sort()).toEqual([mine[0].id, mine[2].id].sort());
    expect(audit[0].details).toMatchObject({ from: staff.hl.id, to: staff.hl2.id });

    // All: every case of the handläggare in the unit (here one left).
    expect((await reassignCases(ctx, { fromUserId: staff.hl.id, toUserId: staff.hl2.id, all: true, caseIds: [] })).moved).toBeGreaterThanOrEqual(1);
    expect(await count(sql`select count(*)::int as n from cases where responsible_user_id = ${staff.hl.id} and unit_id = ${staff.lss.id}`)).toBe(0);

    // Another unit's handläggare cannot receive; another unit's enhetschef cannot see these cases.
    await expect(reassignCases(ctx, { fromUserId: staff.hl2.id, toUserId: staff.hs.id, all: true, caseIds: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(reassignCases(contextFor(h, staff.ecSol), { fromUserId: staff.hl2.id, toUserId: staff.hs.id, all: false, caseIds: [mine[0].id] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    for (const u of [staff.hl, staff.ks, staff.admin, staff.revisor]) {
      const api = await login(h.app, u.username);
      expect((await api.post('/api/oversight/reassign', { fromUserId: staff.hl2.id, toUserId: staff.hl.id, all: true })).statusCode, u.role).toBe(403);
    }
  });
});

describe('person merge', () => {
  it('moves every row of every table that references persons (found from information_schema) and marks the other merged', async () => {
    const keep = await person('1970-04-04', { at: '2031-01-01', firstName: 'Dubbel' });
    const dup = await person(null, { idKind: 'reservnummer', at: '2031-01-01', firstName: 'Dubbel' });
    await caseFor(dup.id, { at: '2031-01-01', closed: false });
    await h.db.insert(representatives).values({ personId: dup.id, kind: 'god_man', name: 'Gun Godeman' });
    const twice = await person(null, { idKind: 'reservnummer', at: '2031-01-01' });
    await h.db.execute(sql`update persons set merged_into_id = ${dup.id} where id = ${twice.id}`);

    const fkColumns = await rows<{ table_name: string; column_name: string }>(sql`
      select kcu.table_name, kcu.column_name
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
      where ccu.table_name = 'persons' and ccu.column_name = 'id' and rc.constraint_schema = current_schema()`);
    expect(fkColumns.length).toBeGreaterThanOrEqual(3);
    const referencing = async (id: string) => {
      let n = 0;
      for (const f of fkColumns) n += await count(sql`select count(*)::int as n from ${sql.identifier(f.table_name)} where ${sql.identifier(f.column_name)} = ${id}::uuid`);
      return n;
    };
    expect(await referencing(dup.id)).toBe(3);
    const keptBefore = await referencing(keep.id);

    const r = await mergePersons(contextFor(h, staff.ec), { keepPersonId: keep.id, mergePersonId: dup.id });
    expect(await referencing(dup.id)).toBe(0);
    expect(await referencing(keep.id)).toBe(keptBefore + 3 + 1); // + the merged record's own merged_into_id
    expect(r.moved).toMatchObject({ 'cases.person_id': 1, 'representatives.person_id': 1, 'persons.merged_into_id': 1 });
    const [m] = await rows<{ merged_into_id: string }>(sql`select merged_into_id from persons where id = ${dup.id}`);
    expect(m.merged_into_id).toBe(keep.id);
    const logged = await rows<{ person_id: string; details: { role: string } }>(sql`select person_id, details from audit_log where action = 'person.merge' order by id`);
    expect(logged.map((l) => [l.person_id, l.details.role])).toEqual([
      [keep.id, 'kept'],
      [dup.id, 'merged'],
    ]);
    // Merged once: a second merge of it is refused.
    await expect(mergePersons(contextFor(h, staff.ec), { keepPersonId: keep.id, mergePersonId: dup.id })).rejects.toMatchObject({ code: 'PERSON_MERGE_ALREADY_MERGED' });
    // Hidden from search.
    const ec = await login(h.app, staff.ec.username);
    const found = (await ec.post('/api/persons/search', { query: 'Dubbel' })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([keep.id]);
  });

  it('refuses two different personnummer, writing nothing; 403 for other roles', async () => {
    const a = await person('1971-05-05', { at: '2031-01-01' });
    const b = await person('1972-06-06', { at: '2031-01-01' });
    await caseFor(b.id, { at: '2031-01-01', closed: false });
    const auditBefore = await count(sql`select count(*)::int as n from audit_log`);
    await expect(mergePersons(contextFor(h, staff.ec), { keepPersonId: a.id, mergePersonId: b.id })).rejects.toMatchObject({ code: 'PERSON_MERGE_DIFFERENT_PERSONNUMMER' });
    expect(await count(sql`select count(*)::int as n from cases where person_id = ${b.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from persons where merged_into_id is not null and id = ${b.id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(auditBefore);

    const ec = await login(h.app, staff.ec.username);
    const res = await ec.post('/api/oversight/merge-persons', { keepPersonId: a.id, mergePersonId: b.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PERSON_MERGE_DIFFERENT_PERSONNUMMER');
    for (const u of [staff.hl, staff.ks, staff.admin, staff.revisor, staff.lon]) {
      const api = await login(h.app, u.username);
      expect((await api.post('/api/oversight/merge-persons', { keepPersonId: a.id, mergePersonId: b.id })).statusCode, u.role).toBe(403);
    }
  });
});
