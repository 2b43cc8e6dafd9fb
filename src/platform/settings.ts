// The municipality's own routine (name, case-number pattern, acknowledgement and intyg limits, privacy text).
import type { Queryable } from './db/connect';
import { municipality } from './tables';

export type MunicipalitySettings = typeof municipality.$inferSelect;

async function readMunicipality(db: Queryable): Promise<MunicipalitySettings> {
  const [row] = await db.select().from(municipality);
  if (!row) throw new Error('municipality settings missing (seed not run)');
  return row;
}

const perRequest = new WeakMap<object, Promise<MunicipalitySettings>>();

/**
 * The settings, read once per request: the first call with a use-case context reads the row through `q`
 * (the use case's transaction or connection); later calls with the same context reuse it. Nothing is
 * cached across requests, so every instance sees what the administrator last saved.
 */
export function settingsOf(ctx: object, q: Queryable): Promise<MunicipalitySettings> {
  let p = perRequest.get(ctx);
  if (!p) {
    p = readMunicipality(q);
    perRequest.set(ctx, p);
    // A failed read (a rolled-back transaction) is not remembered.
    p.catch(() => perRequest.get(ctx) === p && perRequest.delete(ctx));
  }
  return p;
}

/** After the settings changed within a request: later reads in it see the new row. */
export function rememberSettings(ctx: object, row: MunicipalitySettings): void {
  perRequest.set(ctx, Promise.resolve(row));
}
