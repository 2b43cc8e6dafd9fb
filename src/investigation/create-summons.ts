// The summons letter (PDF) and the calendar file (.ics) of one booking. Both are logged; a protected person's
// address is printed only for readers allowed to see it (logged as a reveal), as the acknowledgement letter does.
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { calendarFile } from '../platform/documents/calendar-file';
import { renderPdf } from '../platform/documents/pdf';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { requirePerson } from '../people/repo';
import { protectedContactCase, recordProtectedReveal } from '../people/load-person-view';
import { loadCase } from '../intake/load-case';
import { findBooking, replacesAnother } from './repo';
import { bookingKindLabel } from './rules';
import { summonsLetterPdf, type SummonsLetterInput } from './summons-letter';

const NO_BOOKING = 'Bokningen finns inte i ärendet.';

export async function createSummonsLetter(ctx: UseCaseContext, caseId: string, bookingId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const input = await writeUseCase(ctx, async (tx): Promise<SummonsLetterInput> => {
    const { c, unitName, responsibleName } = await loadCase(tx, ctx, caseId);
    const b = await findBooking(tx, caseId, bookingId);
    if (!b) throw new AppError('NOT_FOUND', { message: NO_BOOKING });
    const person = await requirePerson(tx, c.personId);
    const basis = await protectedContactCase(tx, ctx, person);
    const showAddress = !person.protectedIdentity || basis !== null;
    if (basis) await recordProtectedReveal(tx, ctx, person, basis, 'letter');
    const m = await settingsOf(ctx, tx);
    await recordAudit(tx, ctx, { action: 'letter.investigation_summons', entityType: 'case', entityId: caseId, personId: c.personId, details: { bookingId, addressPrinted: showAddress } });
    const rebooked = await replacesAnother(tx, b.id);
    return {
      municipality: { name: m.name, postalAddress: m.postalAddress, phone: m.phone, email: m.email },
      unitName,
      caseNumber: c.caseNumber,
      letterDate: ctx.clock.today(),
      booking: {
        kind: b.kind,
        date: b.date,
        time: b.time,
        durationMinutes: b.durationMinutes,
        place: b.place,
        interpreterLanguage: b.interpreterLanguage,
        representative: b.representative,
        rebooked,
      },
      person: {
        firstName: person.firstName,
        lastName: person.lastName,
        address: showAddress ? { street: person.streetAddress, postalCode: person.postalCode, city: person.city } : null,
      },
      caseOfficer: responsibleName,
    };
  });
  return { pdf: await renderPdf(summonsLetterPdf(input)), fileName: `kallelse-${input.caseNumber}-${input.booking.date}.pdf` };
}

/** The meeting as an .ics file for the handläggare's calendar: no personal data beyond the case number. */
export function createCalendarFile(ctx: UseCaseContext, caseId: string, bookingId: string): Promise<{ ics: string; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const { c, unitName } = await loadCase(q, ctx, caseId);
    const b = await findBooking(q, caseId, bookingId);
    if (!b) throw new AppError('NOT_FOUND', { message: NO_BOOKING });
    const m = await settingsOf(ctx, q);
    await recordAudit(q, ctx, { action: 'investigation.calendar_file', entityType: 'case', entityId: caseId, personId: c.personId, details: { bookingId } });
    const ics = calendarFile(`${unitName}, ${m.name}`, {
      id: b.id,
      date: b.date,
      time: b.time,
      durationMinutes: b.durationMinutes,
      summary: `Utredningsmöte ${c.caseNumber} (${bookingKindLabel[b.kind].toLowerCase()})`,
      location: b.kind === 'office' ? b.place : b.kind === 'home' ? 'Hembesök' : 'Telefon',
      description: [`Ärende ${c.caseNumber}.`, b.interpreterLanguage ? `Tolk: ${b.interpreterLanguage}.` : null].filter(Boolean).join(' '),
      stamp: ctx.clock.now(),
    });
    return { ics, fileName: `utredning-${c.caseNumber}-${b.date}.ics` };
  });
}
