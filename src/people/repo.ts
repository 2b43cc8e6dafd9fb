// Queries on persons and representatives. Nothing else writes these tables.
import { and, asc, eq, like, or, sql } from 'drizzle-orm';
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

/** Prefix search on identity number or names; uses the text_pattern_ops indexes. */
export function searchPersons(db: Queryable, q: ReturnType<typeof classifySearch>, limit: number): Promise<PersonRow[]> {
  let where;
  if (q.kind === 'number') {
    // 10 digits (YYMMDDNNNN) may be typed without century: match both centuries' suffix.
    where =
      q.digits.length === 10
        ? or(eq(persons.identityNumber, `19${q.digits}`), eq(persons.identityNumber, `20${q.digits}`), like(persons.identityNumber, `${q.digits}%`))
        : like(persons.identityNumber, `${escapeLike(q.digits)}%`);
  } else {
    const [a, b] = q.words.map((w) => `${escapeLike(w)}%`);
    const first = sql`lower(${persons.firstName})`;
    const last = sql`lower(${persons.lastName})`;
    where = b
      ? or(and(sql`${first} like ${a}`, sql`${last} like ${b}`), and(sql`${last} like ${a}`, sql`${first} like ${b}`))
      : or(sql`${last} like ${a}`, sql`${first} like ${a}`);
  }
  return db.select().from(persons).where(where).orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.identityNumber)).limit(limit);
}
