// The unit's kontaktpersonsträffar: upcoming (soonest first) or past (latest first), with how many are invited and
// how many came.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { can } from '../platform/policy/permissions';
import { presentSummary } from './present';
import { meetingsInScope } from './repo';
import type { MeetingListOut, meetingsQuery } from './schema';

export function listMeetings(ctx: UseCaseContext, query: z.output<typeof meetingsQuery>): Promise<MeetingListOut> {
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const rows = await meetingsInScope(q, ctx, query.when, today);
    await recordAudit(q, ctx, { action: 'cp_meeting.list', entityType: 'cp_meeting', details: { count: rows.length } });
    return {
      items: rows.map((r) => ({ ...presentSummary(r.m, today), invited: r.invited ?? 0, present: r.present ?? 0, absent: r.absent ?? 0 })),
      canSchedule: can(ctx.actor, 'cp-meeting:write') && ctx.actor.unitId !== null,
    };
  });
}
