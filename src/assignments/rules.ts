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

// ---- What each action requires (issue 11 items 4, 5, 7). Refusals (the offer or assignment is not in a state for the
// action: `code` is the use case's error) and field problems (the input is wrong), as the other stages do; the
// presenter's abilities and the web forms use the same functions.

/** The offer or assignment is not in a state for the action. */
export interface AssignmentRefusal {
  code:
    | 'OFFER_CLOSED'
    | 'OFFER_ALREADY_ANSWERED'
    | 'OFFER_NOT_ACCEPTED'
    | 'OFFER_HAS_ASSIGNMENT'
    | 'MEETING_NOT_BOOKED'
    | 'MEETING_OUTCOME_RECORDED'
    | 'OFFER_NOT_GONE_AHEAD'
    | 'ASSIGNMENT_SIGNED'
    | 'ASSIGNMENT_NOT_SIGNED'
    | 'ASSIGNMENT_ALREADY_STARTED'
    | 'ASSIGNMENT_NOT_STARTED'
    | 'ASSIGNMENT_ENDED'
    | 'ASSIGNMENT_INTERRUPTED'
    | 'ASSIGNMENT_NOT_INTERRUPTED';
}

interface FieldIssue {
  path: string;
  message: string;
}

const FUTURE = 'Datumet kan inte vara senare än i dag.';

/** A date that must have happened: not after today, not before `notBefore`. */
function pastDate(path: string, date: string, today: string, notBefore?: { date: string | null; label: string }): FieldIssue | null {
  if (date > today) return { path, message: FUTURE };
  if (notBefore?.date && date < notBefore.date) return { path, message: `Datumet kan inte vara före ${notBefore.label} (${notBefore.date}).` };
  return null;
}

function only<T>(xs: Array<T | null | false | undefined | ''>): T[] {
  return xs.filter((x): x is T => Boolean(x));
}

/** An offer as the rules need it. */
export interface OfferFacts {
  offeredDate: string;
  response: OfferResponse;
  responseDate: string | null;
  closedReason: OfferCloseReason | null;
}

/** A matching meeting as the rules need it (the current one: not cancelled). */
export interface MeetingFacts {
  date: string;
  outcome: MeetingOutcome | null;
}

export type OfferState = 'pending' | 'accepted' | 'meeting_booked' | 'go_ahead' | 'assignment' | 'closed';

/** Where an offer stands: waiting for the answer → accepted → meeting booked → go ahead → assignment made; or closed. */
export function offerState(o: OfferFacts, meeting: MeetingFacts | null, hasAssignment: boolean): OfferState {
  if (hasAssignment) return 'assignment';
  if (o.closedReason) return 'closed';
  if (o.response === 'pending') return 'pending';
  if (meeting?.outcome === 'go_ahead') return 'go_ahead';
  if (meeting) return 'meeting_booked';
  return 'accepted';
}
export const offerStateLabel: Record<OfferState, string> = {
  pending: 'Väntar på svar',
  accepted: 'Tackat ja – boka matchningsmöte',
  meeting_booked: 'Matchningsmöte bokat',
  go_ahead: 'Går vidare – gör uppdragsavtal',
  assignment: 'Uppdrag',
  closed: 'Avslutat',
};

/** Recording the person's answer: only an open offer without an answer; the date not in the future, not before the offer. */
export function answerRefusal(o: OfferFacts): AssignmentRefusal | null {
  if (o.closedReason) return { code: 'OFFER_CLOSED' };
  if (o.response !== 'pending') return { code: 'OFFER_ALREADY_ANSWERED' };
  return null;
}
export function answerProblems(o: OfferFacts, input: { responseDate: string }, today: string): FieldIssue[] {
  return only([pastDate('responseDate', input.responseDate, today, { date: o.offeredDate, label: 'dagen erbjudandet gjordes' })]);
}

/** Withdrawing the offer, or the contact person said no: an open offer without an assignment (end the assignment instead). */
export function closeRefusal(o: OfferFacts, hasAssignment: boolean): AssignmentRefusal | null {
  if (hasAssignment) return { code: 'OFFER_HAS_ASSIGNMENT' };
  if (o.closedReason) return { code: 'OFFER_CLOSED' };
  return null;
}
export function closeProblems(o: OfferFacts, input: { closedDate: string }, today: string): FieldIssue[] {
  return only([pastDate('closedDate', input.closedDate, today, { date: o.offeredDate, label: 'dagen erbjudandet gjordes' })]);
}

/** Booking (or rebooking) a matchningsmöte: an accepted, open offer whose meeting has no outcome yet. */
export function bookingRefusal(o: OfferFacts, meeting: MeetingFacts | null, hasAssignment: boolean): AssignmentRefusal | null {
  if (hasAssignment) return { code: 'OFFER_HAS_ASSIGNMENT' };
  if (o.closedReason) return { code: 'OFFER_CLOSED' };
  if (o.response !== 'accepted') return { code: 'OFFER_NOT_ACCEPTED' };
  if (meeting?.outcome) return { code: 'MEETING_OUTCOME_RECORDED' };
  return null;
}
export function bookingProblems(o: OfferFacts, input: { date: string; time: string }): FieldIssue[] {
  return only([
    o.responseDate && input.date < o.responseDate && { path: 'date', message: `Mötet kan inte vara före dagen personen tackade ja (${o.responseDate}).` },
    !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time) && { path: 'time', message: 'Skriv tiden som tt:mm, till exempel 14:30.' },
  ]);
}

/** The meeting's outcome: recorded once, on the day of the meeting or later, not in the future. No chemistry needs a reason. */
export function outcomeRefusal(o: OfferFacts, meeting: MeetingFacts | null): AssignmentRefusal | null {
  if (o.closedReason) return { code: 'OFFER_CLOSED' };
  if (!meeting) return { code: 'MEETING_NOT_BOOKED' };
  if (meeting.outcome) return { code: 'MEETING_OUTCOME_RECORDED' };
  return null;
}
export function outcomeProblems(meeting: MeetingFacts, input: { outcome: MeetingOutcome; outcomeDate: string; note?: string | null }, today: string): FieldIssue[] {
  return only([
    pastDate('outcomeDate', input.outcomeDate, today, { date: meeting.date, label: 'dagen för mötet' }),
    input.outcome === 'no_chemistry' && !input.note?.trim() && { path: 'note', message: 'Skriv varför det inte blev en matchning.' },
  ]);
}

/** The decision's period the agreement must lie within. */
export interface DecisionPeriod {
  startDate: string | null;
  endDate: string | null;
}

/** Making the assignment: the offer went ahead at the matchningsmöte and has no assignment yet. */
export function createRefusal(o: OfferFacts, meeting: MeetingFacts | null, hasAssignment: boolean): AssignmentRefusal | null {
  if (hasAssignment) return { code: 'OFFER_HAS_ASSIGNMENT' };
  if (o.closedReason) return { code: 'OFFER_CLOSED' };
  if (meeting?.outcome !== 'go_ahead') return { code: 'OFFER_NOT_GONE_AHEAD' };
  return null;
}

/** The agreement's terms: the period within the decision's, the end not before the start. */
export function agreementProblems(input: { periodFrom: string; periodTo?: string | null }, d: DecisionPeriod): FieldIssue[] {
  return only([
    d.startDate && input.periodFrom < d.startDate && { path: 'periodFrom', message: `Uppdraget kan inte börja före beslutets start (${d.startDate}).` },
    d.endDate && input.periodFrom > d.endDate && { path: 'periodFrom', message: `Uppdraget kan inte börja efter att beslutet har upphört (${d.endDate}).` },
    input.periodTo && input.periodTo < input.periodFrom && { path: 'periodTo', message: 'Slutdatumet kan inte vara före startdatumet.' },
    input.periodTo && d.endDate && input.periodTo > d.endDate && { path: 'periodTo', message: `Uppdraget kan inte gälla längre än beslutet (${d.endDate}).` },
  ]);
}

/** An assignment as the rules need it. */
export interface AssignmentState extends AssignmentFacts {
  periodFrom: string;
  periodTo: string | null;
  agreementDate: string | null;
  personSignedDate: string | null;
  contactPersonSignedDate: string | null;
}

function signed(a: AssignmentState): boolean {
  return Boolean(a.personSignedDate && a.contactPersonSignedDate);
}
function openInterruption(a: AssignmentFacts) {
  return a.interruptions.find((i) => i.resumed === null) ?? null;
}

/** The terms can be changed until someone has signed. */
export function agreementRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  if (a.personSignedDate || a.contactPersonSignedDate) return { code: 'ASSIGNMENT_SIGNED' };
  return null;
}

/** Signing: each signature once, not in the future, not before the agreement was written. */
export function signRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  if (signed(a)) return { code: 'ASSIGNMENT_SIGNED' };
  return null;
}
export function signProblems(a: AssignmentState, input: { personSignedDate?: string | null; contactPersonSignedDate?: string | null }, today: string): FieldIssue[] {
  const after = { date: a.agreementDate, label: 'avtalets datum' };
  return only([
    !input.personSignedDate && !input.contactPersonSignedDate && { path: 'personSignedDate', message: 'Fyll i minst ett datum för underskrift.' },
    input.personSignedDate && a.personSignedDate && { path: 'personSignedDate', message: `Personen skrev redan under ${a.personSignedDate}.` },
    input.contactPersonSignedDate && a.contactPersonSignedDate && { path: 'contactPersonSignedDate', message: `Kontaktpersonen skrev redan under ${a.contactPersonSignedDate}.` },
    input.personSignedDate && pastDate('personSignedDate', input.personSignedDate, today, after),
    input.contactPersonSignedDate && pastDate('contactPersonSignedDate', input.contactPersonSignedDate, today, after),
  ]);
}

/** The förordnande (appointment): once the agreement exists; the date not in the future, not before the agreement. */
export function appointProblems(a: AssignmentState, input: { appointedDate: string }, today: string): FieldIssue[] {
  return only([pastDate('appointedDate', input.appointedDate, today, { date: a.agreementDate, label: 'avtalets datum' })]);
}

/**
 * Verkställ: the assignment starts when both have signed the agreement. The start date is not in the future, not
 * before the later signature and within the agreement's period. Recorded once.
 */
export function startRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  if (a.startDate) return { code: 'ASSIGNMENT_ALREADY_STARTED' };
  if (!signed(a)) return { code: 'ASSIGNMENT_NOT_SIGNED' };
  return null;
}
export function startProblems(a: AssignmentState, input: { startDate: string }, today: string): FieldIssue[] {
  const lastSigned = [a.personSignedDate, a.contactPersonSignedDate].filter((x): x is string => Boolean(x)).sort().at(-1) ?? null;
  return only([
    pastDate('startDate', input.startDate, today, { date: lastSigned, label: 'dagen avtalet skrevs under' }),
    input.startDate < a.periodFrom && { path: 'startDate', message: `Uppdraget kan inte starta före avtalets period (${a.periodFrom}).` },
    a.periodTo && input.startDate > a.periodTo && { path: 'startDate', message: `Uppdraget kan inte starta efter avtalets period (${a.periodTo}).` },
  ]);
}

/** Avbrott: a started, running assignment; from a day not before the start or the last resumption, not in the future. */
export function interruptRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (!a.startDate) return { code: 'ASSIGNMENT_NOT_STARTED' };
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  if (openInterruption(a)) return { code: 'ASSIGNMENT_INTERRUPTED' };
  return null;
}
export function interruptProblems(a: AssignmentState, input: { fromDate: string }, today: string): FieldIssue[] {
  const lastResumed = a.interruptions.map((i) => i.resumed).filter((x): x is string => Boolean(x)).sort().at(-1) ?? null;
  const notBefore = lastResumed && lastResumed > (a.startDate ?? '') ? { date: lastResumed, label: 'dagen uppdraget återupptogs senast' } : { date: a.startDate, label: 'uppdragets start' };
  return only([pastDate('fromDate', input.fromDate, today, notBefore)]);
}

/** Återuppta: an open avbrott; the day it runs again is after the avbrott's first day and not in the future. */
export function resumeRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  if (!openInterruption(a)) return { code: 'ASSIGNMENT_NOT_INTERRUPTED' };
  return null;
}
export function resumeProblems(a: AssignmentState, input: { resumedDate: string }, today: string): FieldIssue[] {
  const open = openInterruption(a);
  return only([
    input.resumedDate > today && { path: 'resumedDate', message: FUTURE },
    open && input.resumedDate <= open.from && { path: 'resumedDate', message: `Uppdraget kan återupptas tidigast dagen efter avbrottets början (${open.from}).` },
  ]);
}

/**
 * Avsluta: the end date is the last paid day (it may lie ahead: a notice period); not before the start (or, never
 * started, the agreement's period start). Ending closes the offer: the contact person's place returns.
 */
export function endRefusal(a: AssignmentState): AssignmentRefusal | null {
  if (a.endDate) return { code: 'ASSIGNMENT_ENDED' };
  return null;
}
export function endProblems(a: AssignmentState, input: { endDate: string }): FieldIssue[] {
  const from = a.startDate ?? null;
  const open = openInterruption(a);
  return only([
    from && input.endDate < from && { path: 'endDate', message: `Sista dagen kan inte vara före uppdragets start (${from}).` },
    open && input.endDate < addDays(open.from, -1) && { path: 'endDate', message: `Sista dagen kan inte vara före det pågående avbrottet (${open.from}).` },
  ]);
}

export type AssignmentPhase = 'agreement' | 'signed' | 'running' | 'interrupted' | 'ended';

/** Where an assignment stands on `today`. */
export function assignmentPhase(a: AssignmentState, today: string): AssignmentPhase {
  if (a.endDate && a.endDate < today) return 'ended';
  if (runningOn(a, today)) return 'running';
  if (a.startDate && a.startDate <= today) return 'interrupted'; // started, not ended, an avbrott covers today
  if (signed(a)) return 'signed';
  return 'agreement';
}
export const assignmentPhaseLabel: Record<AssignmentPhase, string> = {
  agreement: 'Avtal skrivs',
  signed: 'Avtalet är underskrivet',
  running: 'Pågår (verkställt)',
  interrupted: 'Avbrott',
  ended: 'Avslutat',
};

/**
 * How far the decision is executed: how many contact persons it grants and how many have started and still run
 * (not ended). "Delvis verkställt (1 av 2)" when some, not all, have started.
 */
export function executionProgress(contactPersonCount: number | null, assignments: readonly AssignmentFacts[]): { granted: number; started: number; label: string | null } {
  const granted = contactPersonCount ?? 1;
  const started = assignments.filter((a) => a.startDate && !(a.endDate && a.endReason)).length;
  if (started === 0) return { granted, started, label: null };
  if (started < granted) return { granted, started, label: `Delvis verkställt (${started} av ${granted})` };
  return { granted, started, label: 'Verkställt' };
}

/**
 * Places of the decision still without a contact person: granted, less the open offers (an open offer holds its
 * place; so does a running assignment, whose offer stays open until it ends). After an end that does not end the
 * decision, the order waits for a replacement under the same decision.
 */
export function openPlaces(contactPersonCount: number | null, offers: ReadonlyArray<Pick<OfferFacts, 'closedReason'>>): number {
  return Math.max(0, (contactPersonCount ?? 1) - offers.filter((o) => o.closedReason === null).length);
}
