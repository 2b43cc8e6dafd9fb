// Start: config → database → migrate (as the owner role when given) → seed (defaults; demo on an empty demo database) → HTTP.
import { buildKontaktApp } from './app';
import { AREAS } from './areas';
import { loadConfig, type Config } from './platform/config';
import { systemClock, type Clock } from './platform/clock';
import { openMigrated, type Database } from './platform/db/connect';

export { writePgliteTemplate } from './platform/db/connect';
import { seedDefaults, startupState } from './platform/seed/defaults';
import { seedDemo } from './demo/seed-demo';
import { runMaintenance, scheduleMaintenance } from './platform/maintenance';
import { smtpTransport } from './platform/notifications/mailer';
import { startEmailWorker } from './platform/notifications/worker';

/** Milliseconds per start-up phase, logged once so start-up time can be followed in production. */
function stopwatch() {
  let last = performance.now();
  const phases: Record<string, number> = {};
  return {
    phases,
    lap(name: string) {
      const now = performance.now();
      phases[name] = Math.round(now - last);
      last = now;
    },
  };
}

export async function prepareDatabase(config: Config, clock: Clock = systemClock, sw = stopwatch()): Promise<Database> {
  // With MIGRATION_DATABASE_URL the owner role migrates and the runtime role (DATABASE_URL) serves.
  const database = await openMigrated(config);
  sw.lap('openAndMigrate');
  // Defaults go in once, with the first start; after that they belong to the administrator.
  const state = await startupState(database.db);
  if (!state.hasMunicipality) await seedDefaults(database.db, AREAS);
  if (config.demo && !state.hasUsers) await seedDemo(database.db, clock, config, AREAS);
  sw.lap('seed');
  return database;
}

export async function startServer(config: Config = loadConfig(), clock: Clock = systemClock) {
  const sw = stopwatch();
  const database = await prepareDatabase(config, clock, sw);
  const app = await buildKontaktApp({ db: database.db, config, clock });
  sw.lap('buildApp');
  await app.listen({ port: config.port, host: config.host });
  sw.lap('listen');
  app.log.info({ engine: database.kind, demo: config.demo, startupMs: { ...sw.phases, processUptime: Math.round(process.uptime() * 1000) } }, 'Kontakt is running');
  const stopMaintenance = scheduleMaintenance(
    () => runMaintenance(database, clock, config.sessionIdleMinutes, AREAS),
    (e) => app.log.error({ errName: e instanceof Error ? e.name : 'unknown' }, 'maintenance failed'),
  );
  // Notification e-mail: only with SMTP_URL; without it the outbox waits and the administrator's page shows it.
  const stopEmail = config.smtpUrl
    ? startEmailWorker(database.db, smtpTransport(config.smtpUrl), clock, { from: config.mailFrom, publicUrl: config.publicUrl }, (e) =>
        app.log.error({ errName: e instanceof Error ? e.name : 'unknown' }, 'e-mail worker failed'),
      )
    : () => undefined;
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    stopMaintenance();
    stopEmail();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  return { app, database };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/main.ts')) {
  startServer().catch((e) => {
    // Start-up errors are configuration or database errors, never personal data.
    console.error('Kontakt could not start:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
