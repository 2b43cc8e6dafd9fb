// Sign in: per-address throttle, per-account lockout (5 in a row → 15 min), session on success.
// The throttle and the failure counter are committed even when sign-in fails, so they are
// written in their own transaction before the answer is decided.
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import type { AnonymousContext } from '../context';
import { inTransaction } from '../db/transaction';
import { loginThrottle, users } from '../tables';
import { recordAudit } from '../audit/record';
import { DUMMY_HASH, verifyPassword } from './password';
import { afterFailedLogin, isLocked, THROTTLE_WINDOW_MINUTES } from './rules';
import { createSession } from './sessions';

export async function logIn(ctx: AnonymousContext, input: { username: string; password: string }): Promise<{ token: string; userId: string }> {
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [bucket] = await ctx.db
    .insert(loginThrottle)
    .values({ key: `ip:${ctx.clientIp}`, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`case when ${loginThrottle.windowStart} < ${windowStart} then 1 else ${loginThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} then ${now} else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ attempts: loginThrottle.attempts });
  if (bucket.attempts > ctx.config.loginAttemptsPerIp) throw new AppError('TOO_MANY_ATTEMPTS');

  const username = input.username.trim().toLowerCase();
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for('update');
    const who = { actor: user ? { id: user.id, username: user.username } : null, requestId: ctx.requestId, clock: ctx.clock };
    if (!user || !user.active) {
      await verifyPassword(input.password, DUMMY_HASH);
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'session', details: { reason: user ? 'inactive' : 'unknown_user' } });
      return { error: 'INVALID_CREDENTIALS' as const };
    }
    if (isLocked(user.lockedUntil, now)) {
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason: 'locked' } });
      return { error: 'ACCOUNT_LOCKED' as const };
    }
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      const next = afterFailedLogin(user.failedLoginCount, now);
      await tx.update(users).set({ failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, who, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason: 'password', locked: next.lockedUntil !== null } });
      return { error: next.lockedUntil ? ('ACCOUNT_LOCKED' as const) : ('INVALID_CREDENTIALS' as const) };
    }
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const token = await createSession(tx, user.id, now);
    await recordAudit(tx, who, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { token, userId: user.id };
  });
  if ('error' in outcome && outcome.error) throw new AppError(outcome.error);
  return outcome as { token: string; userId: string };
}
