// Who can be responsible for a case: the rule is `responsibleProblem` (rules.ts); this reads the user it is about.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { users } from '../platform/tables';
import { throwProblems } from './problems';
import { responsibleProblem } from './rules';

export async function requireResponsible(db: Queryable, userId: string, path: string, unitId?: string) {
  const [u] = await db.select({ id: users.id, active: users.active, unitId: users.unitId, role: users.role }).from(users).where(eq(users.id, userId));
  throwProblems([responsibleProblem(path, u ?? null, unitId)]);
  return { id: u.id, unitId: u.unitId! };
}
