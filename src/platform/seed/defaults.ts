// Defaults every deployment starts with (production too): the municipality row, then each area's own
// (e.g. the legal-basis catalogue in decisions/defaults.ts). The administrator edits them afterwards.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import type { Area } from '../areas';
import { municipality } from '../tables';

/** Insert what is missing; never overwrite what the administrator changed. */
export async function seedDefaults(db: Queryable, areas: readonly Pick<Area, 'seedDefaults'>[], municipalityName = 'Kommunen'): Promise<void> {
  await db.insert(municipality).values({ id: 1, name: municipalityName }).onConflictDoNothing();
  for (const area of areas) await area.seedDefaults?.(db);
}

/** One query at start-up: is there a municipality row yet, and any user? */
export async function startupState(db: Queryable): Promise<{ hasMunicipality: boolean; hasUsers: boolean }> {
  const r = await db.execute(sql`select exists(select 1 from municipality) as m, exists(select 1 from users) as u`);
  const row = (r as unknown as { rows: { m: boolean; u: boolean }[] }).rows[0];
  return { hasMunicipality: Boolean(row.m), hasUsers: Boolean(row.u) };
}
