// `npm start`: build what is stale (scripts/build.mjs), then run the server from its bundle.
import { buildIfStale, serverBundle } from './build.mjs';

try {
  await buildIfStale();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const { startServer } = await import(serverBundle);
await startServer().catch((e) => {
  console.error('Kontakt could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
