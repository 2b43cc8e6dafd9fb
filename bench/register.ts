// The contact-person register's search through HTTP with 20 000 generated contact persons (issue 10), on PGlite:
// signed in as the kontaktsekreterare, sequential GET /api/contact-persons with random filter combinations
// (status, area, interest, language, availability, free capacity). Target p95 < 15 ms. PostgreSQL: not yet.
//   npx tsx bench/register.ts [--contact-persons 20000] [--seed 1] [--requests 300]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from '../src/people/fictitious';
import { AVAILABILITY_SLOTS, CP_STATUSES } from '../src/contact-persons/rules';
import { Client, isMain, migrationsKey, ms, OUT, runTsx, startServer, stats, table, writeSummary } from './lib';

const TARGET_P95 = 15;

async function pgliteCache(n: number, seed: number): Promise<string> {
  const dir = path.join(OUT, 'cache', `pglite-contact-persons-${n}-seed-${seed}`);
  const marker = path.join(dir, '.bench-key');
  const key = JSON.stringify({ migrations: migrationsKey(), contactPersons: n, seed, generator: 1 });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === key) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`  generating ${n} contact persons into ${path.relative(process.cwd(), dir)} …`);
  const code = await runTsx('scripts/generate.ts', ['--persons', '0', '--contact-persons', String(n), '--seed', String(seed), '--data-dir', dir, '--quiet']);
  if (code !== 0) throw new Error('scripts/generate.ts failed');
  fs.writeFileSync(marker, key);
  return dir;
}

/** A random filter combination (each filter present about half the time). */
function randomQuery(rand: () => number, districts: string[]): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const q = new URLSearchParams({ page: '1', pageSize: '25' });
  if (rand() < 0.5) q.set('status', pick(CP_STATUSES));
  if (rand() < 0.4 && districts.length) q.set('districtId', pick(districts));
  if (rand() < 0.4) q.set('interest', pick(['friluftsliv', 'idrott', 'musik', 'kultur', 'spel', 'matlagning', 'djur', 'hantverk', 'fika']));
  if (rand() < 0.3) q.set('language', pick(['svenska', 'arabiska', 'finska', 'engelska', 'persiska']));
  if (rand() < 0.4) q.set('availability', pick(AVAILABILITY_SLOTS));
  if (rand() < 0.3) q.set('freeCapacity', 'yes');
  return `/api/contact-persons?${q}`;
}

async function main() {
  const { values } = parseArgs({ options: { 'contact-persons': { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, requests: { type: 'string', default: '300' } } });
  const n = Number(values['contact-persons']);
  const seed = Number(values.seed);
  const requests = Number(values.requests);
  const dir = await pgliteCache(n, seed);
  const work = path.join(OUT, 'work', 'register-pglite');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(dir, work, { recursive: true });
  const server = await startServer({ launcher: 'node', dataDir: work });
  try {
    const c = new Client(server.base);
    await c.login('kontaktsekreterare');
    const districts = (await c.request('GET', '/api/contact-persons/districts')).json.items.map((d: { id: string }) => d.id);
    const rand = prng(seed + 11);
    for (let i = 0; i < 30; i++) await c.request('GET', randomQuery(rand, districts));
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const url = randomQuery(rand, districts);
      const t = performance.now();
      const r = await c.request('GET', url);
      times.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    }
    const s = stats(times);
    console.log(table(['engine', 'requests', 'p50', 'p95', 'p99', 'max'], [['pglite', s.n, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]]));
    writeSummary('register', [{ measure: `register search, ${n} contact persons, PGlite (p95)`, value: ms(s.p95), target: `< ${TARGET_P95} ms`, ok: s.p95 < TARGET_P95 }]);
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
