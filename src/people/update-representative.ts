import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
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
  return writeUseCase(ctx, async (tx) => {
    await requireContactAccess(tx, ctx, personId);
    const { version, ...fields } = input;
    const r = await updateVersioned(tx, representatives, representativeId, version, fields, {
      extraWhere: eq(representatives.personId, personId),
      notFoundMessage: 'Företrädaren finns inte.',
    });
    await recordAudit(tx, ctx, { action: 'representative.update', entityType: 'representative', entityId: r.id, personId });
    return loadPersonView(tx, ctx, personId);
  });
}
