// Reading the skyddad identitet grants. The rule that uses them is pure (permissions.ts).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { protectedIdentityGrants } from './tables';

/** The units in which `userId` holds the skyddad identitet permission. */
export async function protectedIdentityUnitsOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.select({ unitId: protectedIdentityGrants.unitId }).from(protectedIdentityGrants).where(eq(protectedIdentityGrants.userId, userId));
  return rows.map((r) => r.unitId);
}
