// Person search through HTTP with 100 000 generated persons, on PGlite and (when reachable) PostgreSQL.
// Signed in as handlaggare.lss; sequential requests: full personnummer of random existing persons,
// and name prefixes (2–4 letters of an existing first or last name). Target p95 < 10 ms.
// Then a breakdown in the database itself: the search query alone, the audit INSERT alone, EXPLAIN,
// and a what-if for the audit INSERT.
//   npx tsx bench/search.ts [--persons 100000] [--seed 1] [--requests 500] [--engine pglite|postgres|both]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { fictitiousPerson, prng } from '../src/people/fictitious';
import { classifySearch } from '../src/people/identity-number';
import { searchPersons as searchQuery } from '../src/people/repo';
import { recordAudit } from '../src/platform/audit/record';
import { openPglite, openPostgres, type Database, type Db } from '../src/platform/db/connect';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { Client, dbUrl, dropDatabase, isMain, migrationsKey, ms, OUT, pgAdmin, pgReachable, shuffle, startServer, stats, table, writeSummary, type Stats, type SummaryRow, generatedPglite, generatedPostgres } from './lib';

const TARGET_P95 = 10;
type Engine = 'pglite' | 'postgres';

/** The generated data, keyed by what produced it: regenerate when migrations, size or seed change. */
function cacheKey(n: number, seed: number): string {
  return JSON.stringify({ migrations: migrationsKey(), persons: n, seed, generator: 1 });
}

/** A pristine PGlite folder with n generated persons (bench/out/cache/…), generated if missing. */
function pgliteCache(n: number, seed: number): Promise<string> {
  return generatedPglite(`pglite-persons-${n}-seed-${seed}`, cacheKey(n, seed), ['--persons', String(n), '--seed', String(seed), '--quiet']);
}

/** A PostgreSQL template database with n generated persons (its COMMENT holds the cache key). */
function postgresTemplate(n: number, seed: number): Promise<string> {
  return generatedPostgres(`kontakt_bench_tpl_${n}_${seed}`, cacheKey(n, seed), ['--persons', String(n), '--seed', String(seed), '--quiet']);
}

interface Queries {
  numbers: string[];
  names: string[];
}

/** Recompute the generated series (deterministic) and pick existing numbers and name prefixes. */
function pickQueries(n: number, seed: number, count: number): Queries {
  const rand = prng(seed);
  const all = Array.from({ length: n }, (_, i) => fictitiousPerson(i, rand));
  const pick = prng(seed + 7);
  const numbers = shuffle(all, pick)
    .slice(0, count)
    .map((p) => p.identityNumber);
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    const p = all[Math.floor(pick() * n)];
    const name = pick() < 0.5 ? p.firstName : p.lastName;
    const len = 2 + Math.floor(pick() * 3);
    names.push(name.slice(0, len).toLowerCase());
  }
  return { numbers, names };
}

interface EngineResult {
  engine: Engine;
  number: Stats;
  name: Stats;
  nameRows: number;
  health: Stats;
  me: Stats;
  diagnostics: string[];
}

async function timeSearches(c: Client, queries: string[], expect: (q: string, items: any[]) => void): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = await c.request('POST', '/api/persons/search', { query: q });
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`search ${JSON.stringify(q)}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
    expect(q, r.json.items);
  }
  return times;
}

async function httpBench(_engine: Engine, target: { dataDir?: string; databaseUrl?: string }, q: Queries, warmup: number) {
  const server = await startServer({ launcher: 'node', ...target });
  try {
    const c = new Client(server.base);
    await c.login('handlaggare.lss');
    // Warm up (JIT, caches, connection) with queries not measured.
    await timeSearches(c, [...q.numbers.slice(0, warmup), ...q.names.slice(0, warmup)], () => undefined);
    const numberTimes = await timeSearches(c, q.numbers, (query, items) => {
      if (items.length !== 1) throw new Error(`search ${query}: expected 1 person, got ${items.length}`);
    });
    let nameRows = 0;
    const nameTimes = await timeSearches(c, q.names, (query, items) => {
      if (items.length === 0) throw new Error(`search ${query}: no persons`);
      nameRows += items.length;
    });
    // Baselines: the fixed cost of a request (HTTP + one `select 1`; HTTP + session lookup).
    const anon = new Client(server.base);
    const baseline = async (client: Client, url: string) => {
      const t: number[] = [];
      for (let i = 0; i < 250; i++) {
        const s = performance.now();
        const r = await client.request('GET', url);
        if (i >= 50) t.push(performance.now() - s);
        if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`);
      }
      return stats(t);
    };
    const health = await baseline(anon, '/api/health');
    const me = await baseline(c, '/api/auth/me');
    return { number: stats(numberTimes), name: stats(nameTimes), nameRows: nameRows / q.names.length, health, me };
  } finally {
    await server.stop();
  }
}

/** Inside the database: search query alone, audit INSERT of 50 rows alone, and EXPLAIN ANALYZE. */
async function diagnose(database: Database, q: Queries): Promise<{ lines: string[]; sqlP50: { number: number; name: number } }> {
  const db = database.db;
  const lines: string[] = [];
  const sample = (xs: string[]) => xs.slice(0, 100);
  const who = { actor: null, requestId: 'bench-search', clock: { now: () => new Date() } };
  const timeQuery = async (xs: string[]) => {
    const t: number[] = [];
    for (const x of xs) {
      const s = performance.now();
      await searchQuery(db, classifySearch(x), 50);
      t.push(performance.now() - s);
    }
    return stats(t);
  };
  const num = await timeQuery(sample(q.numbers));
  const nam = await timeQuery(sample(q.names));
  // The audit rows of one name search (up to 50), inserted and rolled back.
  const [someIds] = [((await db.execute(sql`select id from persons limit 50`)) as any).rows ?? []];
  const auditTimes: number[] = [];
  const txTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await db
      .transaction(async (tx) => {
        const t1 = performance.now();
        await recordAudit(
          tx,
          who,
          someIds.map((r: { id: string }) => ({ action: 'person.search' as const, entityType: 'person' as const, entityId: r.id, personId: r.id })),
        );
        auditTimes.push(performance.now() - t1);
        tx.rollback();
      })
      .catch(() => undefined);
    txTimes.push(performance.now() - t0);
  }
  const au = stats(auditTimes);
  const tx = stats(txTimes);
  lines.push(`query alone (repo.searchPersons, 100 each): number p50 ${ms(num.p50)} p95 ${ms(num.p95)}; name prefix p50 ${ms(nam.p50)} p95 ${ms(nam.p95)}`);
  lines.push(`audit INSERT of ${someIds.length} rows (recordAudit, rolled back): p50 ${ms(au.p50)} p95 ${ms(au.p95)}; whole BEGIN…ROLLBACK p50 ${ms(tx.p50)} p95 ${ms(tx.p95)}`);
  // EXPLAIN ANALYZE of every statement the app's search runs (captured with a drizzle logger on the
  // same connection), for a 2-letter name prefix and a full personnummer.
  for (const x of [q.names.find((s) => s.length === 2) ?? q.names[0], q.numbers[0]]) {
    const captured: { sql: string; params: unknown[] }[] = [];
    const logger = { logQuery: (text: string, params: unknown[]) => captured.push({ sql: text, params }) };
    const client = (db as unknown as { $client: any }).$client;
    const logged = (database.kind === 'pglite' ? drizzlePglite(client, { logger }) : drizzlePg(client, { logger })) as unknown as Db;
    await searchQuery(logged, classifySearch(x), 50);
    for (const c of captured) {
      let text = c.sql;
      c.params.forEach((p, i) => {
        text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`), `'${String(p).replace(/'/g, "''")}'`);
      });
      const r = (await db.execute(sql.raw(`explain (analyze, costs off) ${text}`))) as any;
      const plan = (r.rows as Record<string, string>[]).map((row) => Object.values(row)[0]);
      lines.push(`EXPLAIN ANALYZE search ${JSON.stringify(x)}${captured.length > 1 ? ` (statement ${captured.indexOf(c) + 1} of ${captured.length})` : ''}:\n      ${plan.join('\n      ')}`);
    }
  }
  // What-if, on this throwaway copy only (src/ is unchanged): the two costs above done differently.
  // (a) the 50 audit rows as one array parameter instead of 9 parameters per row;
  const unnestTimes: number[] = [];
  const idArray = `{${someIds.map((r: { id: string }) => r.id).join(',')}}`;
  for (let i = 0; i < 50; i++) {
    await db
      .transaction(async (tx) => {
        const t1 = performance.now();
        await tx.execute(sql`insert into audit_log (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
          select ${new Date().toISOString()}::timestamptz, null, null, 'person.search', 'person', x::text, x, 'bench-search', null from unnest(${idArray}::uuid[]) x`);
        unnestTimes.push(performance.now() - t1);
        tx.rollback();
      })
      .catch(() => undefined);
  }
  const un = stats(unnestTimes);
  lines.push(`what-if audit INSERT of ${someIds.length} rows as one uuid[] parameter (unnest): p50 ${ms(un.p50)} p95 ${ms(un.p95)}`);
  const cnt = (await db.execute(sql`select count(*)::int as n from audit_log`)) as any;
  lines.push(`audit_log rows after the run: ${cnt.rows[0].n}`);
  // The search's own SQL in-process (query + its audit INSERT): the floor the HTTP figures are compared with.
  return { lines, sqlP50: { number: num.p50 + au.p50, name: nam.p50 + au.p50 } };
}

export async function runSearchBench(opts: { persons?: number; seed?: number; requests?: number; engines?: Engine[] } = {}): Promise<SummaryRow[]> {
  const n = opts.persons ?? 100_000;
  const seed = opts.seed ?? 1;
  const count = opts.requests ?? 500;
  const engines = opts.engines ?? ['pglite', 'postgres'];
  const q = pickQueries(n, seed, count);
  const results: EngineResult[] = [];
  const summary: SummaryRow[] = [];
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);

  for (const engine of engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      console.log('  PostgreSQL not reachable: skipped');
      summary.push({ measure: 'search: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    let target: { dataDir?: string; databaseUrl?: string };
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    if (engine === 'pglite') {
      const cache = await pgliteCache(n, seed);
      const dir = path.join(OUT, 'search-pglite');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(cache, dir, { recursive: true });
      target = { dataDir: dir };
      open = () => openPglite(dir);
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const tpl = await postgresTemplate(n, seed);
      const name = 'kontakt_bench_search';
      await pgAdmin(async (c) => {
        await dropDatabase(c, name);
        await c.query(`create database "${name}" template "${tpl}"`);
      });
      target = { databaseUrl: dbUrl(name) };
      open = () => openPostgres(dbUrl(name), 2);
      cleanup = () => pgAdmin((c) => dropDatabase(c, name));
    }
    console.log(`  ${engine}: ${count} searches by personnummer, ${count} by name prefix …`);
    const r = await httpBench(engine, target, q, 50);
    const database = await open();
    let diagnostics: string[];
    let sqlP50: { number: number; name: number };
    try {
      ({ lines: diagnostics, sqlP50 } = await diagnose(database, q));
    } finally {
      await database.close();
    }
    await cleanup();
    results.push({ engine, ...r, diagnostics });
    summary.push({ measure: `search: ${engine}, personnummer p50/p95/p99`, value: `${ms(r.number.p50)} / ${ms(r.number.p95)} / ${ms(r.number.p99)}`, target: 'p95 < 10 ms', ok: r.number.p95 < TARGET_P95 });
    summary.push({ measure: `search: ${engine}, name prefix p50/p95/p99`, value: `${ms(r.name.p50)} / ${ms(r.name.p95)} / ${ms(r.name.p99)}`, target: 'p95 < 10 ms', ok: r.name.p95 < TARGET_P95 });
    // Issue 14 item 7: HTTP beside the same SQL in-process (query + audit INSERT), medians.
    for (const [kind, http, floor] of [['personnummer', r.number.p50, sqlP50.number], ['name prefix', r.name.p50, sqlP50.name]] as const) {
      summary.push({ measure: `search: ${engine}, ${kind} HTTP ÷ its SQL in-process (p50)`, value: `${(http / floor).toFixed(2)}× (${ms(http)} vs ${ms(floor)})`, target: '≤ 2×', ok: http / floor <= 2 });
    }
  }

  console.log(`\nPerson search through HTTP, ${n} persons, ${count} sequential requests per kind (client-side latency)\n`);
  const rows: (string | number)[][] = [];
  for (const r of results) {
    for (const [kind, s] of [
      ['personnummer', r.number],
      [`name prefix (avg ${r.nameRows.toFixed(0)} rows)`, r.name],
    ] as const) {
      rows.push([r.engine, kind, s.n, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), s.p95 < TARGET_P95 ? 'ok' : 'MISSED']);
    }
    for (const [kind, s] of [
      ['baseline: GET /api/health', r.health],
      ['baseline: GET /api/auth/me', r.me],
    ] as const) {
      rows.push([r.engine, kind, s.n, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), '']);
    }
  }
  console.log(table(['engine', 'kind', 'n', 'p50', 'p95', 'p99', 'max', 'p95 < 10 ms'], rows));
  for (const r of results) {
    console.log(`\n${r.engine}, inside the database:`);
    for (const l of r.diagnostics) console.log(`  ${l}`);
  }
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '500' },
      engine: { type: 'string', default: 'both' },
    },
  });
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  const summary = await runSearchBench({ persons: Number(values.persons), seed: Number(values.seed), requests: Number(values.requests), engines });
  writeSummary('search', summary);
  process.exit(0);
}
