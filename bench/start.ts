// Start time of the embedded (PGlite) server: spawn → first 200 on /api/health.
//   (a) first start on an empty DATA_DIR (initdb, migrate, seed demo) — target < 8 s
//   (b) restart on the existing folder — target < 1.5 s
// Launchers: `npm start` (scripts/start.mjs → the esbuild bundle dist/server.mjs) and `node scripts/start.mjs`
// (npm's overhead) when the web build is up to date (otherwise `npm start` would run a vite build);
// with --all also `npx tsx src/main.ts` and `node --import tsx src/main.ts` (TypeScript on the fly).
// Then where the time goes: the phases the server itself logs at start (`startupMs`).
//   npx tsx bench/start.ts [--runs N] [--first-runs N]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { webIsStale } from '../scripts/build.mjs';
import { isMain, LAUNCHER_LABEL, ms, OUT, ROOT, secs, startServer, stats, table, writeSummary, type Launcher, type SummaryRow } from './lib';

const FIRST_TARGET = 8000;
const RESTART_TARGET = 1500;

/** Would `npm start` run a vite build of the web app first? (the same test it uses) */
const webBuildFresh = () => !webIsStale();

export async function runStartBench(opts: { runs?: number; firstRuns?: number; all?: boolean } = {}): Promise<SummaryRow[]> {
  const runs = opts.runs ?? 5;
  const firstRuns = opts.firstRuns ?? 3;
  const base = path.join(OUT, 'start');
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(base, { recursive: true });

  const launchers: Launcher[] = [];
  // `npm start` builds what is stale (the web app with vite, the server bundle with esbuild) before it
  // starts. A vite build would replace web/dist under other people's feet, so then it is not measured;
  // a stale server bundle is rebuilt by one warm-up start that is not counted.
  const npmStart = fs.existsSync(path.join(ROOT, 'scripts/start.mjs')) && webBuildFresh();
  if (npmStart) {
    const s = await startServer({ launcher: 'start-mjs', dataDir: path.join(base, 'warm-up') });
    await s.stop();
    console.log(`  warm-up      node scripts/start.mjs (builds dist/server.mjs if stale, not counted): ${secs(s.startMs)}`);
    launchers.push('npm-start', 'start-mjs');
  }
  if (opts.all || !npmStart) launchers.push('npx', 'node');
  const label = LAUNCHER_LABEL;

  const first: Record<string, number[]> = {};
  const restart: Record<string, number[]> = {};
  for (const l of launchers) {
    first[l] = [];
    restart[l] = [];
  }
  // Interleave launchers so background load affects them alike.
  for (let i = 0; i < firstRuns; i++) {
    for (const l of launchers) {
      const dir = path.join(base, `${l}-${i}`);
      const s = await startServer({ launcher: l, dataDir: dir });
      await s.stop();
      first[l].push(s.startMs);
      console.log(`  first start  ${label[l].padEnd(30)} run ${i + 1}: ${secs(s.startMs)}`);
    }
  }
  const dir = path.join(base, `${launchers[0]}-0`);
  for (let i = 0; i < runs; i++) {
    for (const l of launchers) {
      const s = await startServer({ launcher: l, dataDir: dir });
      await s.stop();
      restart[l].push(s.startMs);
      console.log(`  restart      ${label[l].padEnd(30)} run ${i + 1}: ${secs(s.startMs)}`);
    }
  }

  // The floor (issue 14 item 7): a bare process opening the same folder and answering one query, then HTTP.
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startServer({ launcher: 'node', script: 'bench/start-floor.mjs', dataDir: dir });
    await s.stop();
    floor.push(s.startMs);
    console.log(`  restart      ${'floor: bare PGlite open + select 1'.padEnd(30)} run ${i + 1}: ${secs(s.startMs)}`);
  }

  const rows: (string | number)[][] = [];
  const summary: SummaryRow[] = [];
  const fl = stats(floor);
  for (const l of launchers) {
    const f = stats(first[l]);
    const r = stats(restart[l]);
    rows.push([`first start, empty DATA_DIR — ${label[l]}`, f.n, secs(f.median), secs(f.max), '< 8 s']);
    rows.push([`restart, existing DATA_DIR — ${label[l]}`, r.n, secs(r.median), secs(r.max), '< 1.5 s']);
    summary.push({ measure: `start: first start (${label[l]}), median/max`, value: `${secs(f.median)} / ${secs(f.max)}`, target: '< 8 s', ok: f.max < FIRST_TARGET });
    summary.push({ measure: `start: restart (${label[l]}), median/max`, value: `${secs(r.median)} / ${secs(r.max)}`, target: '< 1.5 s', ok: r.max < RESTART_TARGET });
    summary.push({ measure: `start: restart (${label[l]}) ÷ floor (bare open), medians`, value: `${(r.median / fl.median).toFixed(2)}× (floor ${secs(fl.median)})`, target: '≤ 1.3×', ok: r.median / fl.median <= 1.3 });
  }
  rows.push(['restart floor: a bare process opening the folder, select 1, HTTP', fl.n, secs(fl.median), secs(fl.max), '']);
  console.log('\nStart of the embedded server (spawn → first 200 on /api/health)\n');
  console.log(table(['', 'runs', 'median', 'max', 'target'], rows));
  if (!npmStart) console.log('\n(`npm start` not measured: the web build is older than web/ or src/, so it would run a vite build first.)');
  else console.log(`\nnpm overhead (restart medians, npm start − node scripts/start.mjs): ${ms(stats(restart['npm-start']).median - stats(restart['start-mjs']).median)}`);
  if (restart.npx?.length) console.log(`\nnpx overhead (restart medians, npx − node): ${ms(stats(restart.npx).median - stats(restart.node).median)}`);

  // Where the time goes: the server logs its own start-up phases (ms) at level info.
  console.log('\nPhases logged by the server (startupMs, ms):');
  for (const [what, d] of [
    ['empty folder', path.join(base, 'phases-empty')],
    ['existing folder', dir],
  ] as const) {
    const s = await startServer({ launcher: launchers[0], dataDir: d, env: { LOG_LEVEL: 'info' } });
    await s.stop();
    console.log(`  ${what}: ${s.output().match(/"startupMs":(\{[^}]*\})/)?.[1] ?? '(not logged)'}`);
  }
  fs.rmSync(base, { recursive: true, force: true });
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'first-runs': { type: 'string', default: '3' }, all: { type: 'boolean', default: false } } });
  const summary = await runStartBench({ runs: Number(values.runs), firstRuns: Number(values['first-runs']), all: values.all });
  writeSummary('start', summary);
  process.exit(0);
}
