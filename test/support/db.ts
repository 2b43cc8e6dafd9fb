// A fresh database per test file, cloned from the migrated template of global-setup.ts.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/connect';

export const engine = inject('pgTemplate') ? 'postgres' : 'pglite';

/** The test's database; on PostgreSQL with its address (a second app can open its own pool to it). */
export type TestDatabase = Database & { url?: string };

export async function freshDatabase(): Promise<TestDatabase> {
  const tpl = inject('pgTemplate');
  if (tpl) {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `kontakt_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openPostgres(url.toString(), 5);
    return {
      ...database,
      url: url.toString(),
      async close() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await admin.end();
      },
    };
  }
  const file = inject('pgliteTemplate')!;
  return openPglite(null, new Blob([fs.readFileSync(file)]));
}
