// Queries on cases (reads and the case-number counter). The use cases insert and update the rows themselves
// (register-request.ts; change-case.ts through changeVersioned).
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { caseNumberCounters, units, users } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from './tables';

export type CaseRow = typeof cases.$inferSelect;

/** A case with the names a page needs. */
export const caseWithNames = {
  c: cases,
  personFirstName: persons.firstName,
  personLastName: persons.lastName,
  personIdentityNumber: persons.identityNumber,
  personIdKind: persons.idKind,
  personProtected: persons.protectedIdentity,
  responsibleName: users.displayName,
  unitName: units.name,
};

export type CaseWithNames = {
  c: CaseRow;
  personFirstName: string;
  personLastName: string;
  personIdentityNumber: string;
  personIdKind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
  personProtected: boolean;
  responsibleName: string;
  unitName: string;
};

function withNames(db: Queryable) {
  return db
    .select(caseWithNames)
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(users, eq(users.id, cases.responsibleUserId))
    .innerJoin(units, eq(units.id, cases.unitId));
}

export async function findCase(db: Queryable, id: string): Promise<CaseWithNames | null> {
  const [row] = await withNames(db).where(eq(cases.id, id));
  return (row as CaseWithNames) ?? null;
}

export async function listCases(
  db: Queryable,
  where: SQL,
  opts: { sort: 'receivedDate' | 'caseNumber' | 'personName' | 'status'; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ rows: CaseWithNames[]; total: number }> {
  const dir = opts.order === 'asc' ? asc : desc;
  // Status sorts by how far the case has come; at this stage that is application → acknowledgement.
  const orderBy =
    opts.sort === 'caseNumber'
      ? [dir(cases.caseNumber)]
      : opts.sort === 'personName'
        ? [dir(persons.lastName), dir(persons.firstName)]
        : opts.sort === 'status'
          ? [dir(sql`(${cases.applicationDate} is not null)::int + (${cases.acknowledgedDate} is not null)::int`), dir(cases.receivedDate)]
          : [dir(cases.receivedDate), dir(cases.caseNumber)];
  const rows = await withNames(db)
    .where(where)
    .orderBy(...orderBy)
    .limit(opts.limit)
    .offset(opts.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return { rows: rows as CaseWithNames[], total: Number(n) };
}

export function casesOfPerson(db: Queryable, personId: string): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.personId, personId)).orderBy(desc(cases.receivedDate));
}

/** Next running number for the year, inside the caller's transaction (the row lock serialises it). */
export async function nextCaseNumber(db: Queryable, year: number): Promise<number> {
  const [row] = await db
    .insert(caseNumberCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: caseNumberCounters.year, set: { lastNumber: sql`${caseNumberCounters.lastNumber} + 1` } })
    .returning({ n: caseNumberCounters.lastNumber });
  return row.n;
}
