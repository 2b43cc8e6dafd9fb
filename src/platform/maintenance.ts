// Housekeeping every instance may run (all of it is idempotent): remove expired sessions, old
// login-throttle windows and API rate-limit counters older than a day, finished e-mail rows after 90 days and read messages after a year, run each area's own housekeeping (Area.maintenance); on embedded PGlite, which has no autovacuum, also VACUUM (ANALYZE) so the
// planner has statistics and dead rows are reclaimed.
import { lt, sql } from 'drizzle-orm';
import type { Area } from './areas';
import type { Clock } from './clock';
import type { Database } from './db/connect';
import { and, isNull, or } from 'drizzle-orm';
import { apiRateCounters, loginFailures, loginThrottle, sessions } from './tables';
import { ACCOUNT_WINDOW_MINUTES, THROTTLE_WINDOW_MINUTES } from './auth/rules';
import { pruneNotifications } from './notifications/notify';

export async function runMaintenance(database: Database, clock: Clock, sessionIdleMinutes: number, areas: readonly Area[] = []): Promise<void> {
  const now = clock.now().getTime();
  await database.db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now - sessionIdleMinutes * 60_000)));
  await database.db.delete(loginThrottle).where(lt(loginThrottle.windowStart, new Date(now - THROTTLE_WINDOW_MINUTES * 60_000)));
  const nowDate = new Date(now);
  // API rate-limit windows are at most a day long (config.ts).
  await database.db.delete(apiRateCounters).where(lt(apiRateCounters.windowStart, new Date(now - 24 * 60 * 60_000)));
  await database.db
    .delete(loginFailures)
    .where(and(lt(loginFailures.lastFailureAt, new Date(now - ACCOUNT_WINDOW_MINUTES * 60_000)), or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, nowDate))));
  await pruneNotifications(database.db, nowDate);
  for (const area of areas) if (area.maintenance) await area.maintenance(database.db, nowDate);
  if (database.kind === 'pglite') await database.db.execute(sql`vacuum (analyze)`);
}

/** First run shortly after start (not on the start-up path), then daily. Timers are unref'd. */
export function scheduleMaintenance(run: () => Promise<void>, onError: (e: unknown) => void): () => void {
  const tick = () => run().catch(onError);
  const first = setTimeout(tick, 60_000);
  const daily = setInterval(tick, 24 * 60 * 60_000);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
