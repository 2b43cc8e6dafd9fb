// Who hears about a träff in the app: the invited contact persons' portal accounts, and the unit's other
// coordinators (they arrange the träffar together).
//
// The link from a user to a contact person comes with the portal (branch issue12-portal: users.contact_person_id,
// role 'kontaktperson', Actor.contactPersonId, permission 'portal:read'). Until it is merged no user is a contact
// person: invitations are stored per contact person (cp_meeting_invitations) and reach their accounts once the link
// exists. When merging, the two stubs below become
//   portalUsersOf:       q.select({ userId: users.id, contactPersonId: users.contactPersonId }).from(users)
//                          .where(and(inArray(users.contactPersonId, [...ids]), eq(users.active, true)))  (skip when ids is empty)
//   contactPersonOfUser: the actor's own Actor.contactPersonId (pass ctx.actor instead of the user id)
// and GET /api/portal/meetings(/:id/kalender.ics) take { permission: 'portal:read' } instead of 'authenticated'.
import { and, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { users } from '../platform/tables';

/** The active portal accounts of these contact persons. */
export async function portalUsersOf(_q: Queryable, _contactPersonIds: readonly string[]): Promise<{ userId: string; contactPersonId: string }[]> {
  return [];
}

/** The contact person a signed-in user is, or null for staff. */
export async function contactPersonOfUser(_q: Queryable, _userId: string): Promise<string | null> {
  return null;
}

/** The unit's other active coordinators. */
export async function unitColleagues(q: Queryable, unitId: string, exceptUserId: string): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, 'kontaktsekreterare'), eq(users.active, true), ne(users.id, exceptUserId)));
  return rows.map((r) => r.id);
}
