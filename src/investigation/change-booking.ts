// Rebook, cancel or mark held: the current booking changes state with the version the user saw. A rebooking
// never edits the old row: it becomes 'rebooked', points at its replacement, and the history stays.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { addDays } from '../platform/calendar';
import { AppError } from '../platform/errors';
import { loadInvestigation, type LoadedInvestigation } from './load-investigation';
import { presentInvestigation } from './present';
import { isUniqueViolation, throwProblems } from './problems';
import type { BookingRow } from './repo';
import { BOOKING_MAX_DAYS_AHEAD, bookingProblems, investigationRefusal } from './rules';
import type { bookingHeldBody, cancelBookingBody, InvestigationOut, rebookBody } from './schema';
import { investigationBookings } from './tables';

type Current = LoadedInvestigation & { booking: BookingRow };

async function loadBooking(ctx: UseCaseContext, tx: Parameters<typeof loadInvestigation>[0], caseId: string, bookingId: string): Promise<Current> {
  const l = await loadInvestigation(tx, ctx, caseId, 'investigation:write');
  const booking = l.bookings.find((b) => b.id === bookingId);
  if (!booking) throw new AppError('NOT_FOUND', { message: 'Bokningen finns inte i ärendet.' });
  return { ...l, booking };
}

function refuseUnlessCurrent(c: Current): void {
  throwProblems([investigationRefusal(c.facts), c.inv?.completedDate ? { code: 'INVESTIGATION_COMPLETED' } : null]);
  if (c.booking.state !== 'booked') throw new AppError('BOOKING_NOT_CURRENT');
}

export async function rebookInvestigation(ctx: UseCaseContext, caseId: string, bookingId: string, input: z.output<typeof rebookBody>): Promise<InvestigationOut> {
  const { version, changeReason, ...booking } = input;
  const newId = randomUUID();
  try {
    return await changeVersioned<typeof investigationBookings, InvestigationOut, Current>(ctx, {
      table: investigationBookings,
      id: bookingId,
      version,
      load: (tx) => loadBooking(ctx, tx, caseId, bookingId),
      versionOf: (c) => c.booking.version,
      check: (c) => {
        refuseUnlessCurrent(c);
        const today = ctx.clock.today();
        throwProblems(bookingProblems(booking, today, c.personKnown, addDays(today, BOOKING_MAX_DAYS_AHEAD)));
      },
      apply: () => ({ state: 'rebooked', replacedById: newId, changeReason, updatedAt: ctx.clock.now() }),
      afterUpdate: async (_u, tx) => {
        await tx.insert(investigationBookings).values({ id: newId, caseId, ...booking, bookedBy: ctx.actor.id });
      },
      audit: (c) => ({ action: 'investigation.rebook', entityType: 'case', entityId: caseId, personId: c.r.c.personId, details: { bookingId, replacedById: newId, kind: booking.kind } }),
      present: async (_u, tx) => presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write')),
    });
  } catch (e) {
    if (isUniqueViolation(e, 'investigation_bookings_one_current')) throw new AppError('BOOKING_EXISTS');
    throw e;
  }
}

export function cancelBooking(ctx: UseCaseContext, caseId: string, bookingId: string, input: z.output<typeof cancelBookingBody>): Promise<InvestigationOut> {
  return changeVersioned<typeof investigationBookings, InvestigationOut, Current>(ctx, {
    table: investigationBookings,
    id: bookingId,
    version: input.version,
    load: (tx) => loadBooking(ctx, tx, caseId, bookingId),
    versionOf: (c) => c.booking.version,
    check: refuseUnlessCurrent,
    apply: () => ({ state: 'cancelled', changeReason: input.changeReason, updatedAt: ctx.clock.now() }),
    audit: (c) => ({ action: 'investigation.cancel_booking', entityType: 'case', entityId: caseId, personId: c.r.c.personId, details: { bookingId } }),
    present: async (_u, tx) => presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write')),
  });
}

export function markBookingHeld(ctx: UseCaseContext, caseId: string, bookingId: string, input: z.output<typeof bookingHeldBody>): Promise<InvestigationOut> {
  return changeVersioned<typeof investigationBookings, InvestigationOut, Current>(ctx, {
    table: investigationBookings,
    id: bookingId,
    version: input.version,
    load: (tx) => loadBooking(ctx, tx, caseId, bookingId),
    versionOf: (c) => c.booking.version,
    check: (c) => {
      refuseUnlessCurrent(c);
      if (c.booking.date > ctx.clock.today()) throw new AppError('VALIDATION_FAILED', { message: `Mötet är bokat ${c.booking.date}. Det kan registreras som genomfört först den dagen.` });
    },
    apply: () => ({ state: 'held', updatedAt: ctx.clock.now() }),
    audit: (c) => ({ action: 'investigation.booking_held', entityType: 'case', entityId: caseId, personId: c.r.c.personId, details: { bookingId } }),
    present: async (_u, tx) => presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write')),
  });
}
