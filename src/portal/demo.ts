// Demo step of the portal: the contact person of the executed demo assignment gets a portal account the way a real one
// does — the coordinator's invitation, then the password chosen with its link — named DEMO_PORTAL_USERNAME so a
// newcomer (and the e2e journey) can sign in with the demo password.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { users } from '../platform/tables';
import { createPortalInvite, setPortalPassword } from '../contact-persons/portal-invite';
import { assignments } from '../assignments/tables';

export const DEMO_PORTAL_USERNAME = 'kontaktperson';

export async function seedPortalDemo(demo: DemoContext): Promise<void> {
  const [ks] = await demo.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'kontaktsekreterare'));
  if (!ks?.unitId) return;
  const [executed] = await demo.db
    .select({ contactPersonId: assignments.contactPersonId })
    .from(assignments)
    .where(and(eq(assignments.providerUnitId, ks.unitId), isNotNull(assignments.startDate)))
    .orderBy(desc(assignments.startDate))
    .limit(1);
  if (!executed) return;
  const invite = await createPortalInvite(demo.as('kontaktsekreterare'), executed.contactPersonId);
  const token = invite.link.split('#')[1];
  await setPortalPassword({ db: demo.db, clock: demo.clock, config: demo.config, requestId: 'seed-demo', clientIp: '127.0.0.1' }, { token, password: demo.password });
  await demo.db.update(users).set({ username: DEMO_PORTAL_USERNAME }).where(eq(users.contactPersonId, executed.contactPersonId));
}
