// Queries on offers, matching meetings and assignments. The use cases update the rows themselves (through
// changeVersioned); `insertOffer` is the one way an offer is made: it takes a place of the contact person's capacity
// under a row lock, so the second of two coordinators offering the same last place gets 409.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import { units } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { decisions, legalBases } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignmentInterruptions, assignments, matchingMeetings, offers } from './tables';
import type { AssignmentFacts, AssignmentState } from './rules';

export type OfferRow = typeof offers.$inferSelect;
export type MeetingRow = typeof matchingMeetings.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type InterruptionRow = typeof assignmentInterruptions.$inferSelect;

/** Contact persons who did not match this order at a matchningsmöte (no chemistry): not offered again for it. */
export async function excludedForOrder(q: Queryable, orderId: string): Promise<string[]> {
  const rows = await q
    .select({ id: offers.contactPersonId })
    .from(offers)
    .where(and(eq(offers.orderId, orderId), eq(offers.closedReason, 'no_chemistry')));
  return rows.map((r) => r.id);
}

/**
 * Offer a contact person for an order (in the caller's transaction): lock the contact person's row, refuse when
 * every place is taken (current_load, kept by the offers trigger) or when they had no chemistry for this order.
 */
/**
 * Take the contact person's row lock and check there is a place: two coordinators offering the last place serialise
 * here, and the second sees current_load = capacity (409 OFFER_NO_PLACE). 404 when there is no such contact person.
 */
export async function lockPlace(tx: Tx, contactPersonId: string): Promise<void> {
  const [cp] = await tx
    .select({ capacity: contactPersons.capacity, load: contactPersons.currentLoad })
    .from(contactPersons)
    .where(eq(contactPersons.id, contactPersonId))
    .for('update');
  if (!cp) throw new AppError('NOT_FOUND', { message: 'Kontaktpersonen finns inte.' });
  if (cp.load >= cp.capacity) throw new AppError('OFFER_NO_PLACE');
}

/** Insert an offer, taking a place (lockPlace) and refusing a contact person with no chemistry for the order. */
export async function insertOffer(tx: Tx, input: { orderId: string; contactPersonId: string; offeredDate: string; createdBy: string | null }): Promise<OfferRow> {
  const [o] = await tx.select().from(orders).where(eq(orders.id, input.orderId));
  if (!o) throw new AppError('NOT_FOUND');
  await lockPlace(tx, input.contactPersonId);
  if ((await excludedForOrder(tx, o.id)).includes(input.contactPersonId)) throw new AppError('OFFER_CP_EXCLUDED');
  const [row] = await tx
    .insert(offers)
    .values({
      orderId: o.id,
      decisionId: o.decisionId,
      caseId: o.caseId,
      providerUnitId: o.providerUnitId,
      contactPersonId: input.contactPersonId,
      offeredDate: input.offeredDate,
      createdBy: input.createdBy,
    })
    .returning();
  return row;
}

export async function findOffer(q: Queryable, id: string): Promise<OfferRow | null> {
  const [row] = await q.select().from(offers).where(eq(offers.id, id));
  return row ?? null;
}

export async function findAssignment(q: Queryable, id: string): Promise<AssignmentRow | null> {
  const [row] = await q.select().from(assignments).where(eq(assignments.id, id));
  return row ?? null;
}

export async function assignmentOfOffer(q: Queryable, offerId: string): Promise<AssignmentRow | null> {
  const [row] = await q.select().from(assignments).where(eq(assignments.offerId, offerId));
  return row ?? null;
}

/** The offer's meetings, the current (not cancelled) one last. */
export function meetingsOf(q: Queryable, offerIds: string[]): Promise<MeetingRow[]> {
  if (offerIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(matchingMeetings)
    .where(inArray(matchingMeetings.offerId, offerIds))
    .orderBy(asc(matchingMeetings.createdAt), asc(matchingMeetings.id));
}

export async function currentMeeting(q: Queryable, offerId: string): Promise<MeetingRow | null> {
  const [row] = await q
    .select()
    .from(matchingMeetings)
    .where(and(eq(matchingMeetings.offerId, offerId), isNull(matchingMeetings.cancelledAt)))
    .orderBy(desc(matchingMeetings.createdAt))
    .limit(1);
  return row ?? null;
}

export function interruptionsOf(q: Queryable, assignmentIds: string[]): Promise<InterruptionRow[]> {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(assignmentInterruptions)
    .where(inArray(assignmentInterruptions.assignmentId, assignmentIds))
    .orderBy(asc(assignmentInterruptions.fromDate), asc(assignmentInterruptions.createdAt));
}

/** An assignment row with its interruptions, as the rules need it. */
export function stateOf(a: AssignmentRow, interruptions: InterruptionRow[]): AssignmentState {
  return {
    startDate: a.startDate,
    endDate: a.endDate,
    endReason: a.endReason,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    agreementDate: a.agreementDate,
    personSignedDate: a.personSignedDate,
    contactPersonSignedDate: a.contactPersonSignedDate,
    interruptions: interruptions.filter((i) => i.assignmentId === a.id).map((i) => ({ from: i.fromDate, resumed: i.resumedDate })),
  };
}

/** The order with what the offers page needs of it: case number, person's name, the decision's grant and period. */
export async function orderHead(q: Queryable, orderId: string) {
  const [row] = await q
    .select({
      o: orders,
      caseNumber: cases.caseNumber,
      route: cases.route,
      personId: cases.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      protectedIdentity: persons.protectedIdentity,
      d: decisions,
      law: legalBases.law,
      paragraph: legalBases.paragraph,
      providerUnitName: units.name,
    })
    .from(orders)
    .innerJoin(cases, eq(cases.id, orders.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(decisions, eq(decisions.id, orders.decisionId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .innerJoin(units, eq(units.id, orders.providerUnitId))
    .where(eq(orders.id, orderId));
  return row ?? null;
}
export type OrderHead = NonNullable<Awaited<ReturnType<typeof orderHead>>>;

const cpName = { cpFirstName: contactPersons.firstName, cpLastName: contactPersons.lastName };

/** The order's offers (oldest first) with the contact person's name, meetings and assignment. */
export async function offersOfOrder(q: Queryable, orderId: string) {
  const rows = await q
    .select({ f: offers, ...cpName })
    .from(offers)
    .innerJoin(contactPersons, eq(contactPersons.id, offers.contactPersonId))
    .where(eq(offers.orderId, orderId))
    .orderBy(asc(offers.offeredDate), asc(offers.createdAt));
  const ids = rows.map((r) => r.f.id);
  const meetings = await meetingsOf(q, ids);
  const as = ids.length ? await q.select().from(assignments).where(inArray(assignments.offerId, ids)) : [];
  const ints = await interruptionsOf(
    q,
    as.map((a) => a.id),
  );
  return rows.map((r) => {
    const a = as.find((x) => x.offerId === r.f.id) ?? null;
    return { ...r, meetings: meetings.filter((m) => m.offerId === r.f.id), assignment: a, interruptions: a ? ints.filter((i) => i.assignmentId === a.id) : [] };
  });
}
export type OfferWithLife = Awaited<ReturnType<typeof offersOfOrder>>[number];

/** One assignment with everything its page and documents need. */
export async function assignmentDetail(q: Queryable, id: string) {
  const [row] = await q
    .select({
      a: assignments,
      f: offers,
      caseNumber: cases.caseNumber,
      route: cases.route,
      personId: cases.personId,
      person: { firstName: persons.firstName, lastName: persons.lastName, protectedIdentity: persons.protectedIdentity },
      cp: {
        firstName: contactPersons.firstName,
        lastName: contactPersons.lastName,
        streetAddress: contactPersons.streetAddress,
        postalCode: contactPersons.postalCode,
        city: contactPersons.city,
      },
      d: decisions,
      law: legalBases.law,
      paragraph: legalBases.paragraph,
      providerUnitName: units.name,
    })
    .from(assignments)
    .innerJoin(offers, eq(offers.id, assignments.offerId))
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .innerJoin(units, eq(units.id, assignments.providerUnitId))
    .where(eq(assignments.id, id));
  if (!row) return null;
  const interruptions = await interruptionsOf(q, [id]);
  return { ...row, interruptions };
}
export type AssignmentDetail = NonNullable<Awaited<ReturnType<typeof assignmentDetail>>>;

/** The assignments of the case's decisions for the handläggare: the contact person's first name only. */
export async function executionOfCase(q: Queryable, caseId: string) {
  const rows = await q
    .select({ a: assignments, cpFirstName: contactPersons.firstName, contactPersonCount: decisions.contactPersonCount })
    .from(assignments)
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .where(eq(assignments.caseId, caseId))
    .orderBy(asc(assignments.createdAt));
  const ints = await interruptionsOf(
    q,
    rows.map((r) => r.a.id),
  );
  return rows.map((r) => ({ ...r, interruptions: ints.filter((i) => i.assignmentId === r.a.id) }));
}

/** Facts of the assignments of one decision (the execution progress). */
export async function factsOfDecision(q: Queryable, decisionId: string): Promise<AssignmentFacts[]> {
  const as = await q.select().from(assignments).where(eq(assignments.decisionId, decisionId));
  const ints = await interruptionsOf(
    q,
    as.map((a) => a.id),
  );
  return as.map((a) => stateOf(a, ints));
}
