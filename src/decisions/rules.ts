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

// ---- Decide: scope, hours, period, delegation --------------------------------------------------------------

export const decisionStateLabel: Record<DecisionState, string> = { draft: 'Utkast', awaiting_approval: 'Väntar på godkännande', decided: 'Beslutat' };
export const scopeUnitLabel: Record<ScopeUnit, string> = {
  meetings_per_week: 'träffar i veckan',
  meetings_per_month: 'träffar i månaden',
  hours_per_month: 'timmar i månaden',
};
export const successionLabel: Record<SuccessionKind, string> = { renewal: 'Förlängning', change: 'Ändring', appeal: 'Efter överklagande' };

/** Weeks in a month on average (52 / 12), for turning meetings per month into meetings per week. */
export const WEEKS_PER_MONTH = 4.33;

/** The largest sensible amount per scope unit: more is a typing mistake ("absurd"), refused with a message. */
export const SCOPE_MAX: Record<ScopeUnit, number> = { meetings_per_week: 7, meetings_per_month: 31, hours_per_month: 200 };
export const CONTACT_PERSONS_MAX = 5;

/** The municipality's factors for the hours equivalent. */
export interface HoursFactors {
  monthlyHoursPerWeeklyMeetingMin: number;
  monthlyHoursPerWeeklyMeetingMax: number;
}

export interface HoursRange {
  min: number;
  max: number;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The hours per month a scope corresponds to. One meeting a week is the configured range of hours per month
 * (seed 000: 8–10); meetings per month are first turned into meetings per week (÷ 4.33); hours per month are
 * themselves. Rounded to one decimal.
 */
export function monthlyHoursEquivalent(unit: ScopeUnit, amount: number, f: HoursFactors): HoursRange {
  switch (unit) {
    case 'meetings_per_week':
      return { min: oneDecimal(amount * f.monthlyHoursPerWeeklyMeetingMin), max: oneDecimal(amount * f.monthlyHoursPerWeeklyMeetingMax) };
    case 'meetings_per_month': {
      const perWeek = amount / WEEKS_PER_MONTH;
      return { min: oneDecimal(perWeek * f.monthlyHoursPerWeeklyMeetingMin), max: oneDecimal(perWeek * f.monthlyHoursPerWeeklyMeetingMax) };
    }
    case 'hours_per_month':
      return { min: amount, max: amount };
  }
}

/** "8–10 timmar i månaden", "12 timmar i månaden". */
export function formatHours(r: HoursRange): string {
  const n = (x: number) => String(x).replace('.', ',');
  return r.min === r.max ? `${n(r.min)} timmar i månaden` : `${n(r.min)}–${n(r.max)} timmar i månaden`;
}

/** "2 träffar i veckan". */
export function formatScope(unit: ScopeUnit, amount: number): string {
  if (amount === 1 && unit !== 'hours_per_month') return unit === 'meetings_per_week' ? '1 träff i veckan' : '1 träff i månaden';
  return `${amount} ${scopeUnitLabel[unit]}`;
}

export interface DelegationLimits {
  delegationMaxHoursPerMonth: number;
  delegationMaxContactPersons: number;
}

/**
 * Does the decision need the enhetschef's approval (delegation)? When the hours per month (the upper end of the
 * equivalent) exceed the limit, or more contact persons than the limit are granted. An avslag grants nothing.
 */
export function needsApproval(d: { hoursPerMonth: HoursRange | null; contactPersonCount: number | null }, l: DelegationLimits): boolean {
  return (d.hoursPerMonth !== null && d.hoursPerMonth.max > l.delegationMaxHoursPerMonth) || (d.contactPersonCount ?? 0) > l.delegationMaxContactPersons;
}

export type PeriodWarning = 'no_end' | 'too_long';

/** A favourable decision should be time-limited and no longer than the configured maximum (default 24 months). */
export function periodWarning(startDate: string, endDate: string | null, maxMonths: number): PeriodWarning | null {
  if (!endDate) return 'no_end';
  return endDate > addMonths(startDate, maxMonths) ? 'too_long' : null;
}

export function periodWarningMessage(w: PeriodWarning, maxMonths: number): string {
  return w === 'no_end'
    ? `Beslutet har inget slutdatum. Kommunens rutin är att tidsbegränsa beslut (högst ${maxMonths} månader). Skriv varför.`
    : `Perioden är längre än ${maxMonths} månader, kommunens längsta period. Skriv varför.`;
}

export const isFavourable = (o: DecisionOutcome): boolean => o !== 'rejected';

export interface DecisionFieldProblem {
  path: string;
  message: string;
}

/** What the decide form sends (the rules' view of it). */
export interface DecisionInput {
  outcome: DecisionOutcome;
  decisionDate: string;
  scopeUnit?: ScopeUnit | null;
  scopeAmount?: number | null;
  level?: string | null;
  contactPersonCount?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  periodReason?: string | null;
}

export const DECISION_FUTURE_DATE_MESSAGE = 'Beslutsdatumet kan inte vara senare än i dag.';

/**
 * The field problems of a decision (the use case throws them, the form shows them before sending): a date in the
 * future or before the application, a missing or absurd scope, an end before the start, a period without a reason.
 */
export function decisionProblems(
  i: DecisionInput,
  ctx: { today: string; applicationDate: string | null; decisionMaxMonths: number; levelCodes: readonly string[] },
): DecisionFieldProblem[] {
  const out: DecisionFieldProblem[] = [];
  if (i.decisionDate > ctx.today) out.push({ path: 'decisionDate', message: DECISION_FUTURE_DATE_MESSAGE });
  else if (ctx.applicationDate && i.decisionDate < ctx.applicationDate)
    out.push({ path: 'decisionDate', message: `Beslutsdatumet kan inte vara före ansökan (${ctx.applicationDate}).` });
  if (!isFavourable(i.outcome)) return out;
  if (!i.scopeUnit) out.push({ path: 'scopeUnit', message: 'Välj hur omfattningen anges.' });
  if (i.scopeAmount === null || i.scopeAmount === undefined) out.push({ path: 'scopeAmount', message: 'Skriv omfattningen.' });
  else if (i.scopeAmount < 1) out.push({ path: 'scopeAmount', message: 'Omfattningen måste vara minst 1.' });
  else if (i.scopeUnit && i.scopeAmount > SCOPE_MAX[i.scopeUnit])
    out.push({ path: 'scopeAmount', message: `Omfattningen kan vara högst ${SCOPE_MAX[i.scopeUnit]} ${scopeUnitLabel[i.scopeUnit]}.` });
  if (i.level && !ctx.levelCodes.includes(i.level)) out.push({ path: 'level', message: 'Välj en nivå som finns i kommunens rutin.' });
  if (i.contactPersonCount === null || i.contactPersonCount === undefined) out.push({ path: 'contactPersonCount', message: 'Skriv hur många kontaktpersoner.' });
  else if (i.contactPersonCount < 1 || i.contactPersonCount > CONTACT_PERSONS_MAX)
    out.push({ path: 'contactPersonCount', message: `Antalet kontaktpersoner ska vara 1–${CONTACT_PERSONS_MAX}.` });
  if (!i.startDate) out.push({ path: 'startDate', message: 'Skriv från vilket datum beslutet gäller.' });
  if (i.startDate && i.endDate && i.endDate < i.startDate) out.push({ path: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' });
  else if (i.startDate && periodWarning(i.startDate, i.endDate ?? null, ctx.decisionMaxMonths) && !i.periodReason?.trim())
    out.push({ path: 'periodReason', message: periodWarningMessage(periodWarning(i.startDate, i.endDate ?? null, ctx.decisionMaxMonths)!, ctx.decisionMaxMonths) });
  return out;
}

// ---- Appeals ------------------------------------------------------------------------------------------------

/** Did the appeal arrive in time? Null when the day the person fick del av the decision is not recorded. */
export function appealTimely(receivedDate: string, notifiedDate: string | null): boolean | null {
  return notifiedDate ? receivedDate <= appealDeadline(notifiedDate) : null;
}

/** An appeal's received date: not in the future, not before the person was notified (or the decision). */
export function appealReceivedProblem(receivedDate: string, d: { decisionDate: string; notifiedDate: string | null }, today: string): DecisionFieldProblem | null {
  if (receivedDate > today) return { path: 'receivedDate', message: 'Datumet kan inte vara senare än i dag.' };
  if (d.notifiedDate && receivedDate < d.notifiedDate)
    return { path: 'receivedDate', message: `Överklagandet kan inte ha kommit in före den dag personen fick del av beslutet (${d.notifiedDate}).` };
  if (receivedDate < d.decisionDate) return { path: 'receivedDate', message: `Överklagandet kan inte ha kommit in före beslutsdatumet (${d.decisionDate}).` };
  return null;
}

// ---- Follow-up and expiry -----------------------------------------------------------------------------------

/**
 * The day the next follow-up is due: `followUpMonths` after execution or the last follow-up, or the end date
 * when that comes sooner (follow up before the decision runs out). The clock starts at the later of the decision's
 * start and the day it was executed (a renewal continues an assignment that started under the earlier decision:
 * its own start counts); not executed yet, the start date stands in.
 */
export function followUpDue(
  d: { startDate: string; executedDate?: string | null; endDate: string | null; lastFollowUpDate: string | null },
  followUpMonths: number,
): string {
  const executed = d.executedDate && d.executedDate > d.startDate ? d.executedDate : d.startDate;
  const due = addMonths(d.lastFollowUpDate ?? executed, followUpMonths);
  return d.endDate && d.endDate < due ? d.endDate : due;
}

/** Does a decision end within the window (and has not ended yet)? */
export function endingSoon(endDate: string | null, today: string, windowDays: number): boolean {
  return endDate !== null && endDate >= today && endDate <= addDays(today, windowDays);
}
