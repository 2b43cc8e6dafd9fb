// A database that is not there (stopped, restarting, the connection cut) is answered 503 DATABASE_UNAVAILABLE with
// a Swedish message — never a 500, never a crashed process — and the pool reconnects by itself once it is back.
// Real connections throughout: a port nobody listens on, and on PostgreSQL the app's own backend terminated
// (pg_terminate_backend, what a restart of PostgreSQL does to every connection) while a request waits in it.
// bench/pg-restart.ts does the same against a private PostgreSQL that is stopped and restarted under load.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp, buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../../test/support/harness';
import { engine } from '../../../test/support/db';
import { fixedClock } from '../clock';
import { loadConfig } from '../config';
import { openPostgres, type Database } from '../db/connect';
import { ERROR_CODES, isDatabaseUnavailable } from '../errors';

const UNAVAILABLE = { code: 'DATABASE_UNAVAILABLE', message: ERROR_CODES.DATABASE_UNAVAILABLE[1] };

/** A loopback port with nothing listening on it: connecting is refused at once. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('a database that refuses connections', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await openPostgres(`postgres://kontakt@127.0.0.1:${await closedPort()}/kontakt`, 2);
    const config = loadConfig({ NODE_ENV: 'test', DEMO: '0', WEB_DIST: '/nonexistent' });
    app = await buildApp({ db: database.db, config, clock: fixedClock('2026-03-16T10:00:00+01:00'), logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE in Swedish: a signed-in request, a sign-in, a write, the health check', async () => {
    const cookie = 'kontakt_session=ingen-riktig-session';
    const requests = [
      app.inject({ method: 'GET', url: '/api/cases?scope=mine', headers: { cookie } }),
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handlaggare', password: 'ett-lösenord-som-räcker' } }),
      app.inject({ method: 'POST', url: '/api/persons', headers: { cookie }, payload: personBody(1) }),
      app.inject({ method: 'GET', url: '/api/health' }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json()).toMatchObject(UNAVAILABLE);
    }
    // Something to retry after, and the request id to quote.
    const res = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().requestId).toEqual(expect.any(String));
  });
});

describe.runIf(engine === 'postgres')('PostgreSQL cuts the connections (as a restart does)', () => {
  let h: Harness;
  let hl: ApiClient;
  let admin: pg.Client;
  let dbName: string;
  beforeAll(async () => {
    h = await setupHarness();
    const staff = await buildStaff(h);
    hl = await login(h.app, staff.hl.username);
    dbName = ((await h.db.execute(sql`select current_database() as d`)) as unknown as { rows: { d: string }[] }).rows[0].d;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await h.close();
  });

  /** Terminate the app's connections (every backend of the database but ours); `where` narrows them. */
  async function terminate(where = 'true'): Promise<number> {
    const r = await admin.query(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and ${where}`, [dbName]);
    return r.rows[0].n;
  }

  /**
   * Requests until three in a row succeed: a connection whose end has not reached the pool yet fails its one request
   * with 503 (never anything else), and is dropped; so at most one 503 per pooled connection (the pool holds 5).
   */
  async function untilHealthy(): Promise<number> {
    let unavailable = 0;
    for (let inARow = 0; inARow < 3; ) {
      const res = await hl.get('/api/cases?scope=mine');
      if (res.statusCode === 200) inARow++;
      else {
        expect(res.statusCode, res.body).toBe(503);
        expect(res.json()).toMatchObject(UNAVAILABLE);
        inARow = 0;
        unavailable++;
        expect(unavailable).toBeLessThanOrEqual(5);
      }
    }
    return unavailable;
  }

  it('idle connections cut: at most one 503 per pooled connection, then the requests succeed on new connections', async () => {
    expect((await hl.get('/api/cases?scope=mine')).statusCode).toBe(200);
    expect(await terminate()).toBeGreaterThan(0);
    await untilHealthy();
    expect((await hl.post('/api/persons', personBody(2))).statusCode).toBe(201);
  });

  it('the connection of a request in the middle of its transaction cut: 503, nothing written, the process lives on, the retry succeeds', async () => {
    await untilHealthy();
    const p = (await hl.post('/api/persons', personBody(3))).json();
    // Hold the person's row, so the edit waits inside its transaction (between statements of the use case).
    await admin.query('begin');
    await admin.query('select 1 from persons where id = $1 for update', [p.id]);
    const edit = hl.patch(`/api/persons/${p.id}`, { version: p.version, ...personBody(3, { city: 'Nyby' }) });
    let settled = false;
    void edit.finally(() => (settled = true));
    // Wait until the app's backend waits for the lock (polling the catalogue, no timing), then cut it.
    let cut = 0;
    while (!cut && !settled) cut = await terminate(`wait_event_type = 'Lock'`);
    await admin.query('rollback');
    expect(cut).toBe(1);
    const res = await edit;
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject(UNAVAILABLE);
    // Nothing of it was written, and the same edit goes through now.
    const row = async () => (await admin.query('select version, city from persons where id = $1', [p.id])).rows[0];
    expect(await row()).toEqual({ version: p.version, city: 'Demoby' });
    const again = await hl.patch(`/api/persons/${p.id}`, { version: p.version, ...personBody(3, { city: 'Nyby' }) });
    expect(again.statusCode, again.body).toBe(200);
    expect(await row()).toEqual({ version: p.version + 1, city: 'Nyby' });
  });

  it('a checked-out client losing its connection between two statements does not crash the process', async () => {
    // Without an error listener on the client, node-postgres emits 'error' with nobody listening: an uncaught
    // exception (vitest fails the file on it). The statement after the cut fails as "unavailable" instead.
    const err = await h.db
      .transaction(async (tx) => {
        const me = ((await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] }).rows[0].pid;
        await admin.query('select pg_terminate_backend($1)', [me]);
        // Let the termination arrive on the idle socket before the next statement.
        await admin.query('select pg_sleep(0.2)');
        await tx.execute(sql`select 1`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).not.toBeNull();
    expect(isDatabaseUnavailable(err)).toBe(true);
    await untilHealthy();
  });
});

describe('which errors are the database being unavailable', () => {
  const wrap = (cause: unknown) => Object.assign(new Error('Failed query: select …'), { cause });
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection reset, wrapped by Drizzle', wrap(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))],
    ['admin_shutdown (57P01)', wrap(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
    ['cannot_connect_now (57P03, starting up)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection_failure (08006)', Object.assign(new Error('…'), { code: '08006' })],
    ['the connection ended', wrap(new Error('Connection terminated unexpectedly'))],
    ['the pool could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['every address refused', Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]), { code: 'ECONNREFUSED' })],
  ])('%s: yes', (_label, err) => expect(isDatabaseUnavailable(err)).toBe(true));
  it.each([
    ['a unique violation (23505)', wrap(Object.assign(new Error('duplicate key'), { code: '23505' }))],
    ['a syntax error (42601)', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a serialization failure (40001)', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('%s: no', (_label, err) => expect(isDatabaseUnavailable(err)).toBe(false));
});
