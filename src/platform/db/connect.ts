// One database API over two engines: embedded PGlite (a data folder) or PostgreSQL (DATABASE_URL), and on
// PostgreSQL optionally two roles: the owner migrates (MIGRATION_DATABASE_URL), the runtime role serves.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Db } from './types';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { checkAuditTriggers, checkRuntimeRole, currentRole, grantRuntimeRole } from './roles';

export type { Db, Queryable, Tx } from './types';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Apply new migrations; `then` runs on the same connection while the migration lock is still held. */
  migrate(then?: (db: Db) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The project root: found from this file upwards, so it works from src/ and from the dist/ bundle. */
function findRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('migrations folder not found');
  }
}
const ROOT = findRoot();
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations');
/**
 * An initialised, migrated, empty PGlite data folder (tar), made by `npm install`/`npm start`
 * (scripts/build.mjs). A new data folder is loaded from it instead of running initdb (~1.4 s
 * instead of ~4.5 s); migrations newer than the template are applied at start as usual.
 */
export const PGLITE_TEMPLATE = path.join(ROOT, 'dist', 'pglite-template.tar');
// Any fixed number: serialises migrations when several instances start against one PostgreSQL.
const MIGRATION_LOCK = 727_001;

export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (fresh && !loadDataDir && fs.existsSync(PGLITE_TEMPLATE)) loadDataDir = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
  }
  const client = await PGlite.create(dataDir ?? undefined, loadDataDir ? { loadDataDir } : undefined);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async migrate(then) {
      await migratePglite(db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder: MIGRATIONS_DIR });
      if (then) await then(db);
    },
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // A database that does not answer a new connection within 5 s fails the request (503 DATABASE_UNAVAILABLE)
  // instead of holding it until the client gives up.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A client losing its connection must not crash the process: idle ones report to the pool, and a checked-out one
  // (in a transaction, between two statements) emits 'error' on itself, which without a listener is an uncaught
  // exception. Its queries fail (503 in the HTTP layer), the pool drops it and connects anew when the database is back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate(then) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        const locked = drizzlePg(client);
        await migratePg(locked, { migrationsFolder: MIGRATIONS_DIR });
        if (then) await then(locked as unknown as Db);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/**
 * The database the app serves with, migrated. With `migrationDatabaseUrl` (PostgreSQL): migrate as the owner,
 * grant the runtime role (DATABASE_URL) what it needs, check it cannot change the audit log, then serve as it.
 * Otherwise one role (and always on PGlite) migrates and serves. Either way the audit triggers must be in place.
 */
export async function openMigrated(config: { databaseUrl: string | null; migrationDatabaseUrl?: string | null; dataDir: string }): Promise<Database> {
  if (!config.migrationDatabaseUrl || !config.databaseUrl) {
    const database = await openDatabase(config);
    try {
      await database.migrate();
      await checkAuditTriggers(database.db);
    } catch (e) {
      await database.close();
      throw e;
    }
    return database;
  }
  const runtime = await openPostgres(config.databaseUrl);
  try {
    const runtimeRole = await currentRole(runtime.db);
    const owner = await openPostgres(config.migrationDatabaseUrl, 1);
    let ownerRole: string;
    try {
      ownerRole = await currentRole(owner.db);
      if (ownerRole === runtimeRole) throw new Error('DATABASE_URL and MIGRATION_DATABASE_URL must be two different roles');
      await owner.migrate((db) => grantRuntimeRole(db, runtimeRole));
    } finally {
      await owner.close();
    }
    await checkRuntimeRole(runtime.db, ownerRole);
    await checkAuditTriggers(runtime.db);
  } catch (e) {
    await runtime.close();
    throw e;
  }
  return runtime;
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Write the PGlite template (see PGLITE_TEMPLATE): a migrated, empty database. Atomic: tmp + rename. */
export async function writePgliteTemplate(file = PGLITE_TEMPLATE): Promise<void> {
  const database = await openPglite(null);
  await database.migrate();
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}
