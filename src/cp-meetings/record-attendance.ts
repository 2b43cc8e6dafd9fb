// Record who came to a träff (närvarande/frånvarande), from its day on; corrections later are allowed. Bumps the
// träff's version, so two coordinators recording at once get a 409 instead of overwriting each other. Each contact
// person's attendance is an audited write.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import { presentMeeting } from './present';
import { invitedIds, loadMeeting } from './repo';
import { attendanceRefusal } from './rules';
import type { attendanceBody, MeetingOut } from './schema';
import { cpMeetingInvitations, cpMeetings } from './tables';

export function recordAttendance(ctx: UseCaseContext, id: string, input: z.output<typeof attendanceBody>): Promise<MeetingOut> {
  const today = ctx.clock.today();
  // The last answer for a contact person counts (a list sent twice over is not an error).
  const answers = new Map(input.attendance.map((a) => [a.contactPersonId, a.attended]));
  return changeVersioned(ctx, {
    table: cpMeetings,
    id,
    version: input.version,
    load: (tx) => loadMeeting(tx, ctx, id, 'cp-meeting:write', true),
    check: async (m, tx) => {
      const refusal = attendanceRefusal(m, today);
      if (refusal) throw new AppError('CP_MEETING_NOT_HELD', { message: refusal });
      const invited = await invitedIds(tx, id, [...answers.keys()]);
      const index = input.attendance.findIndex((a) => !invited.has(a.contactPersonId));
      if (index >= 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: `attendance.${index}.contactPersonId`, message: 'Kontaktpersonen är inte inbjuden till träffen.' }] });
    },
    apply: () => ({ updatedAt: ctx.clock.now() }),
    afterUpdate: async (_u, tx) => {
      const now = ctx.clock.now();
      for (const [contactPersonId, attended] of answers) {
        await tx
          .update(cpMeetingInvitations)
          .set({ attended, attendanceRecordedAt: now, attendanceRecordedBy: ctx.actor.id })
          .where(and(eq(cpMeetingInvitations.meetingId, id), eq(cpMeetingInvitations.contactPersonId, contactPersonId)));
      }
    },
    audit: (m) => [...answers].map(([contactPersonId, attended]) => ({ action: 'cp_meeting.attendance' as const, entityType: 'contact_person' as const, entityId: contactPersonId, details: { meetingId: m.id, attended } })),
    present: (updated, tx) => presentMeeting(tx, ctx, updated),
  });
}
