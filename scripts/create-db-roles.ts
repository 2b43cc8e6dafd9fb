// Creates the two PostgreSQL roles and the database for a production installation (ADR 007):
//   npm run db:roles -- --admin-url postgres://postgres@db/postgres --database kontakt \
//     --owner kontakt_owner --runtime kontakt_app
// The owner owns the tables and runs the migrations (MIGRATION_DATABASE_URL); the runtime role is what the app
// serves with (DATABASE_URL): it may read and append to the audit log, never change it. Passwords come from
// KONTAKT_OWNER_PASSWORD and KONTAKT_RUNTIME_PASSWORD (leave them unset for peer/cert/trust authentication).
// --print writes the SQL instead of running it, for a DBA to run with psql.
import { parseArgs } from 'node:util';
import { createDbRoles, rolesSql, type RoleSetup } from '../src/platform/db/roles';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string' },
    database: { type: 'string', default: 'kontakt' },
    owner: { type: 'string', default: 'kontakt_owner' },
    runtime: { type: 'string', default: 'kontakt_app' },
    print: { type: 'boolean', default: false },
  },
});
const setup: RoleSetup = {
  database: values.database!,
  owner: values.owner!,
  runtime: values.runtime!,
  ownerPassword: process.env.KONTAKT_OWNER_PASSWORD || undefined,
  runtimePassword: process.env.KONTAKT_RUNTIME_PASSWORD || undefined,
};

if (values.print) {
  const s = rolesSql(setup);
  console.log(`-- Run as a superuser. Then connect to the new database (\\connect ${setup.database}) for the rest.`);
  for (const q of s.server) console.log(`${q};`);
  console.log(`\\connect ${setup.database}`);
  for (const q of s.database) console.log(`${q};`);
  process.exit(0);
}
const adminUrl = values['admin-url'] ?? process.env.PG_ADMIN_URL;
if (!adminUrl) {
  console.error('Ange --admin-url postgres://superanvändare@värd/postgres (eller PG_ADMIN_URL), eller --print för att bara skriva ut SQL.');
  process.exit(2);
}
try {
  await createDbRoles(adminUrl, setup);
  const at = new URL(adminUrl);
  const url = (role: string) => `postgres://${role}:…@${at.host}/${setup.database}`;
  console.log(`Klart. Databasen ${setup.database} ägs av ${setup.owner}.`);
  console.log(`  MIGRATION_DATABASE_URL=${url(setup.owner)}`);
  console.log(`  DATABASE_URL=${url(setup.runtime)}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
