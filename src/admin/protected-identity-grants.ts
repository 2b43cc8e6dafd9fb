// Administrator: who may see protected persons' contact details (skyddad identitet), per unit.
// Granting and revoking are audited actions of their own; the rule that uses the grants is
// `protectedContactBasis` in src/platform/policy/permissions.ts.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { protectedIdentityGrantProblem } from '../platform/policy/permissions';
import type { Role } from '../platform/rules';
import { protectedIdentityGrants } from '../platform/policy/tables';
import { units, users } from '../platform/tables';

export type GrantOut = { unitId: string; unitName: string; grantedAt: string };

/** The grants of the given users, by user id. */
export async function grantsByUser(db: Queryable, userIds?: string[]): Promise<Map<string, GrantOut[]>> {
  if (userIds && userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: protectedIdentityGrants.userId, unitId: protectedIdentityGrants.unitId, unitName: units.name, grantedAt: protectedIdentityGrants.grantedAt })
    .from(protectedIdentityGrants)
    .innerJoin(units, eq(units.id, protectedIdentityGrants.unitId))
    .where(userIds ? inArray(protectedIdentityGrants.userId, userIds) : undefined)
    .orderBy(asc(units.name));
  const out = new Map<string, GrantOut[]>();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), { unitId: r.unitId, unitName: r.unitName, grantedAt: r.grantedAt.toISOString() }]);
  return out;
}

async function requireUser(db: Queryable, id: string) {
  const [u] = await db.select({ id: users.id, role: users.role, unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, id));
  if (!u) throw new AppError('NOT_FOUND', { message: 'Användaren finns inte.' });
  return u;
}

/** Grant the permission for `unitId` (idempotent: an existing grant is left as it is, and not logged again). */
export async function grantProtectedIdentity<T>(ctx: UseCaseContext, userId: string, unitId: string, present: (db: Queryable, id: string) => Promise<T>): Promise<T> {
  return writeUseCase(ctx, async (tx) => {
    const u = await requireUser(tx, userId);
    const problem = protectedIdentityGrantProblem(u, unitId);
    if (problem) throw new AppError('VALIDATION_FAILED', { message: problem, fields: [{ path: 'unitId', message: problem }] });
    const inserted = await tx
      .insert(protectedIdentityGrants)
      .values({ userId, unitId, grantedBy: ctx.actor.id, grantedAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ unitId: protectedIdentityGrants.unitId });
    if (inserted.length > 0) {
      await recordAudit(tx, ctx, { action: 'admin.protected_identity_grant', entityType: 'user', entityId: userId, details: { unitId } });
    }
    return present(tx, userId);
  });
}

/** Revoke the permission for `unitId` (idempotent). */
export async function revokeProtectedIdentity<T>(ctx: UseCaseContext, userId: string, unitId: string, present: (db: Queryable, id: string) => Promise<T>): Promise<T> {
  return writeUseCase(ctx, async (tx) => {
    await requireUser(tx, userId);
    const deleted = await tx
      .delete(protectedIdentityGrants)
      .where(and(eq(protectedIdentityGrants.userId, userId), eq(protectedIdentityGrants.unitId, unitId)))
      .returning({ unitId: protectedIdentityGrants.unitId });
    if (deleted.length > 0) {
      await recordAudit(tx, ctx, { action: 'admin.protected_identity_revoke', entityType: 'user', entityId: userId, details: { unitId } });
    }
    return present(tx, userId);
  });
}

/**
 * After a user's role, unit or status changed: revoke the grants that no longer fit (another unit,
 * a role that reads no cases, an inactive account), in the same transaction, each one logged.
 */
export async function revokeStaleGrants(tx: Queryable, ctx: UseCaseContext, user: { id: string; role: Role; unitId: string | null; active: boolean }) {
  const stale = await tx
    .select({ unitId: protectedIdentityGrants.unitId })
    .from(protectedIdentityGrants)
    .where(eq(protectedIdentityGrants.userId, user.id));
  const drop = stale.map((g) => g.unitId).filter((unitId) => protectedIdentityGrantProblem(user, unitId) !== null);
  if (drop.length === 0) return;
  await tx.delete(protectedIdentityGrants).where(and(eq(protectedIdentityGrants.userId, user.id), inArray(protectedIdentityGrants.unitId, drop)));
  await recordAudit(
    tx,
    ctx,
    drop.map((unitId) => ({ action: 'admin.protected_identity_revoke' as const, entityType: 'user' as const, entityId: user.id, details: { unitId, reason: 'user_changed' } })),
  );
}
