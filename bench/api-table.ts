// One table for the main pages' APIs (issue 14 item 2): requests/s and p50/p95/p97.5/p99 at 1 and 100 connections
// (autocannon, loopback) against the real server, on PGlite and PostgreSQL, each beside its FLOOR measured in the
// same run: bench/floor-server.ts replaying exactly the statements the app sent for one request of that endpoint
// (captured by bench/sql-trace.mjs in a first server run: session lookup, the queries, the audit INSERT, in their
// transaction) and nothing else. The ratio app ÷ floor is the figure that counts (target: ≥ 80 % of the floor's
// throughput, p97.5 ≤ 1.25 × the floor's).
// Data: the case lists' generated municipality (scripts/generate.ts: 100 000 persons, 150 000 cases, and the demo's
// contact persons, assignments and reports on top), cached as bench/case-lists.ts caches it.
//   npx tsx bench/api-table.ts [--quick] [--engine pglite|postgres|both] [--duration 10] [--persons 100000] [--cases 150000]
// --quick: 3 000 persons / 4 500 cases, 100 connections only, 3 s each (a regression check by ratio, < 2 min per engine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pgliteCache, postgresTemplate } from './case-lists';
import { Client, dbUrl, dropDatabase, isMain, OUT, pgAdmin, pgReachable, startServer, table, writeSummary, type SummaryRow } from './lib';
import type { Statement } from './floor-server';

type Engine = 'pglite' | 'postgres';

interface Endpoint {
  name: string;
  user: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** The session of `user` (signed in during the capture; sessions live in the database). */
  cookie?: string;
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p975: number;
  p99: number;
  errors: number;
}

/** The endpoints, with ids and search words taken from the data through the API itself. */
async function endpoints(base: string): Promise<{ list: Endpoint[]; skipped: string[] }> {
  const skipped: string[] = [];
  const hl = new Client(base);
  await hl.login('handlaggare.lss');
  const ks = new Client(base);
  await ks.login('kontaktsekreterare');
  const mine = (await hl.request('GET', '/api/cases?scope=mine')).json as { items: { id: string; person: { name: string } }[] };
  const someone = mine.items.find((c) => c.person.name.split(' ').length > 1) ?? mine.items[0];
  const lastName = someone.person.name.split(' ').slice(-1)[0];
  const waiting = (await ks.request('GET', '/api/matching/waiting-list')).json as { items: { orderId: string }[] };
  const today = new Date().toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const lastQuarter = q === 0 ? `${Number(today.slice(0, 4)) - 1}-Q4` : `${today.slice(0, 4)}-Q${q}`;
  const list: Endpoint[] = [
    { name: 'person search', user: 'handlaggare.lss', method: 'POST', url: '/api/persons/search', body: { query: lastName.slice(0, 3) } },
    { name: 'case list (mine)', user: 'handlaggare.lss', method: 'GET', url: '/api/cases?scope=mine' },
    { name: 'case list (unit)', user: 'enhetschef', method: 'GET', url: '/api/cases?scope=unit' },
    { name: 'case page', user: 'handlaggare.lss', method: 'GET', url: `/api/cases/${someone.id}` },
    { name: 'waiting list', user: 'kontaktsekreterare', method: 'GET', url: '/api/matching/waiting-list' },
    { name: 'payroll month', user: 'lon', method: 'GET', url: `/api/payroll/months/${month}` },
    { name: 'IVO quarter', user: 'enhetschef', method: 'GET', url: `/api/ivo/quarters/${lastQuarter}` },
    { name: 'dashboard', user: 'enhetschef', method: 'GET', url: '/api/oversight/dashboard' },
    { name: 'portal start', user: 'kontaktperson', method: 'GET', url: '/api/portal/start' },
  ];
  if (waiting.items[0]) list.splice(5, 0, { name: 'matching candidates', user: 'kontaktsekreterare', method: 'GET', url: `/api/orders/${waiting.items[0].orderId}/candidates` });
  else skipped.push('matching candidates (no order waits)');
  return { list, skipped };
}

/** Each endpoint's statements, from a traced server: three requests each, the shortest trace kept (no stray timer). */
async function capture(target: { dataDir?: string; databaseUrl?: string }, dir: string): Promise<{ list: Endpoint[]; skipped: string[]; statements: Record<string, Statement[]> }> {
  const trace = path.join(dir, 'trace.jsonl');
  fs.writeFileSync(trace, '');
  const server = await startServer({ launcher: 'node', ...target, nodeArgs: ['--import', './bench/sql-trace.mjs'], env: { BENCH_SQL_TRACE: trace } });
  const statements: Record<string, Statement[]> = {};
  try {
    const { list, skipped } = await endpoints(server.base);
    const clients = new Map<string, Client>();
    for (const e of list) {
      let c = clients.get(e.user);
      if (!c) {
        c = new Client(server.base);
        await c.login(e.user);
        clients.set(e.user, c);
      }
      let best: Statement[] | null = null;
      for (let i = 0; i < 3; i++) {
        const from = fs.statSync(trace).size;
        const r = await c.request(e.method, e.url, e.body);
        if (r.status >= 300) throw new Error(`${e.name}: ${e.method} ${e.url} → ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
        await new Promise((res) => setTimeout(res, 30));
        const lines = fs.readFileSync(trace).subarray(from).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Statement);
        if (!best || lines.length < best.length) best = lines;
      }
      statements[e.name] = best!;
    }
    // Cookies for the measuring run: the sessions live in the database and outlast this server.
    return { list: list.map((e) => ({ ...e, cookie: clients.get(e.user)!.cookie })), skipped, statements };
  } finally {
    await server.stop();
  }
}

/**
 * Wait until the server has worked off what the last measurement left in flight (autocannon stops sending, but the
 * server still answers every request it accepted — on PGlite, one after another): its health check goes through the
 * database, so it answers only when the queue is empty. Without this a slow endpoint's backlog is charged to the next.
 */
async function drain(base: string): Promise<void> {
  const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(600_000) });
  await r.arrayBuffer();
}

async function load(url: string, e: Endpoint, connections: number, seconds: number): Promise<Figures> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    method: e.method,
    connections,
    duration: seconds,
    headers: { ...(e.cookie ? { cookie: e.cookie } : {}), ...(e.body ? { 'content-type': 'application/json' } : {}) },
    body: e.body ? JSON.stringify(e.body) : undefined,
  }) as unknown as Promise<autocannon.Result> & { on(ev: 'response', fn: (c: unknown, status: number, b: number, rt: number) => void): void };
  instance.on('response', (_c, status, _b, rt) => {
    if (status < 300) times.push(rt);
  });
  const r = await instance;
  times.sort((a, b) => a - b);
  const q = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : Number.NaN);
  return { rps: times.length / seconds, p50: q(50), p95: q(95), p975: q(97.5), p99: q(99), errors: r.non2xx + r.errors + r.timeouts };
}

interface Row {
  engine: Engine;
  endpoint: string;
  connections: number;
  statements: number;
  app: Figures;
  floor: Figures;
}

export async function runApiTable(o: { engines: Engine[]; persons: number; cases: number; seconds: number; connections: number[] }): Promise<SummaryRow[]> {
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const engine of o.engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      notes.push('PostgreSQL: skipped (not reachable)');
      continue;
    }
    const dir = path.join(OUT, `api-table-${engine}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    let target: { dataDir?: string; databaseUrl?: string };
    const name = 'kontakt_bench_api_table';
    if (engine === 'pglite') {
      const cache = await pgliteCache(o.persons, o.cases, 1);
      fs.cpSync(cache, path.join(dir, 'data'), { recursive: true });
      target = { dataDir: path.join(dir, 'data') };
    } else {
      const tpl = await postgresTemplate(o.persons, o.cases, 1);
      await pgAdmin(async (c) => {
        await dropDatabase(c, name);
        await c.query(`create database "${name}" template "${tpl}"`);
      });
      target = { databaseUrl: dbUrl(name) };
    }
    console.log(`  ${engine}: capturing each endpoint's statements …`);
    const { list, skipped, statements } = await capture(target, dir);
    notes.push(...skipped.map((s) => `${engine}: ${s}`));
    const file = path.join(dir, 'statements.json');
    fs.writeFileSync(file, JSON.stringify(statements));
    const app: Map<string, Figures> = new Map();
    const server = await startServer({ launcher: 'node', ...target });
    try {
      for (const e of list) for (const c of o.connections) {
        console.log(`  ${engine}: app, ${e.name}, ${c} connection(s) …`);
        app.set(`${e.name}/${c}`, await load(server.base + e.url, e, c, o.seconds));
        await drain(server.base);
      }
    } finally {
      await server.stop();
    }
    const floor = await startServer({ launcher: 'node', script: 'bench/floor-server.ts', ...target, env: { FLOOR_STATEMENTS: file } });
    try {
      for (const e of list) for (const c of o.connections) {
        console.log(`  ${engine}: floor, ${e.name}, ${c} connection(s) …`);
        const f = await load(`${floor.base}/floor/${encodeURIComponent(e.name)}`, { ...e, method: 'GET', body: undefined }, c, o.seconds);
        await drain(floor.base);
        rows.push({ engine, endpoint: e.name, connections: c, statements: statements[e.name].length, app: app.get(`${e.name}/${c}`)!, floor: f });
      }
    } finally {
      await floor.stop();
    }
    if (engine === 'postgres') await pgAdmin((c) => dropDatabase(c, name));
  }

  const f = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : String(Math.round(x))) : '–');
  console.log(`\nMain APIs beside their floors (${o.persons} persons, ${o.cases} cases; ${o.seconds} s each; latency in ms)\n`);
  console.log(
    table(
      ['engine', 'endpoint', 'conn', 'stmts', 'app req/s', 'app p50', 'p95', 'p97.5', 'p99', 'floor req/s', 'floor p97.5', 'req/s ÷ floor', 'p97.5 ÷ floor', ''],
      rows.map((r) => {
        const tput = r.app.rps / r.floor.rps;
        const lat = r.app.p975 / r.floor.p975;
        return [r.engine, r.endpoint, r.connections, r.statements, f(r.app.rps), f(r.app.p50), f(r.app.p95), f(r.app.p975), f(r.app.p99), f(r.floor.rps), f(r.floor.p975), `${(tput * 100).toFixed(0)} %`, `${lat.toFixed(2)}×`, tput >= 0.8 && lat <= 1.25 ? 'ok' : 'MISSED'];
      }),
    ),
  );
  for (const n of notes) console.log(`  ${n}`);
  const errors = rows.filter((r) => r.app.errors || r.floor.errors);
  for (const r of errors) console.log(`  ${r.engine} ${r.endpoint} × ${r.connections}: ${r.app.errors} app errors, ${r.floor.errors} floor errors`);
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  fs.writeFileSync(path.join(OUT, 'api-table.json'), JSON.stringify({ at: new Date().toISOString(), persons: o.persons, cases: o.cases, seconds: o.seconds, load: os.loadavg(), rows }, null, 2));
  return rows.map((r) => ({
    measure: `${r.engine} ${r.endpoint} × ${r.connections}: req/s, p97.5 (floor)`,
    value: `${f(r.app.rps)}/s, ${f(r.app.p975)} ms (${f(r.floor.rps)}/s, ${f(r.floor.p975)} ms): ${((r.app.rps / r.floor.rps) * 100).toFixed(0)} %, ${(r.app.p975 / r.floor.p975).toFixed(2)}×`,
    target: '≥ 80 %, ≤ 1.25×',
    ok: r.app.rps / r.floor.rps >= 0.8 && r.app.p975 / r.floor.p975 <= 1.25,
  }));
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'both' },
      duration: { type: 'string' },
      persons: { type: 'string' },
      cases: { type: 'string' },
    },
  });
  const quick = values.quick;
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  const summary = await runApiTable({
    engines,
    persons: Number(values.persons ?? (quick ? 3000 : 100_000)),
    cases: Number(values.cases ?? (quick ? 4500 : 150_000)),
    seconds: Number(values.duration ?? (quick ? 3 : 10)),
    connections: quick ? [100] : [1, 100],
  });
  writeSummary('api-table', summary);
  process.exit(0);
}
