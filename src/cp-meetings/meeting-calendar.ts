// A träff as an iCalendar file (.ics): the same file for the coordinator and the invited contact person. It names
// the träff, the place and the topic; no one's name.
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { calendarFile } from '../platform/documents/calendar-file';
import { settingsOf } from '../platform/settings';
import { unitName, type MeetingRow } from './repo';

export async function meetingCalendar(ctx: UseCaseContext, q: Queryable, m: MeetingRow): Promise<{ ics: string; fileName: string }> {
  const s = await settingsOf(ctx, q);
  const ics = calendarFile(`${await unitName(q, m.providerUnitId)}, ${s.name}`, {
    id: m.id,
    date: m.date,
    time: m.time,
    durationMinutes: m.durationMinutes,
    summary: `Kontaktpersonsträff: ${m.topic}`,
    location: m.place,
    description: m.description,
    stamp: ctx.clock.now(),
  });
  return { ics, fileName: `kontaktpersonstraff-${m.date}.ics` };
}
