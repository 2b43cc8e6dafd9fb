// Which cases a query may return: the platform's scope where-builder on the cases table.
// Every list and search of cases goes through it.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor, Permission } from '../platform/policy/permissions';
import { scopeWhere, type ScopeColumns } from '../platform/policy/scope';
import { caseFacts } from './case-status';
import { cases } from './tables';

const onCases: ScopeColumns = { unitId: cases.unitId, responsibleUserId: cases.responsibleUserId };
/** The same scope on the facts table (which keeps each case's unit and responsible), for the case lists. */
export const onFacts: ScopeColumns = { unitId: caseFacts.unitId, responsibleUserId: caseFacts.responsibleUserId };

export function caseScope(actor: Actor, permission: Permission = 'case:read', cols: ScopeColumns = onCases): SQL {
  return scopeWhere(actor, permission, cols);
}

/** Scope plus "only my own cases" for the Mina ärenden view. */
export function myCases(actor: Actor, cols: ScopeColumns = onCases): SQL {
  return and(caseScope(actor, 'case:read', cols), eq(cols.responsibleUserId, actor.id))!;
}
