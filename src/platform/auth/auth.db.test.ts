import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { buildStaff, buildUser, client, login, setupHarness, TEST_PASSWORD, type Harness } from '../../../test/support/harness';

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
    const app = await buildApp({ db: h.db, config: { ...h.config, trustProxy: true }, clock: h.clock, logger: false });
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.hl.username, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.1.0.2' },
    });
    expect(r.cookies.find((x) => x.name === 'kontakt_session')!.secure).toBe(true);
    await app.close();
  });

  it('answers a wrong password and an unknown user alike, in Swedish', async () => {
    const a = await attempt(staff.hl2.username, 'fel', '10.1.0.3');
    const b = await attempt('finns-inte', 'fel', '10.1.0.3');
    expect(a.statusCode).toBe(401);
    expect(a.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Fel användarnamn eller lösenord.' });
    expect(b.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account for 15 minutes after five failures in a row', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    for (let i = 0; i < 4; i++) expect((await attempt(u.username, 'fel', '10.2.0.1')).json().code).toBe('INVALID_CREDENTIALS');
    const fifth = await attempt(u.username, 'fel', '10.2.0.1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(423);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    h.clock.set('2026-03-16T10:00:00+01:00');
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
