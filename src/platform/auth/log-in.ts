// Sign in. Limits (auth/rules.ts, ADR 006): failed attempts per client address (throttle), per (account,
// address) pair (locks that pair), and per account only when failures come from many addresses. Every refusal
// answers the same INVALID_CREDENTIALS after exactly one password verification; the audit log keeps the reason.
// All counters are rows, shared by every instance.
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import type { AnonymousContext } from '../context';
import { writeUseCase } from '../db/transaction';
import { loginFailures, loginThrottle, users } from '../tables';
import { recordAudit } from '../audit/record';
import { DUMMY_HASH, verifyPassword } from './password';
import { accountLockAfterFailure, accountWindowStart, afterPairFailure, FAILED_SIGN_IN_CODE, lockReason, THROTTLE_WINDOW_MINUTES } from './rules';
import { createSession } from './sessions';

/**
 * Take one slot of the address's failure budget before the password is checked; null when it is spent.
 * Atomic (one upsert), so parallel attempts cannot all slip past the check. A successful sign-in gives the slot
 * back (`releaseSlot`), so only failures count.
 */
async function takeSlot(ctx: AnonymousContext, key: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const stale = sql`${loginThrottle.windowStart} <= ${windowStart}`;
  const [row] = await ctx.db
    .insert(loginThrottle)
    .values({ key, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`case when ${stale} then 1 else ${loginThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${stale} then ${now} else ${loginThrottle.windowStart} end`,
      },
      setWhere: sql`${stale} or ${loginThrottle.attempts} < ${ctx.config.loginAttemptsPerIp}`,
    })
    .returning({ windowStart: loginThrottle.windowStart });
  return row ? row.windowStart : null;
}

async function releaseSlot(ctx: AnonymousContext, key: string, windowStart: Date): Promise<void> {
  await ctx.db
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(and(eq(loginThrottle.key, key), eq(loginThrottle.windowStart, windowStart)));
}

export interface SignedIn {
  token: string;
  userId: string;
}

export async function logIn(ctx: AnonymousContext, input: { username: string; password: string }): Promise<SignedIn> {
  const now = ctx.clock.now();
  const address = ctx.clientIp;
  const key = `ip:${address}`;
  const slot = await takeSlot(ctx, key, now);
  if (!slot) throw new AppError('TOO_MANY_ATTEMPTS');

  const username = input.username.trim().toLowerCase();
  const outcome = await writeUseCase(ctx, async (tx): Promise<SignedIn | 'local_passwords_off' | null> => {
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for('update');
    const who = { actor: user ? { id: user.id, username: user.username } : null, requestId: ctx.requestId, clock: ctx.clock };
    if (!user?.active) {
      await verifyPassword(input.password, DUMMY_HASH);
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'session', details: { reason: user ? 'inactive' : 'unknown_user' } });
      return null;
    }
    const [pair] = await tx
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.userId, user.id), eq(loginFailures.clientAddress, address)))
      .for('update');
    const locked = lockReason(user.lockedUntil, pair?.lockedUntil, now);
    // Always one verification, locked or not, so the answer takes about as long whatever the reason.
    const passwordOk = await verifyPassword(input.password, user.passwordHash);
    if (locked && passwordOk) {
      // The right password while locked: refused like any failure, but not a guess, so no counter moves.
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason: locked, passwordCorrect: true } });
      return null;
    }
    if (locked || !passwordOk) {
      const next = afterPairFailure(pair ?? null, now);
      await tx
        .insert(loginFailures)
        .values({ userId: user.id, clientAddress: address, ...next, lastFailureAt: now })
        .onConflictDoUpdate({ target: [loginFailures.userId, loginFailures.clientAddress], set: { ...next, lastFailureAt: now } });
      const [{ n }] = await tx
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.userId, user.id), gt(loginFailures.lastFailureAt, accountWindowStart(now))));
      const accountLock = accountLockAfterFailure(user.lockedUntil, Number(n), now);
      await tx
        .update(users)
        .set({ failedLoginCount: sql`${users.failedLoginCount} + 1`, lastFailedLoginAt: now, lockedUntil: accountLock })
        .where(eq(users.id, user.id));
      await recordAudit(tx, who, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        details: {
          reason: locked ?? 'password',
          addressLocked: next.lockedUntil !== null,
          accountLocked: accountLock !== null,
          addresses: Number(n),
        },
      });
      return null;
    }
    // Local passwords switched off (LOCAL_PASSWORDS=off): staff sign in through single sign-on; the contact
    // persons' portal accounts keep their passwords. Told only after the right password, so it reveals no username.
    if (!ctx.config.localPasswords && user.role !== 'kontaktperson') {
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason: 'local_passwords_off' } });
      return 'local_passwords_off';
    }
    // Signed in: tell the user about the failures since last time (on the session), then start counting afresh.
    await tx.update(users).set({ failedLoginCount: 0, lastFailedLoginAt: null }).where(eq(users.id, user.id));
    if (pair) await tx.delete(loginFailures).where(and(eq(loginFailures.userId, user.id), eq(loginFailures.clientAddress, address)));
    const token = await createSession(tx, user.id, now, { failedAttemptsBefore: user.failedLoginCount, lastFailedAttemptAt: user.lastFailedLoginAt });
    await recordAudit(tx, who, { action: 'auth.login', entityType: 'user', entityId: user.id, details: user.failedLoginCount > 0 ? { failedAttemptsBefore: user.failedLoginCount } : undefined });
    return { token, userId: user.id };
  });
  if (!outcome) throw new AppError(FAILED_SIGN_IN_CODE);
  await releaseSlot(ctx, key, slot);
  if (outcome === 'local_passwords_off') throw new AppError('LOCAL_PASSWORDS_OFF');
  return outcome;
}
