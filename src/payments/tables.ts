// The rate table (domain.md §5): one row per year with its prisbasbelopp, and the municipality's levels for that year
// with arvode and omkostnad per month. An assignment points to a level code; the amounts for a month come from that
// month's year, so a new year's table never changes a past month.
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { ROUNDINGS } from './rules';

export const rateYears = pgTable(
  'rate_years',
  {
    year: integer('year').primaryKey(),
    /** Prisbasbelopp, whole kronor. */
    prisbasbelopp: integer('prisbasbelopp').notNull(),
    rounding: text('rounding', { enum: ROUNDINGS }).notNull().default('krona'),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('rate_years_year_chk', sql`${t.year} between 2000 and 2100`), check('rate_years_pbb_chk', sql`${t.prisbasbelopp} > 0`)],
);

/**
 * A level (nivå) of one year. Amounts are öre per full month. When a share (per mille of the prisbasbelopp per year)
 * is set, the amount was derived from it with the year's rounding (`monthlyFromShare`) and is stored as computed.
 */
export const rateLevels = pgTable(
  'rate_levels',
  {
    id: pk(),
    year: integer('year')
      .notNull()
      .references(() => rateYears.year),
    /** Stable code the assignment stores (e.g. "niva1"); the name is what people read ("Nivå 1"). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    arvode: integer('arvode').notNull(),
    omkostnad: integer('omkostnad').notNull(),
    arvodeSharePermille: integer('arvode_share_permille'),
    omkostnadSharePermille: integer('omkostnad_share_permille'),
    /** Optional: per occasion (öre) and mileage (öre per mil). */
    perOccasion: integer('per_occasion'),
    mileagePerMil: integer('mileage_per_mil'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('rate_levels_year_code_uq').on(t.year, t.code),
    check('rate_levels_amounts_chk', sql`${t.arvode} >= 0 and ${t.omkostnad} >= 0 and coalesce(${t.perOccasion}, 0) >= 0 and coalesce(${t.mileagePerMil}, 0) >= 0`),
  ],
);

