// Shared by the person use cases: load everything a person page shows and present it for the actor.
// Every time a protected person's hidden contact details leave the server, that is logged as a
// reveal of its own (person.protected_contact_revealed), in the caller's transaction.
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { recordAudit } from '../platform/audit/record';
import { protectedContactBasis } from '../platform/policy/permissions';
import { protectedIdentityUnitsOf } from '../platform/policy/grants';
import { personHolders, type PersonHolding } from '../platform/policy/holders';
import { listRepresentatives, requirePerson, type PersonRow } from './repo';
import { presentPerson } from './present';
import type { PersonOut } from './schema';

/**
 * For a protected person: the case that lets the actor see the contact details, or null.
 * Grants and holders (the person's cases, contributed by the areas through the platform's policy)
 * are read only when the person is protected.
 */
export async function protectedContactCase(tx: Queryable, ctx: UseCaseContext, p: PersonRow): Promise<PersonHolding | null> {
  if (!p.protectedIdentity) return null;
  const grantedUnits = await protectedIdentityUnitsOf(tx, ctx.actor.id);
  return protectedContactBasis(ctx.actor, grantedUnits, await personHolders(tx, p.id));
}

/** Log that a protected person's contact details were shown (`via` says where: page, letter). */
export function recordProtectedReveal(tx: Queryable, ctx: UseCaseContext, p: PersonRow, basis: PersonHolding, via: 'person' | 'letter') {
  return recordAudit(tx, ctx, {
    action: 'person.protected_contact_revealed',
    entityType: 'person',
    entityId: p.id,
    personId: p.id,
    details: { via, caseId: basis.caseId, unitId: basis.unitId },
  });
}

export async function loadPersonView(tx: Queryable, ctx: UseCaseContext, personOrId: string | PersonRow): Promise<PersonOut> {
  const p = typeof personOrId === 'string' ? await requirePerson(tx, personOrId) : personOrId;
  const reps = await listRepresentatives(tx, p.id);
  const basis = await protectedContactCase(tx, ctx, p);
  if (basis) await recordProtectedReveal(tx, ctx, p, basis, 'person');
  return presentPerson(ctx.actor, p, reps, !p.protectedIdentity || basis !== null);
}
