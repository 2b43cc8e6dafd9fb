// The one where-builder that limits case queries to what the actor may see.
// Every list and search of cases goes through it; change it only with its tests (scope.test.ts).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../intake/tables';
import { scopeOf, type Actor, type Permission } from './permissions';

export function caseScope(actor: Actor, permission: Permission = 'case:read'): SQL {
  switch (scopeOf(actor, permission)) {
    case 'all':
      return sql`true`;
    case 'unit':
      return actor.unitId ? eq(cases.unitId, actor.unitId) : sql`false`;
    case 'own':
      return eq(cases.responsibleUserId, actor.id);
    default:
      return sql`false`;
  }
}

/** Scope plus "only my own cases" for the Mina ärenden view. */
export function myCases(actor: Actor): SQL {
  return and(caseScope(actor), eq(cases.responsibleUserId, actor.id))!;
}
