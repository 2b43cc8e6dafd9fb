// Test data of any size:
//   `npx tsx scripts/generate.ts --persons 100000 [--cases 150000] [--contact-persons 20000] [--today YYYY-MM-DD] [--data-dir DIR | --database-url URL] [--seed N] [--start I]`.
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

/**
 * n contact persons in every pipeline state with realistic profiles (issue 10): applicants, under utredning
 * (interview booked, a reference), approved with references, register checks of varying age, pledge and
 * introduction; some paused (with and without an end date), some declined or withdrawn. Deterministic in
 * (n, seed); one SQL statement per table (generate_series), so 20 000 take seconds. Personnummer are 12-digit
 * strings in the 1800s series (never a real person's, never one of persons').
 */
export async function generateContactPersons(db: Db, n: number, seed: number): Promise<number> {
  if (n <= 0) return 0;
  const districts = ['Centrum', 'Norra', 'Södra', 'Östra', 'Västra', 'Landsbygden'];
  for (const name of districts) await db.execute(sql`insert into cp_districts (name) values (${name}) on conflict do nothing`);
  // h = a per-row hash in 0..999 (seeded); it picks the state and the profile.
  await db.execute(sql`
    insert into contact_persons (identity_number, first_name, last_name, email, phone, city, district_id, motivation,
      interests, languages, travel, availability, capacity, age_groups, source, applied_date, privacy_accepted_at,
      approved_date, end_reason, ended_date, last_contact_date)
    select lpad((1800000000 + ${seed}::int * 1000000 + g)::text, 12, '18'),
      (array['Anna','Erik','Maria','Ali','Sara','Johan','Fatima','Lars','Elin','Omar'])[1 + h % 10],
      (array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson'])[1 + (h / 10) % 10] || g,
      'kp' || g || '@exempel.se', '070-000 00 00', 'Demoby',
      (select id from cp_districts order by name offset (h % 6) limit 1),
      'Vill göra nytta (genererad).',
      array[(array['friluftsliv','idrott','musik','kultur','spel','matlagning','djur','hantverk','fika'])[1 + h % 9],
            (array['friluftsliv','idrott','musik','kultur','spel','matlagning','djur','hantverk','fika'])[1 + (h / 9) % 9]],
      case when h % 4 = 0 then array['svenska', (array['arabiska','finska','engelska','persiska','somaliska','bosniska'])[1 + h % 6]] else array['svenska'] end,
      array[(array['car','public_transport','bicycle','walk'])[1 + h % 4]],
      case h % 4 when 0 then array['weekday_day'] when 1 then array['weekday_evening'] when 2 then array['weekend'] else array['weekday_evening','weekend'] end,
      1 + h % 3,
      array[(array['child','youth','adult','senior'])[1 + h % 4]],
      'public',
      current_date - (30 + h % 700),
      now(),
      case when h % 10 >= 4 then current_date - (h % 400) end,
      case when h % 10 = 3 then (array['declined','withdrawn'])[1 + h % 2] end,
      case when h % 10 = 3 then current_date - (h % 300) end,
      case when h % 10 >= 4 then current_date - (h % 200) end
    from (select g, abs(hashtext(g::text || ':' || ${seed}::int)) % 1000 as h from generate_series(1, ${n}::int) g) x
    on conflict do nothing`);
  const scope = sql`from contact_persons cp where cp.identity_number like '18%' and cp.source = 'public'`;
  // Steps: interview booked for "under utredning" (h%10 = 2), everything done for approved rows.
  await db.execute(sql`insert into cp_steps (contact_person_id, kind, status, booked_date, booked_time, done_date)
    select cp.id, 'interview', case when cp.approved_date is null then 'booked' else 'done' end, current_date + 7, '13:00',
      case when cp.approved_date is null then null else cp.approved_date - 30 end
    ${scope} and (cp.approved_date is not null or (cp.ended_date is null and abs(hashtext(cp.id::text)) % 2 = 0)) on conflict do nothing`);
  for (const kind of ['pledge', 'introduction']) {
    await db.execute(sql`insert into cp_steps (contact_person_id, kind, status, done_date) select cp.id, ${kind}, 'done', cp.approved_date - 5 ${scope} and cp.approved_date is not null on conflict do nothing`);
  }
  for (const name of ['Referens Ett', 'Referens Två']) {
    await db.execute(sql`insert into cp_references (contact_person_id, name, contacted_date, outcome) select cp.id, ${name}, cp.approved_date - 20, 'positive' ${scope} and cp.approved_date is not null`);
  }
  // Register checks: extracts 0–8 months old (some run out soon, some have); seen by the first kontaktsekreterare.
  await db.execute(sql`insert into cp_register_checks (contact_person_id, shown_date, extract_date, registers, law, seen_by)
    select cp.id, least(current_date, cp.approved_date - 25 + 3), least(current_date, cp.approved_date - 25) - (abs(hashtext(cp.id::text)) % 240),
      array['belastningsregistret','misstankeregistret'], '2010:479', (select id from users where role = 'kontaktsekreterare' order by username limit 1)
    ${scope} and cp.approved_date is not null and exists (select 1 from users where role = 'kontaktsekreterare')`);
  // Pauses for about one in ten approved: half with an end date.
  await db.execute(sql`insert into cp_pauses (contact_person_id, from_date, until_date, reason)
    select cp.id, current_date - 10, case when abs(hashtext(cp.id::text)) % 2 = 0 then current_date + 60 end, 'Föräldraledig (genererad)'
    ${scope} and cp.approved_date is not null and abs(hashtext(cp.id::text || 'p')) % 10 = 0`);
  // The stored "recruitment started" (the register's status filter), as changeContactPerson keeps it.
  await db.execute(sql`update contact_persons cp set recruitment_started = true where cp.identity_number like '18%' and cp.source = 'public'
    and (exists (select 1 from cp_steps s where s.contact_person_id = cp.id and s.status <> 'pending')
      or exists (select 1 from cp_references r where r.contact_person_id = cp.id)
      or exists (select 1 from cp_register_checks c where c.contact_person_id = cp.id))`);
  const [{ count }] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count ${scope}`));
  return count;
}

async function main() {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '1000' },
      'contact-persons': { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '0' },
      cases: { type: 'string', default: '0' },
      today: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      // Execution for the cases already in the database (a layer on top of a cached set of cases: bench/dashboard.ts).
      execution: { type: 'boolean', default: false },
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
  const cps = await generateContactPersons(database.db, Number(values['contact-persons']), seed);
  if (cps && !values.quiet) console.log(`generate: ${cps} contact persons in the register`);
  if ((nCases > 0 || values.execution) && cps > 0) {
    const t3 = performance.now();
    const { generateExecution } = await import('./generate-execution');
    const x = await generateExecution(database.db, { seed, today });
    if (!values.quiet)
      console.log(
        `generate: ${x.offers} offers, ${x.assignments} assignments (${x.interruptions} interruptions), ${x.waiting} orders waiting, in ${((performance.now() - t3) / 1000).toFixed(1)} s`,
      );
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
