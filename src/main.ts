// Start: config → database → migrate → seed (defaults; demo on an empty demo database) → HTTP.
import { buildApp } from './platform/http/app';
import { loadConfig, type Config } from './platform/config';
import { systemClock, type Clock } from './platform/clock';
import { openDatabase, type Database } from './platform/db/connect';
import { isEmpty, seedDefaults } from './platform/seed/defaults';
import { seedDemo } from './platform/seed/seed-demo';

export async function prepareDatabase(config: Config, clock: Clock = systemClock): Promise<Database> {
  const database = await openDatabase(config);
  await database.migrate();
  await seedDefaults(database.db);
  if (config.demo && (await isEmpty(database.db))) await seedDemo(database.db, clock, config);
  return database;
}

export async function startServer(config: Config = loadConfig(), clock: Clock = systemClock) {
  const database = await prepareDatabase(config, clock);
  const app = await buildApp({ db: database.db, config, clock });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ engine: database.kind, demo: config.demo }, 'Kontakt is running');
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
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
