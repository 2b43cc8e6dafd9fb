// The contact person's portal start page through HTTP (issue 12: p95 < 20 ms) on a municipality of realistic size:
// scripts/generate.ts with 20 000 contact persons, 6 000 persons and cases and their execution (offers, assignments,
// interruptions), then every assignment's monthly reports since it started (at most two years, approved, two meetings
// each). The measured contact person is the one with the most running assignments (the earliest start first), given
// three more of the longest-running ones; the demo account `kontaktperson` is pointed at them. Signed in as that account, the requests the portal's first page
// makes (GET /api/auth/session, /api/portal/start, /api/portal/meetings, /api/notifications/unread), each timed on
// its own in turn, and the page (all four side by side, as the browser sends them). PGlite and PostgreSQL.
//   npx tsx bench/portal-start.ts [--contact-persons 20000] [--cases 6000] [--seed 1] [--requests 300] [--engine pglite|postgres|both]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Client, dbUrl, dropDatabase, generatedPglite, generatedPostgres, isMain, migrationsKey, ms, OUT, pgAdmin, pgReachable, startServer, stats, table, writeSummary, type Stats, type SummaryRow } from './lib';

type Engine = 'pglite' | 'postgres';
const TARGET_P95 = 20;
const PAGE = ['/api/auth/session', '/api/portal/start', '/api/portal/meetings', '/api/notifications/unread'] as const;

function cacheKey(cps: number, cases: number, seed: number): string {
  return JSON.stringify({ migrations: migrationsKey(), contactPersons: cps, cases, seed, generator: 1 });
}

function generateArgs(cps: number, cases: number, seed: number): string[] {
  return ['--persons', String(cases), '--cases', String(cases), '--contact-persons', String(cps), '--seed', String(seed), '--quiet'];
}

/**
 * The demo portal account pointed at the contact person with the most running assignments, three more assignments
 * for them, and up to two years of monthly reports for every assignment (approved, two meetings each, from the month
 * it started to last month). Plain SQL on the copy, before the server starts.
 */
const PREPARE = [
  // The contact person with the most running assignments (the earliest start first) gets the demo portal account …
  `update users set contact_person_id = (
     select a.contact_person_id from assignments a
     where a.start_date is not null and a.end_date is null
     group by a.contact_person_id order by count(*) desc, min(a.start_date), a.contact_person_id limit 1)
   where username = 'kontaktperson'`,
  // … and three more of the longest-running assignments (the generator gives most contact persons one or two).
  `update assignments set contact_person_id = (select contact_person_id from users where username = 'kontaktperson')
   where id in (select a.id from assignments a where a.start_date is not null and a.end_date is null
     and a.contact_person_id <> (select contact_person_id from users where username = 'kontaktperson') order by a.start_date, a.id limit 3)`,
  `insert into cp_reports (assignment_id, contact_person_id, provider_unit_id, month, status, submitted_at, submitted_on, first_submitted_on, approved_at)
   select a.id, a.contact_person_id, a.provider_unit_id, to_char(m, 'YYYY-MM'), 'approved', m + interval '1 month 2 days', (m + interval '1 month 2 days')::date,
     (m + interval '1 month 2 days')::date, m + interval '1 month 4 days'
   from assignments a
   cross join lateral generate_series(greatest(date_trunc('month', a.start_date), date_trunc('month', current_date) - interval '24 months'),
     date_trunc('month', least(coalesce(a.end_date, current_date), current_date)) - interval '1 month', interval '1 month') m
   where a.start_date is not null
   on conflict do nothing`,
  `insert into cp_report_meetings (report_id, date, minutes, activity)
   select r.id, (r.month || '-' || d)::date, 120, 'Fika och promenad' from cp_reports r cross join (values ('05'), ('19')) v(d)
   where not exists (select 1 from cp_report_meetings x where x.report_id = r.id)`,
  'vacuum (analyze)',
];
const WHO = `select (select count(*) from assignments a join users u on u.contact_person_id = a.contact_person_id where u.username = 'kontaktperson')::int as assignments,
  (select count(*) from cp_reports r join users u on u.contact_person_id = r.contact_person_id where u.username = 'kontaktperson')::int as reports,
  (select count(*) from cp_reports)::int as all_reports, (select count(*) from assignments)::int as all_assignments, (select count(*) from contact_persons)::int as cps`;

interface Who {
  assignments: number;
  reports: number;
  all_reports: number;
  all_assignments: number;
  cps: number;
}

async function prepare(engine: Engine, target: { dataDir?: string; databaseUrl?: string }): Promise<Who> {
  if (engine === 'pglite') {
    const c = await PGlite.create(target.dataDir!);
    try {
      for (const s of PREPARE) await c.exec(s);
      return (await c.query<Who>(WHO)).rows[0];
    } finally {
      await c.close();
    }
  }
  const c = new pg.Client({ connectionString: target.databaseUrl });
  await c.connect();
  try {
    for (const s of PREPARE) await c.query(s);
    return (await c.query<Who>(WHO)).rows[0];
  } finally {
    await c.end();
  }
}

async function measure(base: string, requests: number): Promise<{ each: Map<string, Stats>; page: Stats }> {
  const c = new Client(base);
  await c.login('kontaktperson');
  const get = async (url: string) => {
    const r = await c.request('GET', url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    return r.json;
  };
  const start = await get('/api/portal/start');
  if (!Array.isArray(start.assignments) || start.assignments.length === 0) throw new Error('the measured contact person has no assignments');
  for (let i = 0; i < 30; i++) for (const url of PAGE) await get(url);
  const times = new Map<string, number[]>(PAGE.map((u) => [u, []]));
  const page: number[] = [];
  for (let i = 0; i < requests; i++) {
    for (const url of PAGE) {
      const t = performance.now();
      await get(url);
      times.get(url)!.push(performance.now() - t);
    }
    const t = performance.now();
    await Promise.all(PAGE.map(get));
    page.push(performance.now() - t);
  }
  return { each: new Map([...times].map(([u, xs]) => [u, stats(xs)])), page: stats(page) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'contact-persons': { type: 'string', default: '20000' },
      cases: { type: 'string', default: '6000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '300' },
      engine: { type: 'string', default: 'both' },
    },
  });
  const cps = Number(values['contact-persons']);
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  const requests = Number(values.requests);
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  const rows: (string | number)[][] = [];
  const summary: SummaryRow[] = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      summary.push({ measure: 'portal start page: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    const key = cacheKey(cps, cases, seed);
    let target: { dataDir?: string; databaseUrl?: string };
    let cleanup: () => Promise<void>;
    if (engine === 'pglite') {
      const dir = await generatedPglite(`pglite-portal-${cps}-${cases}-seed-${seed}`, key, generateArgs(cps, cases, seed));
      const work = path.join(OUT, 'work', 'portal-pglite');
      fs.rmSync(work, { recursive: true, force: true });
      fs.cpSync(dir, work, { recursive: true });
      target = { dataDir: work };
      cleanup = async () => fs.rmSync(work, { recursive: true, force: true });
    } else {
      const tpl = await generatedPostgres(`kontakt_bench_portal_${cps}_${cases}_${seed}`, key, generateArgs(cps, cases, seed));
      const name = 'kontakt_bench_portal';
      await pgAdmin(async (c) => {
        await dropDatabase(c, name);
        await c.query(`create database "${name}" template "${tpl}"`);
      });
      target = { databaseUrl: dbUrl(name) };
      cleanup = () => pgAdmin((c) => dropDatabase(c, name));
    }
    try {
      const who = await prepare(engine, target);
      console.log(
        `  ${engine}: ${who.cps} contact persons, ${who.all_assignments} assignments, ${who.all_reports} monthly reports; the measured contact person has ${who.assignments} assignments and ${who.reports} reports; ${requests} rounds …`,
      );
      const server = await startServer({ launcher: 'node', ...target });
      try {
        const r = await measure(server.base, requests);
        for (const [url, s] of r.each) rows.push([engine, `GET ${url}`, s.n, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
        rows.push([engine, 'the page (all four side by side)', r.page.n, ms(r.page.p50), ms(r.page.p95), ms(r.page.p99), ms(r.page.max)]);
        const start = r.each.get('/api/portal/start')!;
        summary.push({
          measure: `portal start (GET /api/portal/start), ${who.assignments} assignments, ${who.reports} reports, ${engine} p50/p95/p99`,
          value: `${ms(start.p50)} / ${ms(start.p95)} / ${ms(start.p99)}`,
          target: `p95 < ${TARGET_P95} ms`,
          ok: start.p95 < TARGET_P95,
        });
        summary.push({
          measure: `portal first page (its four requests side by side), ${engine} p50/p95/p99`,
          value: `${ms(r.page.p50)} / ${ms(r.page.p95)} / ${ms(r.page.p99)}`,
          target: `p95 < ${TARGET_P95} ms`,
          ok: r.page.p95 < TARGET_P95,
        });
      } finally {
        await server.stop();
      }
    } finally {
      await cleanup();
    }
  }
  console.log(`\nPortal start page through HTTP as the contact person (client-side latency)\n`);
  console.log(table(['engine', 'what', 'n', 'p50', 'p95', 'p99', 'max'], rows));
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  writeSummary('portal-start', summary);
}

if (isMain(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
