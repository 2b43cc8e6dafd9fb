import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import { loadPersonView, protectedContactCase } from './load-person-view';
import { requirePerson } from './repo';
import type { personUpdateBody, PersonOut } from './schema';
import { persons } from './tables';

/** Someone who may not see a protected person's contact details may not change them either. */
export async function requireContactAccess(tx: Tx, ctx: UseCaseContext, personId: string) {
  const p = await requirePerson(tx, personId);
  if (p.protectedIdentity && !(await protectedContactCase(tx, ctx, p))) {
    throw new AppError('FORBIDDEN', {
      message: 'Personen har skyddad identitet. Bara den som har behörighet till skyddad identitet och ett ärende för personen i sin enhet kan ändra uppgifterna.',
    });
  }
  return p;
}

export function updatePerson(ctx: UseCaseContext, personId: string, input: z.output<typeof personUpdateBody>): Promise<PersonOut> {
  const { version, ...fields } = input;
  return changeVersioned(ctx, {
    table: persons,
    id: personId,
    version,
    load: (tx) => requireContactAccess(tx, ctx, personId),
    apply: () => ({ ...fields, updatedAt: ctx.clock.now() }),
    audit: (before, p) => {
      const changed = Object.keys(fields).filter((k) => (before as Record<string, unknown>)[k] !== (p as Record<string, unknown>)[k]);
      return { action: 'person.update', entityType: 'person', entityId: p.id, personId: p.id, details: { changed } };
    },
    present: (p, tx) => loadPersonView(tx, ctx, p),
  });
}
