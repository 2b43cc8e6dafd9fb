// Import from the old system (issue 14 item 11): a file of N fictitious persons (src/people/fictitious.ts, as
// src/import/fictitious-file.ts writes it: semicolons, UTF-8) through the use cases in-process: the dry run, then the
// commit (all rows in one transaction, batches of IMPORT_BATCH via unnest, one audit row per person). Wall time and
// peak RSS (sampled every 10 ms) per step, on embedded PGlite and on PostgreSQL (BENCH_PG_URL), each engine in a
// process of its own so the memory figures are its own. Target: 100 000 rows < 30 s, memory < 500 MB.
// With --decisions, then a file of one active decision per imported person (a case + a decided decision each).
//   npx tsx bench/import.ts [--rows 100000] [--engine pglite|postgres|both] [--decisions]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config';
import { fixedClock } from '../src/platform/clock';
import type { UseCaseContext } from '../src/platform/context';
import { prepareDatabase } from '../src/main';
import { checkImport } from '../src/import/check-import';
import { commitImport } from '../src/import/commit-import';
import { fictitiousPersonsCsv } from '../src/import/fictitious-file';
import { dbUrl, dropDatabase, pgAdmin, runTsx, table } from './lib';

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

async function one(engine: 'pglite' | 'postgres', rows: number, withDecisions: boolean) {
  const clock = fixedClock('2026-06-10T10:00:00+02:00');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-import-'));
  const dbName = `kontakt_bench_import_${process.pid}`;
  if (engine === 'postgres') {
    await pgAdmin(async (c) => {
      await dropDatabase(c, dbName);
      await c.query(`create database "${dbName}"`);
    });
  }
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: engine === 'postgres' ? dbUrl(dbName) : '' });
  const database = await prepareDatabase(config, clock);
  const db = database.db;
  try {
    const adminRow = ((await db.execute(sql`select id, username, display_name from users where role = 'administrator' limit 1`)) as unknown as { rows: { id: string; username: string; display_name: string }[] }).rows[0];
    const ctx: UseCaseContext = {
      db,
      clock,
      config,
      actor: { id: adminRow.id, username: adminRow.username, displayName: adminRow.display_name, role: 'administrator', unitId: null },
      requestId: 'bench-import',
    };
    let t = performance.now();
    const bytes = Buffer.from(fictitiousPersonsCsv(rows, { seed: 3, from: 1_000_000 }));
    console.log(`import (${engine}): ${rows} rows, ${mb(bytes.length)} file made in ${((performance.now() - t) / 1000).toFixed(1)} s; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const mem = memorySampler();
    const rss0 = process.memoryUsage().rss;
    const cpu = (since: NodeJS.CpuUsage) => {
      const c = process.cpuUsage(since);
      return (c.user + c.system) / 1e6;
    };
    const checkTimings = { databaseMs: 0 };
    let c0 = process.cpuUsage();
    t = performance.now();
    const checked = await checkImport(ctx, { kind: 'persons', fileName: 'bench.csv', bytes, timings: checkTimings });
    const checkS = (performance.now() - t) / 1000;
    const checkCpu = cpu(c0);
    const checkPeak = mem.peak();
    const commitTimings = { databaseMs: 0 };
    c0 = process.cpuUsage();
    t = performance.now();
    const done = await commitImport(ctx, { jobId: checked.id, bytes, timings: commitTimings });
    const commitS = (performance.now() - t) / 1000;
    const commitCpu = cpu(c0);
    const peak = mem.peak();
    mem.stop();
    const s = (x: number) => x.toFixed(1);
    const counted = ((await db.execute(sql`select (select count(*) from persons where registered_by = ${adminRow.id}::uuid)::int as p, (select count(*) from audit_log where action = 'person.import')::int as a`)) as unknown as {
      rows: { p: number; a: number }[];
    }).rows[0];
    console.log(
      table(
        ['engine', 'step', 'rows', 'errors', 'seconds', 'rows/s', 'waiting for db s', 'CPU s (this process)', 'peak RSS', 'peak − before'],
        [
          [engine, 'dry run', checked.rowCount, checked.errorCount, s(checkS), Math.round(checked.rowCount / checkS), s(checkTimings.databaseMs / 1000), s(checkCpu), mb(checkPeak), mb(checkPeak - rss0)],
          [engine, 'commit', done.importedCount ?? 0, 0, s(commitS), Math.round((done.importedCount ?? 0) / commitS), s(commitTimings.databaseMs / 1000), s(commitCpu), mb(peak), mb(peak - rss0)],
          [engine, 'dry run + commit', rows, '', s(checkS + commitS), '', '', s(checkCpu + commitCpu), mb(peak), mb(peak - rss0)],
        ],
      ),
    );
    console.log(`  RSS before the import ${mb(rss0)}${engine === 'pglite' ? " (PGlite's WebAssembly heap included: the database runs in this process, so its CPU time is in the CPU column)" : ''}; persons imported ${counted.p}, audit rows ${counted.a}`);
    console.log(`  load average after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (2 CPUs: wall time stretches with the load, CPU time much less)`);
    if (withDecisions) {
      // One active decision per imported person: a case and a decided decision each (src/import/decisions.ts).
      const numbers = bytes
        .toString('utf8')
        .split('\r\n')
        .slice(1, rows + 1)
        .map((l) => l.split(';')[0]);
      const file = Buffer.from(
        [
          'personnummer;enhet;handläggare;lagrum;beslutsdatum;startdatum;slutdatum;omfattning;omfattning_enhet',
          ...numbers.map((n) => `${n};LSS-enheten;handlaggare.lss;LSS_9_4;2026-03-01;2026-03-15;2027-03-14;1;träffar_per_vecka`),
        ].join('\r\n'),
      );
      const dm = memorySampler();
      const drss0 = process.memoryUsage().rss;
      const dt = { databaseMs: 0 };
      c0 = process.cpuUsage();
      t = performance.now();
      const dc = await checkImport(ctx, { kind: 'decisions', fileName: 'beslut.csv', bytes: file, timings: dt });
      const dcS = (performance.now() - t) / 1000;
      const dcCpu = cpu(c0);
      const dct = { databaseMs: 0 };
      c0 = process.cpuUsage();
      t = performance.now();
      const dd = await commitImport(ctx, { jobId: dc.id, bytes: file, timings: dct });
      const ddS = (performance.now() - t) / 1000;
      const ddCpu = cpu(c0);
      const dpeak = dm.peak();
      dm.stop();
      console.log(
        table(
          ['engine', 'step (decisions)', 'rows', 'errors', 'seconds', 'rows/s', 'waiting for db s', 'CPU s (this process)', 'peak RSS', 'peak − before'],
          [
            [engine, 'dry run', dc.rowCount, dc.errorCount, s(dcS), Math.round(dc.rowCount / dcS), s(dt.databaseMs / 1000), s(dcCpu), '', ''],
            [engine, 'commit', dd.importedCount ?? 0, 0, s(ddS), Math.round((dd.importedCount ?? 0) / ddS), s(dct.databaseMs / 1000), s(ddCpu), mb(dpeak), mb(dpeak - drss0)],
          ],
        ),
      );
      console.log(`  load average after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    }
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') await pgAdmin((c) => dropDatabase(c, dbName));
  }
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, engine: { type: 'string', default: 'both' }, decisions: { type: 'boolean', default: false } } });
  const rows = Number(values.rows);
  if (values.engine === 'both') {
    for (const e of ['pglite', 'postgres']) await runTsx('bench/import.ts', ['--rows', String(rows), '--engine', e, ...(values.decisions ? ['--decisions'] : [])]);
    return;
  }
  await one(values.engine === 'postgres' ? 'postgres' : 'pglite', rows, values.decisions === true);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
