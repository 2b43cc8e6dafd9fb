import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { loadPersonView } from './load-person-view';
import type { representativeUpdateBody, PersonOut } from './schema';
import { representatives } from './tables';
import { requireContactAccess } from './update-person';

export function updateRepresentative(
  ctx: UseCaseContext,
  personId: string,
  representativeId: string,
  input: z.output<typeof representativeUpdateBody>,
): Promise<PersonOut> {
  return inTransaction(ctx.db, async (tx) => {
    await requireContactAccess(tx, ctx, personId);
    const { version, ...fields } = input;
    const [r] = await tx
      .update(representatives)
      .set({ ...fields, version: sql`${representatives.version} + 1` })
      .where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId), eq(representatives.version, version)))
      .returning();
    if (!r) {
      const [exists] = await tx.select({ id: representatives.id }).from(representatives).where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId)));
      throw new AppError(exists ? 'VERSION_CONFLICT' : 'NOT_FOUND', exists ? {} : { message: 'Företrädaren finns inte.' });
    }
    await recordAudit(tx, ctx, { action: 'representative.update', entityType: 'representative', entityId: r.id, personId });
    return loadPersonView(tx, ctx, personId);
  });
}
