import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite } from '../db/connect';
import { engine } from '../../../test/support/db';
import { verifyPassword } from './password';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

// The CLI is engine-independent; one run on an embedded data folder is enough.
describe.skipIf(engine !== 'pglite')('npm run create-admin', () => {
  it('creates the first administrator in a production database, once', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-admin-'));
    const env = { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '', KONTAKT_ADMIN_PASSWORD: 'ett-långt-lösenord' };
    const args = ['tsx', 'scripts/create-admin.ts', '--username', 'Anna.Admin', '--name', 'Anna Admin'];
    const first = await run('npx', args, { cwd: root, env });
    expect(first.stdout).toContain('anna.admin');
    const again = await run('npx', args, { cwd: root, env }).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('finns redan');
    const short = await run('npx', args, { cwd: root, env: { ...env, KONTAKT_ADMIN_PASSWORD: 'kort' } }).catch((e) => e);
    expect(short.code).toBe(2);

    const db = await openPglite(dataDir);
    const r = (await db.db.execute(sql`select username, role, password_hash from users`)) as unknown as { rows: { username: string; role: string; password_hash: string }[] };
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ username: 'anna.admin', role: 'administrator' });
    expect(await verifyPassword('ett-långt-lösenord', r.rows[0].password_hash)).toBe(true);
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
