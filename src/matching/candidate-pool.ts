// The register prepared for ranking (CandidatePool), kept between requests per database while the register is
// unchanged: ranking one order is then array work, not 20 000 rows read and compiled (issue 11: < 20 ms).
// The key is the register's version (counted up at commit by migration 0016's triggers on every change to what
// the ranking reads), today's date (pauses and capacity are read for a day) and the configuration the pool was
// compiled with. The version is read before the rows, so a pool is never older than its key says.
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/connect';
import { prepareCandidates, type CandidatePool, type MatchConfig } from './rules';
import { candidateProfiles } from './repo';
import { matchingRegisterVersion } from './tables';

const pools = new WeakMap<Db, { key: string; pool: Promise<CandidatePool> }>();

/** The approved contact persons with room, prepared for ranking, as of today. */
export async function candidatePool(q: Queryable, db: Db, today: string, cfg: MatchConfig): Promise<CandidatePool> {
  const r = (await q.execute(sql`select version from ${matchingRegisterVersion} where id = 1`)) as unknown as { rows: { version: string | number }[] };
  const key = JSON.stringify([String(r.rows[0]?.version ?? 0), today, cfg.interestLabels, cfg.checkRules, cfg.checkScope]);
  const kept = pools.get(db);
  if (kept && kept.key === key) return kept.pool;
  // Concurrent requests on a new version share one load; a failed load is not kept.
  const pool = candidateProfiles(q, today).then((cps) => prepareCandidates(cps, cfg));
  pools.set(db, { key, pool });
  pool.catch(() => {
    if (pools.get(db)?.pool === pool) pools.delete(db);
  });
  return pool;
}
