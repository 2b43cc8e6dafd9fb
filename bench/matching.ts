// Matching (issue 11). Three figures, printed; no timing assertions:
//  1. Ranking one order against 20 000 contact persons, the pure function (rankCandidates): p50/p95. Target p95 < 20 ms.
//  2. The same through HTTP (GET /api/orders/:id/candidates) on a generated database (scripts/generate.ts with
//     --contact-persons 20000 and confirmed orders), on PGlite and (when reachable) PostgreSQL.
//  3. The whole waiting list, 2 000 open orders × 10 000 free contact persons (proposeAssignment): time and the
//     objective; HiGHS (an independent LP solver) on the same LP — on a smaller instance, since the full LP has
//     20 million variables (said in the output).
//   npx tsx bench/matching.ts [--engine pglite|postgres|both|none] [--runs 200] [--requests 100] [--seed 1] [--part all|ranking|proposal]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import highsLoader from 'highs';
import { prng } from '../src/people/fictitious';
import { DEFAULT_CHECK_RULES } from '../src/contact-persons/rules';
import { DEFAULT_INTERESTS } from '../src/contact-persons/defaults';
import { assignFlow, benefitMatrix, DEFAULT_WEIGHTS, prepareCandidates, proposeAssignment, rankCandidates, type CandidatePool, type CandidateProfile, type MatchConfig, type OrderProfile, type ProposalOrder } from '../src/matching/rules';
import { Client, dbUrl, dropDatabase, generatedPglite, generatedPostgres, isMain, migrationsKey, ms, OUT, pgAdmin, pgReachable, secs, startServer, stats, table, writeSummary, type SummaryRow } from './lib';

const cfg: MatchConfig = {
  weights: DEFAULT_WEIGHTS,
  checkRules: DEFAULT_CHECK_RULES,
  checkScope: 'children',
  interestLabels: Object.fromEntries(DEFAULT_INTERESTS.map((i) => [i.code, i.label])),
};
const TODAY = '2026-06-16';
const INTERESTS = DEFAULT_INTERESTS.map((i) => i.code);
const WISH_WORDS = ['fika', 'musik', 'fotboll', 'natur', 'djur', 'spel', 'bakning', 'teater', 'promenader', 'idrott'];
const LANGS = ['svenska', 'arabiska', 'finska', 'engelska', 'persiska', 'somaliska', 'tigrinja'];
const SLOTS = ['weekday_day', 'weekday_evening', 'weekend'];

function some<T>(rand: () => number, xs: readonly T[], p: number): T[] {
  return xs.filter(() => rand() < p);
}

/** Contact persons shaped like the generator's: interests, languages, areas, times, capacity 1–3, checks of varying age. */
function contactPersons(n: number, seed: number): CandidateProfile[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const year = 1950 + Math.floor(rand() * 55);
    const serial = String(Math.floor(rand() * 1000)).padStart(3, '0');
    const capacity = 1 + Math.floor(rand() * 3);
    const extract = `2026-0${1 + Math.floor(rand() * 5)}-1${Math.floor(rand() * 9)}`;
    return {
      id: `cp-${i}`,
      firstName: 'Kim',
      lastName: `Kontakt${i}`,
      identityNumber: `${year}0${1 + Math.floor(rand() * 9)}1${Math.floor(rand() * 9)}${serial}${Math.floor(rand() * 10)}`,
      postalCode: `1${Math.floor(rand() * 9)}${Math.floor(rand() * 10)}${Math.floor(rand() * 10)}${Math.floor(rand() * 10)}`,
      interests: some(rand, INTERESTS, 0.3),
      languages: ['svenska', ...some(rand, LANGS.slice(1), 0.12)],
      availability: some(rand, SLOTS, 0.5),
      ageGroups: some(rand, ['child', 'youth', 'adult', 'senior'], 0.4),
      capacity,
      currentLoad: Math.floor(rand() * capacity),
      paused: false,
      check: rand() < 0.9 ? { extractDate: extract, shownDate: extract, registers: rand() < 0.7 ? ['belastningsregistret', 'misstankeregistret'] : ['belastningsregistret'] } : null,
    };
  });
}

function orders(n: number, seed: number): ProposalOrder[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const child = rand() < 0.4;
    const decided = `2026-0${1 + Math.floor(rand() * 5)}-1${Math.floor(rand() * 9)}`;
    const profile: OrderProfile = {
      orderId: `o-${i}`,
      route: rand() < 0.6 ? 'LSS' : 'SOL',
      startDate: TODAY,
      birth: { birthDate: child ? `201${Math.floor(rand() * 9)}-05-05` : `19${60 + Math.floor(rand() * 40)}-05-05`, birthDatePartial: null },
      postalCode: `1${Math.floor(rand() * 9)}${Math.floor(rand() * 10)}45`,
      wishedGender: rand() < 0.3 ? (rand() < 0.5 ? 'woman' : 'man') : null,
      wishedGenderRequired: rand() < 0.1,
      wishedAgeMin: rand() < 0.4 ? 25 : null,
      wishedAgeMax: rand() < 0.4 ? 55 : null,
      interests: some(rand, WISH_WORDS, 0.25),
      languages: rand() < 0.2 ? [LANGS[1 + Math.floor(rand() * 6)]] : [],
      availability: some(rand, SLOTS, 0.4) as OrderProfile['availability'],
      household: rand() < 0.2 ? [{ name: 'Anna Hushåll', identityNumber: '198001011244' }] : [],
      representatives: [],
      previousContactPersonIds: [],
      closedOffers: [],
      openOfferContactPersonIds: [],
    };
    const waitedDays = Math.floor((Date.parse(TODAY) - Date.parse(decided)) / 86_400_000);
    return { profile, need: rand() < 0.1 ? 2 : 1, priority: Math.round(30 * Math.min(waitedDays, 180) / 180 + 40 * Math.max(0, Math.min(1, (waitedDays) / 90))) };
  });
}

function pureRanking(runs: number, seed: number) {
  const cps = contactPersons(20_000, seed);
  const list = orders(runs + 20, seed + 1);
  // The register prepared once (what the server keeps between requests while the register is unchanged).
  const p0 = performance.now();
  const pool = prepareCandidates(cps, cfg);
  const prepareMs = performance.now() - p0;
  const measure = (of: readonly CandidateProfile[] | CandidatePool, from: number, to: number) => {
    for (let i = 0; i < 20; i++) rankCandidates(list[i].profile, of, cfg);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = from; i < to; i++) {
      const t = performance.now();
      const c0 = process.cpuUsage();
      rankCandidates(list[i].profile, of, cfg);
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - t);
      cpu.push((c1.user + c1.system) / 1000);
    }
    return { ...stats(times), cpu: stats(cpu) };
  };
  return { prepareMs, prepared: measure(pool, 20, list.length), unprepared: measure(cps, 20, Math.min(list.length, 70)) };
}

function proposal(nOrders: number, nCps: number, seed: number) {
  const input = { orders: orders(nOrders, seed + 2), candidates: contactPersons(nCps, seed + 3).map((c) => ({ ...c, currentLoad: Math.min(c.currentLoad, c.capacity - 1) })), cfg };
  const t = performance.now();
  const c0 = process.cpuUsage();
  const p = proposeAssignment(input);
  const c1 = process.cpuUsage(c0);
  // Its two parts: scoring every pair (benefitMatrix) and the exact assignment (assignFlow).
  const c2 = process.cpuUsage();
  const mx = benefitMatrix(input);
  const c3 = process.cpuUsage(c2);
  assignFlow(mx);
  const c4 = process.cpuUsage(c2);
  const parts = { scoreCpu: (c3.user + c3.system) / 1000, flowCpu: (c4.user + c4.system - c3.user - c3.system) / 1000 };
  return { cpuMillis: (c1.user + c1.system) / 1000, millis: performance.now() - t, objective: p.objective, pairs: p.pairs.length, unmatched: p.unmatched.length, input, parts };
}

async function highsObjective(input: Parameters<typeof benefitMatrix>[0]): Promise<{ objective: number; millis: number; vars: number }> {
  const highs = await highsLoader();
  const mx = benefitMatrix(input);
  const terms: string[] = [];
  const rows: string[][] = Array.from({ length: mx.rows }, () => []);
  const cols: string[][] = Array.from({ length: mx.cols }, () => []);
  for (let i = 0; i < mx.rows; i++)
    for (let j = 0; j < mx.cols; j++) {
      const b = mx.benefit[i * mx.cols + j];
      if (b < 0) continue;
      const x = `x${i}_${j}`;
      terms.push(`${b} ${x}`);
      rows[i].push(x);
      cols[j].push(x);
    }
  const cons = [...rows.map((xs, i) => (xs.length ? ` o${i}: ${xs.join(' + ')} <= ${mx.need[i]}` : '')), ...cols.map((xs, j) => (xs.length ? ` c${j}: ${xs.join(' + ')} <= ${mx.free[j]}` : ''))].filter(Boolean);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${cons.join('\n')}\nBounds\n${terms.map((t) => ` 0 <= ${t.split(' ')[1]} <= 1`).join('\n')}\nEnd\n`;
  const t = performance.now();
  const sol = highs.solve(lp);
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS: ${sol.Status}`);
  return { objective: Math.round(sol.ObjectiveValue), millis: performance.now() - t, vars: terms.length };
}

// ---- HTTP -------------------------------------------------------------------------------------------------------

const GEN = (seed: number) => ['--persons', '6000', '--cases', '6000', '--contact-persons', '20000', '--seed', String(seed), '--quiet'];
const key = (seed: number) => JSON.stringify({ migrations: migrationsKey(), bench: 'matching', seed, generator: 2 });

async function http(engine: 'pglite' | 'postgres', seed: number, requests: number) {
  // A copy of the generated data (the reads write audit rows), like bench/register.ts.
  let target: { dataDir?: string; databaseUrl?: string };
  let cleanup: () => Promise<unknown>;
  if (engine === 'pglite') {
    const dir = await generatedPglite(`pglite-matching-seed-${seed}`, key(seed), GEN(seed));
    const work = path.join(OUT, 'matching-pglite-work');
    fs.rmSync(work, { recursive: true, force: true });
    fs.cpSync(dir, work, { recursive: true });
    target = { dataDir: work };
    cleanup = async () => fs.rmSync(work, { recursive: true, force: true });
  } else {
    const tpl = await generatedPostgres(`kontakt_bench_matching_${seed}`, key(seed), GEN(seed));
    const name = 'kontakt_bench_matching';
    await pgAdmin(async (c) => {
      await dropDatabase(c, name);
      await c.query(`create database "${name}" template "${tpl}"`);
    });
    target = { databaseUrl: dbUrl(name) };
    cleanup = () => pgAdmin((c) => dropDatabase(c, name));
  }
  const server = await startServer(target);
  try {
    const c = new Client(server.base);
    await c.login('kontaktsekreterare');
    const wl = await c.request('GET', '/api/matching/waiting-list', undefined, 120_000);
    if (wl.status !== 200) throw new Error(`waiting list: ${wl.status} ${JSON.stringify(wl.json).slice(0, 200)}`);
    const ids: string[] = wl.json.items.map((i: { orderId: string }) => i.orderId);
    if (ids.length === 0) throw new Error('no waiting orders in the generated data for the kontaktsekreterare');
    const times: number[] = [];
    let considered = 0;
    // The first request prepares the register (as the first after any change to it does); the rest reuse it.
    let firstMs = 0;
    for (let i = 0; i < requests + 10; i++) {
      const t = performance.now();
      const r = await c.request('GET', `/api/orders/${ids[i % ids.length]}/candidates`);
      const took = performance.now() - t;
      if (r.status !== 200) throw new Error(`candidates: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      considered = r.json.considered;
      if (i === 0) firstMs = took;
      if (i >= 10) times.push(took);
    }
    const t = performance.now();
    const p = await c.request('POST', '/api/matching/proposal', undefined, 300_000);
    const proposalMs = performance.now() - t;
    return { s: stats(times), firstMs, considered, orders: ids.length, proposal: { ms: proposalMs, pairs: p.json.pairs?.length, orders: p.json.orders, candidates: p.json.candidates, solverMs: p.json.millis } };
  } finally {
    await server.stop();
    await cleanup();
  }
}

async function main() {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, runs: { type: 'string', default: '200' }, requests: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, part: { type: 'string', default: 'all' } } });
  const seed = Number(values.seed);
  const summary: SummaryRow[] = [];

  if (values.part !== 'proposal') {
  console.log('1. Ranking one order against 20 000 contact persons (pure rankCandidates)');
  const r = pureRanking(Number(values.runs), seed);
  const line = (x: typeof r.prepared) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)} (${x.n} orders); CPU time per ranking p50 ${ms(x.cpu.p50)}, p95 ${ms(x.cpu.p95)}`;
  console.log(`   on the prepared register: ${line(r.prepared)}`);
  console.log(`   preparing the register (once per change to it): ${ms(r.prepareMs)}`);
  console.log(`   unprepared (prepared anew for each order): ${line(r.unprepared)}`);
  console.log(`   (load average ${os.loadavg()[0].toFixed(1)})`);
  summary.push({ measure: 'matching: rank 1 order × 20 000 (prepared register) p95', value: ms(r.prepared.p95), target: '< 20 ms', ok: r.prepared.p95 < 20 });
  }
  if (values.part === 'ranking') return;

  console.log('\n3. Whole waiting list: 2 000 orders × 10 000 free contact persons (proposeAssignment)');
  const big = proposal(2000, 10_000, seed);
  console.log(`   ${secs(big.millis)} (CPU ${secs(big.cpuMillis)}): ${big.pairs} pairs, ${big.unmatched} orders left, objective ${big.objective}`);
  console.log(`   parts, run again: scoring every pair CPU ${secs(big.parts.scoreCpu)}, assignFlow (sparse + proof) CPU ${secs(big.parts.flowCpu)}`);
  summary.push({ measure: 'matching: proposal 2 000 × 10 000', value: secs(big.millis), target: '< 2 s', ok: big.millis < 2000 });
  const rows: (string | number)[][] = [];
  for (const [o, c] of [
    [60, 200],
    [200, 1000],
  ] as const) {
    const small = proposal(o, c, seed + o);
    const h = await highsObjective(small.input);
    rows.push([`${o} × ${c}`, h.vars, small.objective, h.objective, small.objective === h.objective ? 'equal' : 'DIFFERENT', ms(small.millis), ms(h.millis)]);
  }
  console.log('   Objective against HiGHS (the full 2 000 × 10 000 LP has ~20 million variables: too large for HiGHS in WASM, so smaller instances):');
  console.log(table(['instance', 'LP variables', 'ours', 'HiGHS', '', 'ours time', 'HiGHS time'], rows));
  summary.push({ measure: 'matching: objective = HiGHS (smaller instances)', value: rows.every((x) => x[4] === 'equal') ? 'equal' : 'DIFFERENT', target: 'equal', ok: rows.every((x) => x[4] === 'equal') });

  const engines = values.engine === 'both' ? ['pglite', 'postgres'] : values.engine === 'none' ? [] : [values.engine];
  for (const engine of engines as ('pglite' | 'postgres')[]) {
    if (engine === 'postgres' && !(await pgReachable())) {
      console.log('\nPostgreSQL is not reachable: skipped.');
      continue;
    }
    console.log(`\n2. GET /api/orders/:id/candidates on ${engine} (20 000 generated contact persons)`);
    const x = await http(engine, seed, Number(values.requests));
    console.log(`   p50 ${ms(x.s.p50)}, p95 ${ms(x.s.p95)}, max ${ms(x.s.max)} (${x.s.n} requests over ${x.orders} waiting orders; ${x.considered} contact persons with a free place considered)`);
    console.log(`   the first request, which prepares the register (so does the first after a change to it): ${ms(x.firstMs)}`);
    console.log(`   POST /api/matching/proposal: ${secs(x.proposal.ms)} (${x.proposal.orders} orders × ${x.proposal.candidates} contact persons, solver ${ms(x.proposal.solverMs)}, ${x.proposal.pairs} pairs)`);
    summary.push({ measure: `matching: candidates HTTP (${engine}) p95`, value: ms(x.s.p95), target: '< 20 ms', ok: x.s.p95 < 20 });
  }
  writeSummary('matching', summary);
}

if (isMain(import.meta.url)) await main();
