// Acknowledged writes survive `kill -9`. Per engine (PGlite data folder; PostgreSQL fresh database):
// start the server, let several concurrent clients POST new persons (unique fictitious numbers) and
// record every 2xx id, SIGKILL the server's process group (the real node process) after a random
// 1–3 s, restart, sign in and GET every acknowledged id. Finally the database is read directly too.
//   npx tsx bench/durability.ts [--cycles 10] [--clients 8] [--engine pglite|postgres|both]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { fictitiousPerson, prng } from '../src/people/fictitious';
import { persons } from '../src/people/tables';
import { openPglite, openPostgres, type Database } from '../src/platform/db/connect';
import { Client, dbUrl, dropDatabase, isMain, OUT, pgAdmin, pgReachable, sleep, startServer, table, writeSummary, type Server, type SummaryRow } from './lib';

type Engine = 'pglite' | 'postgres';

interface EngineResult {
  engine: Engine;
  cycles: number;
  acknowledged: number;
  missingAfterRestart: number;
  missingInDatabase: number;
  failedRestarts: number;
  inFlightErrors: number;
  restartMs: number[];
}

const USERS = ['handlaggare.lss', 'handlaggare.sol'];

async function runEngine(engine: Engine, cycles: number, clients: number, rand: () => number): Promise<EngineResult> {
  let target: { dataDir?: string; databaseUrl?: string };
  let open: () => Promise<Database>;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    const dir = path.join(OUT, 'durability-pglite');
    fs.rmSync(dir, { recursive: true, force: true });
    target = { dataDir: dir };
    open = () => openPglite(dir);
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = 'kontakt_bench_durability';
    await pgAdmin(async (c) => {
      await dropDatabase(c, name);
      await c.query(`create database "${name}"`);
    });
    target = { databaseUrl: dbUrl(name) };
    open = () => openPostgres(dbUrl(name), 2);
    cleanup = () => pgAdmin((c) => dropDatabase(c, name));
  }

  const result: EngineResult = { engine, cycles, acknowledged: 0, missingAfterRestart: 0, missingInDatabase: 0, failedRestarts: 0, inFlightErrors: 0, restartMs: [] };
  const allIds: string[] = [];
  // Person numbers: a series of its own, far above what the demo and the generator use.
  const personRand = prng(4242);
  let next = 30_000_000;

  let server: Server = await startServer({ launcher: 'node', ...target });
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const acked: string[] = [];
    let stop = false;
    let errors = 0;
    const sessions = await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        const c = new Client(server.base);
        await c.login(USERS[k % USERS.length]);
        return c;
      }),
    );
    const writers = sessions.map(async (c) => {
      while (!stop) {
        const f = fictitiousPerson(next++, personRand);
        try {
          const r = await c.request(
            'POST',
            '/api/persons',
            {
              identityNumber: f.identityNumber,
              isReserveNumber: false,
              firstName: f.firstName,
              lastName: f.lastName,
              protectedIdentity: false,
              streetAddress: f.streetAddress,
              postalCode: f.postalCode,
              city: f.city,
              phone: f.phone,
              email: null,
            },
            10_000,
          );
          if (r.status >= 200 && r.status < 300) acked.push(r.json.id);
          else if (!stop) throw new Error(`POST /api/persons: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
        } catch (e) {
          if (!stop) throw e;
          errors++;
        }
      }
    });
    const killAfter = 1000 + Math.floor(rand() * 2000);
    await Promise.race([sleep(killAfter), Promise.all(writers)]);
    stop = true;
    await server.kill9();
    await Promise.allSettled(writers);
    result.inFlightErrors += errors;

    let restarted: Server | null = null;
    for (let attempt = 1; attempt <= 3 && !restarted; attempt++) {
      try {
        restarted = await startServer({ launcher: 'node', ...target }, 60_000);
      } catch (e) {
        result.failedRestarts++;
        console.log(`    ${engine} cycle ${cycle}: restart attempt ${attempt} failed: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`);
      }
    }
    if (!restarted) throw new Error(`${engine}: the server does not start after kill -9 (cycle ${cycle})`);
    server = restarted;
    result.restartMs.push(server.startMs);

    const checker = new Client(server.base);
    await checker.login('handlaggare.lss');
    let missing = 0;
    for (const id of acked) {
      const r = await checker.request('GET', `/api/persons/${id}`);
      if (r.status !== 200) missing++;
    }
    result.acknowledged += acked.length;
    result.missingAfterRestart += missing;
    allIds.push(...acked);
    console.log(
      `    ${engine} cycle ${String(cycle).padStart(2)}: killed after ${killAfter} ms, ${acked.length} acknowledged, ${missing} missing, ` +
        `${errors} requests cut off, restart ${Math.round(server.startMs)} ms`,
    );
  }
  await server.stop();

  // Read the database directly as well (not through the API).
  const database = await open();
  try {
    let found = 0;
    for (let i = 0; i < allIds.length; i += 1000) {
      const rows = await database.db.select({ id: persons.id }).from(persons).where(inArray(persons.id, allIds.slice(i, i + 1000)));
      found += rows.length;
    }
    result.missingInDatabase = allIds.length - found;
  } finally {
    await database.close();
  }
  await cleanup();
  return result;
}

export async function runDurabilityBench(opts: { cycles?: number; clients?: number; engines?: Engine[]; seed?: number } = {}): Promise<SummaryRow[]> {
  const cycles = opts.cycles ?? 10;
  const clients = opts.clients ?? 8;
  const engines = opts.engines ?? ['pglite', 'postgres'];
  const rand = prng(opts.seed ?? Date.now() % 100_000);
  const results: EngineResult[] = [];
  const summary: SummaryRow[] = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      console.log('  PostgreSQL not reachable: skipped');
      summary.push({ measure: 'durability: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    console.log(`  ${engine}: ${cycles} cycles, ${clients} concurrent writers, kill -9 after 1–3 s …`);
    const r = await runEngine(engine, cycles, clients, rand);
    results.push(r);
    const missing = r.missingAfterRestart + r.missingInDatabase;
    summary.push({
      measure: `durability: ${engine}, ${r.cycles} × kill -9: acknowledged / missing / failed restarts`,
      value: `${r.acknowledged} / ${r.missingAfterRestart} (db: ${r.missingInDatabase}) / ${r.failedRestarts}`,
      target: 'missing 0',
      ok: missing === 0 && r.failedRestarts === 0,
    });
  }
  console.log(`\nAcknowledged writes after kill -9 (${clients} concurrent writers, ${cycles} cycles per engine)\n`);
  console.log(
    table(
      ['engine', 'cycles', 'acknowledged', 'missing (API)', 'missing (DB)', 'failed restarts', 'cut off in flight', 'restart median'],
      results.map((r) => {
        const s = [...r.restartMs].sort((a, b) => a - b);
        return [r.engine, r.cycles, r.acknowledged, r.missingAfterRestart, r.missingInDatabase, r.failedRestarts, r.inFlightErrors, `${Math.round(s[Math.floor(s.length / 2)])} ms`];
      }),
    ),
  );
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '10' },
      clients: { type: 'string', default: '8' },
      engine: { type: 'string', default: 'both' },
      seed: { type: 'string' },
    },
  });
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  const summary = await runDurabilityBench({ cycles: Number(values.cycles), clients: Number(values.clients), engines, seed: values.seed ? Number(values.seed) : undefined });
  writeSummary('durability', summary);
  process.exit(0);
}
