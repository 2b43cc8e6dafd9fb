import type { Queryable } from '../platform/db/connect';
import { matchingSettings } from './tables';

/** The weights row with its defaults (the columns' own defaults), once. */
export async function seedMatchingSettings(db: Queryable): Promise<void> {
  await db.insert(matchingSettings).values({ id: 1 }).onConflictDoNothing();
}
