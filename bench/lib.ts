// Shared helpers for the benches: start the server as a child process, wait for health,
// sign in, time requests, summarise. No timing assertions anywhere: benches print figures.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
export const OUT = path.join(ROOT, 'bench/out');
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = 'Kontakt-demo-2026';

/**
 * How the server process is started: `npm start` (scripts/start.mjs: the esbuild bundle dist/server.mjs),
 * `node scripts/start.mjs` (the same without npm), `npx tsx src/main.ts` (TypeScript on the fly) and
 * `node --import tsx src/main.ts` (the same without npx: one process, what the benches kill).
 */
export type Launcher = 'npm-start' | 'start-mjs' | 'npx' | 'node';

export const LAUNCHER_LABEL: Record<Launcher, string> = {
  'npm-start': 'npm start',
  'start-mjs': 'node scripts/start.mjs',
  npx: 'npx tsx src/main.ts',
  node: 'node --import tsx src/main.ts',
};

export function launcherArgs(l: Launcher): { cmd: string; args: string[] } {
  if (l === 'npx') return { cmd: 'npx', args: ['tsx', 'src/main.ts'] };
  if (l === 'npm-start') return { cmd: 'npm', args: ['start', '--silent'] };
  if (l === 'start-mjs') return { cmd: process.execPath, args: ['scripts/start.mjs'] };
  return { cmd: process.execPath, args: ['--import', 'tsx', 'src/main.ts'] };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  launcher?: Launcher;
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
  /** Every line the server writes also goes to this file (the fuzzer reads the whole log). */
  logFile?: string;
  /** Extra node flags before the script (launcher 'node' only), e.g. a bench preload. */
  nodeArgs?: string[];
  /** Another server than src/main.ts (launcher 'node' only; it must answer GET /api/health). */
  script?: string;
}

export interface Server {
  proc: ChildProcess;
  port: number;
  base: string;
  /** ms from spawn to the first 200 on /api/health. */
  startMs: number;
  output(): string;
  /** SIGKILL the whole process group (npx → node → tsx children included). */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/** Start the server (own process group, so a kill reaches the real node process) and wait for /api/health. */
export async function startServer(opts: ServerOptions, timeoutMs = 120_000): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const { cmd, args } = launcherArgs(opts.launcher ?? 'node');
  if ((opts.launcher ?? 'node') === 'node') {
    if (opts.script) args[args.length - 1] = opts.script;
    // Plain JavaScript needs no TypeScript loader (a floor must not pay for one).
    if (opts.script?.endsWith('.mjs')) args.splice(args.indexOf('--import'), 2);
    if (opts.nodeArgs) args.unshift(...opts.nodeArgs);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: '1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOGIN_ATTEMPTS_PER_IP: '100000',
    // The general API rate limit stays on (its cost is part of the app) but never refuses the bench's load.
    API_RATE_LIMIT_PER_SESSION: '100000000',
    API_RATE_LIMIT_PER_IP: '100000000',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  const t0 = performance.now();
  const proc = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    if (opts.logFile) fs.appendFileSync(opts.logFile, b);
    out += b.toString();
    if (out.length > 20_000) out = out.slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      out += `\n[server process exited: code ${code} signal ${signal}]`;
      resolve();
    }),
  );
  let dead = false;
  void exited.then(() => (dead = true));

  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  const server: Server = {
    proc,
    port,
    base: `http://127.0.0.1:${port}`,
    startMs: NaN,
    output: () => out,
    async kill9() {
      killGroup('SIGKILL');
      await exited;
    },
    async stop() {
      if (dead) return;
      killGroup('SIGTERM');
      const t = setTimeout(() => killGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
  while (true) {
    if (dead) throw new Error(`server exited before answering /api/health:\n${out.slice(-3000)}`);
    if (performance.now() - t0 > timeoutMs) {
      await server.kill9();
      throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${out.slice(-3000)}`);
    }
    try {
      const r = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await sleep(20);
  }
  server.startMs = performance.now() - t0;
  return server;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A signed-in HTTP client (one session cookie). */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async login(username: string, password = DEMO_PASSWORD): Promise<void> {
    const r = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${body.slice(0, 300)}`);
    const set = r.headers.getSetCookie().find((c) => c.startsWith('kontakt_session='));
    if (!set) throw new Error('login: no kontakt_session cookie');
    this.cookie = set.split(';')[0];
  }

  async request(method: string, url: string, body?: unknown, timeoutMs = 30_000): Promise<{ status: number; json: any }> {
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: r.status, json };
  }
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  median: number;
}

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN);
  return { n: s.length, p50: q(50), p95: q(95), p99: q(99), max: s[s.length - 1] ?? NaN, median: q(50) };
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms` : '–');
export const secs = (x: number) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : '–');

/** A plain text table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const all = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(all[0]), w.map((x) => '-'.repeat(x)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** Is the PostgreSQL of the benches reachable? */
export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Run statements on the admin database (CREATE/DROP DATABASE …). */
export async function pgAdmin<T = any>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function dbUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drop a database (closing other sessions on it first). */
export async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  await c.query(`drop database if exists "${name}"`);
}

/** The migrations the code would apply (cache key for generated data). */
export function migrationsKey(): string {
  const j = JSON.parse(fs.readFileSync(path.join(ROOT, 'migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return j.entries.map((e) => e.tag).join(',');
}

/** Run a tsx script in a child process, output passed through; resolves with the exit code. */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    p.on('exit', (code) => resolve(code ?? 1));
  });
}

/** A shuffled copy (Fisher–Yates) with the given random source. */
export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** For bench/run.ts: each bench writes its summary rows here as JSON. */
export function writeSummary(name: string, rows: SummaryRow[]): void {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `summary-${name}.json`), JSON.stringify(rows, null, 2));
}

export function readSummary(name: string): SummaryRow[] | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(OUT, `summary-${name}.json`), 'utf8')) as SummaryRow[];
  } catch {
    return null;
  }
}

export interface SummaryRow {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

/** True when the script is the entry point (so a bench runs alone or is imported by run.ts). */
export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(metaUrl).pathname);
}

/**
 * Whether a cache made under `found` serves for `key`. With `olderMigrations`, a cache made before the newest
 * migrations serves too (the same sizes and generator, its migrations a prefix of today's): whoever opens a copy
 * migrates it, as the server does at start — so adding a migration does not regenerate 150 000 cases.
 */
function keyServes(found: string | undefined, key: string, olderMigrations: boolean): boolean {
  if (!found) return false;
  if (found === key) return true;
  if (!olderMigrations) return false;
  try {
    const a = JSON.parse(found) as { migrations?: unknown };
    const b = JSON.parse(key) as { migrations?: unknown };
    if (typeof a.migrations !== 'string' || typeof b.migrations !== 'string' || !b.migrations.startsWith(a.migrations)) return false;
    return JSON.stringify({ ...a, migrations: '' }) === JSON.stringify({ ...b, migrations: '' });
  } catch {
    return false;
  }
}

/** The key a PGlite cache folder was made under, if any. */
function pgliteKey(dir: string): string | undefined {
  const marker = path.join(dir, '.bench-key');
  return fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : undefined;
}

/**
 * Generated data kept between runs: a PGlite folder under bench/out/cache/<label> made by scripts/generate.ts with
 * `args`, regenerated when `key` (migrations, sizes, seed …) changes. Benches copy it before they write to it.
 */
export async function generatedPglite(label: string, key: string, args: string[], o: { olderMigrations?: boolean } = {}): Promise<string> {
  const dir = path.join(OUT, 'cache', label);
  if (keyServes(pgliteKey(dir), key, o.olderMigrations ?? false)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`  generating into ${path.relative(process.cwd(), dir)} (cached for later runs) …`);
  const t = performance.now();
  if ((await runTsx('scripts/generate.ts', [...args, '--data-dir', dir])) !== 0) throw new Error('scripts/generate.ts failed');
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  fs.writeFileSync(path.join(dir, '.bench-key'), key);
  return dir;
}

async function pgKey(name: string): Promise<string | undefined> {
  return pgAdmin(async (c) => {
    const r = await c.query('select shobj_description(oid, $2) as d from pg_database where datname = $1', [name, 'pg_database']);
    return r.rows[0]?.d as string | undefined;
  });
}

/** The same as a PostgreSQL database kept as a template (its COMMENT holds `key`); benches create copies of it. */
export async function generatedPostgres(name: string, key: string, args: string[], o: { olderMigrations?: boolean } = {}): Promise<string> {
  if (keyServes(await pgKey(name), key, o.olderMigrations ?? false)) return name;
  await pgAdmin(async (c) => {
    await dropDatabase(c, name);
    await c.query(`create database "${name}"`);
  });
  console.log(`  generating into PostgreSQL database ${name} (kept as template for later runs) …`);
  const t = performance.now();
  if ((await runTsx('scripts/generate.ts', [...args, '--database-url', dbUrl(name)])) !== 0) throw new Error('scripts/generate.ts failed');
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await pgAdmin(async (c) => c.query(`comment on database "${name}" is '${key.replace(/'/g, "''")}'`));
  return name;
}

/**
 * A layer on a cached set: a copy of the PGlite folder `base` with scripts/generate.ts `args` run on it (which
 * migrates it first), kept under bench/out/cache/<label>. Its key is the base's key and the layer's, so it is made
 * again only when the base is; later migrations are applied by whoever opens a copy.
 */
export async function layeredPglite(base: string, label: string, layerKey: string, args: string[]): Promise<string> {
  const dir = path.join(OUT, 'cache', label);
  const key = JSON.stringify({ base: pgliteKey(base), layer: layerKey });
  if (pgliteKey(dir) === key) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(base, dir, { recursive: true });
  fs.rmSync(path.join(dir, '.bench-key'), { force: true });
  console.log(`  generating a layer into ${path.relative(process.cwd(), dir)} (cached for later runs) …`);
  const t = performance.now();
  if ((await runTsx('scripts/generate.ts', [...args, '--data-dir', dir])) !== 0) throw new Error('scripts/generate.ts failed');
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  fs.writeFileSync(path.join(dir, '.bench-key'), key);
  return dir;
}

/** The same on PostgreSQL: a template database made from the template `base`, then the layer generated into it. */
export async function layeredPostgres(base: string, name: string, layerKey: string, args: string[]): Promise<string> {
  const key = JSON.stringify({ base: await pgKey(base), layer: layerKey });
  if ((await pgKey(name)) === key) return name;
  await pgAdmin(async (c) => {
    await dropDatabase(c, name);
    await c.query(`create database "${name}" template "${base}"`);
  });
  console.log(`  generating a layer into PostgreSQL database ${name} (kept as template for later runs) …`);
  const t = performance.now();
  if ((await runTsx('scripts/generate.ts', [...args, '--database-url', dbUrl(name)])) !== 0) throw new Error('scripts/generate.ts failed');
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await pgAdmin(async (c) => c.query(`comment on database "${name}" is '${key.replace(/'/g, "''")}'`));
  return name;
}
