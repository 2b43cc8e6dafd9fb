// "Mina ärenden" and the enhetschef's unit list with 100 000 persons and 150 000 cases (issue 9), on PGlite and
// (when reachable) PostgreSQL:
//   1. one client at a time through HTTP: GET /api/cases?scope=mine as handlaggare.lss and ?scope=unit as
//      enhetschef, with the sorts and a status filter the pages offer — p50/p95/p99 (target p95 < 20 ms);
//   2. the unit list under 100 concurrent connections (autocannon, loopback) — p50/p95/p99 and req/s
//      (target p95 < 50 ms on PostgreSQL, < 150 ms on PGlite), printed beside
//   3. the same statements run directly in SQL under the same concurrency (100 callers; on PostgreSQL a pool of
//      the app's size, on PGlite the one in-process connection), so the app's own cost is a ratio.
//   npx tsx bench/case-lists.ts [--persons 100000] [--cases 150000] [--seed 1] [--requests 300] [--duration 10] [--engine pglite|postgres|both]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { openPglite, openPostgres, type Database, type Db } from '../src/platform/db/connect';
import { listCases as listQuery } from '../src/intake/repo';
import { caseScope, onFacts } from '../src/intake/scope';
import { users } from '../src/platform/tables';
import type { Actor } from '../src/platform/policy/permissions';
import { Client, dbUrl, dropDatabase, isMain, migrationsKey, ms, OUT, pgAdmin, pgReachable, startServer, stats, table, writeSummary, type Stats, type SummaryRow, generatedPglite, generatedPostgres } from './lib';

type Engine = 'pglite' | 'postgres';
const TARGET_SEQ_P95 = 20;
const TARGET_CONC_P95: Record<Engine, number> = { postgres: 50, pglite: 150 };
const CONNECTIONS = 100;
/** The day the data is generated "as of"; the server derives statuses with its own clock (today). */
const AS_OF = new Date().toISOString().slice(0, 10);

function cacheKey(persons: number, cases: number, seed: number): string {
  return JSON.stringify({ migrations: migrationsKey(), persons, cases, seed, generator: 2 });
}

function generateArgs(persons: number, cases: number, seed: number): string[] {
  return ['--persons', String(persons), '--cases', String(cases), '--seed', String(seed), '--today', AS_OF, '--quiet'];
}

/** The generated cases as a PGlite folder (`olderMigrations`: also one made before the newest migrations; a copy is migrated when opened). */
export function pgliteCache(persons: number, cases: number, seed: number, o: { olderMigrations?: boolean } = {}): Promise<string> {
  return generatedPglite(`pglite-cases-${persons}-${cases}-seed-${seed}`, cacheKey(persons, cases, seed), generateArgs(persons, cases, seed), o);
}

/** The same as a PostgreSQL template database. */
export function postgresTemplate(persons: number, cases: number, seed: number, o: { olderMigrations?: boolean } = {}): Promise<string> {
  return generatedPostgres(`kontakt_bench_cases_${persons}_${cases}_${seed}`, cacheKey(persons, cases, seed), generateArgs(persons, cases, seed), o);
}

/** The list requests a user makes: first page by received date, by status, a status filter, page 2. */
const LIST_URLS = (scope: 'mine' | 'unit') => [
  `/api/cases?scope=${scope}`,
  `/api/cases?scope=${scope}&sort=status&order=asc`,
  `/api/cases?scope=${scope}&status=order_confirmed`,
  `/api/cases?scope=${scope}&page=2`,
  `/api/cases?scope=${scope}&sort=personName&order=asc`,
];

async function sequential(c: Client, scope: 'mine' | 'unit', n: number): Promise<{ s: Stats; total: number }> {
  const urls = LIST_URLS(scope);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < n + 30; i++) {
    const url = urls[i % urls.length];
    const t = performance.now();
    const r = await c.request('GET', url);
    if (i >= 30) times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    if (i === 0) total = r.json.total;
  }
  return { s: stats(times), total };
}

async function concurrent(base: string, cookie: string, url: string, seconds: number): Promise<{ s: Stats; rps: number; errors: number }> {
  const times: number[] = [];
  // Without a callback autocannon returns an instance that is both an EventEmitter and a promise of the result.
  const instance = autocannon({ url: base + url, connections: CONNECTIONS, duration: seconds, headers: { cookie } }) as unknown as Promise<autocannon.Result> & {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
  };
  instance.on('response', (_c: unknown, status: number, _b: number, rt: number) => {
    if (status === 200) times.push(rt);
  });
  const r = await instance;
  return { s: stats(times), rps: r.requests.average, errors: r.non2xx + r.errors + r.timeouts };
}

/** The unit list's statements as the app runs them (repo.listCases under the enhetschef's scope), directly. */
async function actorOf(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId };
}

async function sqlUnderConcurrency(run: () => Promise<unknown>, seconds: number): Promise<{ s: Stats; rps: number }> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
    }),
  );
  return { s: stats(times), rps: times.length / seconds };
}

interface Result {
  engine: Engine;
  mine: Stats;
  mineTotal: number;
  unit: Stats;
  unitTotal: number;
  http: { s: Stats; rps: number; errors: number };
  direct: { s: Stats; rps: number };
}

export async function runCaseListBench(o: { persons: number; cases: number; seed: number; requests: number; duration: number; engines: Engine[] }): Promise<SummaryRow[]> {
  const summary: SummaryRow[] = [];
  const results: Result[] = [];
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  for (const engine of o.engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      summary.push({ measure: 'case lists: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    let target: { dataDir?: string; databaseUrl?: string };
    let cleanup: () => Promise<void>;
    let dir = '';
    let url = '';
    if (engine === 'pglite') {
      const cache = await pgliteCache(o.persons, o.cases, o.seed);
      dir = path.join(OUT, 'case-lists-pglite');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(cache, dir, { recursive: true });
      target = { dataDir: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const tpl = await postgresTemplate(o.persons, o.cases, o.seed);
      const name = 'kontakt_bench_case_lists';
      await pgAdmin(async (c) => {
        await dropDatabase(c, name);
        await c.query(`create database "${name}" template "${tpl}"`);
      });
      url = dbUrl(name);
      target = { databaseUrl: url };
      cleanup = () => pgAdmin((c) => dropDatabase(c, name));
    }
    console.log(`  ${engine}: ${o.requests} sequential requests per list, then ${CONNECTIONS} connections for ${o.duration} s …`);
    const server = await startServer({ launcher: 'node', ...target });
    let mine: { s: Stats; total: number };
    let unit: { s: Stats; total: number };
    let http: { s: Stats; rps: number; errors: number };
    try {
      const h = new Client(server.base);
      await h.login('handlaggare.lss');
      mine = await sequential(h, 'mine', o.requests);
      const boss = new Client(server.base);
      await boss.login('enhetschef');
      unit = await sequential(boss, 'unit', o.requests);
      http = await concurrent(server.base, boss.cookie, '/api/cases?scope=unit', o.duration);
    } finally {
      await server.stop();
    }
    // The same statements directly, same concurrency: the page with its audit entries (one statement) beside the
    // count, as the app runs them, without HTTP, session or JSON. PostgreSQL: a pool of the app's default size
    // (openPostgres), shared by the 100 callers.
    const database: Database = engine === 'pglite' ? await openPglite(dir) : await openPostgres(url);
    let direct: { s: Stats; rps: number };
    try {
      const db = database.db;
      const actor = await actorOf(db, 'enhetschef');
      const today = new Date().toISOString().slice(0, 10);
      const who = { actor: { id: actor.id, username: actor.username }, requestId: 'bench', clock: { now: () => new Date() } };
      const run = () =>
        listQuery(db, caseScope(actor, 'case:read', onFacts), { sort: 'receivedDate', order: 'desc', limit: 50, offset: 0, today }, { who, action: 'case.list', entityType: 'case' });
      for (let i = 0; i < 20; i++) await run();
      direct = await sqlUnderConcurrency(run, o.duration);
    } finally {
      await database.close();
    }
    await cleanup();
    results.push({ engine, mine: mine.s, mineTotal: mine.total, unit: unit.s, unitTotal: unit.total, http, direct });
    summary.push({ measure: `case lists: ${engine}, Mina ärenden p50/p95/p99`, value: `${ms(mine.s.p50)} / ${ms(mine.s.p95)} / ${ms(mine.s.p99)}`, target: `p95 < ${TARGET_SEQ_P95} ms`, ok: mine.s.p95 < TARGET_SEQ_P95 });
    summary.push({ measure: `case lists: ${engine}, unit list p50/p95/p99`, value: `${ms(unit.s.p50)} / ${ms(unit.s.p95)} / ${ms(unit.s.p99)}`, target: `p95 < ${TARGET_SEQ_P95} ms`, ok: unit.s.p95 < TARGET_SEQ_P95 });
    summary.push({
      measure: `case lists: ${engine}, unit list × ${CONNECTIONS} conn p95 (SQL alone)`,
      value: `${ms(http.s.p95)} (${ms(direct.s.p95)}), ${Math.round(http.rps)} req/s (${Math.round(direct.rps)}/s, ${((http.rps / direct.rps) * 100).toFixed(0)} %)`,
      target: `p95 < ${TARGET_CONC_P95[engine]} ms`,
      ok: http.s.p95 < TARGET_CONC_P95[engine],
    });
  }
  console.log(`\nCase lists through HTTP, ${o.persons} persons, ${o.cases} cases (client-side latency)\n`);
  const rows: (string | number)[][] = [];
  for (const r of results) {
    rows.push([r.engine, `Mina ärenden (handlaggare.lss, ${r.mineTotal} cases), 1 client`, r.mine.n, ms(r.mine.p50), ms(r.mine.p95), ms(r.mine.p99), '', `< ${TARGET_SEQ_P95} ms`]);
    rows.push([r.engine, `unit list (enhetschef, ${r.unitTotal} cases), 1 client`, r.unit.n, ms(r.unit.p50), ms(r.unit.p95), ms(r.unit.p99), '', `< ${TARGET_SEQ_P95} ms`]);
    rows.push([r.engine, `unit list, ${CONNECTIONS} connections (autocannon)`, r.http.s.n, ms(r.http.s.p50), ms(r.http.s.p95), ms(r.http.s.p99), `${Math.round(r.http.rps)}/s`, `< ${TARGET_CONC_P95[r.engine]} ms`]);
    rows.push([r.engine, `same statements (page + audit, count) directly, ${CONNECTIONS} callers`, r.direct.s.n, ms(r.direct.s.p50), ms(r.direct.s.p95), ms(r.direct.s.p99), `${Math.round(r.direct.rps)}/s`, `app ${((r.http.rps / r.direct.rps) * 100).toFixed(0)} % of it`]);
    if (r.http.errors) rows.push([r.engine, `non-2xx/errors under load: ${r.http.errors}`, '', '', '', '', '', '']);
  }
  console.log(table(['engine', 'what', 'n', 'p50', 'p95', 'p99', 'throughput', 'target'], rows));
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      cases: { type: 'string', default: '150000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '300' },
      duration: { type: 'string', default: '10' },
      engine: { type: 'string', default: 'both' },
    },
  });
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  const summary = await runCaseListBench({
    persons: Number(values.persons),
    cases: Number(values.cases),
    seed: Number(values.seed),
    requests: Number(values.requests),
    duration: Number(values.duration),
    engines,
  });
  writeSummary('case-lists', summary);
  process.exit(0);
}
