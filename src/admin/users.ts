// Administrator: staff accounts (roles, unit, active, password reset, unlocking after failed sign-ins).
import { and, asc, eq, gt, inArray, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { AppError, fieldError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { hashPassword } from '../platform/auth/password';
import type { Role } from '../platform/rules';
import { scopeOf } from '../platform/policy/permissions';
import { isLocked } from '../platform/auth/rules';
import { loginFailures, sessions, units, users } from '../platform/tables';
import type { userCreateBody, userUpdateBody } from './schema';
import { unitProblem } from './rules';
import { grantsByUser, revokeStaleGrants, type GrantOut } from './protected-identity-grants';

type UserRow = typeof users.$inferSelect;

/** The latest end of each user's active per-address locks (auth/rules.ts), for the given users or all. */
async function addressLocks(db: Queryable, now: Date, ids?: string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({ userId: loginFailures.userId, until: max(loginFailures.lockedUntil) })
    .from(loginFailures)
    .where(and(gt(loginFailures.lockedUntil, now), ...(ids ? [inArray(loginFailures.userId, ids)] : [])))
    .groupBy(loginFailures.userId);
  return new Map(rows.filter((r) => r.until).map((r) => [r.userId, new Date(r.until!)]));
}

/** Locked now: the whole account, or sign-in from at least one client address. */
function lockOf(u: UserRow, addressLockedUntil: Date | undefined, now: Date) {
  const accountWide = isLocked(u.lockedUntil, now);
  const ends = [accountWide ? u.lockedUntil! : null, addressLockedUntil ?? null].filter((d): d is Date => d !== null);
  const until = ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
  return { locked: until !== null, lockedUntil: until ? until.toISOString() : null, lockedAccountWide: accountWide };
}

function present(u: UserRow, unitName: string | null, lock: ReturnType<typeof lockOf>, protectedIdentityUnits: GrantOut[]) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName,
    active: u.active,
    ...lock,
    version: u.version,
    protectedIdentityUnits,
  };
}

export async function presentById(db: Queryable, id: string, now: Date) {
  const [r] = await db.select({ u: users, unitName: units.name }).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id));
  const locks = await addressLocks(db, now, [id]);
  const grants = await grantsByUser(db, [id]);
  return present(r.u, r.unitName, lockOf(r.u, locks.get(id), now), grants.get(id) ?? []);
}

export function listUsers(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => {
    const now = ctx.clock.now();
    const rows = await q.select({ u: users, unitName: units.name }).from(users).leftJoin(units, eq(units.id, users.unitId)).orderBy(asc(users.displayName));
    const locks = await addressLocks(q, now);
    const grants = await grantsByUser(q);
    return { items: rows.map((r) => present(r.u, r.unitName, lockOf(r.u, locks.get(r.u.id), now), grants.get(r.u.id) ?? [])) };
  });
}

/**
 * Lift every lock after failed sign-ins: the account-wide one and those of single client addresses. Not a
 * versioned edit (it changes nothing the administrator's form holds), so it does not bump the version.
 * The count of failed attempts stays, so the user is still told at the next sign-in.
 */
export function unlockUser(ctx: UseCaseContext, id: string) {
  return writeUseCase(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [u] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!u) throw new AppError('NOT_FOUND');
    const before = lockOf(u, (await addressLocks(tx, now, [id])).get(id), now);
    await tx.update(users).set({ lockedUntil: null }).where(eq(users.id, id));
    await tx.delete(loginFailures).where(eq(loginFailures.userId, id));
    await recordAudit(tx, ctx, {
      action: 'admin.user',
      entityType: 'user',
      entityId: id,
      details: { op: 'unlock', wasLocked: before.locked, accountWide: before.lockedAccountWide },
    });
    return presentById(tx, id, now);
  });
}

/** Staff names for pickers (assigning a case, filtering the log), within the actor's scope. */
export function listStaff(ctx: UseCaseContext, role?: Role) {
  const scope = scopeOf(ctx.actor, 'staff:read');
  // Staff only: contact persons' portal accounts are no one's colleagues to pick.
  const conds = [eq(users.active, true), ne(users.role, 'kontaktperson')];
  if (scope === 'unit') conds.push(ctx.actor.unitId ? eq(users.unitId, ctx.actor.unitId) : sql`false`);
  if (role) conds.push(eq(users.role, role));
  return readUseCase(ctx, async (q) => {
    const rows = await q
      .select({ id: users.id, displayName: users.displayName, role: users.role, unitName: units.name })
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(and(...conds))
      .orderBy(asc(users.displayName));
    return { items: rows.map((r) => ({ id: r.id, displayName: r.displayName, role: r.role, unitName: r.unitName })) };
  });
}

async function checkUnit(db: Queryable, role: Role, unitId: string | null | undefined) {
  const missingUnit = unitProblem(role, unitId);
  if (missingUnit) throw fieldError(missingUnit.path, missingUnit.message);
  if (unitId) {
    const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!u) throw fieldError('unitId', 'Enheten finns inte.');
  }
}

export async function createUser(ctx: UseCaseContext, input: z.output<typeof userCreateBody>) {
  const passwordHash = await hashPassword(input.password);
  return writeUseCase(
    ctx,
    async (tx) => {
      await checkUnit(tx, input.role, input.unitId);
      const now = ctx.clock.now();
      const [u] = await tx
        .insert(users)
        .values({ username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId ?? null, passwordHash, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, ctx, { action: 'admin.user', entityType: 'user', entityId: u.id, details: { op: 'create', role: u.role } });
      return presentById(tx, u.id, ctx.clock.now());
    },
    { unique: [{ column: users.username, code: 'USERNAME_TAKEN', path: 'username', message: 'Användarnamnet är upptaget.' }] },
  );
}

export async function updateUser(ctx: UseCaseContext, id: string, input: z.output<typeof userUpdateBody>) {
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : null;
  return changeVersioned(ctx, {
    table: users,
    id,
    version: input.version,
    check: async (current, tx) => {
      // A kontaktperson's account belongs to its contact person (users_contact_person_chk): it keeps that role.
      if ((current.role === 'kontaktperson') !== (input.role === 'kontaktperson')) {
        throw fieldError('role', 'En kontaktpersons konto kommer från inbjudan till portalen och kan inte byta roll, och ingen annan kan få rollen här.');
      }
      if (id === ctx.actor.id && (!input.active || input.role !== 'administrator')) {
        throw new AppError('VALIDATION_FAILED', { message: 'Du kan inte stänga av ditt eget konto eller ta bort din egen administratörsroll.' });
      }
      await checkUnit(tx, input.role, input.unitId);
    },
    apply: () => ({
      displayName: input.displayName,
      role: input.role,
      unitId: input.unitId ?? null,
      active: input.active,
      updatedAt: ctx.clock.now(),
      ...(passwordHash ? { passwordHash, lockedUntil: null } : {}),
    }),
    afterUpdate: async (u, tx) => {
      // A new password also lifts the locks of single addresses.
      if (passwordHash) await tx.delete(loginFailures).where(eq(loginFailures.userId, u.id));
      // A deactivated account or a new password ends every session of that user at once.
      if (!u.active || passwordHash) await tx.delete(sessions).where(eq(sessions.userId, u.id));
      await revokeStaleGrants(tx, ctx, u);
    },
    audit: (_, u) => ({ action: 'admin.user', entityType: 'user', entityId: u.id, details: { op: 'update', role: u.role, active: u.active, passwordReset: Boolean(passwordHash) } }),
    present: (u, tx) => presentById(tx, u.id, ctx.clock.now()),
  });
}
