// What the platform knows of an area: only what an area hands it through the list in src/areas.ts.
// The platform imports no area; a new stage is a folder, its migrations and one line in that list.
import type { Queryable } from './db/connect';
import type { RouteRegistrar } from './http/route-kit';
import { registerPersonHolders, type PersonHoldersQuery } from './policy/holders';

export interface Area {
  /** The folder's name (src/<name>/). */
  name: string;
  /** Its Drizzle tables module (drizzle-kit reads every src/**\/tables.ts; listed here so the map is complete). */
  tables?: Record<string, unknown>;
  /** Its HTTP routes. */
  routes?: RouteRegistrar;
  /** Rows every deployment starts with (inserted once, at the first start; never overwriting the administrator's). */
  seedDefaults?: (db: Queryable) => Promise<void>;
  /** Which of its records hold a person (unit + responsible user), for the skyddad identitet rule. */
  personHolders?: PersonHoldersQuery;
}

/** Hand the areas' contributions to the platform's policy. Called by buildApp and before seeding the demo. */
export function installAreas(areas: readonly Area[]): void {
  registerPersonHolders(areas.flatMap((a) => (a.personHolders ? [a.personHolders] : [])));
}
