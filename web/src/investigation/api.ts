import type { InvestigationOut } from '../../../src/investigation/schema';

export type Investigation = InvestigationOut;
export type Booking = Investigation['bookings'][number];

export function investigationQueryKey(caseId: string) {
  return ['case', caseId, 'investigation'] as const;
}

export function investigationPath(caseId: string) {
  return `/arenden/${caseId}/utredning`;
}

/** The booking in force (state 'booked'), if any. */
export function currentBookingOf(i: Investigation): Booking | null {
  return i.bookings.find((b) => b.state === 'booked') ?? null;
}
