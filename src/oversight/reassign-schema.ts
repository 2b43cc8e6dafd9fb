// Bulk reassignment: the enhetschef moves all or chosen cases from one handläggare to another.
import { z } from 'zod';
import { uuid } from '../platform/validation';

export const reassignCasesQueryBody = z.object({ fromUserId: uuid });

export const reassignCaseItem = z.object({
  id: z.string(),
  caseNumber: z.string(),
  personName: z.string(),
  protectedIdentity: z.boolean(),
  receivedDate: z.string(),
  status: z.string(),
  statusLabel: z.string(),
});
export const reassignCasesOut = z.object({ items: z.array(reassignCaseItem) });

export const reassignBody = z
  .object({
    fromUserId: uuid,
    toUserId: uuid,
    /** All of the handläggare's cases in the unit, or only `caseIds`. */
    all: z.boolean().default(false),
    caseIds: z.array(uuid).max(5000, { message: 'Välj högst 5 000 ärenden åt gången.' }).default([]),
  })
  .refine((b) => b.all || b.caseIds.length > 0, { path: ['caseIds'], message: 'Välj minst ett ärende, eller alla.' });
export const reassignOut = z.object({ moved: z.number(), caseNumbers: z.array(z.string()) });
