// Pure rules of a case from request onwards: derived status, warnings, case numbers.
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
  /** Open interruption (avbrott) since this date, not yet resumed. */
  interruptedSince?: string | null;
  endedDate?: string | null;
}

/** domain.md §3: status is derived from the record, never typed. */
export function deriveCaseStatus(f: CaseFacts, today: string): CaseStatus {
  if (f.endedDate && f.endedDate <= today) return 'ended';
  if (f.decision) {
    if (f.decision.outcome === 'rejected') return 'rejected';
    if (f.decision.endDate && f.decision.endDate < today) return 'expired';
    if (f.interruptedSince) return 'interrupted';
    if (f.executedDate) return 'executed';
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
  code: 'NOT_ACKNOWLEDGED' | 'DOCUMENTATION_MISSING' | 'DOCUMENTATION_OVERDUE';
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
}

/**
 * What needs the case worker's action, following the derived status (never contradicting it):
 * - only an application (status `requested`) can be late for acknowledgement; it counts from the application date
 *   (for a referral that became an application, the day the person applied);
 * - missing documentation matters only between acknowledgement and decision;
 * - a referral without application, a decided, executed or ended case has no intake warnings.
 */
export function caseWarnings(status: CaseStatus, f: IntakeFacts, today: string, limits: WarningLimits): CaseWarning[] {
  const out: CaseWarning[] = [];
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
