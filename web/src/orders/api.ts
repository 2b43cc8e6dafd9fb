import type { z } from 'zod';
import type { caseOrderOut, inboxOut, orderOut, orderSummaryOut } from '../../../src/orders/schema';

export type Order = z.infer<typeof orderOut>;
export type OrderSummary = z.infer<typeof orderSummaryOut>;
export type Inbox = z.infer<typeof inboxOut>;
export type CaseOrder = z.infer<typeof caseOrderOut>;

/** Under the case's key: whatever changes the case (a decision, say) refreshes the order part too. */
export function caseOrderQueryKey(caseId: string) {
  return ['case', caseId, 'order'] as const;
}
export function orderQueryKey(id: string) {
  return ['order', id] as const;
}
export const inboxQueryKey = (page: number, pageSize: number) => ['orders', { page, pageSize }] as const;
