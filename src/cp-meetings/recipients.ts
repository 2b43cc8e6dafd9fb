// Who hears about a träff in the app: the invited contact persons' portal accounts (a kontaktperson user is tied
// to its contact person: users.contact_person_id, from the portal invitation), and the unit's other coordinators
// (they arrange the träffar together).
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import type { Actor } from '../platform/policy/permissions';
import { users } from '../platform/tables';

/** The active portal accounts of these contact persons. */
export async function portalUsersOf(q: Queryable, contactPersonIds: readonly string[]): Promise<{ userId: string; contactPersonId: string }[]> {
  if (contactPersonIds.length === 0) return [];
  const rows = await q
    .select({ userId: users.id, contactPersonId: users.contactPersonId })
    .from(users)
    .where(and(inArray(users.contactPersonId, [...contactPersonIds]), eq(users.active, true), eq(users.role, 'kontaktperson')));
  return rows.map((r) => ({ userId: r.userId, contactPersonId: r.contactPersonId! }));
}

/** The contact person a signed-in user is (their own portal account), or null for staff. */
export function contactPersonOfActor(actor: Actor): string | null {
  return actor.role === 'kontaktperson' && actor.contactPersonId ? actor.contactPersonId : null;
}

/** The unit's other active coordinators. */
export async function unitColleagues(q: Queryable, unitId: string, exceptUserId: string): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, 'kontaktsekreterare'), eq(users.active, true), ne(users.id, exceptUserId)));
  return rows.map((r) => r.id);
}
