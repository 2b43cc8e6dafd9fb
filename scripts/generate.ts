// Test data of any size:
//   `npx tsx scripts/generate.ts --persons 100000 [--cases 150000] [--today YYYY-MM-DD] [--data-dir DIR | --database-url URL] [--seed N] [--start I]`.
// Opens the database the way the server does (migrate, defaults, demo on an empty database), then
// bulk-inserts fictitious persons, then cases in every stage so far (scripts/generate-cases.ts). Later issues add
// contact persons … as more generate* functions.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getTableColumns, sql } from 'drizzle-orm';
import { persons } from '../src/people/tables';
import { fictitiousPerson, prng } from '../src/people/fictitious';
import type { Db } from '../src/platform/db/connect';

/** Rows per INSERT statement (sent as one JSON parameter). */
export const BATCH_ROWS = 1000;
/** Statements per transaction. */
export const BATCHES_PER_TX = 10;

/** A persons row by column name (what json_populate_recordset reads). */
type PersonJson = Record<string, string | boolean | null>;

const PERSON_COLUMNS = new Set(Object.values(getTableColumns(persons)).map((c) => c.name));
/** The columns the generator fills; the rest keep their defaults (id, version, timestamps). */
const COLUMNS = ['identity_number', 'id_kind', 'first_name', 'last_name', 'birth_date', 'sex', 'protected_identity', 'street_address', 'postal_code', 'city', 'phone', 'email', 'fictitious', 'registered_by'];
for (const c of COLUMNS) if (!PERSON_COLUMNS.has(c)) throw new Error(`persons has no column ${c}: update scripts/generate.ts`);

/** node-postgres returns { rows }, PGlite returns { rows } too, drizzle may hand back an array. */
function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

export interface GenerateOptions {
  /** Index of the first fictitious person (persons are a deterministic series: index → number). */
  start?: number;
  /** Called after each transaction with the number of rows handled so far. */
  onProgress?: (done: number) => void;
}

export interface GeneratedPersons {
  /** Rows actually inserted (numbers that already existed are skipped). */
  inserted: number;
  skipped: number;
  ids: string[];
}

/**
 * Insert `n` fictitious persons (indexes start … start+n-1 of the series; `seed` picks names,
 * sex and addresses). Multi-row INSERTs of BATCH_ROWS rows, BATCHES_PER_TX per transaction;
 * numbers that already exist are skipped (ON CONFLICT DO NOTHING), so reruns are harmless.
 */
export async function generatePersons(db: Db, n: number, seed: number, opts: GenerateOptions = {}): Promise<GeneratedPersons> {
  const start = opts.start ?? 0;
  const rand = prng(seed);
  const ids: string[] = [];
  let done = 0;
  while (done < n) {
    const txRows = Math.min(n - done, BATCH_ROWS * BATCHES_PER_TX);
    const batches: PersonJson[][] = [];
    for (let b = 0; b < txRows; b += BATCH_ROWS) {
      const rows: PersonJson[] = [];
      for (let k = b; k < Math.min(txRows, b + BATCH_ROWS); k++) {
        const f = fictitiousPerson(start + done + k, rand);
        rows.push({
          identity_number: f.identityNumber,
          id_kind: 'personnummer',
          first_name: f.firstName,
          last_name: f.lastName,
          birth_date: f.birthDate,
          sex: f.sex,
          protected_identity: false,
          street_address: f.streetAddress,
          postal_code: f.postalCode,
          city: f.city,
          phone: f.phone,
          email: null,
          fictitious: true,
          registered_by: null,
        });
      }
      batches.push(rows);
    }
    await db.transaction(async (tx) => {
      for (const rows of batches) {
        // One JSON parameter per statement: binding 14 000 parameters is what makes a plain
        // multi-row VALUES slow (several times slower on PGlite).
        const r = await tx.execute<{ id: string }>(sql`
          insert into persons (${sql.raw(COLUMNS.join(', '))})
          select ${sql.raw(COLUMNS.join(', '))} from json_populate_recordset(null::persons, ${JSON.stringify(rows)}::json)
          on conflict (identity_number) do nothing
          returning id`);
        for (const x of rowsOf<{ id: string }>(r)) ids.push(x.id);
      }
    });
    done += txRows;
    opts.onProgress?.(done);
  }
  return { inserted: ids.length, skipped: n - ids.length, ids };
}

async function main() {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '1000' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '0' },
      cases: { type: 'string', default: '0' },
      today: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.persons);
  const seed = Number(values.seed);
  const start = Number(values.start);
  if (!Number.isInteger(n) || n < 0) throw new Error('--persons must be a non-negative integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!Number.isInteger(start) || start < 0) throw new Error('--start must be a non-negative integer');
  if (start + n > 36_000_000) throw new Error('the fictitious series has about 36 million unique numbers');
  const nCases = Number(values.cases);
  if (!Number.isInteger(nCases) || nCases < 0) throw new Error('--cases must be a non-negative integer');
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today must be YYYY-MM-DD');
  if (values['data-dir'] && values['database-url']) throw new Error('give --data-dir or --database-url, not both');

  // Imported here so `import { generatePersons }` from other scripts does not pull in the server.
  const { loadConfig } = await import('../src/platform/config');
  const { prepareDatabase } = await import('../src/main');
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO: '1' };
  if (values['data-dir']) {
    env.DATA_DIR = values['data-dir'];
    delete env.DATABASE_URL;
  }
  if (values['database-url']) env.DATABASE_URL = values['database-url'];
  const config = loadConfig(env);
  const where = config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@') : path.relative(process.cwd(), config.dataDir) || '.';

  const t0 = performance.now();
  const database = await prepareDatabase(config);
  const t1 = performance.now();
  let lastPrint = t1;
  const r = await generatePersons(database.db, n, seed, {
    start,
    onProgress: (done) => {
      if (!values.quiet && performance.now() - lastPrint > 2000) {
        lastPrint = performance.now();
        console.log(`  … ${done} / ${n}`);
      }
    },
  });
  const t2a = performance.now();
  let casesLine = '';
  if (nCases > 0) {
    const { generateCases } = await import('./generate-cases');
    // Cases hang on the persons just made, or on every person when none were new (a rerun).
    const personIds = r.ids.length ? r.ids : rowsOf<{ id: string }>(await database.db.execute(sql`select id from persons`)).map((p) => p.id);
    const c = await generateCases(database.db, {
      personIds,
      n: nCases,
      seed,
      today,
      onProgress: (done) => !values.quiet && console.log(`  … ${done} / ${nCases} ärenden`),
    });
    casesLine = `; ${c.cases} cases (${c.decisions} decisions, ${c.orders} orders; ${c.units} units, ${c.handlaggare} handläggare, as of ${today}) in ${((performance.now() - t2a) / 1000).toFixed(1)} s`;
  }
  // Fresh statistics for the planner, and the dead rows of the case-facts refreshes gone (PGlite has no autovacuum).
  await database.db.execute(sql`vacuum (analyze)`);
  const t2 = performance.now();
  await database.close();
  const secs = (t2 - t1) / 1000;
  console.log(
    `generate: ${r.inserted} persons inserted, ${r.skipped} already existed (${database.kind}: ${where}, seed ${seed}) ` +
      `in ${secs.toFixed(1)} s (${Math.round(n / Math.max(secs, 0.001))} rows/s; open+migrate+seed ${((t1 - t0) / 1000).toFixed(1)} s)${casesLine}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname ?? '', 'generate.ts')) {
  main().catch((e) => {
    console.error('generate failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
