// Matching's configuration: one row with the points of each soft criterion and the waiting list's priority
// weights (rules.ts MatchWeights). Defaults on the row itself, so a new municipality has sensible ones.
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';
import { versionCol } from '../platform/db/columns';
import { DEFAULT_WEIGHTS as D } from './rules';

export const matchingSettings = pgTable(
  'matching_settings',
  {
    id: integer('id').primaryKey().default(1),
    area: integer('area').notNull().default(D.area),
    interests: integer('interests').notNull().default(D.interests),
    language: integer('language').notNull().default(D.language),
    availability: integer('availability').notNull().default(D.availability),
    age: integer('age').notNull().default(D.age),
    gender: integer('gender').notNull().default(D.gender),
    continuity: integer('continuity').notNull().default(D.continuity),
    waited: integer('waited').notNull().default(D.waited),
    deadline: integer('deadline').notNull().default(D.deadline),
    version: versionCol(),
  },
  (t) => [
    check('matching_settings_single_row', sql`${t.id} = 1`),
    check(
      'matching_settings_range',
      sql`least(${t.area}, ${t.interests}, ${t.language}, ${t.availability}, ${t.age}, ${t.gender}, ${t.continuity}, ${t.waited}, ${t.deadline}) >= 0 and greatest(${t.area}, ${t.interests}, ${t.language}, ${t.availability}, ${t.age}, ${t.gender}, ${t.continuity}, ${t.waited}, ${t.deadline}) <= 100`,
    ),
  ],
);

/**
 * The register's version as the ranking sees it: one row, counted up by statement triggers (migration 0016) on
 * every change to contact_persons, cp_register_checks and cp_pauses in the same transaction. The prepared
 * register (candidate-pool.ts) is reused while this number is unchanged, so every instance sees a change at once.
 */
export const matchingRegisterVersion = pgTable(
  'matching_register_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('matching_register_version_single_row', sql`${t.id} = 1`)],
);
