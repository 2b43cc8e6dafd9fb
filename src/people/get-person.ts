import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { loadPersonView } from './load-person-view';
import type { PersonOut } from './schema';

export function getPerson(ctx: UseCaseContext, personId: string): Promise<PersonOut> {
  return readUseCase(ctx, async (tx) => {
    const view = await loadPersonView(tx, ctx, personId);
    await recordAudit(tx, ctx, { action: 'person.read', entityType: 'person', entityId: personId, personId, details: { contactShown: !view.contactHidden } });
    return view;
  });
}
