// Two PostgreSQL roles, so the app cannot rewrite its own audit log (ADR 007):
// - the owner (MIGRATION_DATABASE_URL) owns every table and runs the migrations;
// - the runtime role (DATABASE_URL) the app serves with: SELECT/INSERT/UPDATE/DELETE on ordinary tables, only
//   SELECT and INSERT on the append-only ones, owner of nothing. Not being the owner, it can neither ALTER the
//   audit table (DISABLE TRIGGER), DROP it, nor replace the trigger function.
// Embedded PGlite has one role: these checks and grants are for PostgreSQL only, except `checkAuditTriggers`.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from './types';

/** Tables the runtime role may only read and append to. A new append-only table is added here. */
export const APPEND_ONLY_TABLES = ['audit_log', 'payment_changes', 'audit_pseudonyms'] as const;
/** SECURITY DEFINER functions the runtime role may call (EXECUTE is revoked from PUBLIC in their migration; ADR 013). */
export const RUNTIME_FUNCTIONS = ['pseudonymise_audit_persons(uuid[], uuid)'] as const;
/** Triggers that make audit_log append-only (migration 0001); start-up refuses to serve without them. */
export const AUDIT_TRIGGERS = ['audit_log_no_update_delete', 'audit_log_no_truncate'] as const;

const ident = (name: string) => sql.raw(pg.escapeIdentifier(name));

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

export async function currentRole(db: Queryable): Promise<string> {
  const [r] = await rows<{ role: string }>(db, sql`select current_user as role`);
  return r.role;
}

/**
 * Run by the owner after every migration (idempotent, under the migration lock): the runtime role gets DML on
 * every table and sequence the migrations made, then the append-only tables are narrowed to SELECT, INSERT.
 * Tables of future migrations are covered because this runs after each of them.
 */
export async function grantRuntimeRole(owner: Queryable, runtimeRole: string): Promise<void> {
  const rt = ident(runtimeRole);
  await owner.execute(sql`grant select, insert, update, delete on all tables in schema public to ${rt}`);
  await owner.execute(sql`grant usage, select on all sequences in schema public to ${rt}`);
  for (const table of APPEND_ONLY_TABLES) {
    await owner.execute(sql`revoke all on ${ident(table)} from ${rt}`);
    await owner.execute(sql`grant select, insert on ${ident(table)} to ${rt}`);
  }
  for (const fn of RUNTIME_FUNCTIONS) await owner.execute(sql`grant execute on function ${sql.raw(fn)} to ${rt}`);
}

/** Refuse to serve with a runtime role that could change the audit log after all. */
export async function checkRuntimeRole(runtime: Queryable, ownerRole: string): Promise<void> {
  const [me] = await rows<{ role: string; superuser: boolean; member: boolean }>(
    runtime,
    sql`select current_user as role, r.rolsuper as superuser, pg_has_role(current_user, ${ownerRole}, 'MEMBER') as member
        from pg_roles r where r.rolname = current_user`,
  );
  if (me.role === ownerRole) throw new Error('DATABASE_URL and MIGRATION_DATABASE_URL must be two different roles');
  if (me.superuser) throw new Error(`the runtime role ${me.role} (DATABASE_URL) is a superuser`);
  if (me.member) throw new Error(`the runtime role ${me.role} (DATABASE_URL) is a member of the owner role ${ownerRole}`);
  const owned = await rows<{ name: string }>(runtime, sql`select tablename as name from pg_tables where schemaname = 'public' and tableowner = current_user`);
  if (owned.length) throw new Error(`the runtime role ${me.role} (DATABASE_URL) owns tables (${owned.map((t) => t.name).join(', ')}); they belong to the owner role`);
  for (const table of APPEND_ONLY_TABLES) {
    const [p] = await rows<{ change: boolean }>(
      runtime,
      sql`select has_table_privilege(${table}, 'UPDATE') or has_table_privilege(${table}, 'DELETE') or has_table_privilege(${table}, 'TRUNCATE') as change`,
    );
    if (p.change) throw new Error(`the runtime role ${me.role} (DATABASE_URL) may change ${table}, which must be append-only`);
  }
}

/** Both audit triggers exist and are enabled (any engine). */
export async function checkAuditTriggers(db: Db): Promise<void> {
  const found = await rows<{ name: string; enabled: string }>(
    db,
    sql`select tgname as name, tgenabled as enabled from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal`,
  );
  for (const name of AUDIT_TRIGGERS) {
    const t = found.find((f) => f.name === name);
    if (!t || t.enabled === 'D') throw new Error(`the audit trigger ${name} on audit_log is ${t ? 'disabled' : 'missing'}`);
  }
}

export interface RoleSetup {
  database: string;
  owner: string;
  runtime: string;
  ownerPassword?: string;
  runtimePassword?: string;
}

/**
 * The SQL that creates both roles and the database (run by a superuser or a role with CREATEROLE and CREATEDB):
 * `server` on any database of the server, then `database` connected to the new database.
 */
export function rolesSql(o: RoleSetup): { server: string[]; database: string[] } {
  const id = pg.escapeIdentifier;
  const pw = (p?: string) => (p ? ` PASSWORD ${pg.escapeLiteral(p)}` : '');
  return {
    server: [
      `CREATE ROLE ${id(o.owner)} LOGIN NOSUPERUSER NOCREATEROLE${pw(o.ownerPassword)}`,
      `CREATE ROLE ${id(o.runtime)} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB${pw(o.runtimePassword)}`,
      `CREATE DATABASE ${id(o.database)} OWNER ${id(o.owner)}`,
      `REVOKE ALL ON DATABASE ${id(o.database)} FROM PUBLIC`,
      `GRANT CONNECT, TEMPORARY ON DATABASE ${id(o.database)} TO ${id(o.runtime)}`,
    ],
    database: [
      // Only the owner creates objects; the runtime role may use what is there.
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
      `GRANT USAGE, CREATE ON SCHEMA public TO ${id(o.owner)}`,
      `GRANT USAGE ON SCHEMA public TO ${id(o.runtime)}`,
      // Tables a migration run outside the app creates can be read and appended to at once; UPDATE and DELETE
      // on them come from grantRuntimeRole at the next start, which keeps append-only tables narrow.
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${id(o.owner)} IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO ${id(o.runtime)}`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${id(o.owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${id(o.runtime)}`,
    ],
  };
}

/** Create both roles and the database through a superuser connection (`adminUrl`, any database). */
export async function createDbRoles(adminUrl: string, o: RoleSetup): Promise<void> {
  const s = rolesSql(o);
  const server = new pg.Client({ connectionString: adminUrl });
  await server.connect();
  try {
    for (const q of s.server) await server.query(q);
  } finally {
    await server.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${o.database}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    for (const q of s.database) await db.query(q);
  } finally {
    await db.end();
  }
}
