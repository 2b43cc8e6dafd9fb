import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { loadPersonView } from './load-person-view';
import type { PersonOut } from './schema';
import { representatives } from './tables';
import { requireContactAccess } from './update-person';

export function removeRepresentative(ctx: UseCaseContext, personId: string, representativeId: string, version: number): Promise<PersonOut> {
  return writeUseCase(ctx, async (tx) => {
    await requireContactAccess(tx, ctx, personId);
    const deleted = await tx
      .delete(representatives)
      .where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId), eq(representatives.version, version)))
      .returning({ id: representatives.id, kind: representatives.kind });
    if (deleted.length === 0) {
      const [exists] = await tx.select({ id: representatives.id }).from(representatives).where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId)));
      throw new AppError(exists ? 'VERSION_CONFLICT' : 'NOT_FOUND', exists ? {} : { message: 'Företrädaren finns inte.' });
    }
    await recordAudit(tx, ctx, { action: 'representative.delete', entityType: 'representative', entityId: representativeId, personId, details: { kind: deleted[0].kind } });
    return loadPersonView(tx, ctx, personId);
  });
}
