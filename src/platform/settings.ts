// The municipality's own routine (name, case-number pattern, acknowledgement limit).
import type { Queryable } from './db/connect';
import { municipality } from './tables';

export type MunicipalitySettings = typeof municipality.$inferSelect;

export async function getMunicipality(db: Queryable): Promise<MunicipalitySettings> {
  const [row] = await db.select().from(municipality);
  if (!row) throw new Error('municipality settings missing (seed not run)');
  return row;
}
