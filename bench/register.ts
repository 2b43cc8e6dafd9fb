// The contact-person register's search through HTTP with 20 000 generated contact persons (issue 10), on PGlite and
// (when reachable) PostgreSQL: signed in as the kontaktsekreterare, sequential GET /api/contact-persons with random
// filter combinations (status, area, interest, language, availability, free capacity). Target p95 < 15 ms.
//   npx tsx bench/register.ts [--contact-persons 20000] [--seed 1] [--requests 300] [--engine pglite|postgres|both] [--no-explain] [--no-reminders]
// Then EXPLAIN ANALYZE of the list's statements for a few filter shapes (the database's own times).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prng } from '../src/people/fictitious';
import type { Db } from '../src/platform/db/connect';
import { listContactPersons } from '../src/contact-persons/repo';
import type { CpListQuery } from '../src/contact-persons/schema';
import { AVAILABILITY_SLOTS, CP_STATUSES } from '../src/contact-persons/rules';
import { Client, dbUrl, dropDatabase, isMain, migrationsKey, ms, OUT, pgAdmin, pgReachable, startServer, stats, table, writeSummary, type SummaryRow, generatedPglite, generatedPostgres } from './lib';

type Engine = 'pglite' | 'postgres';
const TARGET_P95 = 15;

function cacheKey(n: number, seed: number): string {
  return JSON.stringify({ migrations: migrationsKey(), contactPersons: n, seed, generator: 2 });
}

function generateArgs(n: number, seed: number): string[] {
  return ['--persons', '0', '--contact-persons', String(n), '--seed', String(seed), '--quiet'];
}

function pgliteCache(n: number, seed: number): Promise<string> {
  return generatedPglite(`pglite-contact-persons-${n}-seed-${seed}`, cacheKey(n, seed), generateArgs(n, seed));
}

/** The generated register as a PostgreSQL database kept as a template (keyed by the migrations, like case-lists.ts). */
function postgresTemplate(n: number, seed: number): Promise<string> {
  return generatedPostgres(`kontakt_bench_register_${n}_${seed}`, cacheKey(n, seed), generateArgs(n, seed));
}

/** A random filter combination (each filter present about half the time). */
function randomQuery(rand: () => number, districts: string[]): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const q = new URLSearchParams({ page: '1', pageSize: '25' });
  if (rand() < 0.5) q.set('status', pick(CP_STATUSES));
  if (rand() < 0.4 && districts.length) q.set('districtId', pick(districts));
  if (rand() < 0.4) q.set('interest', pick(['friluftsliv', 'idrott', 'musik', 'kultur', 'spel', 'matlagning', 'djur', 'hantverk', 'fika']));
  if (rand() < 0.3) q.set('language', pick(['svenska', 'arabiska', 'finska', 'engelska', 'persiska']));
  if (rand() < 0.4) q.set('availability', pick(AVAILABILITY_SLOTS));
  if (rand() < 0.3) q.set('freeCapacity', 'yes');
  return `/api/contact-persons?${q}`;
}

async function measure(base: string, seed: number, requests: number, withReminders: boolean) {
  const c = new Client(base);
  await c.login('kontaktsekreterare');
  const districts = (await c.request('GET', '/api/contact-persons/districts')).json.items.map((d: { id: string }) => d.id);
  const rand = prng(seed + 11);
  for (let i = 0; i < 30; i++) await c.request('GET', randomQuery(rand, districts));
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const url = randomQuery(rand, districts);
    const t = performance.now();
    const r = await c.request('GET', url);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
  }
  // The coordinator's start page reads the reminders (issue 10: once per visit; the first 5 and the counts): a few timed calls.
  const reminders: number[] = [];
  for (let i = 0; i < (withReminders ? 5 : 0); i++) {
    const t = performance.now();
    try {
      const r = await c.request('GET', '/api/contact-persons/reminders?page=1&pageSize=5', undefined, 120_000);
      if (r.status !== 200) throw new Error(`reminders: ${r.status}`);
      reminders.push(performance.now() - t);
    } catch (e) {
      if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
      console.log('  reminders: no answer within 120 s');
      reminders.push(Number.POSITIVE_INFINITY);
      break;
    }
  }
  return { search: stats(times), reminders: stats(reminders) };
}

/** Filter shapes for EXPLAIN ANALYZE: none, a broad one, the rare statuses, many filters at once. */
const EXPLAIN_SHAPES: [string, Partial<CpListQuery>][] = [
  ['no filter', {}],
  ['status=applicant (inbox)', { status: 'applicant' }],
  ['status=investigating', { status: 'investigating' }],
  ['status=paused', { status: 'paused' }],
  ['freeCapacity + interest + language', { freeCapacity: 'yes', interest: 'musik', language: 'finska' }],
  ['status=ended + availability + interest', { status: 'ended', availability: 'weekday_evening', interest: 'djur' }],
];

/**
 * EXPLAIN ANALYZE of the statements the list runs (captured with a Drizzle logger), per filter shape: the
 * database's own execution times, less sensitive to a shared machine than the HTTP figures.
 */
async function explain(engine: Engine, target: { dataDir?: string; databaseUrl?: string }): Promise<(string | number)[][]> {
  const logged: { query: string; params: unknown[] }[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => logged.push({ query, params }) };
  let run: (text: string, params: unknown[]) => Promise<unknown[]>;
  let close: () => Promise<void>;
  let db: Db;
  if (engine === 'pglite') {
    const client = await PGlite.create(target.dataDir!);
    db = drizzlePglite(client, { logger }) as unknown as Db;
    run = async (t, p) => (await client.query(t, p as any[])).rows;
    close = () => client.close();
  } else {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 1 });
    db = drizzlePg(pool, { logger }) as unknown as Db;
    run = async (t, p) => (await pool.query(t, p as any[])).rows;
    close = () => pool.end();
  }
  const out: (string | number)[][] = [];
  try {
    const today = new Date().toISOString().slice(0, 10);
    const [{ id: district }] = (await run('select id from cp_districts order by name limit 1', [])) as { id: string }[];
    for (const [label, f] of [...EXPLAIN_SHAPES, ['district + status=available', { districtId: district, status: 'available' }] as [string, Partial<CpListQuery>]]) {
      logged.length = 0;
      await listContactPersons(db, { page: 1, pageSize: 25, ...f } as CpListQuery, today, { who: { actor: null, requestId: 'bench', clock: { now: () => new Date() } }, action: 'contact_person.list', entityType: 'contact_person' });
      const times: string[] = [];
      for (const { query, params } of logged) {
        // Warm once, then the figure of a second run.
        await run(`explain (analyze, format json) ${query}`, params);
        const [row] = (await run(`explain (analyze, format json) ${query}`, params)) as Record<string, any>[];
        const plan = row['QUERY PLAN'];
        const json = typeof plan === 'string' ? JSON.parse(plan) : plan;
        times.push(ms(json[0]['Execution Time']));
      }
      out.push([engine, label, ...times]);
    }
  } finally {
    await close();
  }
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'contact-persons': { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '300' },
      engine: { type: 'string', default: 'both' },
      'no-explain': { type: 'boolean', default: false },
      'no-reminders': { type: 'boolean', default: false },
    },
  });
  const n = Number(values['contact-persons']);
  const seed = Number(values.seed);
  const requests = Number(values.requests);
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  const rows: (string | number)[][] = [];
  const plans: (string | number)[][] = [];
  const summary: SummaryRow[] = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      summary.push({ measure: 'register search: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    let target: { dataDir?: string; databaseUrl?: string };
    let cleanup: () => Promise<void>;
    if (engine === 'pglite') {
      const dir = await pgliteCache(n, seed);
      const work = path.join(OUT, 'work', 'register-pglite');
      fs.rmSync(work, { recursive: true, force: true });
      fs.cpSync(dir, work, { recursive: true });
      target = { dataDir: work };
      cleanup = async () => fs.rmSync(work, { recursive: true, force: true });
    } else {
      const tpl = await postgresTemplate(n, seed);
      const name = 'kontakt_bench_register';
      await pgAdmin(async (c) => {
        await dropDatabase(c, name);
        await c.query(`create database "${name}" template "${tpl}"`);
      });
      target = { databaseUrl: dbUrl(name) };
      cleanup = () => pgAdmin((c) => dropDatabase(c, name));
    }
    console.log(`  ${engine}: ${requests} searches, then the reminders …`);
    const server = await startServer({ launcher: 'node', ...target });
    try {
      const r = await measure(server.base, seed, requests, !values['no-reminders']);
      rows.push([engine, 'search (random filters)', r.search.n, ms(r.search.p50), ms(r.search.p95), ms(r.search.p99), ms(r.search.max)]);
      rows.push([engine, 'reminders (start page)', r.reminders.n, ms(r.reminders.p50), ms(r.reminders.p95), ms(r.reminders.p99), ms(r.reminders.max)]);
      summary.push({
        measure: `register search, ${n} contact persons, ${engine} p50/p95/p99`,
        value: `${ms(r.search.p50)} / ${ms(r.search.p95)} / ${ms(r.search.p99)}`,
        target: `p95 < ${TARGET_P95} ms`,
        ok: r.search.p95 < TARGET_P95,
      });
    } finally {
      await server.stop();
    }
    try {
      if (!values['no-explain']) plans.push(...(await explain(engine, target)));
    } finally {
      await cleanup();
    }
  }
  console.log(`\nRegister through HTTP, ${n} contact persons (client-side latency)\n`);
  console.log(table(['engine', 'what', 'n', 'p50', 'p95', 'p99', 'max'], rows));
  if (plans.length) {
    console.log('\nEXPLAIN ANALYZE execution time of the list\'s statements (page with its audit INSERT, capped count), second run\n');
    console.log(table(['engine', 'filters', 'page + audit', 'count'], plans));
  }
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  writeSummary('register', summary);
}

if (isMain(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
