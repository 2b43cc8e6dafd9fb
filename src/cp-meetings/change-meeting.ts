// Change or cancel an upcoming träff (its version: two coordinators editing at once → 409). The invited hear about
// it in the app; a cancelled träff keeps its row and its invitations.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import { presentMeeting } from './present';
import { inviteesOf, loadMeeting, type MeetingRow } from './repo';
import { changeRefusal, scheduleProblems } from './rules';
import type { cancelMeetingBody, changeMeetingBody, MeetingOut } from './schema';
import { cpMeetings } from './tables';
import { tellAbout } from './tell';

const FIELDS = ['date', 'time', 'durationMinutes', 'place', 'topic', 'description'] as const;

function refuseClosed(m: MeetingRow, today: string) {
  const refusal = changeRefusal(m, today);
  if (refusal) throw new AppError('CP_MEETING_CLOSED', { message: refusal });
}

export function changeMeeting(ctx: UseCaseContext, id: string, input: z.output<typeof changeMeetingBody>): Promise<MeetingOut> {
  const today = ctx.clock.today();
  let notified = 0;
  let changed: string[] = [];
  return changeVersioned(ctx, {
    table: cpMeetings,
    id,
    version: input.version,
    load: (tx) => loadMeeting(tx, ctx, id, 'cp-meeting:write', true),
    check: (m) => {
      refuseClosed(m, today);
      const problems = scheduleProblems(input, today);
      if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    },
    apply: (m) => {
      changed = FIELDS.filter((f) => m[f] !== input[f]);
      const { version: _v, ...fields } = input;
      return { ...fields, updatedAt: ctx.clock.now() };
    },
    afterUpdate: async (updated, tx) => {
      // Only what the invited would act on is news to them: when and where, and what it is about.
      if (changed.length) notified = await tellAbout(tx, ctx, 'changed', updated, (await inviteesOf(tx, id)).map((i) => i.contactPersonId));
    },
    audit: (m) => ({ action: 'cp_meeting.change', entityType: 'cp_meeting', entityId: m.id, details: { fields: changed, notified } }),
    present: (updated, tx) => presentMeeting(tx, ctx, updated),
  });
}

export function cancelMeeting(ctx: UseCaseContext, id: string, input: z.output<typeof cancelMeetingBody>): Promise<MeetingOut> {
  const today = ctx.clock.today();
  let notified = 0;
  return changeVersioned(ctx, {
    table: cpMeetings,
    id,
    version: input.version,
    load: (tx) => loadMeeting(tx, ctx, id, 'cp-meeting:write', true),
    check: (m) => refuseClosed(m, today),
    apply: () => ({ cancelledAt: ctx.clock.now(), cancelReason: input.reason, updatedAt: ctx.clock.now() }),
    afterUpdate: async (updated, tx) => {
      notified = await tellAbout(tx, ctx, 'cancelled', updated, (await inviteesOf(tx, id)).map((i) => i.contactPersonId));
    },
    audit: (m) => ({ action: 'cp_meeting.cancel', entityType: 'cp_meeting', entityId: m.id, details: { notified } }),
    present: (updated, tx) => presentMeeting(tx, ctx, updated),
  });
}
