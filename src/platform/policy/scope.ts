// Where-builders that limit case lists to what the actor may see (caseScope; myCases for Mina ärenden).
// One case is checked with canOnCase (loadCase); the loggkontroll's unit scope is its own (search-audit-log.ts).
// Tested through the lists in src/intake/intake.db.test.ts ("lists Mina ärenden …", "answers 404 … outside scope").
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
