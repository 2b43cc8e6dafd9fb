// Pure rules of a case from request onwards: derived status, warnings, case numbers, and what each intake action
// requires (used by the use case, by the presenter's abilities and by the web page alike).
// No I/O and no clock: "today" is an argument.
import { addWorkingDays, daysBetween } from '../platform/calendar';
import type { Route } from '../platform/rules';

/** Who may bring a case (ansökan or aktualisering). */
export const REQUESTERS = ['person', 'guardian', 'legal_representative', 'relative', 'other_body'] as const;
export type Requester = (typeof REQUESTERS)[number];

export type CaseStatus =
  | 'referral'
  | 'requested'
  | 'acknowledged'
  | 'under_investigation'
  | 'rejected'
  | 'granted'
  | 'ordered'
  | 'order_confirmed'
  | 'matching'
  | 'executed'
  | 'interrupted'
  | 'ended'
  | 'expired';

export const caseStatusLabel: Record<CaseStatus, string> = {
  referral: 'Aktualisering, ingen ansökan ännu',
  requested: 'Ansökan inkommen',
  acknowledged: 'Bekräftad',
  under_investigation: 'Under utredning',
  rejected: 'Avslag',
  granted: 'Beviljad',
  ordered: 'Beställd',
  order_confirmed: 'Beställning bekräftad',
  matching: 'Matchning pågår',
  executed: 'Verkställd',
  interrupted: 'Avbrott',
  ended: 'Avslutad',
  expired: 'Beslutet har gått ut',
};

/** Status order, for sorting lists by how far a case has come (case_status_rank in SQL follows it). */
export const CASE_STATUS_ORDER: CaseStatus[] = Object.keys(caseStatusLabel) as CaseStatus[];

/**
 * Facts recorded on a case. The intake stage fills the first block; later stages (investigation,
 * decision, order, execution) add theirs, and the status follows without anyone typing it.
 */
export interface CaseFacts {
  applicationDate: string | null;
  acknowledgedDate: string | null;
  investigationStartedDate?: string | null;
  decision?: { outcome: 'granted' | 'partly_granted' | 'rejected'; date: string; endDate: string | null } | null;
  orderedDate?: string | null;
  orderConfirmedDate?: string | null;
  matchingStartedDate?: string | null;
  executedDate?: string | null;
  /** Nothing runs since this date (an open avbrott, or an end waiting for a replacement); from that day on. */
  interruptedSince?: string | null;
  endedDate?: string | null;
}

/**
 * domain.md §3: status is derived from the record, never typed. The same rule runs in SQL as
 * `case_status(case_facts, today)` (migration 0004, ADR 008) for lists that sort and filter by status;
 * src/intake/case-status.db.test.ts proves that the two agree.
 */
export function deriveCaseStatus(f: CaseFacts, today: string): CaseStatus {
  if (f.endedDate && f.endedDate <= today) return 'ended';
  if (f.decision) {
    if (f.decision.outcome === 'rejected') return 'rejected';
    if (f.decision.endDate && f.decision.endDate < today) return 'expired';
    if (f.interruptedSince && f.interruptedSince <= today) return 'interrupted';
    if (f.executedDate && f.executedDate <= today) return 'executed';
    if (f.matchingStartedDate) return 'matching';
    if (f.orderConfirmedDate) return 'order_confirmed';
    if (f.orderedDate) return 'ordered';
    return 'granted';
  }
  if (f.investigationStartedDate) return 'under_investigation';
  if (f.applicationDate === null) return 'referral';
  if (f.acknowledgedDate) return 'acknowledged';
  return 'requested';
}

export interface IntakeFacts {
  route: Route;
  receivedDate: string;
  /** Null while the case is a referral (aktualisering) without an application. */
  applicationDate: string | null;
  acknowledgedDate: string | null;
  personkretsDocumentation: 'present' | 'missing' | null;
  documentationReceivedDate: string | null;
}

export interface CaseWarning {
  code: 'NOT_ACKNOWLEDGED' | 'DOCUMENTATION_MISSING' | 'DOCUMENTATION_OVERDUE' | 'ORDER_NOT_CONFIRMED';
  message: string;
}

/** The last day an acknowledgement is on time: N working days after the day it was received. */
export function acknowledgementDeadline(receivedDate: string, withinWorkingDays: number): string {
  return addWorkingDays(receivedDate, withinWorkingDays);
}

/**
 * The day by which missing medical documentation (intyg) should have arrived: N working days after the
 * acknowledgement. N is the municipality's setting `documentationWithinWorkingDays`
 * (default 15, three weeks: time to book a doctor and get an intyg). The letter names this date, and the case warns after it.
 */
export function documentationDeadline(acknowledgedDate: string, withinWorkingDays: number): string {
  return addWorkingDays(acknowledgedDate, withinWorkingDays);
}

export function documentationMissing(f: Pick<IntakeFacts, 'route' | 'personkretsDocumentation' | 'documentationReceivedDate'>): boolean {
  return f.route === 'LSS' && f.personkretsDocumentation === 'missing' && f.documentationReceivedDate === null;
}

/** Statuses where an acknowledged application waits for the investigation: missing documentation matters here. */
const AWAITING_INVESTIGATION: ReadonlySet<CaseStatus> = new Set(['acknowledged', 'under_investigation']);

export interface WarningLimits {
  ackWithinWorkingDays: number;
  documentationWithinWorkingDays: number;
  /** Working days the provider has to confirm an order (municipality setting, default 2). */
  orderConfirmWithinWorkingDays?: number;
}

/**
 * The order's confirm clock, here so that intake's lists ("Mina ärenden") and the orders stage share one rule
 * (intake may not import orders; src/orders/rules.ts re-exports these). The last day the provider should confirm
 * receipt: N working days after the order was sent.
 */
export function orderConfirmDeadline(sentDate: string, withinWorkingDays: number): string {
  return addWorkingDays(sentDate, withinWorkingDays);
}

/** Red on both sides: sent, not confirmed, and the confirm deadline has passed. */
export function orderConfirmOverdue(sentDate: string | null, confirmedDate: string | null, today: string, withinWorkingDays: number): boolean {
  return sentDate !== null && !confirmedDate && today > orderConfirmDeadline(sentDate, withinWorkingDays);
}

/**
 * What needs the case worker's action, following the derived status (never contradicting it):
 * - only an application (status `requested`) can be late for acknowledgement; it counts from the application date
 *   (for a referral that became an application, the day the person applied);
 * - missing documentation matters only between acknowledgement and decision;
 * - a referral without application, a decided, executed or ended case has no intake warnings.
 */
export function caseWarnings(
  status: CaseStatus,
  f: IntakeFacts & { orderedDate?: string | null; orderConfirmedDate?: string | null },
  today: string,
  limits: WarningLimits,
): CaseWarning[] {
  const out: CaseWarning[] = [];
  // An order the provider has not confirmed in time (only while the case stands at "Beställd").
  if (status === 'ordered' && f.orderedDate && limits.orderConfirmWithinWorkingDays !== undefined) {
    if (orderConfirmOverdue(f.orderedDate, f.orderConfirmedDate ?? null, today, limits.orderConfirmWithinWorkingDays)) {
      const deadline = orderConfirmDeadline(f.orderedDate, limits.orderConfirmWithinWorkingDays);
      out.push({
        code: 'ORDER_NOT_CONFIRMED',
        message: `Beställningen är inte bekräftad. Den skickades ${f.orderedDate} och skulle ha bekräftats senast ${deadline}.`,
      });
    }
  }
  if (status === 'requested' && f.applicationDate && !f.acknowledgedDate) {
    const deadline = acknowledgementDeadline(f.applicationDate, limits.ackWithinWorkingDays);
    if (today > deadline) {
      out.push({
        code: 'NOT_ACKNOWLEDGED',
        message: `Inte bekräftad. Ansökan kom in ${f.applicationDate} och skulle ha bekräftats senast ${deadline} (${limits.ackWithinWorkingDays} arbetsdagar).`,
      });
    }
  }
  if (AWAITING_INVESTIGATION.has(status) && documentationMissing(f)) {
    const deadline = f.acknowledgedDate ? documentationDeadline(f.acknowledgedDate, limits.documentationWithinWorkingDays) : null;
    if (deadline && today > deadline) {
      out.push({
        code: 'DOCUMENTATION_OVERDUE',
        message: `Underlag som visar personkretsen (läkarintyg eller liknande) saknas. Det skulle ha kommit in senast ${deadline}.`,
      });
    } else {
      out.push({
        code: 'DOCUMENTATION_MISSING',
        message: `Underlag som visar personkretsen (läkarintyg eller liknande) saknas${deadline ? `. Det ska komma in senast ${deadline}` : ''}.`,
      });
    }
  }
  return out;
}

export function daysSinceReceived(receivedDate: string, today: string): number {
  return Math.max(0, daysBetween(receivedDate, today));
}

/** KP-{YYYY}-{NNNN} → KP-2026-0001. The number of N:s is the minimum width. */
export function formatCaseNumber(pattern: string, year: number, n: number): string {
  return pattern.replace('{YYYY}', String(year)).replace(/\{(N+)\}/, (_m, ns: string) => String(n).padStart(ns.length, '0'));
}


/** Who may apply: LSS 8 § lets only the person or their legal representative ask. */
export function isReferral(requester: Requester): boolean {
  return requester === 'relative' || requester === 'other_body';
}

/** The requesters that may register a case under the route: under LSS no referral (8 § LSS). */
export function requestersFor<R extends Requester>(route: 'LSS' | 'SOL', all: readonly R[]): R[] {
  return route === 'LSS' ? all.filter((r) => !isReferral(r)) : [...all];
}

// ---- What an action requires ------------------------------------------------------------------------------
// A rule answers with problems as data: a refusal (the case is not in a state for the action; the use case
// answers with `code`, the presenter's ability is false) or field problems (the input is wrong). The use case
// throws them (`throwProblems` in src/intake/problems.ts), the page shows the field problems before it sends.

/** The case is not in a state for the action. `code` is the error code the use case answers with. */
export interface Refusal {
  code: 'CASE_ALREADY_ACKNOWLEDGED' | 'CASE_NOT_ACKNOWLEDGED' | 'APPLICATION_ALREADY_RECORDED' | 'DOCUMENTATION_NOT_MISSING' | 'VALIDATION_FAILED';
  message?: string;
}
/** One field of the input is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}
export type Problem = Refusal | FieldProblem;

export function isFieldProblem(p: Problem): p is FieldProblem {
  return 'path' in p;
}

function compact<T>(xs: Array<T | null | undefined | false>): T[] {
  return xs.filter((x): x is T => x !== null && x !== undefined && x !== false);
}

export const FUTURE_DATE_MESSAGE = 'Datumet kan inte vara senare än i dag.';

/** A date that must have happened: not after today, not before `notBefore` (e.g. the received date), not before 1900. */
export function pastDateProblem(path: string, date: string, today: string, notBefore?: { date: string; label: string }): FieldProblem | null {
  if (date > today) return { path, message: FUTURE_DATE_MESSAGE };
  if (notBefore && date < notBefore.date) return { path, message: `Datumet kan inte vara före ${notBefore.label} (${notBefore.date}).` };
  if (date < '1900-01-01') return { path, message: 'Datumet är för långt bak i tiden.' };
  return null;
}

/** The facts of a case the intake actions depend on. */
export type IntakeCase = Pick<IntakeFacts, 'route' | 'receivedDate' | 'applicationDate' | 'acknowledgedDate' | 'personkretsDocumentation' | 'documentationReceivedDate'>;

export interface RequestInput {
  route: 'LSS' | 'SOL';
  requester: Requester;
  requesterName?: string | null;
  receivedDate: string;
}

/** Registering a request (ansökan) or a referral (aktualisering). */
export function requestProblems(input: RequestInput, today: string): FieldProblem[] {
  return compact([
    pastDateProblem('receivedDate', input.receivedDate, today),
    input.route === 'LSS' &&
      isReferral(input.requester) && {
        path: 'requester',
        message: 'Enligt LSS kan bara den enskilde eller en företrädare ansöka (8 § LSS). Registrera ansökan när personen eller företrädaren ansöker.',
      },
    input.requester !== 'person' && !input.requesterName && { path: 'requesterName', message: 'Skriv namnet på den som ansökte eller aktualiserade.' },
  ]);
}

/** Acknowledging: only an application (not a referral) that is not yet acknowledged. */
export function acknowledgementRefusal(c: Pick<IntakeCase, 'applicationDate' | 'acknowledgedDate'>): Refusal | null {
  if (c.acknowledgedDate) return { code: 'CASE_ALREADY_ACKNOWLEDGED' };
  if (!c.applicationDate) {
    return { code: 'VALIDATION_FAILED', message: 'Det här är en aktualisering. Registrera ansökan när personen har ansökt. Sedan kan du bekräfta den.' };
  }
  return null;
}

export function canAcknowledge(c: Pick<IntakeCase, 'applicationDate' | 'acknowledgedDate'>): boolean {
  return acknowledgementRefusal(c) === null;
}

export interface AcknowledgementInput {
  acknowledgedDate: string;
  personkretsDocumentation?: 'present' | 'missing' | null;
  personkretsGroup?: number | null;
}

/**
 * Everything wrong with acknowledging `c` with `input` on `today`: the refusal alone, or the field problems.
 * The date counts from the application (for a referral that became an application, the day the person applied).
 */
export function acknowledgementProblems(c: Pick<IntakeCase, 'route' | 'applicationDate' | 'acknowledgedDate'>, input: AcknowledgementInput, today: string): Problem[] {
  const refusal = acknowledgementRefusal(c);
  if (refusal) return [refusal];
  const lss = c.route === 'LSS';
  return compact<FieldProblem>([
    pastDateProblem('acknowledgedDate', input.acknowledgedDate, today, { date: c.applicationDate!, label: 'ansökan' }),
    lss && !input.personkretsDocumentation && { path: 'personkretsDocumentation', message: 'Ange om det finns underlag som visar personkretsen.' },
    lss &&
      input.personkretsDocumentation === 'missing' &&
      !!input.personkretsGroup && { path: 'personkretsGroup', message: 'Personkrets kan bara anges när underlaget finns.' },
  ]);
}

/** Recording the application of a referral: only while there is none. */
export function applicationRefusal(c: Pick<IntakeCase, 'applicationDate'>): Refusal | null {
  return c.applicationDate ? { code: 'APPLICATION_ALREADY_RECORDED' } : null;
}

export function canRecordApplication(c: Pick<IntakeCase, 'applicationDate'>): boolean {
  return applicationRefusal(c) === null;
}

export function applicationProblems(c: Pick<IntakeCase, 'receivedDate' | 'applicationDate'>, input: { applicationDate: string }, today: string): Problem[] {
  const refusal = applicationRefusal(c);
  if (refusal) return [refusal];
  return compact([pastDateProblem('applicationDate', input.applicationDate, today, { date: c.receivedDate, label: 'aktualiseringen' })]);
}

/** Recording that the missing personkrets documentation has arrived: only while it is missing. */
export function documentationRefusal(c: Pick<IntakeCase, 'route' | 'personkretsDocumentation' | 'documentationReceivedDate'>): Refusal | null {
  return documentationMissing(c) ? null : { code: 'DOCUMENTATION_NOT_MISSING' };
}

export function canRecordDocumentation(c: Pick<IntakeCase, 'route' | 'personkretsDocumentation' | 'documentationReceivedDate'>): boolean {
  return documentationRefusal(c) === null;
}

export function documentationProblems(
  c: Pick<IntakeCase, 'route' | 'receivedDate' | 'personkretsDocumentation' | 'documentationReceivedDate'>,
  input: { receivedDate: string },
  today: string,
): Problem[] {
  const refusal = documentationRefusal(c);
  if (refusal) return [refusal];
  return compact([pastDateProblem('receivedDate', input.receivedDate, today, { date: c.receivedDate, label: 'ansökan kom in' })]);
}

/** The acknowledgement letter exists once the case is acknowledged. */
export function letterRefusal(c: Pick<IntakeCase, 'acknowledgedDate'>): Refusal | null {
  return c.acknowledgedDate ? null : { code: 'CASE_NOT_ACKNOWLEDGED' };
}

export function canDownloadLetter(c: Pick<IntakeCase, 'acknowledgedDate'>): boolean {
  return letterRefusal(c) === null;
}

/** Who can be responsible for a case: an active handläggare or enhetschef with a unit (of the case's unit, if given). */
export function responsibleProblem(
  path: string,
  user: { active: boolean; unitId: string | null; role: string } | null,
  unitId?: string,
): FieldProblem | null {
  if (!user?.active || !user.unitId || (user.role !== 'handlaggare' && user.role !== 'enhetschef')) return { path, message: 'Välj en aktiv handläggare.' };
  if (unitId && user.unitId !== unitId) return { path, message: 'Handläggaren måste tillhöra ärendets enhet.' };
  return null;
}
