// Creates an administrator account: the way into a production installation (which never seeds
// demo users). Usage:
//   npm run create-admin -- --username anna.admin --name "Anna Admin"
// The password is read from KONTAKT_ADMIN_PASSWORD or asked for on the terminal (not echoed).
// Uses the same DATABASE_URL / DATA_DIR (and MIGRATION_DATABASE_URL) as the server; migrates first.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../src/platform/config';
import { openMigrated } from '../src/platform/db/connect';
import { seedDefaults } from '../src/platform/seed/defaults';
import { AREAS } from '../src/areas';
import { hashPassword } from '../src/platform/auth/password';
import { users } from '../src/platform/tables';
import { recordAudit } from '../src/platform/audit/record';
import { systemClock } from '../src/platform/clock';
import { passwordField, userCreateBody } from '../src/admin/schema';

async function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => {
    if (s.startsWith(question)) process.stdout.write(question);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } });
const input = userCreateBody.pick({ username: true, displayName: true }).safeParse({ username: values.username, displayName: values.name });
if (!input.success) {
  console.error('Ange --username (3–50 tecken a–z, 0–9, . _ -) och --name "För- och efternamn".');
  process.exit(2);
}
const password = process.env.KONTAKT_ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askHidden('Lösenord (minst 12 tecken): ') : '');
const pw = passwordField.safeParse(password);
if (!pw.success) {
  console.error(z.prettifyError(pw.error));
  process.exit(2);
}

const config = loadConfig();
const database = await openMigrated(config);
try {
  await seedDefaults(database.db, AREAS);
  const hash = await hashPassword(pw.data);
  await database.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: input.data.username, displayName: input.data.displayName, role: 'administrator', passwordHash: hash })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!u) throw new Error(`Användarnamnet ${input.data.username} finns redan.`);
    await recordAudit(tx, { actor: null, requestId: 'cli:create-admin', clock: systemClock }, { action: 'admin.user', entityType: 'user', entityId: u.id, details: { op: 'create', role: 'administrator', via: 'cli' } });
  });
  console.log(`Administratören ${input.data.username} är skapad (${database.kind === 'postgres' ? 'PostgreSQL' : config.dataDir}).`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await database.close();
}
