// Execution rules (domain.md §2 kontaktsekreterare 2–6, §3): offers, matching meetings, the assignment's life
// (agreed → started = verkställt → interrupted ↔ running → ended) and what ending means for the decision.
// Pure: no I/O, no clock.
import { addDays } from '../platform/calendar';

/** The person's answer to an offer of a contact person. */
export const OFFER_RESPONSES = ['pending', 'accepted', 'declined'] as const;
export type OfferResponse = (typeof OFFER_RESPONSES)[number];
export const offerResponseLabel: Record<OfferResponse, string> = { pending: 'Inget svar än', accepted: 'Tackat ja', declined: 'Tackat nej' };

/**
 * Why an offer stopped holding the contact person's place. An open offer (closed_reason null) or a running
 * assignment holds one place of the contact person's capacity (contact_persons.current_load, kept by a trigger).
 */
export const OFFER_CLOSE_REASONS = ['declined', 'no_chemistry', 'withdrawn', 'contact_person_declined', 'ended'] as const;
export type OfferCloseReason = (typeof OFFER_CLOSE_REASONS)[number];
export const offerCloseReasonLabel: Record<OfferCloseReason, string> = {
  declined: 'Personen tackade nej',
  no_chemistry: 'Ingen kemi vid matchningsmötet',
  withdrawn: 'Erbjudandet togs tillbaka',
  contact_person_declined: 'Kontaktpersonen tackade nej',
  ended: 'Uppdraget har avslutats',
};

export const MEETING_OUTCOMES = ['go_ahead', 'no_chemistry'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
export const meetingOutcomeLabel: Record<MeetingOutcome, string> = { go_ahead: 'Går vidare', no_chemistry: 'Ingen kemi' };

/** Why an assignment ended (issue 11 item 7). */
export const ASSIGNMENT_END_REASONS = ['person_wish', 'contact_person_stopped', 'decision_ended', 'moved', 'deceased', 'other'] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];
export const assignmentEndReasonLabel: Record<AssignmentEndReason, string> = {
  person_wish: 'Personens önskan',
  contact_person_stopped: 'Kontaktpersonen slutade',
  decision_ended: 'Beslutet upphörde',
  moved: 'Personen har flyttat',
  deceased: 'Personen har avlidit',
  other: 'Annat',
};

/**
 * Does this end reason end the decision's execution for good (the case ends: IVO "avslutat av annan anledning"), or
 * does the decision wait for a replacement contact person (then the gap counts as an avbrott until one starts)?
 */
export function endEndsDecision(reason: AssignmentEndReason): boolean {
  return reason === 'person_wish' || reason === 'decision_ended' || reason === 'moved' || reason === 'deceased';
}

/** Contacts the coordinator records with a contact person (issue 11 item 9). */
export const CONTACT_KINDS = ['phone', 'visit', 'group_meeting', 'email', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactKindLabel: Record<ContactKind, string> = {
  phone: 'Telefon',
  visit: 'Besök',
  group_meeting: 'Kontaktpersonsträff',
  email: 'E-post',
  other: 'Annat',
};

/** One assignment as the execution facts need it. */
export interface AssignmentFacts {
  startDate: string | null;
  endDate: string | null;
  endReason: AssignmentEndReason | null;
  interruptions: { from: string; resumed: string | null }[];
}

/** Is the assignment running on `date` (started, not ended, not interrupted)? */
export function runningOn(a: AssignmentFacts, date: string): boolean {
  if (!a.startDate || a.startDate > date) return false;
  if (a.endDate && a.endDate < date) return false;
  return !a.interruptions.some((i) => i.from <= date && (i.resumed === null || i.resumed > date));
}

/**
 * The execution facts from the assignments of the case's latest order (the same rule as the case_facts_source view,
 * migration 0014; a renewed decision continues that order):
 * executed = the first start; ended = the first end whose reason ends the decision; interruptedSince = when the
 * decision has been executed and nothing runs any more: the latest day a contact person stopped (an open
 * interruption's first day, or the day after an end that waits for a replacement). A future end is a stop too:
 * the status compares interruptedSince with today.
 */
export function executionFacts(
  assignments: readonly AssignmentFacts[],
): { executedDate: string | null; endedDate: string | null; interruptedSince: string | null } {
  const started = assignments.filter((a) => a.startDate);
  const executedDate = started.map((a) => a.startDate!).sort()[0] ?? null;
  const endedDate =
    started
      .filter((a) => a.endDate && a.endReason && endEndsDecision(a.endReason))
      .map((a) => a.endDate!)
      .sort()[0] ?? null;
  let gapStart: string | null = null;
  for (const a of started) {
    const stops = [
      ...a.interruptions.filter((i) => i.resumed === null).map((i) => i.from),
      ...(a.endDate ? [addDays(a.endDate, 1)] : []),
    ].sort();
    const stop = stops[0];
    if (!stop) return { executedDate, endedDate, interruptedSince: null }; // this one runs
    if (gapStart === null || stop > gapStart) gapStart = stop;
  }
  return { executedDate, endedDate, interruptedSince: gapStart };
}
