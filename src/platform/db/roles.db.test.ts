// Two roles on PostgreSQL: the runtime role cannot change, delete or truncate audit rows, nor disable the
// trigger or drop the table, while the app works with it. Runs in the PostgreSQL pass (TEST_DATABASE_URL).
// The audit-trigger start-up check runs on both engines.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, freshDatabase } from '../../../test/support/db';
import { buildApp, buildUser, client, TEST_PASSWORD } from '../../../test/support/harness';
import { prepareDatabase } from '../../main';
import { fixedClock } from '../clock';
import { loadConfig } from '../config';
import { recordAudit } from '../audit/record';
import type { Database } from './connect';
import { checkAuditTriggers, createDbRoles } from './roles';

const clock = fixedClock('2026-03-16T10:00:00+01:00');

describe('the audit trigger check at start', () => {
  it('passes with both triggers, and refuses a database where one is disabled', async () => {
    const database = await freshDatabase();
    try {
      await checkAuditTriggers(database.db);
      await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_truncate`);
      await expect(checkAuditTriggers(database.db)).rejects.toThrow(/audit_log_no_truncate.*disabled/);
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(engine !== 'postgres')('two roles: the runtime role cannot change the audit log', () => {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://unused@127.0.0.1/unused';
  const id = randomBytes(4).toString('hex');
  const owner = `kontakt_own_${id}`;
  const runtime = `kontakt_app_${id}`;
  const dbName = `kontakt_roles_${id}`;
  const urlFor = (role: string) => {
    const u = new URL(base);
    u.username = role;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const config = loadConfig({ NODE_ENV: 'test', DEMO: '0', DATABASE_URL: urlFor(runtime), MIGRATION_DATABASE_URL: urlFor(owner), WEB_DIST: '/nonexistent' });
  let database: Database;
  let rt: pg.Client;
  let own: pg.Client;

  beforeAll(async () => {
    await createDbRoles(base, { database: dbName, owner, runtime });
    database = await prepareDatabase(config, clock);
    rt = new pg.Client({ connectionString: urlFor(runtime) });
    own = new pg.Client({ connectionString: urlFor(owner) });
    await rt.connect();
    await own.connect();
  });

  afterAll(async () => {
    await rt?.end().catch(() => undefined);
    await own?.end().catch(() => undefined);
    await database?.close().catch(() => undefined);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop role if exists ${runtime}`);
    await admin.query(`drop role if exists ${owner}`);
    await admin.end();
  });

  /** The statement fails for lack of privilege (42501), not because the trigger caught it. */
  const refused = async (q: string) => {
    await rt.query('savepoint s').catch(() => undefined);
    const e = await rt.query(q).then(
      () => null,
      (err: { code?: string; message: string }) => err,
    );
    expect(e, q).not.toBeNull();
    expect(e!.code, `${q}: ${e!.message}`).toBe('42501');
  };

  it('migrated as the owner and serves as the runtime role, which owns no table and is not a superuser', async () => {
    const who = await rt.query(`select current_user as u, (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`);
    expect(who.rows[0]).toEqual({ u: runtime, owned: 0 });
    const audit = await own.query(`select tableowner from pg_tables where tablename = 'audit_log'`);
    expect(audit.rows[0].tableowner).toBe(owner);
    expect(await rt.query(`select rolsuper from pg_roles where rolname = current_user`).then((r) => r.rows[0].rolsuper)).toBe(false);
  });

  it('can INSERT and SELECT audit rows', async () => {
    await recordAudit(database.db, { actor: null, requestId: `roles-${id}`, clock }, { action: 'auth.login_failed', entityType: 'session', details: { reason: 'unknown_user' } });
    const r = await rt.query(`select count(*)::int as n from audit_log where request_id = $1`, [`roles-${id}`]);
    expect(r.rows[0].n).toBe(1);
  });

  it('can neither UPDATE, DELETE nor TRUNCATE audit rows, disable the trigger, drop the table or replace the trigger function', async () => {
    await refused(`update audit_log set action = 'x'`);
    await refused(`delete from audit_log`);
    await refused(`truncate audit_log`);
    await refused(`alter table audit_log disable trigger audit_log_no_update_delete`);
    await refused(`alter table audit_log disable trigger all`);
    await refused(`drop table audit_log`);
    await refused(`drop trigger audit_log_no_truncate on audit_log`);
    await refused(`create or replace function audit_log_refuse_change() returns trigger as $$ begin return null; end; $$ language plpgsql`);
    await refused(`create table sneaky (id int)`);
    const n = await rt.query(`select count(*)::int as n from audit_log where request_id = $1`, [`roles-${id}`]);
    expect(n.rows[0].n).toBe(1);
    // The owner still meets the trigger.
    await expect(own.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('runs the app: sign in, change data, and every step is logged', async () => {
    const app = await buildApp({ db: database.db, config, clock, logger: false });
    try {
      const admin = await buildUser(database.db, { role: 'administrator' });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: TEST_PASSWORD }, remoteAddress: '10.0.0.1' });
      expect(res.statusCode, res.body).toBe(200);
      const api = client(app, `kontakt_session=${res.cookies.find((c) => c.name === 'kontakt_session')!.value}`);
      const unit = await api.post('/api/admin/units', { name: `Enhet ${id}`, route: 'LSS' });
      expect(unit.statusCode, unit.body).toBe(201);
      const changed = await api.patch(`/api/admin/units/${unit.json().id}`, { version: 1, name: `Enhet ${id} Norr`, route: 'LSS', active: true });
      expect(changed.statusCode, changed.body).toBe(200);
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: 'fel-fel-fel' }, remoteAddress: '10.0.0.2' });
      expect(wrong.statusCode).toBe(401);
      const logged = await rt.query(`select action from audit_log where actor_user_id = $1 order by id`, [admin.id]);
      expect(logged.rows.map((r) => r.action)).toEqual(['auth.login', 'admin.unit', 'admin.unit', 'auth.login_failed']);
      expect((await api.post('/api/auth/logout')).statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });

  it('pseudonymises a disposed person only through the SECURITY DEFINER function (ADR 013), never by UPDATE', async () => {
    const gone = '5a5a5a5a-0000-4000-8000-00000000abcd';
    await rt.query(`insert into audit_log (occurred_at, action, entity_type, entity_id, person_id) values (now(), 'person.read', 'person', $1, $2)`, [gone, gone]);
    await rt.query(`insert into audit_pseudonyms (pseudonym) values ('5a5a5a5a-0000-4000-8000-00000000beef')`);
    await refused(`update audit_log set person_id = '5a5a5a5a-0000-4000-8000-00000000beef' where person_id = '${gone}'`);
    const r = await rt.query(`select pseudonymise_audit_persons(array[$1]::uuid[], null) as n`, [gone]);
    expect(r.rows[0].n).toBe(1);
    const after = await rt.query(`select person_id, entity_id from audit_log where action = 'person.read' and entity_type = 'person' and person_id in (select pseudonym from audit_pseudonyms)`);
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0].entity_id).toBe(after.rows[0].person_id);
    expect(await rt.query(`select count(*)::int as n from audit_log where person_id = $1`, [gone]).then((x) => x.rows[0].n)).toBe(0);
    // Not for a person who still exists.
    const [p] = (await rt.query(`insert into persons (identity_number, id_kind, first_name, last_name) values ('RES-ROLES-1', 'reservnummer', 'A', 'B') returning id`)).rows;
    await expect(rt.query(`select pseudonymise_audit_persons(array[$1]::uuid[], null)`, [p.id])).rejects.toThrow(/still exists/);
  });

  it('grants tables of later migrations at the next start, and keeps the audit log narrow', async () => {
    // A later migration, run by the owner, adds a table.
    await own.query(`create table later_table (id int primary key, note text)`);
    await rt.query(`insert into later_table values (1, 'a')`);
    await refused(`update later_table set note = 'b'`);
    const again = await prepareDatabase(config, clock);
    await again.close();
    await rt.query(`update later_table set note = 'b'`);
    await rt.query(`delete from later_table`);
    await refused(`delete from audit_log`);
  });

  it('refuses to start when both addresses are the same role, or the runtime role could change the audit log', async () => {
    const same = loadConfig({ NODE_ENV: 'test', DEMO: '0', DATABASE_URL: urlFor(owner), MIGRATION_DATABASE_URL: urlFor(owner), WEB_DIST: '/nonexistent' });
    await expect(prepareDatabase(same, clock)).rejects.toThrow(/two different roles/);
    await own.query(`grant delete on audit_log to ${runtime}`);
    // The next start narrows it again before it serves.
    const again = await prepareDatabase(config, clock);
    await again.close();
    await refused(`delete from audit_log`);
  });
});
