// Decision rules (domain.md §1, §3): the execution clock and the appeal deadline. Pure: no I/O, no clock.
import { addDays, addMonths, isWorkingDay, type IsoDate } from '../platform/calendar';

export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const decisionOutcomeLabel: Record<DecisionOutcome, string> = { granted: 'Bifall', partly_granted: 'Delvis bifall', rejected: 'Avslag' };

/** draft → (awaiting_approval →) decided. A decided decision is never edited: a change is a new decision. */
export const DECISION_STATES = ['draft', 'awaiting_approval', 'decided'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export const SCOPE_UNITS = ['meetings_per_week', 'meetings_per_month', 'hours_per_month'] as const;
export type ScopeUnit = (typeof SCOPE_UNITS)[number];

/** Why a decision replaces an earlier one. */
export const SUCCESSION_KINDS = ['renewal', 'change', 'appeal'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'changed', 'remanded'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const appealOutcomeLabel: Record<AppealOutcome, string> = { upheld: 'Fastställt', changed: 'Ändrat', remanded: 'Återförvisat' };

export const FOLLOW_UP_RESULTS = ['continue', 'change_scope', 'end'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export const followUpResultLabel: Record<FollowUpResult, string> = { continue: 'Fortsätter', change_scope: 'Ändrad omfattning', end: 'Avslutas' };

/**
 * The day by which a favourable decision must be executed: the same date three months later, or the last day
 * of that month when it does not exist (2026-11-30 → 2027-02-28). Every page, list and report uses this.
 */
export function executionDeadline(decisionDate: string): string {
  return addMonths(decisionDate, 3);
}

/**
 * The last day an appeal may arrive: three weeks after the day the person fick del av the decision
 * (förvaltningslagen 44 §), moved to the next weekday when that day is a Saturday, Sunday, public holiday,
 * midsommarafton, julafton or nyårsafton (lag 1930:173).
 */
export function appealDeadline(notifiedDate: string): string {
  let d: IsoDate = addDays(notifiedDate, 21);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
