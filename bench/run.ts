// `npm run bench`: start time, person search, kill -9 durability and first-page bytes, each in a process of its own
// (each bench also runs alone: `npx tsx bench/search.ts`), then one summary table.
// Benches print figures; they never fail on timings. Exit code 1 only if a bench crashed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUT, readSummary, runTsx, table, type SummaryRow } from './lib';

const BENCHES: { name: string; script: string; args: string[] }[] = [
  { name: 'start', script: 'bench/start.ts', args: [] },
  { name: 'search', script: 'bench/search.ts', args: [] },
  { name: 'case-lists', script: 'bench/case-lists.ts', args: [] },
  { name: 'register', script: 'bench/register.ts', args: [] },
  { name: 'durability', script: 'bench/durability.ts', args: [] },
  { name: 'crash', script: 'bench/crash.ts', args: [] },
  { name: 'pg-restart', script: 'bench/pg-restart.ts', args: [] },
  { name: 'first-page', script: 'bench/first-page.ts', args: [] },
  { name: 'decision-letter', script: 'bench/decision-letter.ts', args: [] },
  { name: 'matching', script: 'bench/matching.ts', args: [] },
  { name: 'payroll-month', script: 'bench/payroll-month.ts', args: [] },
  { name: 'portal-start', script: 'bench/portal-start.ts', args: [] },
  { name: 'log-review', script: 'bench/log-review.ts', args: [] },
  { name: 'api-table', script: 'bench/api-table.ts', args: [] },
  { name: 'fuzz-pglite', script: 'bench/fuzz.ts', args: ['--engine', 'pglite'] },
  { name: 'fuzz-postgres', script: 'bench/fuzz.ts', args: ['--engine', 'postgres'] },
  { name: 'rate-limit', script: 'bench/rate-limit.ts', args: [] },
];

// `npm run bench -- --quick`: the API table alone in its quick mode (small data, 100 connections, 3 s): a check of
// the app ÷ floor ratios, never of absolute times.
const quick = process.argv.includes('--quick');
const only = quick ? ['api-table'] : process.argv.slice(2);
if (quick) BENCHES.find((b) => b.name === 'api-table')!.args.push('--quick');
const t0 = performance.now();
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`Kontakt benches — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load()}`);
let crashed = false;
const rows: (string | number)[][] = [];
for (const b of BENCHES) {
  if (only.length && !only.includes(b.name)) continue;
  fs.rmSync(path.join(OUT, `summary-${b.name}.json`), { force: true });
  console.log(`\n=== ${b.name} (${b.script}) ===`);
  const t = performance.now();
  const code = await runTsx(b.script, b.args);
  const took = ((performance.now() - t) / 1000).toFixed(0);
  const summary: SummaryRow[] | null = code === 0 ? readSummary(b.name) : null;
  if (!summary) {
    crashed = true;
    rows.push([`${b.name}: FAILED (exit ${code})`, '', '', 'FAILED']);
    continue;
  }
  console.log(`(${b.name}: ${took} s)`);
  for (const r of summary) rows.push([r.measure, r.value, r.target, r.ok === null ? '–' : r.ok ? 'ok' : 'MISSED']);
}
console.log(`\n=== Summary (${((performance.now() - t0) / 60000).toFixed(1)} min, load average now ${load()}) ===\n`);
console.log(table(['measure', 'value', 'target', ''], rows));
// Every figure of this run in one file (the per-bench summaries side by side), for comparing runs.
fs.writeFileSync(
  path.join(OUT, '..', 'results.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, load: os.loadavg(), rows: rows.map(([measure, value, target, ok]) => ({ measure, value, target, ok })) }, null, 2),
);
process.exit(crashed ? 1 : 0);
