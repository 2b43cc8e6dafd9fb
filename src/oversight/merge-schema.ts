// Person merge: the same person registered twice; everything moves to the kept record.
import { z } from 'zod';
import { uuid } from '../platform/validation';

export const mergePersonsBody = z
  .object({ keepPersonId: uuid, mergePersonId: uuid })
  .refine((b) => b.keepPersonId !== b.mergePersonId, { path: ['mergePersonId'], message: 'Välj två olika personer.' });
export const mergePersonsOut = z.object({
  keptPersonId: z.string(),
  mergedPersonId: z.string(),
  /** Rows moved per `table.column` that references persons. */
  moved: z.record(z.string(), z.number()),
});
