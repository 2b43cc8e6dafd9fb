import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { calendarFile } from '../platform/documents/calendar-file';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { orderHead } from './repo';
import { loadOffer } from './load-assignment';
import { matchingMeetings } from './tables';

/** The matchningsmöte as an .ics file for the coordinator's calendar: the case number and the place, no names. */
export function meetingCalendarFile(ctx: UseCaseContext, offerId: string, meetingId: string): Promise<{ ics: string; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const f = await loadOffer(q, ctx, offerId, 'assignment:read');
    const [m] = await q.select().from(matchingMeetings).where(and(eq(matchingMeetings.id, meetingId), eq(matchingMeetings.offerId, f.id)));
    if (!m) throw new AppError('NOT_FOUND', { message: 'Mötet finns inte.' });
    const head = (await orderHead(q, f.orderId))!;
    const s = await settingsOf(ctx, q);
    await recordAudit(q, ctx, { action: 'offer.calendar_file', entityType: 'offer', entityId: f.id, personId: head.personId, details: { meetingId: m.id } });
    const ics = calendarFile(`${head.providerUnitName}, ${s.name}`, {
      id: m.id,
      date: m.date,
      time: m.time,
      durationMinutes: 60,
      summary: `Matchningsmöte ${head.caseNumber}`,
      location: m.place,
      description: `Ärende ${head.caseNumber}.`,
      stamp: ctx.clock.now(),
    });
    return { ics, fileName: `matchningsmote-${head.caseNumber}-${m.date}.ics` };
  });
}
