// The register's housekeeping, run daily by the platform's maintenance (Area.maintenance): remove the public
// form's throttle windows that have ended (a fresh window starts from nothing anyway, so this changes no limit).
// Disposal of declined/withdrawn applicants stays a run a person starts (dispose-applicants.ts): the issue asks
// for a dry run first and an audit entry naming who ran it, which a timer has neither of.
import { lte } from 'drizzle-orm';
import type { Db } from '../platform/db/connect';
import { THROTTLE_WINDOW_MS } from './apply';
import { cpApplyThrottle } from './tables';

export async function contactPersonMaintenance(db: Db, now: Date): Promise<void> {
  await db.delete(cpApplyThrottle).where(lte(cpApplyThrottle.windowStart, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}
