// Where-builders that limit queries to what the actor may see, for any table with a unit and a
// responsible user (intake's caseScope is one). The SQL twin of `scopeCovers` in permissions.ts.
import { sql, eq, type SQL, type Column } from 'drizzle-orm';
import { scopeOf, type Actor, type Permission } from './permissions';

/** The columns that place a record in a scope. */
export interface ScopeColumns {
  unitId: Column;
  responsibleUserId: Column;
}

export function scopeWhere(actor: Actor, permission: Permission, cols: ScopeColumns): SQL {
  switch (scopeOf(actor, permission)) {
    case 'all':
      return sql`true`;
    case 'unit':
      return actor.unitId ? eq(cols.unitId, actor.unitId) : sql`false`;
    case 'own':
      return eq(cols.responsibleUserId, actor.id);
    default:
      return sql`false`;
  }
}
