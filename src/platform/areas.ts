// What the platform knows of an area: only what an area hands it through the list in src/areas.ts.
// The platform imports no area; a new stage is a folder, its migrations and one line in that list.
import type { Clock } from './clock';
import type { Config } from './config';
import type { UseCaseContext } from './context';
import type { Db, Queryable } from './db/connect';
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
  /** Its housekeeping (idempotent; e.g. expired throttle windows), run by the platform's maintenance (maintenance.ts). */
  maintenance?: (db: Db, now: Date) => Promise<void>;
}

/** Hand the areas' contributions to the platform's policy. Called by buildApp and before seeding the demo. */
export function installAreas(areas: readonly Area[]): void {
  registerPersonHolders(areas.flatMap((a) => (a.personHolders ? [a.personHolders] : [])));
}

/** What an area's demo step receives (src/areas.ts lists the steps; src/demo/seed-demo.ts runs them in order). */
export interface DemoContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** The use-case context of a demo user (demo-data.ts), so the demo goes through the same use cases staff use. */
  as(username: string): UseCaseContext;
  /** The demo accounts' password (a step that makes a sign-in account, like the portal's, uses it). */
  password: string;
  /** Persons made by earlier steps, by key (people's step makes them, later stages give them cases). */
  persons: Map<string, { id: string }>;
}

export type DemoStep = (demo: DemoContext) => Promise<void>;
