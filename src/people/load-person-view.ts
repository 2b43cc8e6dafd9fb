// Shared by the person use cases: load everything a person page shows and present it for the actor.
// Every time a protected person's hidden contact details leave the server, that is logged as a
// reveal of its own (person.protected_contact_revealed), in the caller's transaction.
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { recordAudit } from '../platform/audit/record';
import { canOnCase, protectedContactBasis } from '../platform/policy/permissions';
import { protectedIdentityUnitsOf } from '../platform/policy/grants';
import { casesOfPerson, type CaseRow } from '../intake/repo';
import { listRepresentatives, requirePerson, type PersonRow } from './repo';
import { presentPerson } from './present';
import type { PersonOut } from './schema';

/**
 * For a protected person: the case that lets the actor see the contact details, or null.
 * Grants are read only when the person is protected.
 */
export async function protectedContactCase(tx: Queryable, ctx: UseCaseContext, p: PersonRow, allCases: CaseRow[]): Promise<CaseRow | null> {
  if (!p.protectedIdentity) return null;
  return protectedContactBasis(ctx.actor, await protectedIdentityUnitsOf(tx, ctx.actor.id), allCases);
}

/** Log that a protected person's contact details were shown (`via` says where: page, letter). */
export function recordProtectedReveal(tx: Queryable, ctx: UseCaseContext, p: PersonRow, basis: CaseRow, via: 'person' | 'letter') {
  return recordAudit(tx, ctx, {
    action: 'person.protected_contact_revealed',
    entityType: 'person',
    entityId: p.id,
    personId: p.id,
    details: { via, caseId: basis.id, unitId: basis.unitId },
  });
}

export async function loadPersonView(tx: Queryable, ctx: UseCaseContext, personOrId: string | PersonRow): Promise<PersonOut> {
  const p = typeof personOrId === 'string' ? await requirePerson(tx, personOrId) : personOrId;
  const [reps, allCases] = await Promise.all([listRepresentatives(tx, p.id), casesOfPerson(tx, p.id)]);
  const visible = allCases.filter((c) => canOnCase(ctx.actor, 'case:read', c));
  const basis = await protectedContactCase(tx, ctx, p, allCases);
  if (basis) await recordProtectedReveal(tx, ctx, p, basis, 'person');
  return presentPerson(ctx.actor, p, reps, !p.protectedIdentity || basis !== null, visible, ctx.clock.today());
}
