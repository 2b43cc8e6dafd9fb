// Who can be responsible for a case: an active handläggare or enhetschef with a unit.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { fieldError } from '../platform/errors';
import { users } from '../platform/tables';

export async function requireResponsible(db: Queryable, userId: string, path: string, unitId?: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u || !u.active || !u.unitId || (u.role !== 'handlaggare' && u.role !== 'enhetschef')) {
    throw fieldError(path, 'Välj en aktiv handläggare.');
  }
  if (unitId && u.unitId !== unitId) throw fieldError(path, 'Handläggaren måste tillhöra ärendets enhet.');
  return { id: u.id, unitId: u.unitId };
}
