// Queries on orders: the case's current decision, provider units, one order with what it carries, the inbox.
// The use cases insert and update the rows themselves (send-order.ts; the others through changeVersioned).
import { aliasedTable, and, asc, desc, eq, exists, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { units, users } from '../platform/tables';
import { persons, representatives } from '../people/tables';
import { cases } from '../intake/tables';
import { investigations } from '../investigation/tables';
import { decisions, legalBases } from '../decisions/tables';
import { orderEvents, orders } from './tables';

export type OrderRow = typeof orders.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

/**
 * The case's current decision: its latest decided one, as the case_facts view picks it (migration 0006), with the
 * legal basis's short name.
 */
export async function currentDecision(q: Queryable, caseId: string): Promise<{ d: DecisionRow; legalBasis: string } | null> {
  const [row] = await q
    .select({ d: decisions, law: legalBases.law, paragraph: legalBases.paragraph })
    .from(decisions)
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .where(and(eq(decisions.caseId, caseId), eq(decisions.state, 'decided')))
    .orderBy(desc(decisions.decisionDate), desc(decisions.createdAt))
    .limit(1);
  return row ? { d: row.d, legalBasis: `${row.law} ${row.paragraph}` } : null;
}

export async function orderOfDecision(q: Queryable, decisionId: string): Promise<OrderRow | null> {
  const [row] = await q.select().from(orders).where(eq(orders.decisionId, decisionId));
  return row ?? null;
}

/** The case's latest order (as case_facts picks it). */
export async function latestOrderOfCase(q: Queryable, caseId: string): Promise<OrderRow | null> {
  const [row] = await q.select().from(orders).where(eq(orders.caseId, caseId)).orderBy(desc(orders.sentDate), desc(orders.createdAt)).limit(1);
  return row ?? null;
}

export async function findOrder(q: Queryable, id: string): Promise<OrderRow | null> {
  const [row] = await q.select().from(orders).where(eq(orders.id, id));
  return row ?? null;
}

/** Units that can receive an order: active, with at least one active kontaktsekreterare. By name. */
export function providerUnits(q: Queryable): Promise<{ id: string; name: string }[]> {
  return q
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.active, true),
        exists(
          q
            .select({ one: sql`1` })
            .from(users)
            .where(and(eq(users.unitId, units.id), eq(users.role, 'kontaktsekreterare'), eq(users.active, true))),
        ),
      ),
    )
    .orderBy(asc(units.name));
}

const providerUnit = aliasedTable(units, 'provider_unit');
const caseUnit = aliasedTable(units, 'case_unit');

/** Everything one order carries: the order, its case, person, decision (with legal basis), provider unit and handläggare. */
export async function orderDetail(q: Queryable, id: string) {
  const [row] = await q
    .select({
      o: orders,
      caseNumber: cases.caseNumber,
      route: cases.route,
      personId: cases.personId,
      caseUnitId: cases.unitId,
      responsibleUserId: cases.responsibleUserId,
      person: persons,
      d: decisions,
      law: legalBases.law,
      paragraph: legalBases.paragraph,
      providerUnitName: providerUnit.name,
      caseUnitName: caseUnit.name,
      responsibleName: users.displayName,
      wishedGender: investigations.wishedGender,
      wishedGenderRequired: investigations.wishedGenderRequired,
      wishedAgeMin: investigations.wishedAgeMin,
      wishedAgeMax: investigations.wishedAgeMax,
      wishedInterests: investigations.wishedInterests,
      wishedLanguages: investigations.wishedLanguages,
      wishesOther: investigations.wishesOther,
    })
    .from(orders)
    .innerJoin(cases, eq(cases.id, orders.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(decisions, eq(decisions.id, orders.decisionId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .innerJoin(providerUnit, eq(providerUnit.id, orders.providerUnitId))
    .innerJoin(caseUnit, eq(caseUnit.id, cases.unitId))
    .innerJoin(users, eq(users.id, cases.responsibleUserId))
    .leftJoin(investigations, eq(investigations.caseId, cases.id))
    .where(eq(orders.id, id));
  if (!row) return null;
  const reps = await q.select().from(representatives).where(eq(representatives.personId, row.personId)).orderBy(asc(representatives.createdAt));
  const events = await q
    .select({ kind: orderEvents.kind, date: orderEvents.date, text: orderEvents.text, byName: users.displayName })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.byUser))
    .where(eq(orderEvents.orderId, id))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id));
  return { ...row, representatives: reps, events };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

/** Open orders: sent, not confirmed and not waiting for the handläggare's answer. */
const open = and(isNull(orders.confirmedDate), isNull(orders.returnedAt))!;

/** The provider's inbox: open orders within `where`, oldest first, and how many are overdue (sent before `overdueBefore`). */
export async function listInbox(q: Queryable, where: SQL, opts: { limit: number; offset: number; overdueBefore: string }) {
  const rows = await q
    .select({
      o: orders,
      caseNumber: cases.caseNumber,
      route: cases.route,
      personId: cases.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      protectedIdentity: persons.protectedIdentity,
      providerUnitName: units.name,
    })
    .from(orders)
    .innerJoin(cases, eq(cases.id, orders.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(units, eq(units.id, orders.providerUnitId))
    .where(and(where, open))
    .orderBy(asc(orders.sentDate), asc(orders.createdAt))
    .limit(opts.limit)
    .offset(opts.offset);
  const [counts] = await q
    .select({ total: sql<number>`count(*)::int`, overdue: sql<number>`(count(*) filter (where ${lt(orders.sentDate, opts.overdueBefore)}))::int` })
    .from(orders)
    .where(and(where, open));
  return { rows, total: Number(counts.total), overdue: Number(counts.overdue) };
}
export type InboxRow = Awaited<ReturnType<typeof listInbox>>['rows'][number];
