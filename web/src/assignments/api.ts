import type { z } from 'zod';
import type { ActionNoticeApi } from '../platform/flash';
import type { assignmentOut, caseExecutionOut, offerOut, orderOffersOut } from '../../../src/assignments/schema';

export type OrderOffers = z.infer<typeof orderOffersOut>;
export type Offer = z.infer<typeof offerOut>;
export type Assignment = z.infer<typeof assignmentOut>;
export type CaseExecution = z.infer<typeof caseExecutionOut>;

export const orderOffersQueryKey = (orderId: string) => ['order', orderId, 'offers'] as const;
export const assignmentQueryKey = (id: string) => ['assignment', id] as const;
/** Under the case's key: a change of the case refreshes it too. */
export const caseExecutionQueryKey = (caseId: string) => ['case', caseId, 'execution'] as const;

/** What each section of the assignment page gets (assignment-sections.ts). */
export type AssignmentSectionProps = { a: Assignment; notice: ActionNoticeApi };

/** The assignment as the rules see it (for the forms' own checks). */
export function ruleStateOf(a: Assignment) {
  return { ...a, interruptions: a.interruptions.map((i) => ({ from: i.fromDate, resumed: i.resumedDate })) };
}
