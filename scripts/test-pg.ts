// Runs the database tests again on PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
//   tsx scripts/test-pg.ts [--servers 2] [vitest file filters …]
// --servers 2: every test's clients send their requests in turn to two instances of the app, each with a pool of its
// own on the same database (test/support/harness.ts, KONTAKT_TEST_SERVERS); `npm run test:db:pg:pair`.
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL är inte satt: hoppar över databastesterna mot PostgreSQL.');
  process.exit(0);
}
const args = process.argv.slice(2);
const at = args.indexOf('--servers');
const servers = at >= 0 ? args.splice(at, 2)[1] : '1';
const r = spawnSync('npx', ['vitest', 'run', '--project', 'db', ...args], {
  stdio: 'inherit',
  env: { ...process.env, KONTAKT_TEST_DB: 'postgres', ...(servers === '2' ? { KONTAKT_TEST_SERVERS: '2' } : {}) },
});
process.exit(r.status ?? 1);
