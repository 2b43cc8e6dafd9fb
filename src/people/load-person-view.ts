// Shared by the person use cases: load everything a person page shows and present it for the actor.
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { canOnCase } from '../platform/policy/permissions';
import { casesOfPerson } from '../intake/repo';
import { listRepresentatives, requirePerson, type PersonRow } from './repo';
import { presentPerson } from './present';
import type { PersonOut } from './schema';

export async function loadPersonView(tx: Queryable, ctx: UseCaseContext, personOrId: string | PersonRow): Promise<PersonOut> {
  const p = typeof personOrId === 'string' ? await requirePerson(tx, personOrId) : personOrId;
  const [reps, allCases] = await Promise.all([listRepresentatives(tx, p.id), casesOfPerson(tx, p.id)]);
  const visible = allCases.filter((c) => canOnCase(ctx.actor, 'case:read', c));
  return presentPerson(ctx.actor, p, reps, allCases, visible, ctx.clock.today());
}
