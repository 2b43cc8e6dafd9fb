// What a träff shows: to staff of the unit (with the invited, by name, and their attendance), to an invited contact
// person (the träff only, never who else is invited).
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { scopeCovers, scopeOf } from '../platform/policy/permissions';
import { attendanceRefusal, changeRefusal, endTime, meetingPhase, meetingPhaseLabel } from './rules';
import { inviteesOf, unitName, type MeetingRow } from './repo';
import { portalUsersOf } from './recipients';
import type { MeetingOut } from './schema';

export function presentSummary(m: MeetingRow, today: string) {
  const phase = meetingPhase(m, today);
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    endTime: endTime(m.time, m.durationMinutes),
    durationMinutes: m.durationMinutes,
    place: m.place,
    topic: m.topic,
    description: m.description,
    phase,
    phaseLabel: meetingPhaseLabel[phase],
    cancelReason: m.cancelReason,
    version: m.version,
  };
}

export function presentForContactPerson(m: MeetingRow, today: string) {
  const { version: _v, cancelReason: _c, ...rest } = presentSummary(m, today);
  return rest;
}

export async function presentMeeting(q: Queryable, ctx: UseCaseContext, m: MeetingRow): Promise<MeetingOut> {
  const today = ctx.clock.today();
  const invitees = await inviteesOf(q, m.id);
  const withAccount = new Set((await portalUsersOf(q, invitees.map((i) => i.contactPersonId))).map((u) => u.contactPersonId));
  const writable = scopeCovers(ctx.actor, scopeOf(ctx.actor, 'cp-meeting:write'), { unitId: m.providerUnitId });
  return {
    ...presentSummary(m, today),
    unitName: await unitName(q, m.providerUnitId),
    invitees: invitees.map((i) => ({ contactPersonId: i.contactPersonId, name: `${i.firstName} ${i.lastName}`, attended: i.attended, notified: withAccount.has(i.contactPersonId) })),
    abilities: {
      canChange: writable && changeRefusal(m, today) === null,
      canRecordAttendance: writable && attendanceRefusal(m, today) === null && invitees.length > 0,
    },
  };
}
