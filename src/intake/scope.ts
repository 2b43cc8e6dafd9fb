// Which cases a query may return: the platform's scope where-builder on the cases table.
// Every list and search of cases goes through it.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor, Permission } from '../platform/policy/permissions';
import { scopeWhere } from '../platform/policy/scope';
import { cases } from './tables';

export function caseScope(actor: Actor, permission: Permission = 'case:read'): SQL {
  return scopeWhere(actor, permission, { unitId: cases.unitId, responsibleUserId: cases.responsibleUserId });
}

/** Scope plus "only my own cases" for the Mina ärenden view. */
export function myCases(actor: Actor): SQL {
  return and(caseScope(actor), eq(cases.responsibleUserId, actor.id))!;
}
