// Loggkontroll over a year's log (issue 13 item 4): the unusual reads of a whole year found by the pure rules over the
// reads the database gives (the partial index audit_person_reads_idx), for the revisor (the whole municipality) and
// the enhetschef of one unit; then the log search by unit and one sign-off. In-process on embedded PGlite through the
// use cases. Prints wall times; never fails on a timing.
//   npx tsx bench/log-review.ts [--reads 1000000] [--persons 20000] [--users 150] [--seed 1] [--compare]
// --compare also times the year for the revisor the way it was done before the SQL prefilter: every read of the year
// handed to the pure rules (loadAccessReads without `unusualOnly`), and checks that both find the same.
// Data: a generator in this file (INSERT … SELECT generate_series): persons with a case each in one of ten units
// (1 % with skyddad identitet), handläggare in those units, and a year of person.read/case.read entries, 3 % of them
// by a handläggare of another unit, and a few bursts of mass reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config';
import { fixedClock } from '../src/platform/clock';
import type { Db } from '../src/platform/db/connect';
import type { UseCaseContext } from '../src/platform/context';
import { prepareDatabase } from '../src/main';
import { listUnusualAccess, loadAccessReads, massReadSettings } from '../src/oversight/audit-unusual';
import { unusualAccess } from '../src/oversight/audit-rules';
import { searchAuditLog } from '../src/oversight/search-audit-log';
import { signOffUnusualAccess } from '../src/oversight/audit-sign-off';
import { isMain, table, writeSummary } from './lib';

const TODAY = '2026-12-07T10:00:00+01:00';

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

async function generate(db: Db, o: { reads: number; persons: number; users: number; seed: number }): Promise<void> {
  const s = String(o.seed);
  const id = (prefix: string, v = 'g') => sql.raw(`md5('${prefix}' || ${s} || '-' || ${v})::uuid`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
    await tx.execute(sql`insert into units (id, name, route) select ${id('u')}, 'Bänkenhet ' || g, 'LSS' from generate_series(1, 10) g`);
    await tx.execute(sql`insert into users (id, username, display_name, role, unit_id, password_hash)
      select ${id('h')}, 'bank.' || ${s} || '.' || g, 'Bänk Handläggare ' || g, 'handlaggare', ${id('u', '(1 + g % 10)')}, 'x' from generate_series(1, ${o.users}) g`);
    await tx.execute(sql`insert into persons (id, identity_number, id_kind, first_name, last_name, fictitious, protected_identity)
      select ${id('p')}, lpad((1500000000 + g)::text, 12, '19'), 'personnummer', 'Pia', 'Logg' || g, true, g % 100 = 0 from generate_series(1, ${o.persons}) g`);
    // Person g's case is in unit 1 + g % 10; user k is in unit 1 + k % 10, so handläggare g % 10 + 10 j hold it.
    await tx.execute(sql`insert into cases (id, case_number, person_id, route, unit_id, responsible_user_id, requester, channel, received_date)
      select ${id('c')}, 'LOGG-' || ${s} || '-' || g, ${id('p')}, 'LSS', ${id('u', '(1 + g % 10)')}, ${id('h', `((g % 10) + 10 * (1 + (g / 10) % ${Math.floor(o.users / 10) - 1}))`)}, 'person', 'phone', date '2025-06-01'
      from generate_series(1, ${o.persons}) g`);
    // A year of reads: mostly by a handläggare of the person's unit, 3 % by one of another unit; every 10 000th read
    // starts a burst (one user, 40 persons in 20 minutes).
    await tx.execute(sql`insert into audit_log (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id)
      select timestamptz '2025-12-07 08:00+01' + (g::double precision / ${o.reads}) * interval '365 days',
        ${id('h', `(case when g % 10000 < 40 then 1 + (g / 10000) % ${o.users} else (p % 10) + 10 * (1 + g % ${Math.floor(o.users / 10) - 1}) + (case when g % 33 = 0 then 1 else 0 end) end)`)},
        'bank', case when g % 2 = 0 then 'person.read' else 'case.read' end, 'person', null, ${id('p', 'p')}, 'bench'
      from (select g, (1 + (g::bigint * 7919) % ${o.persons})::int as p from generate_series(1, ${o.reads}) g) x`);
  });
  await db.execute(sql`analyze audit_log`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      reads: { type: 'string', default: '1000000' },
      persons: { type: 'string', default: '20000' },
      users: { type: 'string', default: '150' },
      seed: { type: 'string', default: '1' },
      compare: { type: 'boolean', default: false },
    },
  });
  const o = { reads: Number(values.reads), persons: Number(values.persons), users: Number(values.users), seed: Number(values.seed) };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-log-'));
  const clock = fixedClock(TODAY);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: '' });
  console.log(`log-review: ${o.reads} reads over a year, ${o.persons} persons, ${o.users} users, PGlite in ${dataDir}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const database = await prepareDatabase(config, clock);
  const db = database.db;
  try {
    const t = performance.now();
    await generate(db, o);
    console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const actor = async (username: string): Promise<UseCaseContext> => {
      const [u] = rowsOf<{ id: string; username: string; display_name: string; role: 'revisor' | 'enhetschef'; unit_id: string | null }>(
        await db.execute(sql`select id, username, display_name, role, unit_id from users where username = ${username}`),
      );
      return { db, clock, config, actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id }, requestId: 'bench' };
    };
    const revisor = await actor('revisor');
    const [bankUnit] = rowsOf<{ id: string }>(await db.execute(sql`select unit_id as id from users where username = ${`bank.${o.seed}.1`}`));
    const ec = { ...(await actor('enhetschef')) };
    ec.actor = { ...ec.actor, unitId: bankUnit.id };
    const year = { from: '2025-12-07', to: '2026-12-06', status: 'all' as const, page: 1, pageSize: 50 };
    const rows: (string | number)[][] = [];
    const step = async <T>(what: string, fn: () => Promise<T>, summarise: (x: T) => string): Promise<number> => {
      const t0 = performance.now();
      const x = await fn();
      const took = performance.now() - t0;
      rows.push([what, `${Math.round(took)} ms`, summarise(x), os.loadavg().map((l) => l.toFixed(2)).join(' ')]);
      return took;
    };
    let first = 0;
    const tAll = await step('unusual reads, a year, revisor (all units)', () => listUnusualAccess(revisor, year), (x) => {
      first = x.items.find((f) => f.kind === 'mass_read')?.auditId ?? 0;
      return `${x.total} findings`;
    });
    const tUnit = await step('unusual reads, a year, enhetschef (one unit)', () => listUnusualAccess(ec, year), (x) => `${x.total} findings`);
    await step('unusual reads, one month, enhetschef', () => listUnusualAccess(ec, { ...year, from: '2026-11-07' }), (x) => `${x.total} findings`);
    await step('log search by unit, a year, first page', () => searchAuditLog(revisor, { unitId: bankUnit.id, from: '2025-12-07', to: '2026-12-06', page: 1, pageSize: 50 }), (x) => `${x.total} entries`);
    // The use case's own scope check (the route checks audit:review): the revisor's context reaches every unit.
    if (first) await step('sign-off of a mass read', () => signOffUnusualAccess({ ...revisor, actor: { ...revisor.actor, id: ec.actor.id } }, { kind: 'mass_read', auditId: first, comment: 'Bänk.' }), (x) => `signed off ${x.signedAt}`);
    if (values.compare) {
      const where = sql`occurred_at >= '2025-12-07'::timestamptz and occurred_at < '2026-12-07'::timestamptz`;
      const settings = await massReadSettings(db);
      await step('unusual reads, a year, revisor: every read to the rules (before the SQL prefilter)', async () => unusualAccess((await loadAccessReads(db, where)).reads, settings), (x) => `${x.length} findings`);
      await step('unusual reads, a year, revisor: the prefilter\'s reads to the rules', async () => unusualAccess((await loadAccessReads(db, where, { unusualOnly: settings })).reads, settings), (x) => `${x.length} findings`);
      if (rows.at(-1)?.[2] !== rows.at(-2)?.[2]) throw new Error(`the prefilter changed what is found: ${rows.at(-2)?.[2]} vs ${rows.at(-1)?.[2]}`);
    }
    console.log(table(['step', 'wall', 'what', 'load average'], rows));
    writeSummary('log-review', [
      { measure: `unusual reads over a year (${o.reads} reads), revisor`, value: `${Math.round(tAll)} ms`, target: 'figure', ok: true },
      { measure: 'unusual reads over a year, one unit', value: `${Math.round(tUnit)} ms`, target: 'figure', ok: true },
    ]);
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  main().catch((e) => {
    console.error('log-review failed:', e);
    process.exit(1);
  });
}
