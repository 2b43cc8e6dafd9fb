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
import { ivoQuarterReports } from '../src/oversight/rules';
import { generateIvoDecisions } from '../scripts/generate-ivo';
import { dbUrl, dropDatabase, isMain, pgAdmin, pgReachable, stats, ms, table } from './lib';

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
  return { s: stats(times), candidates, reports, unfiltered, total: all.length };
}

async function onEngine(engine: 'pglite' | 'postgres', n: number, late: number, seed: number, runs: number) {
  const clock = fixedClock(`${TODAY}T10:00:00+01:00`);
  let dataDir: string | null = null;
  const name = `kontakt_bench_ivo_${n}_${seed}`;
  if (engine === 'postgres') await pgAdmin(async (c) => {
    await dropDatabase(c, name);
    await c.query(`create database "${name}"`);
  });
  else dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-ivo-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir ?? '', DEMO: '1', DATABASE_URL: engine === 'postgres' ? dbUrl(name) : '' });
  const database = await prepareDatabase(config, clock);
  try {
    const t = performance.now();
    await generate(database.db, n, late, seed);
    console.log(`  ${engine}: generated ${n} decisions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const m = await measure(database.db, runs);
    if (process.env.IVO_EXPLAIN) {
      const plan = rowsOf<Record<string, string>>(await database.db.execute(sql`explain (analyze, buffers) ${ivoCandidateQuery({ quarter: QUARTER, unitId: null })}`));
      console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
    }
    return [engine, n, m.total, m.candidates, m.reports, ms(m.s.p50), ms(m.s.max), ms(m.unfiltered)];
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
    rows.push(await onEngine(e, n, late, seed, runs));
    console.log(`  ${rows.at(-1)?.join(' | ')}`);
  }
  console.log(table(['engine', 'decisions', 'granted in record', 'candidates (SQL)', 'reports', 'prefilter + pure p50', 'max', 'pure alone (all rows)'], rows));
  console.log('target: prefilter + pure < 500 ms on PostgreSQL');
}

if (isMain(import.meta.url)) await main();
