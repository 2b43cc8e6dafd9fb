// The IVO quarter over a million decisions (issue 13 item 1): which decisions and interruptions the municipality
// reports for a quarter — the SQL prefilter (`loadIvoCandidates`: only what can be due in the quarter) fed to the pure
// `ivoQuarterReports` — timed on PostgreSQL and on embedded PGlite. Target: < 0.5 s on PostgreSQL.
//   npx tsx bench/ivo-quarter.ts [--decisions 1000000] [--late 0.05] [--runs 5] [--engine pglite|postgres|both] [--seed 1]
// Data: scripts/generate-ivo.ts in its bulk mode (INSERT … SELECT generate_series in batches of 100 000: persons,
// cases, favourable decisions over two years, 5 % not executed within three months; the case facts' execution and end
// dates written directly, migration 0013's deferred refresh), on top of the demo's units and users.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config';
import { fixedClock } from '../src/platform/clock';
import type { Db } from '../src/platform/db/connect';
import { prepareDatabase } from '../src/main';
import { ivoCandidateQuery, loadIvoCandidates } from '../src/oversight/ivo-repo';
import { ivoQuarterReports, quarterBounds } from '../src/oversight/rules';
import { generateIvoDecisions } from '../scripts/generate-ivo';
import { dbUrl, dropDatabase, isMain, migrationsKey, OUT, pgAdmin, pgReachable, stats, ms, table } from './lib';

const TODAY = '2026-12-07';
const QUARTER = '2026-Q3';
const BATCH = 100_000;

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

async function generate(db: Db, n: number, late: number, seed: number) {
  const [ids] = rowsOf<{ unit: string; hl: string; lb: string; other: string }>(
    await db.execute(sql`select (select id from units where route = 'LSS' order by name limit 1) as unit,
      (select id from users where username = 'handlaggare.lss') as hl,
      (select id from legal_bases where code = 'LSS_9_4') as lb, (select id from legal_bases where code = 'SOL2001_4_2') as other`),
  );
  for (let start = 1; start <= n; start += BATCH) {
    await generateIvoDecisions(db, {
      n: Math.min(BATCH, n - start + 1),
      start,
      seed,
      today: TODAY,
      unitId: ids.unit,
      userId: ids.hl,
      reportableBasisId: ids.lb,
      otherBasisId: ids.other,
      lateShare: late,
      mode: 'bulk',
    });
    process.stdout.write(`\r  generated ${Math.min(start + BATCH - 1, n)} / ${n}`);
  }
  process.stdout.write('\n');
  await db.execute(sql`vacuum (analyze)`);
}

/**
 * The prefilter before the kept clocks (migrations ≤ 0026: every favourable decision read and tested), kept here to
 * print beside the statement of today on the same data.
 */
function scanningCandidateQuery(quarter: string) {
  const { first, last } = quarterBounds(quarter);
  return sql`select d.id from decisions d
    join legal_bases lb on lb.id = d.legal_basis_id and lb.ivo_reportable
    join case_facts cf on cf.case_id = d.case_id
    where d.state = 'decided' and d.outcome in ('granted', 'partly_granted') and d.decision_date <= ${last}::date and (
      ((d.decision_date + interval '3 months')::date < ${last}::date
        and coalesce(least(cf.executed_date, cf.ended_date, d.end_date), 'infinity'::date) > (d.decision_date + interval '3 months')::date
        and coalesce(least(cf.executed_date, cf.ended_date, d.end_date), 'infinity'::date) >= ${first}::date)
      or d.case_id in (
        select a.case_id from assignment_interruptions ai join assignments a on a.id = ai.assignment_id
        where (ai.from_date + interval '3 months')::date < ${last}::date and coalesce(ai.resumed_date, 'infinity'::date) >= ${first}::date))`;
}

async function statementMs(db: Db, q: ReturnType<typeof sql>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await db.execute(q);
    if (i > 0) times.push(performance.now() - t);
  }
  return stats(times).p50;
}

async function measure(db: Db, runs: number) {
  const times: number[] = [];
  let candidates = 0;
  let reports = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const c = await loadIvoCandidates(db, { quarter: QUARTER, unitId: null });
    const r = ivoQuarterReports(c, QUARTER);
    const elapsed = performance.now() - t;
    if (i > 0) times.push(elapsed); // the first run warms the caches
    candidates = c.length;
    reports = r.length;
  }
  // The pure function alone over every decision (no prefilter), once, for comparison and as a check.
  const t = performance.now();
  const all = await loadIvoCandidates(db, { quarter: QUARTER, unitId: null, prefilter: false });
  const allReports = ivoQuarterReports(all, QUARTER);
  const unfiltered = performance.now() - t;
  if (allReports.length !== reports) throw new Error(`prefilter changed the result: ${reports} vs ${allReports.length}`);
  const scanning = await statementMs(db, scanningCandidateQuery(QUARTER), runs);
  const indexed = await statementMs(db, ivoCandidateQuery({ quarter: QUARTER, unitId: null }), runs);
  return { s: stats(times), candidates, reports, unfiltered, total: all.length, scanning, indexed };
}

/** The generated decisions are kept (a PGlite folder under bench/out/cache, a PostgreSQL template database), keyed by the migrations, size, share and seed; each run works on a copy. */
function cacheKey(n: number, late: number, seed: number): string {
  return JSON.stringify({ migrations: migrationsKey(), decisions: n, late, seed, today: TODAY, generator: 1 });
}

async function generated(engine: 'pglite' | 'postgres', n: number, late: number, seed: number, clock: ReturnType<typeof fixedClock>): Promise<string> {
  const key = cacheKey(n, late, seed);
  const label = `ivo_${n}_${String(late).replace('.', '_')}_${seed}`;
  const open = async (target: { dataDir?: string; databaseUrl?: string }) => {
    const config = loadConfig({ ...process.env, DATA_DIR: target.dataDir ?? '', DEMO: '1', DATABASE_URL: target.databaseUrl ?? '' });
    const database = await prepareDatabase(config, clock);
    try {
      const t = performance.now();
      await generate(database.db, n, late, seed);
      console.log(`  ${engine}: generated ${n} decisions in ${((performance.now() - t) / 1000).toFixed(1)} s (cached for later runs)`);
    } finally {
      await database.close();
    }
  };
  if (engine === 'postgres') {
    const tpl = `kontakt_bench_${label}`;
    const found = await pgAdmin(async (c) => (await c.query('select shobj_description(oid, $2) as d from pg_database where datname = $1', [tpl, 'pg_database'])).rows[0]?.d);
    if (found === key) return tpl;
    await pgAdmin(async (c) => {
      await dropDatabase(c, tpl);
      await c.query(`create database "${tpl}"`);
    });
    await open({ databaseUrl: dbUrl(tpl) });
    await pgAdmin(async (c) => c.query(`comment on database "${tpl}" is '${key.replace(/'/g, "''")}'`));
    return tpl;
  }
  const dir = path.join(OUT, 'cache', `pglite-${label}`);
  const marker = path.join(dir, '.bench-key');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === key) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  await open({ dataDir: dir });
  fs.writeFileSync(marker, key);
  return dir;
}

async function onEngine(engine: 'pglite' | 'postgres', n: number, late: number, seed: number, runs: number) {
  const clock = fixedClock(`${TODAY}T10:00:00+01:00`);
  const source = await generated(engine, n, late, seed, clock);
  let dataDir: string | null = null;
  const name = `kontakt_bench_ivo_run`;
  if (engine === 'postgres')
    await pgAdmin(async (c) => {
      await dropDatabase(c, name);
      await c.query(`create database "${name}" template "${source}"`);
    });
  else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-ivo-'));
    fs.cpSync(source, dataDir, { recursive: true });
  }
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir ?? '', DEMO: '1', DATABASE_URL: engine === 'postgres' ? dbUrl(name) : '' });
  const database = await prepareDatabase(config, clock);
  try {
    const m = await measure(database.db, runs);
    if (process.env.IVO_EXPLAIN) {
      const plan = rowsOf<Record<string, string>>(await database.db.execute(sql`explain (analyze, buffers) ${ivoCandidateQuery({ quarter: QUARTER, unitId: null })}`));
      console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
    }
    return [engine, n, m.total, m.candidates, m.reports, ms(m.s.p50), ms(m.s.max), ms(m.indexed), ms(m.scanning), ms(m.unfiltered)];
  } finally {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') await pgAdmin((c) => dropDatabase(c, name));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      decisions: { type: 'string', default: '1000000' },
      late: { type: 'string', default: '0.05' },
      runs: { type: 'string', default: '5' },
      engine: { type: 'string', default: 'both' },
      seed: { type: 'string', default: '1' },
    },
  });
  const n = Number(values.decisions);
  const late = Number(values.late);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  console.log(`ivo-quarter: ${n} decisions, ${late * 100} % late, quarter ${QUARTER}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const engines = values.engine === 'both' ? (['postgres', 'pglite'] as const) : [values.engine as 'pglite' | 'postgres'];
  const rows: (string | number)[][] = [];
  for (const e of engines) {
    if (e === 'postgres' && !(await pgReachable())) {
      console.log('  PostgreSQL not reachable: skipped');
      continue;
    }
    rows.push([...(await onEngine(e, n, late, seed, runs)), os.loadavg().map((x) => x.toFixed(2)).join(' ')]);
    console.log(`  ${rows.at(-1)?.join(' | ')}`);
  }
  console.log(table(['engine', 'decisions', 'granted in record', 'candidates (SQL)', 'reports', 'prefilter + pure p50', 'max', 'statement (ivo_clocks) p50', 'statement before (scan, ≤ 0026) p50', 'pure alone (all rows)', 'load average'], rows));
  console.log('target: prefilter + pure < 500 ms on PostgreSQL');
}

if (isMain(import.meta.url)) await main();
