// One träff with the invited and their attendance (each invited contact person's name read is audited), and the
// träff as a calendar file (.ics) for the coordinator.
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { meetingCalendar } from './meeting-calendar';
import { presentMeeting } from './present';
import { loadMeeting } from './repo';
import type { MeetingOut } from './schema';

export function getMeeting(ctx: UseCaseContext, id: string): Promise<MeetingOut> {
  return readUseCase(ctx, async (q) => {
    const m = await loadMeeting(q, ctx, id, 'cp-meeting:read');
    const out = await presentMeeting(q, ctx, m);
    await recordAudit(q, ctx, [
      { action: 'cp_meeting.read', entityType: 'cp_meeting', entityId: m.id, details: { meetingId: m.id } },
      ...out.invitees.map((i) => ({ action: 'cp_meeting.read' as const, entityType: 'contact_person' as const, entityId: i.contactPersonId, details: { meetingId: m.id } })),
    ]);
    return out;
  });
}

export function meetingCalendarFile(ctx: UseCaseContext, id: string): Promise<{ ics: string; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const m = await loadMeeting(q, ctx, id, 'cp-meeting:read');
    await recordAudit(q, ctx, { action: 'cp_meeting.calendar_file', entityType: 'cp_meeting', entityId: m.id });
    return meetingCalendar(ctx, q, m);
  });
}
