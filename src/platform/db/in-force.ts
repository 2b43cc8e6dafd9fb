// Configuration versioned by validity dates (legal bases today; rates and check rules later): a row is in
// force from `valid_from` through `valid_to` (both days included; no `valid_to` = until further notice).
import { and, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export interface ValidityColumns {
  validFrom: AnyPgColumn;
  validTo: AnyPgColumn;
}

/** The where-clause "in force on `date`" (YYYY-MM-DD) for a table with `validFrom`/`validTo` date columns. */
export function inForce(table: ValidityColumns, date: string): SQL {
  return and(lte(table.validFrom, date), or(isNull(table.validTo), gte(table.validTo, date))) as SQL;
}
