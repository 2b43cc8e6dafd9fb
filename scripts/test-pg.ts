// Runs the database tests again on PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL är inte satt: hoppar över databastesterna mot PostgreSQL.');
  process.exit(0);
}
const r = spawnSync('npx', ['vitest', 'run', '--project', 'db'], { stdio: 'inherit', env: { ...process.env, KONTAKT_TEST_DB: 'postgres' } });
process.exit(r.status ?? 1);
