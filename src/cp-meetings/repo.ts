// Queries of the kontaktpersonsträffar stage: the träffar a reader may see, one träff within scope, the invited with
// their attendance, and who is to be invited (isInvitable over the unit's assignments).
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import { scopeCovers, scopeOf, type Permission } from '../platform/policy/permissions';
import { scopeWhere } from '../platform/policy/scope';
import { units } from '../platform/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments } from '../assignments/tables';
import { isInvitable } from './rules';
import { cpMeetingInvitations, cpMeetings } from './tables';

export type MeetingRow = typeof cpMeetings.$inferSelect;
const NOT_FOUND = 'Träffen finns inte, eller så har du inte behörighet att se den.';

/** One träff in the actor's scope for `permission`: 404 outside the read scope, 403 when readable but not writable. */
export async function loadMeeting(q: Queryable, ctx: Pick<UseCaseContext, 'actor'>, id: string, permission: Permission, lock = false): Promise<MeetingRow> {
  const base = q.select().from(cpMeetings).where(eq(cpMeetings.id, id));
  const [m] = lock ? await base.for('update') : await base;
  if (!m || !scopeCovers(ctx.actor, scopeOf(ctx.actor, 'cp-meeting:read'), { unitId: m.providerUnitId })) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  if (!scopeCovers(ctx.actor, scopeOf(ctx.actor, permission), { unitId: m.providerUnitId })) throw new AppError('FORBIDDEN');
  return m;
}

export async function unitName(q: Queryable, unitId: string): Promise<string> {
  const [u] = await q.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return u?.name ?? '';
}

/** The unit's träffar, upcoming (soonest first) or past (latest first), with invitation and attendance counts. */
export async function meetingsInScope(q: Queryable, ctx: Pick<UseCaseContext, 'actor'>, when: 'upcoming' | 'past', today: string) {
  const counts = q
    .select({
      meetingId: cpMeetingInvitations.meetingId,
      invited: sql<number>`count(*)::int`.as('invited'),
      present: sql<number>`count(*) filter (where ${cpMeetingInvitations.attended})::int`.as('present'),
      absent: sql<number>`count(*) filter (where not ${cpMeetingInvitations.attended})::int`.as('absent'),
    })
    .from(cpMeetingInvitations)
    .groupBy(cpMeetingInvitations.meetingId)
    .as('counts');
  const scope = scopeWhere(ctx.actor, 'cp-meeting:read', { unitId: cpMeetings.providerUnitId, responsibleUserId: cpMeetings.createdBy });
  return q
    .select({ m: cpMeetings, invited: counts.invited, present: counts.present, absent: counts.absent })
    .from(cpMeetings)
    .leftJoin(counts, eq(counts.meetingId, cpMeetings.id))
    .where(and(scope, when === 'upcoming' ? gte(cpMeetings.date, today) : lt(cpMeetings.date, today)))
    .orderBy(...(when === 'upcoming' ? [asc(cpMeetings.date), asc(cpMeetings.time)] : [desc(cpMeetings.date), desc(cpMeetings.time)]))
    .limit(200);
}

export async function inviteesOf(q: Queryable, meetingId: string) {
  return q
    .select({ contactPersonId: cpMeetingInvitations.contactPersonId, firstName: contactPersons.firstName, lastName: contactPersons.lastName, attended: cpMeetingInvitations.attended })
    .from(cpMeetingInvitations)
    .innerJoin(contactPersons, eq(contactPersons.id, cpMeetingInvitations.contactPersonId))
    .where(eq(cpMeetingInvitations.meetingId, meetingId))
    .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName), asc(contactPersons.id));
}

/** The contact persons to invite to a träff of `unitId` on `date` (isInvitable over the unit's started assignments). */
export async function contactPersonsToInvite(q: Queryable, unitId: string, date: string): Promise<string[]> {
  const rows = await q
    .select({ id: contactPersons.id, approvedDate: contactPersons.approvedDate, endedDate: contactPersons.endedDate, startDate: assignments.startDate, endDate: assignments.endDate })
    .from(assignments)
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .where(and(eq(assignments.providerUnitId, unitId), isNotNull(assignments.startDate)));
  const byCp = new Map<string, { approvedDate: string | null; endedDate: string | null; assignments: { startDate: string | null; endDate: string | null }[] }>();
  for (const r of rows) {
    const cp = byCp.get(r.id) ?? { approvedDate: r.approvedDate, endedDate: r.endedDate, assignments: [] };
    cp.assignments.push({ startDate: r.startDate, endDate: r.endDate });
    byCp.set(r.id, cp);
  }
  return [...byCp].filter(([, cp]) => isInvitable(cp, date)).map(([id]) => id);
}

/** The contact person's upcoming träffar (cancelled ones too, so they know), soonest first. */
export async function upcomingForContactPerson(q: Queryable, contactPersonId: string, today: string): Promise<MeetingRow[]> {
  const rows = await q
    .select({ m: cpMeetings })
    .from(cpMeetingInvitations)
    .innerJoin(cpMeetings, eq(cpMeetings.id, cpMeetingInvitations.meetingId))
    .where(and(eq(cpMeetingInvitations.contactPersonId, contactPersonId), gte(cpMeetings.date, today)))
    .orderBy(asc(cpMeetings.date), asc(cpMeetings.time));
  return rows.map((r) => r.m);
}

/** Is the contact person invited to the träff? */
export async function isInvited(q: Queryable, meetingId: string, contactPersonId: string): Promise<boolean> {
  const [r] = await q
    .select({ id: cpMeetingInvitations.meetingId })
    .from(cpMeetingInvitations)
    .where(and(eq(cpMeetingInvitations.meetingId, meetingId), eq(cpMeetingInvitations.contactPersonId, contactPersonId)));
  return r !== undefined;
}

export async function invitedIds(q: Queryable, meetingId: string, among: readonly string[]): Promise<Set<string>> {
  if (among.length === 0) return new Set();
  const rows = await q
    .select({ id: cpMeetingInvitations.contactPersonId })
    .from(cpMeetingInvitations)
    .where(and(eq(cpMeetingInvitations.meetingId, meetingId), inArray(cpMeetingInvitations.contactPersonId, [...among])));
  return new Set(rows.map((r) => r.id));
}
