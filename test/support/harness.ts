// Test harness: a fresh database, a fixed clock, the real HTTP app, and factories that take
// overrides (each test states only the facts it depends on).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildKontaktApp } from '../../src/app';

/** The app with every area (src/areas.ts), for tests that build their own (config, logger). */
export const buildApp = buildKontaktApp;
import { loadConfig, type Config } from '../../src/platform/config';
import { fixedClock } from '../../src/platform/clock';
import { openPostgres, type Database, type Db } from '../../src/platform/db/connect';
import { hashPassword } from '../../src/platform/auth/password';
import { units, users } from '../../src/platform/tables';
import type { Role } from '../../src/platform/rules';
import type { UseCaseContext } from '../../src/platform/context';
import { freshDatabase } from './db';

export const TEST_PASSWORD = 'rätt-hemligt-lösenord';
let hashed: Promise<string> | null = null;

export interface Harness {
  database: Database;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function setupHarness(opts: { now?: string; env?: Record<string, string>; logger?: Record<string, unknown> } = {}): Promise<Harness> {
  const database = await freshDatabase();
  const clock = fixedClock(opts.now ?? '2026-03-16T10:00:00+01:00');
  const config = loadConfig({ NODE_ENV: 'test', DEMO: '0', LOGIN_ATTEMPTS_PER_IP: '1000', API_RATE_LIMIT_PER_SESSION: '1000000', API_RATE_LIMIT_PER_IP: '1000000', WEB_DIST: '/nonexistent', ...opts.env });
  const app = await buildKontaktApp({ db: database.db, config, clock, logger: opts.logger ?? false });
  await app.ready();
  // KONTAKT_TEST_SERVERS=2 on PostgreSQL: a second instance of the app on a pool of its own to the same database
  // (its own prepared statements and per-database caches, as another server process would have), and the
  // clients made by login()/client() send their requests to the two in turn. Tests that call h.app.inject
  // themselves reach the first only. Both instances share this process's module state.
  let second: { app: FastifyInstance; database: Database } | null = null;
  if (process.env.KONTAKT_TEST_SERVERS === '2' && database.url) {
    const db2 = await openPostgres(database.url, 5);
    const app2 = await buildKontaktApp({ db: db2.db, config, clock, logger: opts.logger ?? false });
    await app2.ready();
    second = { app: app2, database: db2 };
    partners.set(app, app2);
  }
  return {
    database,
    db: database.db,
    clock,
    config,
    app,
    async close() {
      if (second) {
        await second.app.close();
        await second.database.close();
      }
      await app.close();
      await database.close();
    },
  };
}

/** The second instance of an app (KONTAKT_TEST_SERVERS=2), which its clients' requests alternate with. */
const partners = new WeakMap<FastifyInstance, FastifyInstance>();

let seq = 0;
export async function buildUnit(db: Db, o: Partial<typeof units.$inferInsert> = {}) {
  const [u] = await db.insert(units).values({ name: `Enhet ${++seq}`, route: 'LSS', ...o }).returning();
  return u;
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export async function buildUser(db: Db, o: { role: Role; unitId?: string | null; username?: string; displayName?: string; active?: boolean }): Promise<TestUser> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const n = ++seq;
  const [u] = await db
    .insert(users)
    .values({
      username: o.username ?? `${o.role}${n}`,
      displayName: o.displayName ?? `Test ${o.role} ${n}`,
      role: o.role,
      unitId: o.unitId ?? null,
      active: o.active ?? true,
      passwordHash: await hashed,
    })
    .returning();
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId };
}

export function contextFor(h: Harness, user: TestUser): UseCaseContext {
  return { db: h.db, clock: h.clock, config: h.config, actor: user, requestId: 'test' };
}

export interface ApiClient {
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD, ip = '10.0.0.1'): Promise<ApiClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'kontakt_session')!;
  return client(app, `kontakt_session=${c.value}`);
}

export function client(app: FastifyInstance, cookie: string): ApiClient {
  const apps = [app, ...(partners.has(app) ? [partners.get(app)!] : [])];
  let turn = 0;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    apps[turn++ % apps.length].inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return {
    cookie,
    get: (u) => call('GET', u),
    post: (u, b) => call('POST', u, b ?? {}),
    patch: (u, b) => call('PATCH', u, b),
    put: (u, b) => call('PUT', u, b),
    delete: (u, b) => call('DELETE', u, b),
  };
}

/** A valid-checksum fictitious personnummer (12 digits) for the n-th test person. */
export function testPersonnummer(n: number): string {
  const serial = String(100 + (n % 800)).padStart(3, '0');
  const nine = `850314${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `19850314${serial}${(10 - (sum % 10)) % 10}`;
}

export function personBody(n: number, o: Record<string, unknown> = {}) {
  return {
    identityNumber: testPersonnummer(n),
    firstName: 'Testa',
    lastName: `Testsson${n}`,
    protectedIdentity: false,
    streetAddress: 'Provgatan 1',
    postalCode: '123 45',
    city: 'Demoby',
    phone: '070-123 45 67',
    email: null,
    ...o,
  };
}

/** Two units with a handläggare each, a kontaktsekreterare, an enhetschef, admin and revisor. */
export async function buildStaff(h: Harness) {
  const lss = await buildUnit(h.db, { route: 'LSS' });
  const sol = await buildUnit(h.db, { route: 'SOL' });
  return {
    lss,
    sol,
    hl: await buildUser(h.db, { role: 'handlaggare', unitId: lss.id }),
    hl2: await buildUser(h.db, { role: 'handlaggare', unitId: lss.id }),
    hs: await buildUser(h.db, { role: 'handlaggare', unitId: sol.id }),
    ks: await buildUser(h.db, { role: 'kontaktsekreterare', unitId: lss.id }),
    ec: await buildUser(h.db, { role: 'enhetschef', unitId: lss.id }),
    ecSol: await buildUser(h.db, { role: 'enhetschef', unitId: sol.id }),
    admin: await buildUser(h.db, { role: 'administrator' }),
    revisor: await buildUser(h.db, { role: 'revisor' }),
    lon: await buildUser(h.db, { role: 'lon' }),
  };
}
