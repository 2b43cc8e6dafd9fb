// Queries on persons and representatives (reads). The people use cases write the rows (create-person.ts,
// update-person.ts, *-representative.ts).
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import { persons, representatives } from './tables';
import type { classifySearch } from './identity-number';

export type PersonRow = typeof persons.$inferSelect;
export type RepresentativeRow = typeof representatives.$inferSelect;

export async function findPerson(db: Queryable, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}

export async function requirePerson(db: Queryable, id: string): Promise<PersonRow> {
  const p = await findPerson(db, id);
  if (!p) throw new AppError('NOT_FOUND', { message: 'Personen finns inte.' });
  return p;
}

export function listRepresentatives(db: Queryable, personId: string): Promise<RepresentativeRow[]> {
  return db.select().from(representatives).where(eq(representatives.personId, personId)).orderBy(asc(representatives.createdAt));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const C = (col: unknown) => sql`${col} collate "C"`;
const lowerC = (col: unknown) => sql`lower(${col}) collate "C"`;
const sv = new Intl.Collator('sv');
/** A record merged into another (registered twice) is hidden from search. */
const notMerged = isNull(persons.mergedIntoId);

/**
 * Prefix search on identity number or names. Each branch walks one index in order and stops at
 * `limit`, so the cost follows the rows shown, not the rows matching (a two-letter prefix can
 * match thousands). Last-name matches come first, then first-name matches; the page is then
 * sorted the Swedish way (å, ä, ö last).
 */
export async function searchPersons(db: Queryable, q: ReturnType<typeof classifySearch>, limit: number): Promise<PersonRow[]> {
  if (q.kind === 'number') {
    // 10 digits (YYMMDDNNNN) may be typed without century: try both centuries, then as a prefix.
    const where =
      q.digits.length === 10
        ? or(eq(persons.identityNumber, `19${q.digits}`), eq(persons.identityNumber, `20${q.digits}`), sql`${C(persons.identityNumber)} like ${`${q.digits}%`}`)
        : sql`${C(persons.identityNumber)} like ${`${escapeLike(q.digits)}%`}`;
    return db.select().from(persons).where(and(where, notMerged)).orderBy(C(persons.identityNumber)).limit(limit);
  }
  const [a, b] = q.words.map((w) => `${escapeLike(w)}%`);
  const last = lowerC(persons.lastName);
  const first = lowerC(persons.firstName);
  // "anna lind" is first + last or last + first; one word matches either name.
  const byLast = await db
    .select()
    .from(persons)
    .where(and(b ? and(sql`${last} like ${a}`, sql`${first} like ${b}`) : sql`${last} like ${a}`, notMerged))
    .orderBy(last, first, C(persons.identityNumber))
    .limit(limit);
  let rows = byLast;
  if (rows.length < limit) {
    const byFirst = await db
      .select()
      .from(persons)
      .where(and(b ? and(sql`${first} like ${a}`, sql`${last} like ${b}`, sql`not (${last} like ${a} and ${first} like ${b})`) : and(sql`${first} like ${a}`, sql`not ${last} like ${a}`), notMerged))
      .orderBy(first, last, C(persons.identityNumber))
      .limit(limit - rows.length);
    rows = [...rows, ...byFirst];
  }
  return rows.sort((x, y) => sv.compare(x.lastName, y.lastName) || sv.compare(x.firstName, y.firstName) || x.identityNumber.localeCompare(y.identityNumber));
}
