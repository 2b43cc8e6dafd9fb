// Queries of the investigation stage. The use cases insert and update the rows themselves.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { cases } from '../intake/tables';
import { investigationBookings, investigations } from './tables';

export type InvestigationRow = typeof investigations.$inferSelect;
export type BookingRow = typeof investigationBookings.$inferSelect;

export async function findInvestigation(q: Queryable, caseId: string): Promise<InvestigationRow | null> {
  const [row] = await q.select().from(investigations).where(eq(investigations.caseId, caseId));
  return row ?? null;
}

/** Every booking of the case, oldest first (the history: rebooked and cancelled ones stay). */
export function listBookings(q: Queryable, caseId: string): Promise<BookingRow[]> {
  return q.select().from(investigationBookings).where(eq(investigationBookings.caseId, caseId)).orderBy(asc(investigationBookings.createdAt), asc(investigationBookings.date));
}

export async function findBooking(q: Queryable, caseId: string, bookingId: string): Promise<BookingRow | null> {
  const [row] = await q
    .select()
    .from(investigationBookings)
    .where(and(eq(investigationBookings.id, bookingId), eq(investigationBookings.caseId, caseId)));
  return row ?? null;
}

export async function currentBooking(q: Queryable, caseId: string): Promise<BookingRow | null> {
  const [row] = await q
    .select()
    .from(investigationBookings)
    .where(and(eq(investigationBookings.caseId, caseId), eq(investigationBookings.state, 'booked')));
  return row ?? null;
}

/** The person's other cases in the same unit (isPersonKnown in rules.ts). */
export async function otherCasesInUnit(q: Queryable, c: { id: string; personId: string; unitId: string }): Promise<number> {
  const [{ n }] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.personId, c.personId), eq(cases.unitId, c.unitId), ne(cases.id, c.id)));
  return Number(n);
}

/** Create the investigation row if the case has none: from today the case is "under utredning". */
export async function ensureInvestigation(q: Queryable, caseId: string, today: string, userId: string): Promise<void> {
  await q.insert(investigations).values({ caseId, startedDate: today, updatedBy: userId }).onConflictDoNothing({ target: investigations.caseId });
}

/** Whether the booking replaced an earlier one (a rebooking). */
export async function replacesAnother(q: Queryable, bookingId: string): Promise<boolean> {
  const rows = await q.select({ id: investigationBookings.id }).from(investigationBookings).where(eq(investigationBookings.replacedById, bookingId)).limit(1);
  return rows.length > 0;
}
