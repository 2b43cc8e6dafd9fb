// Builds one migrated template database per run; every test file clones it (fresh, isolated).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/platform/db/connect';
import { seedDefaults } from '../../src/platform/seed/defaults';
import { AREAS } from '../../src/areas';

export async function setup(project: TestProject) {
  const pgUrl = process.env.KONTAKT_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (pgUrl) {
    const name = `kontakt_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openPostgres(url.toString(), 2);
    await database.migrate();
    await seedDefaults(database.db, AREAS);
    await database.close();
    project.provide('pgTemplate', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    };
  }
  const database = await openPglite(null);
  await database.migrate();
  await seedDefaults(database.db, AREAS);
  const client = (database.db as unknown as { $client: { dumpDataDir(c?: string): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `kontakt-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteTemplate?: string;
  }
}
