// Schedule a kontaktpersonsträff for the coordinator's unit: not on a day that has passed. Everyone isInvitable on
// the day is invited (stored per contact person), their portal accounts and the unit's other coordinators are told
// in the app — all in one transaction, so a failed scheduling tells no one.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { presentMeeting } from './present';
import { contactPersonsToInvite } from './repo';
import { scheduleProblems } from './rules';
import type { MeetingOut, scheduleMeetingBody } from './schema';
import { cpMeetingInvitations, cpMeetings } from './tables';
import { tellAbout } from './tell';

export function scheduleMeeting(ctx: UseCaseContext, input: z.output<typeof scheduleMeetingBody>): Promise<MeetingOut> {
  const unitId = ctx.actor.unitId;
  if (!unitId) throw new AppError('FORBIDDEN', { message: 'Du måste höra till en enhet för att planera kontaktpersonsträffar.' });
  const problems = scheduleProblems(input, ctx.clock.today());
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return writeUseCase(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [m] = await tx
      .insert(cpMeetings)
      .values({ providerUnitId: unitId, ...input, createdBy: ctx.actor.id, createdAt: now, updatedAt: now })
      .returning();
    const invited = await contactPersonsToInvite(tx, unitId, m.date);
    if (invited.length) await tx.insert(cpMeetingInvitations).values(invited.map((contactPersonId) => ({ meetingId: m.id, contactPersonId, invitedAt: now })));
    const notified = await tellAbout(tx, ctx, 'invitation', m, invited);
    await recordAudit(tx, ctx, { action: 'cp_meeting.schedule', entityType: 'cp_meeting', entityId: m.id, details: { invited: invited.length, notified } });
    return { ...(await presentMeeting(tx, ctx, m)), notified };
  });
}
