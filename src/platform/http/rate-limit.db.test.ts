// The general API rate limit (ADR 015): per session and per client address, counted in the shared table, so
// two instances on one database refuse together; a refusal is a Swedish 429 with RATE_LIMITED and Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp, buildStaff, login, setupHarness, type Harness } from '../../../test/support/harness';
import { loadConfig } from '../config';
import { retryAfterSeconds, windowStartOf } from './rate-limit';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  h = await setupHarness();
  staff = await buildStaff(h);
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await h.close();
});

/** An instance on the test's database with these limits; the clock is the harness's fixed one, so the window never ends. */
async function instance(env: Record<string, string>): Promise<FastifyInstance> {
  const config = { ...h.config, apiRateLimit: loadConfig({ NODE_ENV: 'test', ...env }).apiRateLimit };
  const app = await buildApp({ db: h.db, config, clock: h.clock, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}

async function cookieOf(app: FastifyInstance, username: string, ip: string): Promise<string> {
  return (await login(app, username, undefined, ip)).cookie;
}

const me = (app: FastifyInstance, cookie: string, ip: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie }, remoteAddress: ip });

function expectRefused(res: Awaited<ReturnType<typeof me>>) {
  expect(res.statusCode, res.body).toBe(429);
  const body = res.json();
  expect(body.code).toBe('RATE_LIMITED');
  expect(body.message).toBe('Du har skickat för många förfrågningar på kort tid. Vänta en stund och försök igen.');
  const retry = Number(res.headers['retry-after']);
  expect(Number.isInteger(retry)).toBe(true);
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
}

describe('the window', () => {
  it('is fixed and Retry-After counts the whole seconds to its end', () => {
    const t = Date.parse('2026-03-16T09:00:42.300Z');
    expect(new Date(windowStartOf(t, 60)).toISOString()).toBe('2026-03-16T09:00:00.000Z');
    expect(retryAfterSeconds(t, 60)).toBe(18);
    expect(retryAfterSeconds(Date.parse('2026-03-16T09:00:59.999Z'), 60)).toBe(1);
  });

  it('is configured by the environment, and a limit can be switched off', () => {
    expect(loadConfig({}).apiRateLimit).toEqual({ windowSeconds: 60, perSession: 600, perIp: 3000, flushMs: 1000 });
    expect(loadConfig({ API_RATE_LIMIT_PER_SESSION: 'off', API_RATE_LIMIT_PER_IP: '50', API_RATE_LIMIT_WINDOW_SECONDS: '10' }).apiRateLimit).toMatchObject({ perSession: null, perIp: 50, windowSeconds: 10 });
    expect(() => loadConfig({ API_RATE_LIMIT_PER_IP: 'många' })).toThrow(/API_RATE_LIMIT_PER_IP/);
    expect(() => loadConfig({ API_RATE_LIMIT_WINDOW_SECONDS: '100000' })).toThrow(/at most 86400/);
  });
});

describe('per session', () => {
  it('refuses the request after the limit with a Swedish 429, RATE_LIMITED and Retry-After; another session goes on', async () => {
    const app = await instance({ API_RATE_LIMIT_PER_SESSION: '5', API_RATE_LIMIT_PER_IP: 'off' });
    const a = await cookieOf(app, staff.hl.username, '10.1.0.1');
    const b = await cookieOf(app, staff.ec.username, '10.1.0.1');
    for (let i = 0; i < 5; i++) expect((await me(app, a, '10.1.0.1')).statusCode).toBe(200);
    expectRefused(await me(app, a, '10.1.0.1'));
    // Refused requests are not counted: still refused, and the other session of the same address is not.
    expectRefused(await me(app, a, '10.1.0.1'));
    expect((await me(app, b, '10.1.0.1')).statusCode).toBe(200);
    // Health checks are never limited.
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: { cookie: a } })).statusCode).toBe(200);
  });

  it('two instances on one database share the count', async () => {
    const env = { API_RATE_LIMIT_PER_SESSION: '6', API_RATE_LIMIT_PER_IP: 'off' };
    const one = await instance(env);
    const two = await instance(env);
    const cookie = await cookieOf(one, staff.hl2.username, '10.2.0.1');
    for (let i = 0; i < 4; i++) expect((await me(one, cookie, '10.2.0.1')).statusCode).toBe(200);
    await one.rateLimiter.flush();
    for (let i = 0; i < 2; i++) expect((await me(two, cookie, '10.2.0.1')).statusCode).toBe(200);
    await two.rateLimiter.flush();
    // Six in all: the second instance knows it from the table, and so does the first after its next flush.
    expectRefused(await me(two, cookie, '10.2.0.1'));
    await one.rateLimiter.flush();
    expectRefused(await me(one, cookie, '10.2.0.1'));
    const rows = ((await h.db.execute(sql`select key, requests from api_rate_counters where key like 's:%' and requests = 6`)) as unknown as { rows: { key: string; requests: number }[] }).rows;
    expect(rows).toHaveLength(1);
    // The table holds a hash, never the session token.
    expect(cookie).not.toContain(rows[0].key.slice(2));
  });
});

describe('per client address', () => {
  it('counts every request of the address, signed in or not, on both instances', async () => {
    const env = { API_RATE_LIMIT_PER_SESSION: 'off', API_RATE_LIMIT_PER_IP: '4' };
    const one = await instance(env);
    const two = await instance(env);
    const ip = '10.3.0.1';
    expect((await one.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).statusCode).toBe(200);
    expect((await one.inject({ method: 'GET', url: '/api/auth/sign-in-options', remoteAddress: ip })).statusCode).toBe(200);
    await one.rateLimiter.flush();
    expect((await two.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).statusCode).toBe(200);
    expect((await two.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).statusCode).toBe(200);
    await two.rateLimiter.flush();
    await one.rateLimiter.flush();
    for (const app of [one, two]) {
      const res = await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip });
      expectRefused(res);
    }
    // Before the session is even looked up, and a sign-in is refused the same way.
    const signIn = await two.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.hl.username, password: 'x' }, remoteAddress: ip });
    expectRefused(signIn);
    // Another address is not affected.
    expect((await two.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: '10.3.0.2' })).statusCode).toBe(200);
  });

  it('applies to the API only, not to the web app’s pages', async () => {
    const app = await instance({ API_RATE_LIMIT_PER_SESSION: 'off', API_RATE_LIMIT_PER_IP: '1' });
    const ip = '10.4.0.1';
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).statusCode).toBe(200);
    expectRefused(await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip }));
    expect((await app.inject({ method: 'GET', url: '/logga-in', remoteAddress: ip })).statusCode).not.toBe(429);
  });
});
