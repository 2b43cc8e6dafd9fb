// Schema-driven fuzzing of the whole API (issue 14 item 5): the operations, their parameters and bodies come from
// the served OpenAPI document (made from the zod schemas the routes validate with), and fast-check generates
// requests from them — mostly well-formed values with, in about one field in five, something hostile: control
// characters, right-to-left marks, 10 000-character text, numbers beyond 2^53, impossible dates, wrong types,
// ids of other records or of nothing. Every request goes as one of the demo's roles (or signed out) to a real server
// on loopback. Then, with the server stopped:
//   - 5xx answers: must be 0 (and no dropped connection);
//   - every 2xx write (POST/PUT/PATCH/DELETE) left an audit entry with its request id (x-request-id);
//   - invariants in SQL over what the fuzzing wrote (every case has its kept facts, and they agree with the case;
//     no order without a favourable decision; versions ≥ 1; …);
//   - the application log holds no personal data: no personnummer of a person or contact person in the database,
//     and none of the canary tokens the generator put into the text it sent.
//   npx tsx bench/fuzz.ts [--requests 100000] [--seed 1] [--concurrency 8] [--engine pglite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { DEMO_PASSWORD, dbUrl, dropDatabase, isMain, OUT, pgAdmin, pgReachable, startServer, table, writeSummary, type SummaryRow } from './lib';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  $ref?: string;
}
interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema; required: boolean }[];
  body: Schema | null;
  bodyType: string | null;
}

const ROLES = ['handlaggare.lss', 'handlaggare.sol', 'kontaktsekreterare', 'enhetschef', 'admin', 'lon', 'revisor', 'kontaktperson'] as const;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing out ends the session the other requests use; the fuzzer signs in again instead of calling it. */
const SKIPPED = new Set(['POST /api/auth/logout']);
const CANARY = /Qz(\d{1,7})Xv/g;
/**
 * 2xx writes that may rightly leave no audit entry, each for a reason checked in the route's own tests: a read sent
 * as POST whose log entries are per record read (none found, none logged), or a request that changed nothing.
 */
const NO_AUDIT_WHEN_NOTHING_CHANGED: Record<string, string> = {
  'POST /api/persons/search': 'a read: each person found is logged; a search that finds no one reads no one',
  'POST /api/notifications/read-all': "the user's own messages marked read: no person's data",
  'POST /api/notifications/{id}/read': "the user's own message marked read: no person's data",
  'DELETE /api/admin/users/{id}/protected-identity/{unitId}': 'removing a grant the user does not have changes nothing (a real removal is logged)',
  'POST /api/oversight/reassign/cases': 'moving no case changes nothing (each moved case is logged)',
};

// ---------------------------------------------------------------- values

/** Ids seen in answers (cases, persons, reports …): path parameters and id fields are drawn from them. */
const idPool: string[] = [];
const idSeen = new Set<string>();
function harvest(text: string): void {
  for (const m of text.matchAll(/"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g)) {
    if (idSeen.has(m[1]) || idPool.length >= 20_000) continue;
    idSeen.add(m[1]);
    idPool.push(m[1]);
  }
}

let canaries = 0;
const canary = () => `Qz${canaries++ % 10_000_000}Xv`;
const hostileText = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\u0007\u0008', 'a\u202Eb', '\uFEFF', '😀'.repeat(3), "'; drop table persons; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '\\', '"'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant('x'.repeat(10_000)),
);
const hostileNumber = fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 0.5, Number.MAX_SAFE_INTEGER, -0);
const hostileAny: fc.Arbitrary<Json> = fc.oneof(hostileText, hostileNumber, fc.constant(null), fc.constant(true), fc.constant<Json>([]), fc.constant<Json>({}), fc.constant<Json>({ $gt: '' }));
const dateText = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-29', '2026-13-01', '2026-00-10', '20260314', '14/3/2026', '0000-01-01', '9999-12-31', '2026-03-14T10:00:00Z'),
);
const idValue = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((n) => (idPool.length ? idPool[n % idPool.length] : '00000000-0000-4000-8000-000000000000')) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '1', '') },
);
/** A Swedish identity number, valid check digit or not, 10 or 12 digits, with or without the dash. */
const identityNumber = fc.tuple(fc.integer({ min: 1920, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 9999 }), fc.boolean()).map(([y, m, d, n, dash]) => {
  const s = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${dash ? '-' : ''}${String(n).padStart(4, '0')}`;
  return s;
});

function resolve(s: Schema, defs: Record<string, Schema>): Schema {
  if (s.$ref) return resolve(defs[s.$ref.split('/').pop()!] ?? {}, defs);
  if (s.allOf?.length) {
    const out: Schema = { properties: {}, required: [] };
    for (const part of s.allOf.map((x) => resolve(x, defs))) {
      Object.assign(out, { ...part, properties: out.properties, required: out.required });
      Object.assign(out.properties!, part.properties);
      out.required!.push(...(part.required ?? []));
    }
    return out;
  }
  return s;
}

function textFor(name: string, s: Schema): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (s.format === 'uuid' || /(^|[a-z])id$/.test(name) || n.endsWith('ids')) return idValue;
  if (s.format === 'date' || /date$|^from$|^to$|^month$|since|until/.test(n)) {
    if (/month/.test(n)) return fc.oneof(fc.integer({ min: 2020, max: 2030 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, '0')}`)), fc.constantFrom('2026-13', '2026-1', 'x'));
    return dateText;
  }
  if (/identitynumber|personnummer/.test(n)) return identityNumber;
  if (/quarter/.test(n)) return fc.oneof(fc.integer({ min: 2024, max: 2028 }).chain((y) => fc.integer({ min: 1, max: 4 }).map((q) => `${y}-Q${q}`)), fc.constantFrom('2026-Q5', '2026Q1'));
  if (/email/.test(n)) return fc.oneof(fc.emailAddress(), fc.constant('inte-en-adress'));
  if (/time$/.test(n)) return fc.oneof(fc.integer({ min: 0, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:30`), fc.constant('25:61'));
  const max = Math.min(s.maxLength ?? 60, 60);
  // Plain words with a canary token in most: a token found in the log later is request content that leaked there.
  return fc.tuple(fc.string({ minLength: Math.max(0, Math.min(s.minLength ?? 0, 10)), maxLength: max }), fc.boolean()).map(([t, mark]) => (mark ? `${t.slice(0, Math.max(0, max - 12))}${canary()}` : t));
}

function arb(name: string, raw: Schema, defs: Record<string, Schema>, depth = 0): fc.Arbitrary<Json> {
  const s = resolve(raw, defs);
  const alts = s.anyOf ?? s.oneOf;
  let good: fc.Arbitrary<Json>;
  if (s.const !== undefined) good = fc.constant(s.const);
  else if (s.enum) good = fc.constantFrom(...s.enum);
  else if (alts?.length) good = fc.oneof(...alts.map((a) => arb(name, a, defs, depth + 1)));
  else {
    const types = ([] as string[]).concat(s.type ?? (s.properties ? 'object' : 'string'));
    const one = types.filter((t) => t !== 'null');
    const t = one[0] ?? 'null';
    if (t === 'object') {
      const props = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      good =
        depth > 4
          ? fc.constant({})
          : fc
              .tuple(...props.map(([k, v]) => fc.tuple(fc.constant(k), arb(k, v, defs, depth + 1), fc.double({ min: 0, max: 1, noNaN: true }))), fc.nat(19))
              .map(([...rest]) => {
                const extra = rest.pop() === 0;
                const out: Record<string, Json> = {};
                for (const [k, v, p] of rest as unknown as [string, Json, number][]) if ((required.has(k) && p < 0.95) || p < 0.5) out[k] = v;
                if (extra) out.unexpected = 'x';
                return out;
              });
    } else if (t === 'array') good = fc.array(arb(name, s.items ?? {}, defs, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) }) as fc.Arbitrary<Json>;
    else if (t === 'integer' || t === 'number') {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
      const lo = Math.max(min, -1e9);
      const hi = Math.min(max, 1e9);
      good = t === 'integer' ? fc.integer({ min: Math.ceil(Math.min(lo, hi)), max: Math.floor(Math.max(lo, hi)) }) : fc.double({ min: Math.min(lo, hi), max: Math.max(lo, hi), noNaN: true });
    } else if (t === 'boolean') good = fc.boolean();
    else if (t === 'null') good = fc.constant(null);
    else good = textFor(name, s);
    if (types.includes('null') || s.nullable) good = fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.constant(null) });
  }
  return fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: hostileAny });
}

// ---------------------------------------------------------------- the document

function operationsOf(doc: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } }): { ops: Operation[]; defs: Record<string, Schema> } {
  const defs = doc.components?.schemas ?? {};
  const ops: Operation[] = [];
  for (const [p, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      if (SKIPPED.has(`${method} ${p}`)) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; schema?: Schema; required?: boolean }[];
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      ops.push({
        method,
        path: p,
        pathParams: params.filter((x) => x.in === 'path').map((x) => x.name),
        query: params.filter((x) => x.in === 'query').map((x) => ({ name: x.name, schema: x.schema ?? {}, required: !!x.required })),
        body: bodyType ? (content[bodyType].schema ?? {}) : null,
        bodyType,
      });
    }
  }
  return { ops, defs };
}

interface Request {
  op: Operation;
  url: string;
  body: string | undefined;
  contentType: string | undefined;
}

function requestArb(op: Operation, defs: Record<string, Schema>): fc.Arbitrary<Request> {
  const pathArbs = op.pathParams.map((n) => fc.tuple(fc.constant(n), n.toLowerCase().includes('quarter') || n === 'year' || n === 'month' ? textFor(n, {}) : fc.oneof({ weight: 8, arbitrary: idValue }, { weight: 1, arbitrary: hostileText })));
  const queryArbs = op.query.map((q) => fc.tuple(fc.constant(q.name), arb(q.name, q.schema, defs), fc.boolean()));
  const bodyArb: fc.Arbitrary<Json | undefined> = op.body ? fc.oneof({ weight: 9, arbitrary: arb('body', op.body, defs) }, { weight: 1, arbitrary: hostileAny }) : fc.constant(undefined);
  return fc.tuple(fc.tuple(...pathArbs), fc.tuple(...queryArbs), bodyArb, fc.nat(20)).map(([pathValues, queryValues, body, wrongType]) => {
    let url = op.path;
    for (const [n, v] of pathValues as [string, string][]) url = url.replace(`{${n}}`, encodeURIComponent(String(v)));
    const qs = new URLSearchParams();
    for (const [n, v, send] of queryValues as [string, Json, boolean][]) if (send && v !== null && typeof v !== 'object') qs.set(n, String(v));
    const q = qs.toString();
    const contentType = op.bodyType === null ? undefined : wrongType === 0 ? 'text/plain' : op.bodyType.includes('json') ? 'application/json' : op.bodyType;
    return { op, url: q ? `${url}?${q}` : url, body: body === undefined ? undefined : JSON.stringify(body), contentType };
  });
}

// ---------------------------------------------------------------- HTTP

async function login(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  await r.arrayBuffer();
  if (r.status !== 200) return '';
  return (r.headers.getSetCookie().find((c) => c.startsWith('kontakt_session=')) ?? '').split(';')[0];
}

interface Outcome {
  status: number;
  requestId: string | null;
}
async function send(base: string, cookie: string, r: Request): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (r.contentType) headers['content-type'] = r.contentType;
  try {
    const res = await fetch(base + r.url, { method: r.op.method, headers, body: r.op.method === 'GET' ? undefined : r.body, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    if (res.status < 300 && (res.headers.get('content-type') ?? '').includes('json')) harvest(text);
    return { status: res.status, requestId: res.headers.get('x-request-id') };
  } catch {
    return { status: 0, requestId: null };
  }
}

// ---------------------------------------------------------------- checks after the run

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Invariants over the record: each query returns the rows that break it (none expected). */
const INVARIANTS: { name: string; sql: string }[] = [
  { name: 'every case has its kept facts', sql: 'select c.id from cases c left join case_facts f on f.case_id = c.id where f.case_id is null' },
  { name: "the kept facts agree with the case's unit and handläggare", sql: 'select c.id from cases c join case_facts f on f.case_id = c.id where f.unit_id <> c.unit_id or f.responsible_user_id <> c.responsible_user_id or f.received_date <> c.received_date' },
  { name: 'no kept facts without a case', sql: 'select f.case_id from case_facts f left join cases c on c.id = f.case_id where c.id is null' },
  { name: 'every order rests on a favourable decision', sql: "select o.id from orders o join decisions d on d.id = o.decision_id where d.outcome is distinct from 'granted'" },
  { name: 'versions start at 1', sql: 'select id from cases where version < 1 union all select id from persons where version < 1 union all select id from contact_persons where version < 1' },
  { name: 'no audit entry without an action', sql: "select id from audit_log where action is null or action = ''" },
];

async function checkRecord(q: Query, writes: Map<string, string>): Promise<{ invariants: { name: string; broken: number }[]; unaudited: Map<string, number>; writesChecked: number }> {
  const invariants: { name: string; broken: number }[] = [];
  for (const inv of INVARIANTS) {
    try {
      invariants.push({ name: inv.name, broken: (await q(inv.sql)).length });
    } catch (e) {
      invariants.push({ name: `${inv.name} (query failed: ${(e as Error).message.slice(0, 80)})`, broken: -1 });
    }
  }
  // Every acknowledged write left an audit entry carrying its request id.
  const audited = new Set((await q('select distinct request_id from audit_log where request_id is not null')).map((r) => String(r.request_id)));
  const unaudited = new Map<string, number>();
  for (const [id, route] of writes) if (!audited.has(id)) unaudited.set(route, (unaudited.get(route) ?? 0) + 1);
  return { invariants, unaudited, writesChecked: writes.size };
}

async function personalDataInLog(q: Query, log: string): Promise<{ identityNumbers: number; canaries: number; samples: string[] }> {
  const ids = new Set<string>();
  for (const t of ['persons', 'contact_persons']) for (const r of await q(`select identity_number from ${t} where identity_number is not null`)) ids.add(String(r.identity_number));
  let identityNumbers = 0;
  const samples: string[] = [];
  for (const m of log.matchAll(/\b(\d{6}|\d{8})[-+]?(\d{4})\b/g)) {
    const digits = m[1] + m[2];
    const found = [...ids].some((id) => id === digits || id.endsWith(digits));
    if (found) {
      identityNumbers++;
      if (samples.length < 3) samples.push(`personnummer …${digits.slice(-4)}`);
    }
  }
  const tokens = [...log.matchAll(CANARY)].length;
  if (tokens) samples.push(...[...log.matchAll(CANARY)].slice(0, 3).map((m) => `canary ${m[0]}`));
  return { identityNumbers, canaries: tokens, samples };
}

// ---------------------------------------------------------------- run

export async function runFuzz(o: { requests: number; seed: number; concurrency: number; engine: 'pglite' | 'postgres' }): Promise<SummaryRow[]> {
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  const dir = path.join(OUT, 'fuzz');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'server.log');
  let target: { dataDir?: string; databaseUrl?: string };
  const dbName = 'kontakt_bench_fuzz';
  if (o.engine === 'postgres') {
    if (!(await pgReachable())) throw new Error('PostgreSQL is not reachable');
    await pgAdmin(async (c) => {
      await dropDatabase(c, dbName);
      await c.query(`create database "${dbName}"`);
    });
    target = { databaseUrl: dbUrl(dbName) };
  } else target = { dataDir: path.join(dir, 'data') };

  // info: the request log too, which is where personal data would leak (URLs, bodies, error messages).
  const server = await startServer({ launcher: 'node', ...target, logFile, env: { LOG_LEVEL: 'info' } });
  const statuses = new Map<string, Map<number, number>>();
  const failures: { route: string; status: number; url: string }[] = [];
  const writes = new Map<string, string>();
  const t0 = performance.now();
  try {
    const cookies = new Map<string, string>();
    for (const u of ROLES) cookies.set(u, await login(server.base, u));
    const missing = ROLES.filter((u) => !cookies.get(u));
    if (missing.length) throw new Error(`could not sign in as ${missing.join(', ')}`);
    const docRes = await fetch(`${server.base}/api/openapi.json`);
    const { ops, defs } = operationsOf(await docRes.json());
    // A first pass of every GET as every role fills the id pool with real records.
    for (const op of ops.filter((x) => x.method === 'GET' && x.pathParams.length === 0)) for (const u of ROLES) await send(server.base, cookies.get(u)!, { op, url: op.path, body: undefined, contentType: undefined });
    console.log(`  ${ops.length} operations, ${idPool.length} ids seen; ${o.requests} requests, ${o.concurrency} at a time, as ${ROLES.length} roles and signed out …`);
    const arbs = ops.map((op) => requestArb(op, defs));
    const who = [...ROLES, ''] as string[];
    let next = 0;
    let done = 0;
    const rand = fc.sample(fc.tuple(fc.nat(ops.length - 1), fc.nat(who.length - 1), fc.integer()), { seed: o.seed, numRuns: o.requests });
    const worker = async () => {
      while (next < o.requests) {
        const i = next++;
        const [opIndex, roleIndex, s] = rand[i];
        const [req] = fc.sample(arbs[opIndex], { seed: s, numRuns: 1 });
        const user = who[roleIndex];
        let out = await send(server.base, user ? cookies.get(user)! : '', req);
        if (out.status === 401 && user) {
          // A session ended by something the fuzzer did (a password change, a deactivated account): sign in again.
          cookies.set(user, await login(server.base, user));
          out = await send(server.base, cookies.get(user)!, req);
        }
        const route = `${req.op.method} ${req.op.path}`;
        const byStatus = statuses.get(route) ?? new Map<number, number>();
        byStatus.set(out.status, (byStatus.get(out.status) ?? 0) + 1);
        statuses.set(route, byStatus);
        if (out.status >= 500 || out.status === 0) failures.push({ route, status: out.status, url: req.url.slice(0, 200) });
        if (WRITE.has(req.op.method) && out.status >= 200 && out.status < 300 && out.requestId && !(route in NO_AUDIT_WHEN_NOTHING_CHANGED)) writes.set(out.requestId, route);
        if (++done % 10_000 === 0) console.log(`  ${done} requests, ${failures.length} failures, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - t0) / 1000;

  // The record and the log, read with the server stopped (PGlite is one process's database).
  let q: Query;
  let close: () => Promise<void>;
  if (o.engine === 'postgres') {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    q = async (t) => (await c.query(t)).rows;
    close = () => c.end();
  } else {
    const db = await PGlite.create(target.dataDir!);
    q = async (t) => (await db.query<Record<string, unknown>>(t)).rows;
    close = () => db.close();
  }
  let record: Awaited<ReturnType<typeof checkRecord>>;
  let leaks: Awaited<ReturnType<typeof personalDataInLog>>;
  try {
    record = await checkRecord(q, writes);
    leaks = await personalDataInLog(q, fs.readFileSync(logFile, 'utf8'));
  } finally {
    await close();
  }
  if (o.engine === 'postgres') await pgAdmin((c) => dropDatabase(c, dbName));

  // Report.
  const total = [...statuses.values()].reduce((a, m) => a + [...m.values()].reduce((x, y) => x + y, 0), 0);
  const byClass = new Map<string, number>();
  for (const m of statuses.values()) for (const [s, n] of m) byClass.set(`${String(s)[0]}xx`, (byClass.get(`${String(s)[0]}xx`) ?? 0) + n);
  const reached2xx = [...statuses.values()].filter((m) => [...m.keys()].some((s) => s >= 200 && s < 300)).length;
  console.log(`\nFuzzing on ${o.engine}: ${total} requests in ${seconds.toFixed(0)} s (${Math.round(total / seconds)}/s), ${statuses.size} routes, ${reached2xx} of them answered 2xx at least once\n`);
  console.log(table(['class', 'answers'], [...byClass].sort().map(([k, n]) => [k, n])));
  if (failures.length) {
    console.log('\n5xx or no answer:');
    const byRoute = new Map<string, number>();
    for (const f of failures) byRoute.set(`${f.route} → ${f.status}`, (byRoute.get(`${f.route} → ${f.status}`) ?? 0) + 1);
    console.log(table(['route → status', 'count'], [...byRoute].map(([k, n]) => [k, n])));
  }
  console.log(`\nInvariants (rows that break each):`);
  console.log(table(['invariant', 'broken'], record.invariants.map((i) => [i.name, i.broken])));
  const unaudited = [...record.unaudited.values()].reduce((a, b) => a + b, 0);
  console.log(`\n2xx writes checked for their audit entry: ${record.writesChecked}; without one: ${unaudited} (not checked: ${Object.keys(NO_AUDIT_WHEN_NOTHING_CHANGED).join(', ')})`);
  if (unaudited) console.log(table(['route', 'writes without an audit entry'], [...record.unaudited].map(([k, n]) => [k, n])));
  console.log(`\nApplication log (${(fs.statSync(logFile).size / 1e6).toFixed(1)} MB): personnummer from the database found ${leaks.identityNumbers} times, canary tokens from request text ${leaks.canaries} times${leaks.samples.length ? ` (${leaks.samples.join(', ')})` : ''}`);
  console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const fiveXX = failures.length;
  const broken = record.invariants.reduce((a, i) => a + (i.broken === 0 ? 0 : 1), 0);
  return [
    { measure: `fuzz ${o.engine}: requests (routes)`, value: `${total} (${statuses.size})`, target: '≥ 100 000, every route', ok: total >= 100_000 },
    { measure: `fuzz ${o.engine}: 5xx / no answer`, value: String(fiveXX), target: '0', ok: fiveXX === 0 },
    { measure: `fuzz ${o.engine}: invariants broken`, value: `${broken} of ${record.invariants.length}`, target: '0', ok: broken === 0 },
    { measure: `fuzz ${o.engine}: 2xx writes without audit entry`, value: `${unaudited} of ${record.writesChecked}`, target: '0', ok: unaudited === 0 },
    { measure: `fuzz ${o.engine}: personal data in the log`, value: `${leaks.identityNumbers + leaks.canaries}`, target: '0', ok: leaks.identityNumbers + leaks.canaries === 0 },
  ];
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      engine: { type: 'string', default: 'pglite' },
    },
  });
  const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
  const rows = await runFuzz({ requests: Number(values.requests), seed: Number(values.seed), concurrency: Number(values.concurrency), engine });
  writeSummary(`fuzz-${engine}`, rows);
  // Like every bench: findings are figures in the table, not an exit code (1 only when the fuzzer itself failed).
  process.exit(0);
}
