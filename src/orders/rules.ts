// Order rules (domain.md §2 step 6): the order's state, when it is overdue, and what each order action requires.
// Pure: no I/O, no clock. The confirm clock itself lives in src/intake/rules.ts (intake's "Mina ärenden" flags overdue
// orders too and may not import this stage), re-exported here: one rule, used by both.
import { addDays } from '../platform/calendar';
import { orderConfirmDeadline, orderConfirmOverdue, pastDateProblem, type FieldProblem } from '../intake/rules';
import type { DecisionOutcome, ScopeUnit } from '../decisions/rules';

export { orderConfirmDeadline } from '../intake/rules';

export const ORDER_EVENT_KINDS = ['sent', 'returned', 'answered', 'confirmed'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];
export const orderEventLabel: Record<OrderEventKind, string> = {
  sent: 'Skickad',
  returned: 'Återsänd med fråga',
  answered: 'Besvarad och skickad igen',
  confirmed: 'Mottagen',
};

export type OrderState = 'sent' | 'returned' | 'confirmed';
export const orderStateLabel: Record<OrderState, string> = { sent: 'Skickad', returned: 'Återsänd med fråga', confirmed: 'Mottagen' };

export interface OrderFacts {
  /** The latest sending: the first send, or the resend when the handläggare answered a question. */
  sentDate: string;
  confirmedDate: string | null;
  returnedAt: Date | string | null;
}

export function orderState(o: OrderFacts): OrderState {
  if (o.confirmedDate) return 'confirmed';
  if (o.returnedAt) return 'returned';
  return 'sent';
}

/** Red on both sides: not confirmed and the confirm deadline has passed. */
export function orderOverdue(o: OrderFacts, today: string, withinWorkingDays: number): boolean {
  return orderConfirmOverdue(o.sentDate, o.confirmedDate, today, withinWorkingDays);
}

/**
 * The earliest sent date that is not overdue today: an unconfirmed order sent before it is overdue
 * (`orderOverdue` ⇔ sentDate < cutoff, since the deadline grows with the sent date). Lets a list count its
 * overdue orders in SQL.
 */
export function orderOverdueCutoff(today: string, withinWorkingDays: number): string {
  let d = today;
  // Walk back while the day before would still not be overdue; at most N working days plus holidays.
  while (orderConfirmDeadline(addDays(d, -1), withinWorkingDays) >= today) d = addDays(d, -1);
  return d;
}

/** The order is not in a state for the action; `code` is the error code the use case answers with. */
export interface OrderRefusal {
  code: 'ORDER_NO_FAVOURABLE_DECISION' | 'ORDER_ALREADY_SENT' | 'ORDER_ALREADY_CONFIRMED' | 'ORDER_RETURNED' | 'ORDER_NOT_RETURNED';
}

/** Only a favourable decision (bifall or delvis bifall) is ordered. */
export function isFavourable(outcome: DecisionOutcome): boolean {
  return outcome === 'granted' || outcome === 'partly_granted';
}

const SCOPE_TEXT: Record<ScopeUnit, [string, string]> = {
  meetings_per_week: ['träff i veckan', 'träffar i veckan'],
  meetings_per_month: ['träff i månaden', 'träffar i månaden'],
  hours_per_month: ['timme i månaden', 'timmar i månaden'],
};

/** "2 träffar i veckan", "Nivå 1", or null when the decision has no scope. */
export function scopeText(unit: ScopeUnit | null, amount: number | null, level: string | null): string | null {
  const parts: string[] = [];
  if (unit && amount !== null) parts.push(`${amount} ${SCOPE_TEXT[unit][amount === 1 ? 0 : 1]}`);
  if (level) parts.push(level);
  return parts.length ? parts.join(', ') : null;
}

/** Sending: the case's current decision must be decided and favourable, and have no order yet. */
export function sendRefusal(
  decision: { state: string; outcome: DecisionOutcome } | null,
  existingOrder: boolean,
): OrderRefusal | null {
  if (decision?.state !== 'decided' || !isFavourable(decision.outcome)) return { code: 'ORDER_NO_FAVOURABLE_DECISION' };
  if (existingOrder) return { code: 'ORDER_ALREADY_SENT' };
  return null;
}

/** Confirming or returning: only an order that is sent and waits for the provider. */
export function providerActionRefusal(o: OrderFacts): OrderRefusal | null {
  const s = orderState(o);
  if (s === 'confirmed') return { code: 'ORDER_ALREADY_CONFIRMED' };
  if (s === 'returned') return { code: 'ORDER_RETURNED' };
  return null;
}

/** The confirm date: not in the future and not before the order was (last) sent. */
export function confirmProblems(o: Pick<OrderFacts, 'sentDate'>, confirmedDate: string, today: string): FieldProblem[] {
  const p = pastDateProblem('confirmedDate', confirmedDate, today, { date: o.sentDate, label: 'dagen beställningen skickades' });
  return p ? [p] : [];
}

/** Answering (and resending): only an order returned with a question. */
export function answerRefusal(o: OrderFacts): OrderRefusal | null {
  return orderState(o) === 'returned' ? null : { code: 'ORDER_NOT_RETURNED' };
}
