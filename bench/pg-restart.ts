// PostgreSQL restarted under load (issue 14 item 3). The machine's own PostgreSQL is shared, so this starts a private
// instance of its own (initdb into a temporary folder, port 5499, socket in /tmp), runs the server against it under a
// write and read load, and then, in rounds: stops PostgreSQL (fast shutdown: every connection is cut) for a few
// seconds, starts it again; and restarts it in one go (pg_ctl restart, immediate mode: a crash of PostgreSQL). It
// checks that
//   - while PostgreSQL is down every request is answered (no 500, no dropped connection) with 503 and the stable
//     code DATABASE_UNAVAILABLE and a Swedish message, and /api/health says the same,
//   - the server process stays up and reconnects by itself (no restart of Kontakt), and answers 2xx again,
//   - every write acknowledged before, during and after the restarts is in the database.
// Skipped, with a message, when PostgreSQL's initdb/pg_ctl are not installed.
//   npx tsx bench/pg-restart.ts [--rounds 3] [--down 3] [--clients 4] [--port 5499]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fictitiousPerson, prng } from '../src/people/fictitious';
import { Client, isMain, sleep, startServer, table, writeSummary, type SummaryRow } from './lib';

/** The PostgreSQL binaries: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else null. */
function findPgBin(): string | null {
  const candidates = [process.env.PG_BIN, ...(() => {
    try {
      return fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`);
    } catch {
      return [];
    }
  })()].filter((x): x is string => !!x);
  return candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl'))) ?? null;
}

/**
 * Run one of PostgreSQL's tools, without blocking the event loop (the load goes on while pg_ctl waits). initdb
 * refuses root: as root, the tools run as the postgres user (runuser).
 */
async function pgTool(bin: string, tool: string, args: string[]): Promise<string> {
  const exe = path.join(bin, tool);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await promisify(execFile)(asRoot ? 'runuser' : exe, asRoot ? ['-u', 'postgres', '--', exe, ...args] : args, { encoding: 'utf8' });
  return stdout;
}

type Phase = 'up' | 'down' | 'recovering' | 'after';
interface Tally {
  ok: number;
  unavailable: number;
  /** Anything else: a 500, another status, a 503 with another code or a non-Swedish message, a dropped connection. */
  bad: Map<string, number>;
}

export async function runPgRestart(opts: { rounds?: number; downSeconds?: number; clients?: number; port?: number; serverPort?: number } = {}): Promise<SummaryRow[]> {
  const rounds = opts.rounds ?? 3;
  const downMs = (opts.downSeconds ?? 3) * 1000;
  const clients = opts.clients ?? 4;
  const pgPort = opts.port ?? 5499;
  const bin = findPgBin();
  if (!bin) {
    console.log('  PostgreSQL binaries (initdb, pg_ctl) not found (set PG_BIN): skipped');
    return [{ measure: 'PostgreSQL restart under load', value: 'skipped (no initdb)', target: '', ok: null }];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-pg-restart-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  fs.chmodSync(dir, 0o755);
  const log = path.join(dir, 'postgres.log');
  const pgOpts = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const pgStart = () => pgTool(bin, 'pg_ctl', ['-D', data, '-o', pgOpts, '-l', log, '-w', '-t', '60', 'start']);
  const pgStop = (mode: 'fast' | 'immediate') => pgTool(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  const pgRestart = (mode: 'fast' | 'immediate') => pgTool(bin, 'pg_ctl', ['-D', data, '-m', mode, '-o', pgOpts, '-l', log, '-w', '-t', '60', 'restart']);
  console.log(`  private PostgreSQL (${bin}) in ${data}, port ${pgPort}`);
  await pgTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  await pgStart();
  const url = `postgres://postgres@127.0.0.1:${pgPort}/kontakt`;
  {
    const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
    await c.connect();
    await c.query('create database kontakt');
    await c.end();
  }

  const summary: SummaryRow[] = [];
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    const t = tallies.get(key) ?? { ok: 0, unavailable: 0, bad: new Map<string, number>() };
    tallies.set(key, t);
    return t;
  };
  const acked: string[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let serverRestarted = false;
  try {
    server = await startServer({ launcher: 'node', port: opts.serverPort ?? 3460, databaseUrl: url }, 90_000);
    const sessions = await Promise.all(
      Array.from({ length: clients }, async () => {
        const c = new Client(server!.base);
        await c.login('handlaggare.lss');
        return c;
      }),
    );
    let phase: Phase = 'up';
    let label = 'before';
    let stop = false;
    const rand = prng(77);
    let seq = 0;
    const record = (r: { status: number; json: any } | Error) => {
      const t = tally(`${label}: ${phase}`);
      if (r instanceof Error) {
        const k = `connection error (${(r as { cause?: { code?: string } }).cause?.code ?? r.name})`;
        t.bad.set(k, (t.bad.get(k) ?? 0) + 1);
        return false;
      }
      if (r.status >= 200 && r.status < 300) {
        t.ok++;
        return true;
      }
      if (r.status === 503 && r.json?.code === 'DATABASE_UNAVAILABLE' && /^Databasen svarar inte/.test(r.json?.message ?? '')) t.unavailable++;
      else {
        const k = `${r.status} ${r.json?.code ?? JSON.stringify(r.json).slice(0, 80)}`;
        t.bad.set(k, (t.bad.get(k) ?? 0) + 1);
      }
      return false;
    };
    const worker = async (c: Client, k: number) => {
      while (!stop) {
        try {
          if (k % 2 === 0) {
            const f = fictitiousPerson(50 * 29200 + seq++, rand);
            const body = { identityNumber: f.identityNumber, isReserveNumber: false, firstName: f.firstName, lastName: f.lastName, protectedIdentity: false, streetAddress: f.streetAddress, postalCode: f.postalCode, city: f.city, phone: f.phone, email: null };
            const r = await c.request('POST', '/api/persons', body, 15_000);
            if (record(r)) acked.push(r.json.id);
          } else {
            const r = await c.request('GET', k % 4 === 1 ? '/api/cases?scope=mine' : '/api/health', undefined, 15_000);
            record(r);
          }
        } catch (e) {
          record(e as Error);
          await sleep(50);
        }
        await sleep(10);
      }
    };
    // A new sign-in while the database is down: the session cannot be made, answered 503 as well.
    const loginProbe = async () => {
      const r = await fetch(`${server!.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'enhetschef', password: 'Kontakt-demo-2026' }) }).then(
        async (x) => ({ status: x.status, json: await x.json().catch(() => null) }),
        (e: Error) => e,
      );
      record(r);
    };
    const workers = sessions.map((c, k) => worker(c, k));
    const waitForRecovery = async () => {
      phase = 'recovering';
      const t0 = performance.now();
      while (performance.now() - t0 < 60_000) {
        const r = await fetch(`${server!.base}/api/health`).then((x) => x.status, () => 0);
        if (r === 200) break;
        await sleep(100);
      }
      const ms = performance.now() - t0;
      phase = 'after';
      return ms;
    };
    const recoveries: string[] = [];

    await sleep(2000);
    for (let round = 1; round <= rounds; round++) {
      const mode = round % 2 === 1 ? 'fast' : 'immediate';
      label = `round ${round}: stop (${mode}) ${downMs / 1000} s, start`;
      phase = 'up';
      await sleep(1000);
      phase = 'down';
      await pgStop(mode);
      await loginProbe();
      await sleep(downMs);
      await loginProbe();
      await pgStart();
      recoveries.push(`${label}: healthy ${Math.round(await waitForRecovery())} ms after start`);
      await sleep(2000);
      label = `round ${round}: restart (${mode === 'fast' ? 'immediate' : 'fast'})`;
      phase = 'up';
      await sleep(1000);
      phase = 'down';
      await pgRestart(mode === 'fast' ? 'immediate' : 'fast');
      recoveries.push(`${label}: healthy ${Math.round(await waitForRecovery())} ms after pg_ctl returned`);
      await sleep(2000);
    }
    stop = true;
    await Promise.all(workers);
    // The same server process throughout?
    serverRestarted = server.proc.exitCode !== null || server.proc.signalCode !== null;
    for (const r of recoveries) console.log(`    ${r}`);
  } finally {
    if (server && (server.proc.exitCode !== null || server.proc.signalCode !== null)) {
      serverRestarted = true;
      console.log(`  the server exited:\n${server.output().slice(-3000)}`);
    }
    await server?.stop();
  }

  // Every acknowledged write is there.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let found = 0;
  for (let i = 0; i < acked.length; i += 1000) {
    const r = await c.query('select count(*)::int as n from persons where id = any($1::uuid[])', [acked.slice(i, i + 1000)]);
    found += r.rows[0].n;
  }
  await c.end();
  try {
    await pgStop('fast');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const rows = [...tallies.entries()].map(([k, t]) => [k, t.ok, t.unavailable, [...t.bad.entries()].map(([b, n]) => `${b} × ${n}`).join(', ') || '0']);
  console.log(`\nAnswers per phase (${clients} clients: POST /api/persons, GET /api/cases, GET /api/health; sign-ins while down)\n`);
  console.log(table(['phase', '2xx', '503 DATABASE_UNAVAILABLE', 'anything else'], rows));
  const bad = [...tallies.values()].reduce((a, t) => a + [...t.bad.values()].reduce((x, y) => x + y, 0), 0);
  const unavailable = [...tallies.values()].reduce((a, t) => a + t.unavailable, 0);
  const okAfter = [...tallies.entries()].filter(([k]) => k.endsWith(': after')).reduce((a, [, t]) => a + t.ok, 0);
  console.log(`\n  acknowledged persons ${acked.length}, missing ${acked.length - found}; server process restarted: ${serverRestarted ? 'YES' : 'no'}`);
  summary.push({
    measure: `PostgreSQL restart under load (${rounds * 2} outages): 503 DATABASE_UNAVAILABLE / other errors / 2xx after / lost / server restarted`,
    value: `${unavailable} / ${bad} / ${okAfter} / ${acked.length - found} / ${serverRestarted ? 'yes' : 'no'}`,
    target: 'other 0, lost 0, no restart',
    ok: bad === 0 && acked.length === found && !serverRestarted && okAfter > 0 && unavailable > 0,
  });
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, down: { type: 'string', default: '3' }, clients: { type: 'string', default: '4' }, port: { type: 'string', default: '5499' } } });
  const summary = await runPgRestart({ rounds: Number(values.rounds), downSeconds: Number(values.down), clients: Number(values.clients), port: Number(values.port) });
  writeSummary('pg-restart', summary);
  // Like every bench: a miss is in the summary (MISSED), the exit code is for a bench that crashed.
  process.exit(0);
}
