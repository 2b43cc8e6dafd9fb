// The contact person's own träffar (for the portal): the upcoming ones they are invited to, and each as an .ics.
// Only a signed-in contact person: staff get 403; a träff they are not invited to is "not found".
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { meetingCalendar } from './meeting-calendar';
import { presentForContactPerson } from './present';
import { contactPersonOfActor } from './recipients';
import { isInvited, upcomingForContactPerson } from './repo';
import type { PortalMeetingsOut } from './schema';
import { cpMeetings } from './tables';

function requireContactPerson(ctx: UseCaseContext): string {
  const cpId = contactPersonOfActor(ctx.actor);
  if (!cpId) throw new AppError('CONTACT_PERSONS_ONLY');
  return cpId;
}

/** The upcoming träffar of one contact person (the portal's start page; also used once the user is resolved). */
export async function upcomingMeetingsOf(q: Queryable, contactPersonId: string, today: string): Promise<PortalMeetingsOut> {
  return { items: (await upcomingForContactPerson(q, contactPersonId, today)).map((m) => presentForContactPerson(m, today)) };
}

export function portalMeetings(ctx: UseCaseContext): Promise<PortalMeetingsOut> {
  return readUseCase(ctx, async (q) => {
    const cpId = requireContactPerson(ctx);
    const out = await upcomingMeetingsOf(q, cpId, ctx.clock.today());
    await recordAudit(q, ctx, { action: 'cp_meeting.portal_list', entityType: 'contact_person', entityId: cpId, details: { count: out.items.length } });
    return out;
  });
}

export function portalMeetingCalendarFile(ctx: UseCaseContext, meetingId: string): Promise<{ ics: string; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const cpId = requireContactPerson(ctx);
    const [m] = await q.select().from(cpMeetings).where(eq(cpMeetings.id, meetingId));
    if (!m || !(await isInvited(q, m.id, cpId))) throw new AppError('NOT_FOUND', { message: 'Träffen finns inte, eller så är du inte inbjuden till den.' });
    await recordAudit(q, ctx, { action: 'cp_meeting.calendar_file', entityType: 'cp_meeting', entityId: m.id });
    return meetingCalendar(ctx, q, m);
  });
}
