// Queries on the rate table. `rateOn` is how every other stage finds the amounts of a level on a date.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { rateLevels, rateYears } from './tables';

export type RateLevelRow = typeof rateLevels.$inferSelect;

export interface RateOn {
  year: number;
  prisbasbelopp: number;
  code: string;
  name: string;
  /** öre per full month */
  arvode: number;
  omkostnad: number;
  perOccasion: number | null;
  mileagePerMil: number | null;
}

/** The level's amounts in force on `date` (the table of that date's year), or null when that year has no such level. */
export async function rateOn(q: Queryable, levelCode: string, date: string): Promise<RateOn | null> {
  const year = Number(date.slice(0, 4));
  const [row] = await q
    .select({ l: rateLevels, pbb: rateYears.prisbasbelopp })
    .from(rateLevels)
    .innerJoin(rateYears, eq(rateYears.year, rateLevels.year))
    .where(and(eq(rateLevels.year, year), eq(rateLevels.code, levelCode)))
    .limit(1);
  if (!row) return null;
  const { l } = row;
  return { year, prisbasbelopp: row.pbb, code: l.code, name: l.name, arvode: l.arvode, omkostnad: l.omkostnad, perOccasion: l.perOccasion, mileagePerMil: l.mileagePerMil };
}

/** The levels of one year, in the municipality's order. */
export async function levelsOfYear(q: Queryable, year: number): Promise<RateLevelRow[]> {
  return q.select().from(rateLevels).where(eq(rateLevels.year, year)).orderBy(asc(rateLevels.sortOrder), asc(rateLevels.code));
}
