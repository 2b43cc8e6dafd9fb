// Queries of matching: the waiting list (confirmed orders whose current decision waits for a contact person), one
// order's matching profile, the candidates (approved, open, not full, not paused contact persons: only the columns
// the ranking reads, in one query), earlier offers, and the settings row.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { persons, representatives } from '../people/tables';
import { cases } from '../intake/tables';
import { caseFacts } from '../intake/case-status';
import { investigations } from '../investigation/tables';
import { decisions } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons, cpPauses, cpRegisterChecks } from '../contact-persons/tables';
import { assignments, offers } from '../assignments/tables';
import type { OfferCloseReason } from '../assignments/rules';
import { DEFAULT_WEIGHTS, plannedStart, wishedAvailability, type CandidateProfile, type MatchWeights, type OrderProfile } from './rules';
import { matchingSettings } from './tables';

export async function weightsOf(q: Queryable): Promise<MatchWeights & { version: number }> {
  const [row] = await q.select().from(matchingSettings).where(eq(matchingSettings.id, 1));
  if (!row) return { ...DEFAULT_WEIGHTS, version: 0 };
  const { id: _id, ...w } = row;
  return w;
}

// Drizzle leaves a column unqualified in a one-table select, where a subquery would read it as its own: the outer
// columns a subquery needs are named in full.
const CP_ID = sql.raw('"contact_persons"."id"');
const ORDER_ID = sql.raw('"orders"."id"');
const ORDER_DECISION = sql.raw('"orders"."decision_id"');
const CASE_ID = sql.raw('"cases"."id"');

/** The decision a case is at now (as case_facts picks it): its latest decided one. */
const currentDecisionOfCase = sql`(select d2.id from ${decisions} d2 where d2.case_id = ${CASE_ID} and d2.state = 'decided' order by d2.decision_date desc, d2.created_at desc limit 1)`;

const running = sql<number>`(select count(*)::int from ${assignments} a where a.decision_id = ${ORDER_DECISION} and a.start_date is not null and a.end_date is null)`;
const openOffers = sql<number>`(select count(*)::int from ${offers} f where f.order_id = ${ORDER_ID} and f.closed_reason is null)`;

/** The columns a waiting order needs (the list and one order's profile). */
const waitingColumns = {
  orderId: orders.id,
  providerUnitId: orders.providerUnitId,
  caseId: cases.id,
  caseNumber: cases.caseNumber,
  route: cases.route,
  personId: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  birthDate: persons.birthDate,
  birthDatePartial: persons.birthDatePartial,
  postalCode: persons.postalCode,
  protectedIdentity: persons.protectedIdentity,
  decisionId: decisions.id,
  decisionDate: decisions.decisionDate,
  decisionStart: decisions.startDate,
  decisionEnd: decisions.endDate,
  granted: decisions.contactPersonCount,
  executedDate: caseFacts.executedDate,
  interruptedSince: caseFacts.interruptedSince,
  endedDate: caseFacts.endedDate,
  running,
  openOffers,
  investigationId: investigations.id,
  wishedGender: investigations.wishedGender,
  wishedGenderRequired: investigations.wishedGenderRequired,
  wishedAgeMin: investigations.wishedAgeMin,
  wishedAgeMax: investigations.wishedAgeMax,
  wishedInterests: investigations.wishedInterests,
  wishedLanguages: investigations.wishedLanguages,
  wishesOther: investigations.wishesOther,
  household: investigations.householdMembers,
  residenceName: investigations.residenceName,
};

function waitingBase(q: Queryable) {
  return q
    .select(waitingColumns)
    .from(orders)
    .innerJoin(cases, eq(cases.id, orders.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(decisions, eq(decisions.id, orders.decisionId))
    .innerJoin(caseFacts, eq(caseFacts.caseId, cases.id))
    .leftJoin(investigations, eq(investigations.caseId, cases.id));
}

/**
 * Still waiting on `today`: the order is confirmed, is for the case's current decision, which is favourable, not
 * ended and not past its end; and it is not executed, or its assignments are interrupted (a replacement is
 * waited for), or fewer contact persons run than were granted.
 */
function waitingWhere(today: string): SQL {
  return and(
    isNotNull(orders.confirmedDate),
    sql`${orders.decisionId} = ${currentDecisionOfCase}`,
    inArray(decisions.outcome, ['granted', 'partly_granted']),
    or(isNull(caseFacts.endedDate), gt(caseFacts.endedDate, today)),
    or(isNull(decisions.endDate), sql`${decisions.endDate} >= ${today}`),
    or(isNull(caseFacts.executedDate), isNotNull(caseFacts.interruptedSince), sql`${running} < coalesce(${decisions.contactPersonCount}, 1)`),
  )!;
}

export type WaitingRow = Awaited<ReturnType<typeof waitingOrders>>[number];

export function waitingOrders(q: Queryable, scope: SQL, today: string) {
  return waitingBase(q).where(and(scope, waitingWhere(today)));
}

export async function waitingOrder(q: Queryable, orderId: string, today: string): Promise<WaitingRow | null> {
  const [row] = await waitingBase(q).where(and(eq(orders.id, orderId), waitingWhere(today)));
  return row ?? null;
}

/** The offers made for these orders, oldest first, with the contact person's name. */
export async function offersOf(q: Queryable, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return q
    .select({
      id: offers.id,
      orderId: offers.orderId,
      contactPersonId: offers.contactPersonId,
      firstName: contactPersons.firstName,
      lastName: contactPersons.lastName,
      offeredDate: offers.offeredDate,
      response: offers.response,
      responseDate: offers.responseDate,
      closedDate: offers.closedDate,
      closedReason: offers.closedReason,
    })
    .from(offers)
    .innerJoin(contactPersons, eq(contactPersons.id, offers.contactPersonId))
    .where(inArray(offers.orderId, orderIds))
    .orderBy(asc(offers.offeredDate), asc(offers.createdAt));
}

/** The person's representatives and the contact persons who had an assignment with the person (continuity). */
async function personLinks(q: Queryable, personIds: string[]) {
  if (personIds.length === 0) return { reps: [], previous: [] };
  const reps = await q.select({ personId: representatives.personId, kind: representatives.kind, name: representatives.name }).from(representatives).where(inArray(representatives.personId, personIds));
  const previous = await q
    .selectDistinct({ personId: cases.personId, contactPersonId: assignments.contactPersonId })
    .from(assignments)
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .where(and(inArray(cases.personId, personIds), isNotNull(assignments.startDate)));
  return { reps, previous };
}

/** Matching profiles of waiting orders (with their earlier offers and the person's representatives). */
export async function profilesOf(q: Queryable, rows: readonly WaitingRow[], today: string, offered?: Awaited<ReturnType<typeof offersOf>>): Promise<Map<string, OrderProfile>> {
  // One after another: `q` may be a transaction (one connection), as when an offer is checked.
  const offerRows =
    offered ??
    (await offersOf(
      q,
      rows.map((r) => r.orderId),
    ));
  const { reps, previous } = await personLinks(q, [...new Set(rows.map((r) => r.personId))]);
  const out = new Map<string, OrderProfile>();
  for (const r of rows) {
    const mine = offerRows.filter((o) => o.orderId === r.orderId);
    out.set(r.orderId, {
      orderId: r.orderId,
      route: r.route,
      startDate: plannedStart(r.decisionStart, today),
      birth: { birthDate: r.birthDate, birthDatePartial: r.birthDatePartial },
      // Skyddad identitet: the address is not used, not even as an area.
      postalCode: r.protectedIdentity ? null : r.postalCode,
      wishedGender: r.wishedGender,
      wishedGenderRequired: r.wishedGenderRequired ?? false,
      wishedAgeMin: r.wishedAgeMin,
      wishedAgeMax: r.wishedAgeMax,
      interests: r.wishedInterests ?? [],
      languages: r.wishedLanguages ?? [],
      availability: wishedAvailability(r.wishesOther),
      household: r.household ?? [],
      residenceName: r.residenceName,
      representatives: reps.filter((x) => x.personId === r.personId),
      previousContactPersonIds: previous.filter((x) => x.personId === r.personId).map((x) => x.contactPersonId),
      closedOffers: mine.filter((o) => o.closedReason !== null).map((o) => ({ contactPersonId: o.contactPersonId, reason: o.closedReason as OfferCloseReason })),
      openOfferContactPersonIds: mine.filter((o) => o.closedReason === null).map((o) => o.contactPersonId),
    });
  }
  return out;
}

/** The newest registerkontroll, as one text (extract|shown|registers), so the candidates stay one query. */
const newestCheck = sql<string | null>`(select k.extract_date::text || '|' || k.shown_date::text || '|' || array_to_string(k.registers, ',') from ${cpRegisterChecks} k where k.contact_person_id = ${CP_ID} order by k.extract_date desc, k.created_at desc limit 1)`;

const pausedOn = (date: string) =>
  sql<boolean>`exists (select 1 from ${cpPauses} p where p.contact_person_id = ${CP_ID} and p.from_date <= ${date} and (p.until_date is null or p.until_date >= ${date}))`;

const candidateColumns = (today: string) => ({
  id: contactPersons.id,
  firstName: contactPersons.firstName,
  lastName: contactPersons.lastName,
  identityNumber: contactPersons.identityNumber,
  postalCode: contactPersons.postalCode,
  interests: contactPersons.interests,
  languages: contactPersons.languages,
  availability: contactPersons.availability,
  ageGroups: contactPersons.ageGroups,
  workplace: contactPersons.workplace,
  capacity: contactPersons.capacity,
  currentLoad: contactPersons.currentLoad,
  approvedDate: contactPersons.approvedDate,
  endedDate: contactPersons.endedDate,
  paused: pausedOn(today),
  check: newestCheck,
});

type CandidateRow = { [K in keyof ReturnType<typeof candidateColumns>]: unknown } & Record<string, unknown>;

function toProfile(r: CandidateRow): CandidateProfile {
  return {
    id: r.id as string,
    firstName: r.firstName as string,
    lastName: r.lastName as string,
    identityNumber: r.identityNumber as string,
    postalCode: r.postalCode as string | null,
    interests: r.interests as string[],
    languages: r.languages as string[],
    availability: r.availability as string[],
    ageGroups: r.ageGroups as string[],
    workplace: r.workplace as string | null,
    capacity: r.capacity as number,
    currentLoad: r.currentLoad as number,
    paused: Boolean(r.paused),
    check: checkOf(r.check as string | null),
  };
}

/**
 * Approved, not ended, not paused contact persons with a free place: what the ranking reads, in one query. The
 * newest registerkontroll comes from one DISTINCT ON pass (not a subquery per row) and the arrays as text, which
 * the drivers hand over faster than arrays (measured on PGlite: about a third of the time).
 */
export async function candidateProfiles(q: Queryable, today: string): Promise<CandidateProfile[]> {
  const r = (await q.execute(sql`
    select cp.id, cp.first_name, cp.last_name, cp.identity_number, cp.postal_code,
      array_to_string(cp.interests, chr(31)) as interests, array_to_string(cp.languages, chr(31)) as languages,
      array_to_string(cp.availability, chr(31)) as availability, array_to_string(cp.age_groups, chr(31)) as age_groups,
      cp.capacity, cp.current_load, cp.workplace, k.chk
    from ${contactPersons} cp
    left join (
      select distinct on (contact_person_id) contact_person_id,
        extract_date::text || '|' || shown_date::text || '|' || array_to_string(registers, ',') as chk
      from ${cpRegisterChecks} order by contact_person_id, extract_date desc, created_at desc
    ) k on k.contact_person_id = cp.id
    where cp.approved_date is not null and cp.approved_date <= ${today} and (cp.ended_date is null or cp.ended_date > ${today})
      and cp.current_load < cp.capacity
      and not exists (select 1 from ${cpPauses} p where p.contact_person_id = cp.id and p.from_date <= ${today} and (p.until_date is null or p.until_date >= ${today}))`)) as unknown as {
    rows: { id: string; first_name: string; last_name: string; identity_number: string; postal_code: string | null; interests: string; languages: string; availability: string; age_groups: string; capacity: number; current_load: number; workplace: string | null; chk: string | null }[];
  };
  // Unit separator (chr 31): a control character no text field may hold (platform/validation.ts).
  const list = (t: string) => (t ? t.split('\x1f') : []);
  return r.rows.map((x) => ({
    id: x.id,
    firstName: x.first_name,
    lastName: x.last_name,
    identityNumber: x.identity_number,
    postalCode: x.postal_code,
    interests: list(x.interests),
    languages: list(x.languages),
    availability: list(x.availability),
    ageGroups: list(x.age_groups),
    workplace: x.workplace,
    capacity: Number(x.capacity),
    currentLoad: Number(x.current_load),
    paused: false,
    check: checkOf(x.chk),
  }));
}

function checkOf(chk: string | null): CandidateProfile['check'] {
  if (!chk) return null;
  const [extractDate, shownDate, registers] = chk.split('|');
  return { extractDate, shownDate, registers: registers ? registers.split(',') : [] };
}

/** One contact person (any status) as the ranking sees them, with whether they are approved and open. */
export async function candidateProfile(q: Queryable, id: string, today: string, lock = false) {
  const base = q.select(candidateColumns(today)).from(contactPersons).where(eq(contactPersons.id, id));
  const [r] = lock ? await base.for('update', { of: contactPersons }) : await base;
  if (!r) return null;
  return {
    profile: toProfile(r as CandidateRow),
    approved: r.approvedDate !== null && r.approvedDate <= today,
    ended: r.endedDate !== null && r.endedDate <= today,
  };
}

/** Names of contact persons by id (for the proposal and the list). */
export async function contactPersonNames(q: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, { firstName: string; lastName: string; postalCode: string | null }>();
  const rows = await q
    .select({ id: contactPersons.id, firstName: contactPersons.firstName, lastName: contactPersons.lastName, postalCode: contactPersons.postalCode })
    .from(contactPersons)
    .where(inArray(contactPersons.id, ids));
  return new Map(rows.map((r) => [r.id, r] as const));
}

/** Contact persons by name for "Varför inte X?" (approved or not), at most 10. */
export function searchContactPersons(q: Queryable, name: string) {
  const like = `%${name.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return q
    .select({ id: contactPersons.id, firstName: contactPersons.firstName, lastName: contactPersons.lastName })
    .from(contactPersons)
    .where(sql`lower(${contactPersons.firstName} || ' ' || ${contactPersons.lastName}) like ${like}`)
    .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName), desc(contactPersons.createdAt))
    .limit(10);
}
