// Crash safety under a mix of real use cases (issue 14 item 3). Per engine (PGlite data folder; PostgreSQL fresh
// database), with the demo data (DEMO=1): several handläggare clients each take cases through the process —
// person, request, acknowledgement, booking, the investigation saved and completed, a favourable decision, the
// order sent — while the kontaktsekreterare confirms the orders, the public "Bli kontaktperson" form takes
// applications and the demo contact person saves the month's report in the portal again and again. Every 2xx is
// recorded as a fact. After 2–8 s (random) the server's process group gets SIGKILL; the server is started again
// on the same data and must answer; then it is stopped, the database is opened directly and
//   1. every acknowledged write is looked up in SQL (lost = acknowledged but not there), and
//   2. invariants that a half-written use case would break are counted (each use case is one transaction, so a
//      row without its audit entry, an audit entry without its row, a case without its case_facts row … must
//      never exist; see INVARIANTS).
// With --servers 2 (PostgreSQL) two server processes serve the same database, each client's requests alternating
// between them (sessions, counters and locks live in the database), and the kill takes both down.
//   npx tsx bench/crash.ts [--cycles 20] [--clients 4] [--engine pglite|postgres|both] [--servers 1|2] [--seed N]
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/platform/calendar';
import { fictitiousPerson, prng } from '../src/people/fictitious';
import { openPglite, openPostgres, type Database } from '../src/platform/db/connect';
import { Client, dbUrl, dropDatabase, isMain, OUT, pgAdmin, pgReachable, sleep, startServer, table, writeSummary, type Server, type SummaryRow } from './lib';

type Engine = 'pglite' | 'postgres';

/** Ports of this bench (the machine shares its ports between several users): a free one of 3400–3449, in turn. */
let nextPort = 3400 + (process.pid % 50);
async function crashPort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const p = nextPort;
    nextPort = nextPort >= 3449 ? 3400 : nextPort + 1;
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error('no free port in 3400–3449');
}

/** Everything the server acknowledged (2xx), by kind; checked in SQL after each kill. */
interface Acked {
  persons: string[];
  cases: string[];
  acknowledged: string[];
  bookings: string[];
  /** Investigation saves: the case and the version the 2xx answered with (the row's version must be at least that). */
  saves: { caseId: string; version: number }[];
  completed: string[];
  decisions: string[];
  orders: string[];
  confirmed: string[];
  /** Applications through the public form: the applicant's personnummer (the answer has no id). */
  applications: string[];
  /** The portal report: the last acknowledged save's counter (the in-flight one may have committed too). */
  report: { id: string; counter: number } | null;
}

const KINDS = ['persons', 'cases', 'acknowledged', 'bookings', 'saves', 'completed', 'decisions', 'orders', 'confirmed', 'applications', 'report'] as const;
type Kind = (typeof KINDS)[number];

const emptyAcked = (): Acked => ({
  persons: [],
  cases: [],
  acknowledged: [],
  bookings: [],
  saves: [],
  completed: [],
  decisions: [],
  orders: [],
  confirmed: [],
  applications: [],
  report: null,
});

/**
 * Invariants in SQL, each the number of violations; `$new` is the condition "made during the bench" (ids not in the
 * baseline taken before the first cycle), so demo rows that the demo step inserted without the use cases do not count.
 */
const INVARIANTS: { name: string; sql: (isNew: (col: string) => string) => string }[] = [
  { name: 'a case without its case_facts row', sql: () => 'select count(*) from cases c where not exists (select 1 from case_facts f where f.case_id = c.id)' },
  {
    name: 'case_facts differs from its definition (the view case_facts_source)',
    sql: () => 'select count(*) from ((select * from case_facts except select * from case_facts_source) union all (select * from case_facts_source except select * from case_facts)) d',
  },
  { name: 'a person without person.create', sql: (n) => `select count(*) from persons p where ${n('p.id')} and not exists (select 1 from audit_log a where a.action = 'person.create' and a.entity_id = p.id::text)` },
  { name: 'person.create without the person', sql: () => `select count(*) from audit_log a where a.action = 'person.create' and not exists (select 1 from persons p where p.id::text = a.entity_id)` },
  { name: 'a case without case.create', sql: (n) => `select count(*) from cases c where ${n('c.id')} and not exists (select 1 from audit_log a where a.action = 'case.create' and a.entity_id = c.id::text)` },
  { name: 'case.create without the case', sql: () => `select count(*) from audit_log a where a.action = 'case.create' and not exists (select 1 from cases c where c.id::text = a.entity_id)` },
  {
    name: 'an acknowledged case without case.acknowledge',
    sql: (n) => `select count(*) from cases c where ${n('c.id')} and c.acknowledged_date is not null and not exists (select 1 from audit_log a where a.action = 'case.acknowledge' and a.entity_id = c.id::text)`,
  },
  {
    name: 'case.acknowledge on a case not acknowledged',
    sql: () => `select count(*) from audit_log a join cases c on c.id::text = a.entity_id where a.action = 'case.acknowledge' and c.acknowledged_date is null`,
  },
  {
    name: 'a booking without investigation.book',
    sql: (n) => `select count(*) from investigation_bookings b where ${n('b.id')} and b.replaced_by_id is null and not exists (select 1 from audit_log a where a.action = 'investigation.book' and a.details->>'bookingId' = b.id::text)`,
  },
  {
    name: 'investigation.book without the booking',
    sql: () => `select count(*) from audit_log a where a.action = 'investigation.book' and not exists (select 1 from investigation_bookings b where b.id::text = a.details->>'bookingId')`,
  },
  { name: 'a booking without its investigation', sql: () => 'select count(*) from investigation_bookings b where not exists (select 1 from investigations i where i.case_id = b.case_id)' },
  {
    name: 'a completed investigation without investigation.complete',
    sql: (n) => `select count(*) from investigations i where ${n('i.case_id')} and i.completed_date is not null and not exists (select 1 from audit_log a where a.action = 'investigation.complete' and a.entity_id = i.case_id::text)`,
  },
  {
    name: 'investigation.complete on an investigation not completed',
    sql: () => `select count(*) from audit_log a join investigations i on i.case_id::text = a.entity_id where a.action = 'investigation.complete' and i.completed_date is null`,
  },
  { name: 'a decision without decision.make', sql: (n) => `select count(*) from decisions d where ${n('d.id')} and not exists (select 1 from audit_log a where a.action = 'decision.make' and a.entity_id = d.id::text)` },
  { name: 'decision.make without the decision', sql: () => `select count(*) from audit_log a where a.action = 'decision.make' and not exists (select 1 from decisions d where d.id::text = a.entity_id)` },
  {
    name: 'a decision of the bench on a case whose investigation is not completed',
    sql: (n) => `select count(*) from decisions d where ${n('d.id')} and not exists (select 1 from investigations i where i.case_id = d.case_id and i.completed_date is not null)`,
  },
  { name: 'an order without order.send', sql: (n) => `select count(*) from orders o where ${n('o.id')} and not exists (select 1 from audit_log a where a.action = 'order.send' and a.entity_id = o.id::text)` },
  { name: 'order.send without the order', sql: () => `select count(*) from audit_log a where a.action = 'order.send' and not exists (select 1 from orders o where o.id::text = a.entity_id)` },
  {
    name: 'an order not under a decided, favourable decision',
    sql: () => `select count(*) from orders o join decisions d on d.id = o.decision_id where d.state <> 'decided' or d.outcome not in ('granted', 'partly_granted') or d.case_id <> o.case_id`,
  },
  {
    name: 'a confirmed order without order.confirm',
    sql: (n) => `select count(*) from orders o where ${n('o.id')} and o.confirmed_date is not null and not exists (select 1 from audit_log a where a.action = 'order.confirm' and a.entity_id = o.id::text)`,
  },
  {
    name: 'order.confirm on an order not confirmed',
    sql: () => `select count(*) from audit_log a join orders o on o.id::text = a.entity_id where a.action = 'order.confirm' and o.confirmed_date is null`,
  },
  {
    name: 'an application without contact_person.apply',
    sql: (n) => `select count(*) from contact_persons c where ${n('c.id')} and not exists (select 1 from audit_log a where a.action = 'contact_person.apply' and a.entity_id = c.id::text)`,
  },
  {
    name: 'contact_person.apply without the contact person',
    sql: () => `select count(*) from audit_log a where a.action = 'contact_person.apply' and not exists (select 1 from contact_persons c where c.id::text = a.entity_id)`,
  },
];

const COUNTER = 'the case-number counter moved by more or less than the new cases';

interface EngineResult {
  engine: Engine;
  servers: number;
  cycles: number;
  acknowledged: Record<Kind, number>;
  lost: Record<Kind, number>;
  violations: Record<string, number>;
  reportVersionDrift: number;
  failedRestarts: number;
  cutOff: number;
  unexpected: string[];
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

class Stopped extends Error {}

/** The servers of one engine: one, or two on the same PostgreSQL database. */
interface Group {
  bases: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** A client whose requests go to the servers in turn (the session lives in the database, so any server knows it). */
class Rotating extends Client {
  private turn = 0;
  constructor(private readonly bases: string[]) {
    super(bases[0]);
  }
  override request(method: string, url: string, body?: unknown, timeoutMs?: number) {
    (this as unknown as { base: string }).base = this.bases[this.turn++ % this.bases.length];
    return super.request(method, url, body, timeoutMs);
  }
}

async function runEngine(engine: Engine, cycles: number, clients: number, rand: () => number, servers: number): Promise<EngineResult> {
  let target: { dataDir?: string; databaseUrl?: string };
  let open: () => Promise<Database>;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    const dir = path.join(OUT, 'crash-pglite');
    fs.rmSync(dir, { recursive: true, force: true });
    target = { dataDir: dir };
    open = () => openPglite(dir);
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `kontakt_bench_crash_${process.pid}`;
    await pgAdmin(async (c) => {
      await dropDatabase(c, name);
      await c.query(`create database "${name}"`);
    });
    target = { databaseUrl: dbUrl(name) };
    open = () => openPostgres(dbUrl(name), 2);
    cleanup = () => pgAdmin((c) => dropDatabase(c, name));
  }
  // One server, or (--servers 2, PostgreSQL) two on the same database, every client's requests alternating between them.
  const start = async (): Promise<Group> => {
    const list: Server[] = [];
    try {
      for (let i = 0; i < servers; i++) list.push(await startServer({ launcher: 'node', port: await crashPort(), ...target }, 90_000));
    } catch (e) {
      await Promise.all(list.map((s) => s.kill9()));
      throw e;
    }
    return { bases: list.map((s) => s.base), kill9: async () => void (await Promise.all(list.map((s) => s.kill9()))), stop: async () => void (await Promise.all(list.map((s) => s.stop()))) };
  };

  const result: EngineResult = {
    engine,
    servers,
    cycles,
    acknowledged: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
    lost: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
    violations: Object.fromEntries([...INVARIANTS.map((i) => i.name), COUNTER].map((n) => [n, 0])),
    reportVersionDrift: 0,
    failedRestarts: 0,
    cutOff: 0,
    unexpected: [],
  };

  // ---- Set-up: the demo is seeded by the first start; the public form is opened up for the bench (no minimum fill
  // time, the highest hourly limit), the month's report of the demo contact person found.
  let server: Group = await start();
  const admin = new Rotating(server.bases);
  await admin.login('admin');
  const settings = await admin.request('GET', '/api/admin/contact-person-settings');
  if (settings.status !== 200) throw new Error(`contact-person settings: ${settings.status} ${JSON.stringify(settings.json)}`);
  const put = await admin.request('PUT', '/api/admin/contact-person-settings', { ...settings.json, applicationsPerHour: 1000, minFillSeconds: 0 });
  if (put.status !== 200) throw new Error(`contact-person settings: ${put.status} ${JSON.stringify(put.json).slice(0, 400)}`);
  const portal = new Rotating(server.bases);
  await portal.login('kontaktperson');
  let reportId: string | null = null;
  const startPage = await portal.request('GET', '/api/portal/start');
  for (const a of startPage.json?.assignments ?? []) {
    const page = await portal.request('GET', `/api/portal/assignments/${a.id}`);
    for (const m of page.json?.reportableMonths ?? []) {
      const opened = await portal.request('POST', `/api/portal/assignments/${a.id}/reports`, { month: m.month });
      if (opened.status < 300 && opened.json.abilities?.canEdit) {
        reportId = opened.json.id;
        break;
      }
    }
    if (reportId) break;
  }
  if (!reportId) console.log('    no editable report of the demo contact person: the portal writer is left out');
  await server.stop();

  // Baseline: what existed before the bench wrote anything (the demo).
  const baseline = new Map<string, string[]>();
  let reportVersion0 = 0;
  let reportAudit0 = 0;
  let counter0 = 0;
  {
    const database = await open();
    try {
      for (const [t, col] of [
        ['persons', 'id'],
        ['cases', 'id'],
        ['investigation_bookings', 'id'],
        ['investigations', 'case_id'],
        ['decisions', 'id'],
        ['orders', 'id'],
        ['contact_persons', 'id'],
      ] as const) {
        baseline.set(`${t}`, (await rows<{ id: string }>(database, `select ${col}::text as id from ${t}`)).map((r) => r.id));
      }
      if (reportId) {
        reportVersion0 = Number((await rows<{ v: number }>(database, `select version as v from cp_reports where id = '${reportId}'`))[0].v);
        reportAudit0 = await count(database, `select count(*) from audit_log where entity_id = '${reportId}' and action in ('report.save', 'report.submit')`);
      }
      counter0 = await count(database, 'select coalesce(sum(last_number), 0) from case_number_counters');
    } finally {
      await database.close();
    }
  }
  const baselineIds = new Set([...baseline.values()].flat());
  const isNew = (col: string) => {
    const ids = [...baselineIds].map((x) => `'${x}'`).join(',');
    return ids ? `${col}::text not in (${ids})` : 'true';
  };

  const personRand = prng(4243);
  // Adults only (a request made by the person themself): birth dates 1930–1984 (fictitiousPerson's day index < 20 000).
  let personSeq = 0;
  const nextPerson = () => {
    const j = personSeq++;
    return fictitiousPerson(40 * 29200 + Math.floor(j / 20000) * 29200 + (j % 20000), personRand);
  };
  let applicantSeq = 0;
  const nextApplicant = () => {
    const j = applicantSeq++;
    return fictitiousPerson(300 * 29200 + Math.floor(j / 20000) * 29200 + (j % 20000), personRand);
  };
  let reportCounter = 0;
  let legalBasisId: string | null = null;
  const all = emptyAcked();

  server = await start();
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const acked = emptyAcked();
    let stopped = false;
    let cutOff = 0;
    const day = today();
    const unexpected = (what: string, r: { status: number; json: any }) => {
      if (stopped) throw new Stopped();
      const msg = `${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
      result.unexpected.push(msg);
      throw new Error(msg);
    };
    /** One request; a connection cut by the kill is not an acknowledgement, nor an error of the app. */
    const call = async (c: Client, method: string, url: string, body?: unknown) => {
      if (stopped) throw new Stopped();
      try {
        return await c.request(method, url, body, 20_000);
      } catch (e) {
        if (stopped) {
          cutOff++;
          throw new Stopped();
        }
        throw e;
      }
    };
    const ok = async (c: Client, what: string, method: string, url: string, body?: unknown) => {
      const r = await call(c, method, url, body);
      if (r.status < 200 || r.status >= 300) unexpected(what, r);
      return r.json;
    };

    const hl = await Promise.all(
      Array.from({ length: clients }, async () => {
        const c = new Rotating(server.bases);
        await c.login('handlaggare.lss');
        return c;
      }),
    );
    const ks = new Rotating(server.bases);
    await ks.login('kontaktsekreterare');
    const cpClient = new Rotating(server.bases);
    await cpClient.login('kontaktperson');
    const publicClient = new Rotating(server.bases);

    const toConfirm: { id: string; version: number }[] = [];

    // A handläggare takes case after case through the process.
    const journey = async (c: Client) => {
      while (!stopped) {
        const f = nextPerson();
        const p = await ok(c, 'POST /api/persons', 'POST', '/api/persons', {
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
        });
        acked.persons.push(p.id);
        const k = await ok(c, 'POST /api/cases', 'POST', '/api/cases', { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: day });
        acked.cases.push(k.id);
        const a = await ok(c, 'acknowledge', 'POST', `/api/cases/${k.id}/acknowledge`, {
          version: k.version,
          acknowledgedDate: day,
          method: 'letter',
          personkretsDocumentation: 'present',
          personkretsGroup: 1,
        });
        acked.acknowledged.push(a.id);
        const inv = await ok(c, 'book', 'POST', `/api/cases/${k.id}/investigation/bookings`, { kind: 'office', date: day, time: '23:00', durationMinutes: 30, place: 'Kontoret' });
        acked.bookings.push(inv.bookings[0].id);
        let saved = await ok(c, 'save investigation', 'PUT', `/api/cases/${k.id}/investigation`, {
          version: inv.version,
          needInOwnWords: 'Vill ha någon att gå på bio med.',
          assessment: 'Behovet är styrkt.',
          livingSituation: 'own_home',
          personkretsGroup: 1,
          personkretsDocumentation: 'Läkarintyg',
          personkretsDocumentationDate: day,
          otherSources: Object.fromEntries(['relatives', 'associations', 'school', 'other_activities', 'network', 'residence_staff'].map((s) => [s, { answer: 'no' }])),
        });
        acked.saves.push({ caseId: k.id, version: saved.version });
        if (saved.missingReasons?.length) {
          saved = await ok(c, 'save investigation', 'PUT', `/api/cases/${k.id}/investigation`, {
            ...saved.form,
            version: saved.version,
            warningReasons: Object.fromEntries(saved.missingReasons.map((w: string) => [w, 'Bedömt i samtalet.'])),
          });
          acked.saves.push({ caseId: k.id, version: saved.version });
        }
        await ok(c, 'complete investigation', 'POST', `/api/cases/${k.id}/investigation/complete`, { version: saved.version });
        acked.completed.push(k.id);
        if (!legalBasisId) {
          const lb = await ok(c, 'legal bases', 'GET', `/api/cases/${k.id}/legal-bases?date=${day}`);
          legalBasisId = lb.items.find((x: { code: string }) => x.code === 'LSS_9_4')?.id ?? lb.items[0].id;
        }
        const d = await ok(c, 'decide', 'POST', `/api/cases/${k.id}/decisions`, {
          outcome: 'granted',
          reasons: 'Du behöver sällskap.',
          legalBasisId,
          decisionDate: day,
          scopeUnit: 'meetings_per_week',
          scopeAmount: 1,
          contactPersonCount: 1,
          startDate: day,
          endDate: addDays(day, 364),
          homeCareTariff: false,
        });
        acked.decisions.push(d.id);
        if (d.state !== 'decided') continue;
        const o = await ok(c, 'send order', 'POST', `/api/cases/${k.id}/order`, { decisionId: d.id });
        acked.orders.push(o.id);
        toConfirm.push({ id: o.id, version: o.version });
      }
    };
    // The kontaktsekreterare confirms the orders as they come.
    const confirmer = async () => {
      while (!stopped) {
        const o = toConfirm.shift();
        if (!o) {
          await sleep(50);
          continue;
        }
        const r = await ok(ks, 'confirm order', 'POST', `/api/orders/${o.id}/confirm`, { version: o.version, confirmedDate: day });
        acked.confirmed.push(r.id ?? o.id);
      }
    };
    // The public form: the token, then the application.
    const applicant = async () => {
      while (!stopped) {
        const form = await ok(publicClient, 'application form', 'GET', '/api/public/contact-person-application');
        const f = nextApplicant();
        const r = await call(publicClient, 'POST', '/api/public/contact-person-application', {
          formToken: form.formToken,
          website: '',
          firstName: f.firstName,
          lastName: f.lastName,
          identityNumber: f.identityNumber,
          email: null,
          phone: f.phone,
          streetAddress: f.streetAddress,
          postalCode: f.postalCode,
          city: f.city,
          motivation: 'Jag vill göra skillnad.',
          capacity: 1,
          privacyAccepted: true,
        });
        if (r.status === 429) {
          await sleep(500);
          continue;
        }
        if (r.status < 200 || r.status >= 300) unexpected('apply', r);
        acked.applications.push(f.identityNumber);
      }
    };
    // The contact person saves the month's report, a counter in the message.
    const reporter = async () => {
      if (!reportId) return;
      while (!stopped) {
        const current = await ok(cpClient, 'read report', 'GET', `/api/portal/reports/${reportId}`);
        const n = ++reportCounter;
        const r = await ok(cpClient, 'save report', 'PUT', `/api/portal/reports/${reportId}`, { version: current.version, meetings: [], cancellations: [], expenses: [], message: `spar ${n}`, submit: false });
        acked.report = { id: r.id, counter: n };
        await sleep(20);
      }
    };

    const guard = (p: Promise<void>) => p.catch((e) => (e instanceof Stopped || stopped ? undefined : Promise.reject(e)));
    const workers = [...hl.map((c) => guard(journey(c))), guard(confirmer()), guard(applicant()), guard(reporter())];
    const killAfter = 2000 + Math.floor(rand() * 6000);
    const failed = await Promise.race([sleep(killAfter).then(() => null), Promise.all(workers).then(() => null, (e: Error) => e)]);
    stopped = true;
    await server.kill9();
    await Promise.allSettled(workers);
    if (failed) throw failed;
    result.cutOff += cutOff;

    // The server must start on the data the kill left.
    let restarted: Group | null = null;
    for (let attempt = 1; attempt <= 3 && !restarted; attempt++) {
      try {
        restarted = await start();
      } catch (e) {
        result.failedRestarts++;
        console.log(`    ${engine} cycle ${cycle}: restart attempt ${attempt} failed: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`);
      }
    }
    if (!restarted) throw new Error(`${engine}: the server does not start after kill -9 (cycle ${cycle})`);
    server = restarted;
    // Through the API as well: every acknowledged case answers.
    const checker = new Rotating(server.bases);
    await checker.login('handlaggare.lss');
    let missingApi = 0;
    for (const id of acked.cases) if ((await checker.request('GET', `/api/cases/${id}`)).status !== 200) missingApi++;
    await server.stop();

    // Then in SQL: every acknowledged write, and the invariants.
    const database = await open();
    const lost: Partial<Record<Kind, number>> = {};
    const violations: string[] = [];
    try {
      const missing = async (t: string, col: string, ids: string[], extra = 'true') => {
        if (!ids.length) return 0;
        const found = await count(database, `select count(distinct ${col}) from ${t} where ${col}::text in (${ids.map((x) => `'${x}'`).join(',')}) and ${extra}`);
        return new Set(ids).size - found;
      };
      lost.persons = await missing('persons', 'id', acked.persons);
      lost.cases = await missing('cases', 'id', acked.cases);
      lost.acknowledged = await missing('cases', 'id', acked.acknowledged, 'acknowledged_date is not null');
      lost.bookings = await missing('investigation_bookings', 'id', acked.bookings);
      lost.saves = 0;
      for (const s of acked.saves) lost.saves += await count(database, `select 1 - count(*) from investigations where case_id = '${s.caseId}' and version >= ${s.version}`);
      lost.completed = await missing('investigations', 'case_id', acked.completed, 'completed_date is not null');
      lost.decisions = await missing('decisions', 'id', acked.decisions);
      lost.orders = await missing('orders', 'id', acked.orders);
      lost.confirmed = await missing('orders', 'id', acked.confirmed, 'confirmed_date is not null');
      lost.applications = await missing('contact_persons', 'identity_number', acked.applications);
      lost.report = 0;
      if (acked.report) {
        const [r] = await rows<{ message: string | null }>(database, `select message from cp_reports where id = '${acked.report.id}'`);
        const n = Number(/^spar (\d+)$/.exec(r?.message ?? '')?.[1] ?? -1);
        // The last acknowledged save, or the one in flight at the kill (committed, never answered).
        if (n !== acked.report.counter && n !== acked.report.counter + 1) lost.report = 1;
      }
      for (const inv of INVARIANTS) {
        const v = await count(database, inv.sql(isNew));
        result.violations[inv.name] += v;
        if (v) violations.push(`${inv.name}: ${v}`);
      }
      {
        // The case-number counter moves once per registered case, in the same transaction: up by exactly the new cases.
        const moved = (await count(database, 'select coalesce(sum(last_number), 0) from case_number_counters')) - counter0;
        const made = await count(database, `select count(*) from cases c where ${isNew('c.id')}`);
        result.violations[COUNTER] += Math.abs(moved - made);
        if (moved !== made) violations.push(`case-number counter moved ${moved}, new cases ${made}`);
      }
      if (reportId) {
        // No lost update: every save moved the version by one and wrote one audit entry.
        const v = Number((await rows<{ v: number }>(database, `select version as v from cp_reports where id = '${reportId}'`))[0].v);
        const a = await count(database, `select count(*) from audit_log where entity_id = '${reportId}' and action in ('report.save', 'report.submit')`);
        const drift = v - reportVersion0 - (a - reportAudit0);
        result.reportVersionDrift = drift;
        if (drift) violations.push(`report version moved ${v - reportVersion0}, audited saves ${a - reportAudit0}`);
      }
    } finally {
      await database.close();
    }
    let ackedCount = 0;
    let lostCount = 0;
    for (const k of KINDS) {
      const n = k === 'report' ? (acked.report ? 1 : 0) : acked[k].length;
      result.acknowledged[k] += k === 'report' ? (acked.report ? acked.report.counter - (all.report?.counter ?? 0) : 0) : n;
      result.lost[k] += lost[k] ?? 0;
      ackedCount += n;
      lostCount += lost[k] ?? 0;
      if (k !== 'report') (all[k] as unknown[]).push(...(acked[k] as unknown[]));
    }
    if (acked.report) all.report = acked.report;
    console.log(
      `    ${engine} cycle ${String(cycle).padStart(2)}: killed after ${killAfter} ms, ${ackedCount} acknowledged (${acked.cases.length} cases, ${acked.decisions.length} decisions, ${acked.orders.length} orders, ` +
        `${acked.confirmed.length} confirmed, ${acked.applications.length} applications), lost ${lostCount}, via API ${missingApi} missing, ${cutOff} cut off` +
        (violations.length ? `, VIOLATIONS: ${violations.join('; ')}` : ', invariants hold'),
    );
    if (cycle < cycles) server = await start();
  }
  await cleanup();
  return result;
}

async function rows<T>(database: Database, q: string): Promise<T[]> {
  const r = (await database.db.execute(sql.raw(q))) as unknown as { rows: T[] };
  return r.rows;
}
async function count(database: Database, q: string): Promise<number> {
  const [r] = await rows<Record<string, unknown>>(database, q);
  return Number(Object.values(r)[0]);
}

export async function runCrashBench(opts: { cycles?: number; clients?: number; engines?: Engine[]; seed?: number; servers?: number } = {}): Promise<SummaryRow[]> {
  const servers = opts.servers ?? 1;
  const cycles = opts.cycles ?? 20;
  const clients = opts.clients ?? 4;
  const engines = opts.engines ?? ['pglite', 'postgres'];
  const rand = prng(opts.seed ?? Date.now() % 100_000);
  const results: EngineResult[] = [];
  const summary: SummaryRow[] = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !(await pgReachable())) {
      console.log('  PostgreSQL not reachable: skipped');
      summary.push({ measure: 'crash: PostgreSQL', value: 'skipped (not reachable)', target: '', ok: null });
      continue;
    }
    console.log(`  ${engine}: ${engine === 'postgres' && servers > 1 ? `${servers} servers on one database, ` : ''}${cycles} cycles, ${clients} handläggare + kontaktsekreterare + public form + portal, kill -9 after 2–8 s …`);
    if (engine === 'pglite' && servers > 1) {
      console.log('  PGlite: one process owns the data folder, so one server: --servers applies to PostgreSQL only');
    }
    const r = await runEngine(engine, cycles, clients, rand, engine === 'pglite' ? 1 : servers);
    results.push(r);
    const acked = Object.values(r.acknowledged).reduce((a, b) => a + b, 0);
    const lost = Object.values(r.lost).reduce((a, b) => a + b, 0);
    const violations = Object.values(r.violations).reduce((a, b) => a + b, 0) + Math.abs(r.reportVersionDrift);
    summary.push({
      measure: `crash: ${engine}${r.servers > 1 ? ` (${r.servers} servers)` : ''}, ${r.cycles} × kill -9 under a use-case mix: acknowledged / lost / invariant violations / failed restarts`,
      value: `${acked} / ${lost} / ${violations} / ${r.failedRestarts}`,
      target: 'lost 0, violations 0',
      ok: lost === 0 && violations === 0 && r.failedRestarts === 0 && r.unexpected.length === 0,
    });
  }
  for (const r of results) {
    console.log(`\n${r.engine}: acknowledged writes and lost after kill -9 (${r.cycles} cycles; ${r.cutOff} requests cut off in flight)\n`);
    console.log(table(['write', 'acknowledged', 'lost'], KINDS.map((k) => [k, r.acknowledged[k], r.lost[k]])));
    console.log(`\n${r.engine}: invariants (violations summed over the cycles)\n`);
    console.log(table(['invariant', 'violations'], [...INVARIANTS.map((i) => [i.name, r.violations[i.name]]), [COUNTER, r.violations[COUNTER]], ['report: version moves = audited saves', Math.abs(r.reportVersionDrift)]]));
    if (r.unexpected.length) console.log(`\nunexpected answers:\n  ${r.unexpected.join('\n  ')}`);
  }
  return summary;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '20' },
      clients: { type: 'string', default: '4' },
      engine: { type: 'string', default: 'both' },
      seed: { type: 'string' },
      servers: { type: 'string', default: '1' },
    },
  });
  const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  const summary = await runCrashBench({ cycles: Number(values.cycles), clients: Number(values.clients), engines, seed: values.seed ? Number(values.seed) : undefined, servers: Number(values.servers) });
  writeSummary('crash', summary);
  // Like every bench: a miss is in the summary (MISSED), the exit code is for a bench that crashed.
  process.exit(0);
}
