import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { TrustProxy } from '../config';
import * as password from './password';
import { buildApp, buildStaff, buildUser, client, login, setupHarness, TEST_PASSWORD, type Harness } from '../../../test/support/harness';

// Pass-through spy: every sign-in must run exactly one password verification, whatever the outcome.
vi.mock('./password', async (original) => {
  const actual = await original<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00', env: { LOGIN_ATTEMPTS_PER_IP: '20', SESSION_IDLE_MINUTES: '30' } });
  staff = await buildStaff(h);
});
afterAll(() => h.close());

const attempt = (username: string, password: string, ip = '10.0.0.9') =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('signing in and out', () => {
  it('sets an httpOnly SameSite=Strict session cookie, answers /me, and signs out', async () => {
    const r = await attempt(staff.hl.username, TEST_PASSWORD, '10.1.0.1');
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((x) => x.name === 'kontakt_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.secure).toBeFalsy();
    const api = client(h.app, `kontakt_session=${c.value}`);
    const me = (await api.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ username: staff.hl.username, role: 'handlaggare', roleLabel: 'Biståndshandläggare' });
    expect(me.permissions).toContain('case:read');
    expect((await api.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('marks the cookie Secure behind https (trusted proxy)', async () => {
    const app = await buildApp({ db: h.db, config: { ...h.config, trustProxy: 1 }, clock: h.clock, logger: false });
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.hl.username, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.1.0.2' },
      remoteAddress: '10.1.0.250',
    });
    expect(r.cookies.find((x) => x.name === 'kontakt_session')!.secure).toBe(true);
    await app.close();
  });

  it('rate limits sign-in attempts per client address, whoever they are for', async () => {
    for (let i = 0; i < 20; i++) await attempt(`nobody${i}`, 'fel', '10.3.0.1');
    const blocked = await attempt(staff.hl.username, TEST_PASSWORD, '10.3.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect((await attempt(staff.hl.username, TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
    h.clock.advance(16 * 60_000);
    expect((await attempt(staff.hl.username, TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    h.clock.set('2026-03-16T10:00:00+01:00');
  });

  it('expires a session after the configured inactivity, and activity keeps it alive', async () => {
    const api = await login(h.app, staff.hl.username, TEST_PASSWORD, '10.4.0.1');
    h.clock.advance(25 * 60_000);
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advance(25 * 60_000);
    expect((await api.get('/api/auth/me')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    const gone = await api.get('/api/auth/me');
    expect(gone.statusCode).toBe(401);
    expect(gone.json().code).toBe('UNAUTHENTICATED');
    h.clock.set('2026-03-16T10:00:00+01:00');
  });

  it('works across two server instances sharing the database', async () => {
    const other = await buildApp({ db: h.db, config: h.config, clock: h.clock, logger: false });
    const api = await login(h.app, staff.hl.username, TEST_PASSWORD, '10.5.0.1');
    const viaOther = client(other, api.cookie);
    expect((await viaOther.get('/api/auth/me')).json().user.username).toBe(staff.hl.username);
    await viaOther.post('/api/auth/logout');
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
    await other.close();
  });

  it('refuses an inactive account', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id, active: false });
    expect((await attempt(u.username, TEST_PASSWORD, '10.6.0.1')).statusCode).toBe(401);
  });

  it('only lists demo accounts in demo mode (an empty list otherwise: no error on the login page)', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accounts: [] });
  });
});

const WRONG = 'fel-lösenord-helt-klart';
const FAILED = { code: 'INVALID_CREDENTIALS', message: 'Fel användarnamn eller lösenord. Efter flera misslyckade försök spärras inloggningen en stund.' };
const reset = () => h.clock.set('2026-03-16T10:00:00+01:00');

async function auditRows(userId: string) {
  const r = (await h.db.execute(sql`select action, details from audit_log where actor_user_id = ${userId} and action like 'auth.%' order by id`)) as unknown as {
    rows: { action: string; details: Record<string, unknown> | null }[];
  };
  return r.rows;
}

describe('the per-address throttle counts failures only', () => {
  it('lets an office behind one address sign in any number of times', async () => {
    // The file's limit is 20 failures per address per 15 minutes.
    for (let i = 0; i < 40; i++) expect((await attempt(staff.hl.username, TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await attempt(`ingen${i}`, WRONG, '10.20.0.1')).statusCode).toBe(401);
    expect((await attempt(staff.hl.username, TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(429);
  });

  it('is one atomic reservation, so parallel attempts cannot slip past it', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`parallell${i}`, WRONG, '10.21.0.1')));
    expect(results.filter((r) => r.statusCode === 401)).toHaveLength(20);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(10);
  });
});

describe('TRUST_PROXY: the client address is the one the trusted proxy saw', () => {
  let apps: FastifyInstance[] = [];
  const appWith = async (trustProxy: TrustProxy, loginAttemptsPerIp = 3) => {
    const app = await buildApp({ db: h.db, config: { ...h.config, trustProxy, loginAttemptsPerIp }, clock: h.clock, logger: false });
    apps.push(app);
    return app;
  };
  const via = (app: FastifyInstance, remoteAddress: string, xff: string | undefined, username = 'ingen-alls') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: WRONG }, remoteAddress, headers: xff ? { 'x-forwarded-for': xff } : {} });
  const throttled = async (address: string) => {
    const r = (await h.db.execute(sql`select attempts from login_throttle where key = ${`ip:${address}`}`)) as unknown as { rows: { attempts: number }[] };
    return r.rows[0] ? Number(r.rows[0].attempts) : 0;
  };
  beforeEach(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps = [];
  });
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  it('with one hop, takes the right-most X-Forwarded-For entry: rotating the forged left part does not escape', async () => {
    const app = await appWith(1);
    for (let i = 0; i < 3; i++) expect((await via(app, '10.30.0.1', `198.18.${i}.1, 203.0.113.7`)).statusCode).toBe(401);
    const fourth = await via(app, '10.30.0.1', '198.18.9.9, 203.0.113.7');
    expect(fourth.statusCode).toBe(429);
    expect(await throttled('203.0.113.7')).toBe(3);
    expect(await throttled('198.18.0.1')).toBe(0);
    // Another client behind the same proxy has its own budget.
    expect((await via(app, '10.30.0.1', '198.18.9.9, 203.0.113.8')).statusCode).toBe(401);
  });

  it('with a list of proxies, believes only the listed ones', async () => {
    const app = await appWith(['10.31.0.0/24']);
    // Through the proxy: its appended entry is the client, whatever the client wrote before it.
    expect((await via(app, '10.31.0.5', 'forged-by-client, 203.0.113.20')).statusCode).toBe(401);
    expect(await throttled('203.0.113.20')).toBe(1);
    // Two proxies of the list in a row: the walk goes past both.
    expect((await via(app, '10.31.0.5', '198.18.0.2, 203.0.113.21, 10.31.0.6')).statusCode).toBe(401);
    expect(await throttled('203.0.113.21')).toBe(1);
    // Straight from a client that is not a listed proxy: its header is ignored.
    for (let i = 0; i < 3; i++) await via(app, '198.51.100.7', `203.0.113.${100 + i}`);
    expect(await throttled('198.51.100.7')).toBe(3);
    expect((await via(app, '198.51.100.7', '203.0.113.200')).statusCode).toBe(429);
  });

  it('without TRUST_PROXY, ignores X-Forwarded-For altogether', async () => {
    const app = await appWith(false);
    for (let i = 0; i < 3; i++) await via(app, '10.32.0.1', `203.0.113.${i}`);
    expect((await via(app, '10.32.0.1', '203.0.113.50')).statusCode).toBe(429);
  });

  it('holds over a real socket with forged headers', async () => {
    const app = await appWith(1);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const send = (xff: string) =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ username: 'ingen-alls', password: WRONG }),
      });
    for (let i = 0; i < 3; i++) expect((await send(`198.18.${i}.1, 203.0.113.77`)).status).toBe(401);
    expect((await send('198.18.200.1, 203.0.113.77')).status).toBe(429);
  });
});

describe('every refusal looks the same', () => {
  it('answers wrong password, unknown user, inactive and locked accounts with the same status and message, after one password check each', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    const inactive = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id, active: false });
    for (let i = 0; i < 5; i++) await attempt(u.username, WRONG, '10.40.0.1');
    const verify = vi.mocked(password.verifyPassword);
    const answers = [];
    for (const [name, pw] of [
      [staff.hl2.username, WRONG],
      ['finns-inte', WRONG],
      [inactive.username, TEST_PASSWORD],
      [u.username, WRONG],
      [u.username, TEST_PASSWORD], // locked: even the right password is refused alike
    ]) {
      verify.mockClear();
      const r = await attempt(name, pw, '10.40.0.1');
      expect(verify).toHaveBeenCalledTimes(1);
      answers.push({ status: r.statusCode, code: r.json().code, message: r.json().message });
    }
    for (const a of answers) expect(a).toEqual({ status: 401, ...FAILED });
    // The audit log keeps the real reasons.
    const reasons = (await auditRows(u.id)).map((r) => r.details?.reason);
    expect(reasons).toEqual(['password', 'password', 'password', 'password', 'password', 'address_locked', 'address_locked']);
  });
});

describe('failures are limited per account and client address', () => {
  it('locks only the pair after five failures: the owner signs in from elsewhere, and from there again after 15 minutes', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    for (let i = 0; i < 5; i++) expect((await attempt(u.username, WRONG, '10.50.0.1')).statusCode).toBe(401);
    expect((await attempt(u.username, TEST_PASSWORD, '10.50.0.1')).statusCode).toBe(401);
    expect((await attempt(u.username, TEST_PASSWORD, '10.50.0.2')).statusCode).toBe(200);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(u.username, TEST_PASSWORD, '10.50.0.1')).statusCode).toBe(200);
    reset();
  });

  it('locks the whole account only when failures come from five addresses within the hour', async () => {
    const u = await buildUser(h.db, { role: 'administrator' });
    for (let a = 1; a <= 4; a++) {
      for (let i = 0; i < 5; i++) await attempt(u.username, WRONG, `10.60.0.${a}`);
      h.clock.advance(10 * 60_000);
    }
    // Four addresses, even each locked: the account still opens from a fifth.
    expect((await attempt(u.username, TEST_PASSWORD, '10.60.1.1')).statusCode).toBe(200);
    // One failure from a fifth address within the hour locks the account.
    await attempt(u.username, WRONG, '10.61.0.1');
    expect((await attempt(u.username, TEST_PASSWORD, '10.61.1.1')).statusCode).toBe(401);
    const rows = await auditRows(u.id);
    expect(rows.at(-2)?.details).toMatchObject({ reason: 'password', accountLocked: true, addresses: 5 });
    expect(rows.at(-1)?.details).toMatchObject({ reason: 'account_locked', passwordCorrect: true });
    h.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(u.username, TEST_PASSWORD, '10.61.1.1')).statusCode).toBe(200);
    reset();
  });

  it('keeps every counter in the database, so a second instance sees the lock', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    const other = await buildApp({ db: h.db, config: h.config, clock: h.clock, logger: false });
    for (let i = 0; i < 5; i++) await attempt(u.username, WRONG, '10.70.0.1');
    const r = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD }, remoteAddress: '10.70.0.1' });
    expect(r.statusCode).toBe(401);
    await other.close();
  });
});

describe('the user is told about failed attempts at the next sign-in', () => {
  it('carries the count and the time of the last one on the login answer and /me, for that session only', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    const first = await attempt(u.username, TEST_PASSWORD, '10.80.0.1');
    expect(first.json()).toMatchObject({ failedAttemptsSinceLastLogin: 0, lastFailedAttemptAt: null });
    await attempt(u.username, WRONG, '10.80.0.2');
    await attempt(u.username, WRONG, '10.80.0.3');
    h.clock.advance(5 * 60_000);
    await attempt(u.username, WRONG, '10.80.0.2');
    const last = h.clock.now().toISOString();
    h.clock.advance(60_000);
    const r = await attempt(u.username, TEST_PASSWORD, '10.80.0.1');
    expect(r.json()).toMatchObject({ failedAttemptsSinceLastLogin: 3, lastFailedAttemptAt: last });
    const api = client(h.app, `kontakt_session=${r.cookies.find((c) => c.name === 'kontakt_session')!.value}`);
    expect((await api.get('/api/auth/me')).json()).toMatchObject({ failedAttemptsSinceLastLogin: 3, lastFailedAttemptAt: last });
    const again = await attempt(u.username, TEST_PASSWORD, '10.80.0.1');
    expect(again.json()).toMatchObject({ failedAttemptsSinceLastLogin: 0, lastFailedAttemptAt: null });
    expect((await auditRows(u.id)).at(-2)).toMatchObject({ action: 'auth.login', details: { failedAttemptsBefore: 3 } });
    reset();
  });
});
