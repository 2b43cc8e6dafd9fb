import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { loadPersonView } from './load-person-view';
import type { representativeBody, PersonOut } from './schema';
import { representatives } from './tables';
import { requireContactAccess } from './update-person';

/** Add a vårdnadshavare, god man or förvaltare with contact details. */
export function addRepresentative(ctx: UseCaseContext, personId: string, input: z.output<typeof representativeBody>): Promise<PersonOut> {
  return writeUseCase(ctx, async (tx) => {
    await requireContactAccess(tx, ctx, personId);
    const [r] = await tx.insert(representatives).values({ ...input, personId, createdAt: ctx.clock.now() }).returning();
    await recordAudit(tx, ctx, { action: 'representative.create', entityType: 'representative', entityId: r.id, personId, details: { kind: r.kind } });
    return loadPersonView(tx, ctx, personId);
  });
}
