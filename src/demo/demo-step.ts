// What an area's demo step receives (src/areas.ts lists the steps; src/demo/seed-demo.ts runs them in order).
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { UseCaseContext } from '../platform/context';
import type { Db } from '../platform/db/connect';

export interface DemoContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** The use-case context of a demo user (demo-data.ts), so the demo goes through the same use cases staff use. */
  as(username: string): UseCaseContext;
  /** Persons made by earlier steps, by key (people's step makes them, later stages give them cases). */
  persons: Map<string, { id: string }>;
}

export type DemoStep = (demo: DemoContext) => Promise<void>;
