// Order rules (domain.md §2 step 6): the order's state and when it is overdue. Pure: no I/O, no clock.
import { addWorkingDays } from '../platform/calendar';

export const ORDER_EVENT_KINDS = ['sent', 'returned', 'answered', 'confirmed'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];

export type OrderState = 'sent' | 'returned' | 'confirmed';
export const orderStateLabel: Record<OrderState, string> = { sent: 'Skickad', returned: 'Återsänd med fråga', confirmed: 'Mottagen' };

export interface OrderFacts {
  sentDate: string;
  confirmedDate: string | null;
  returnedAt: Date | string | null;
}

export function orderState(o: OrderFacts): OrderState {
  if (o.confirmedDate) return 'confirmed';
  if (o.returnedAt) return 'returned';
  return 'sent';
}

/** The last day the provider should confirm receipt: N working days after sending (default 2). */
export function orderConfirmDeadline(sentDate: string, withinWorkingDays: number): string {
  return addWorkingDays(sentDate, withinWorkingDays);
}

/** Red on both sides: not confirmed and the confirm deadline has passed. */
export function orderOverdue(o: OrderFacts, today: string, withinWorkingDays: number): boolean {
  return !o.confirmedDate && today > orderConfirmDeadline(o.sentDate, withinWorkingDays);
}
