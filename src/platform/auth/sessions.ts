// Server-side sessions in the database, so any server instance can serve any request.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { sessions, units, users } from '../tables';
import type { Actor } from '../policy/permissions';
import { SESSION_TOUCH_MS, sessionExpired } from './rules';

export const SESSION_COOKIE = 'kontakt_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Failed sign-in attempts on the account before this session began (told to the user). */
export interface FailedAttemptsNotice {
  failedAttemptsBefore: number;
  lastFailedAttemptAt: Date | null;
}

export async function createSession(tx: Queryable, userId: string, now: Date, notice: FailedAttemptsNotice = { failedAttemptsBefore: 0, lastFailedAttemptAt: null }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, ...notice });
  return token;
}

/** The failed-attempts notice of a session (none for an unknown token). */
export async function sessionNotice(db: Queryable, token: string): Promise<FailedAttemptsNotice> {
  const [row] = await db
    .select({ failedAttemptsBefore: sessions.failedAttemptsBefore, lastFailedAttemptAt: sessions.lastFailedAttemptAt })
    .from(sessions)
    .where(eq(sessions.id, hashToken(token)));
  return row ?? { failedAttemptsBefore: 0, lastFailedAttemptAt: null };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export interface SessionActor extends Actor {
  unitName: string | null;
}

function sessionQuery(db: Queryable) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
      contactPersonId: users.contactPersonId,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('kontakt_resolve_session');
}
// Every request resolves its session: prepare the query once per database handle.
const prepared = new WeakMap<object, ReturnType<typeof sessionQuery>>();

/** The signed-in actor for a cookie token, or null if unknown, expired or the user is inactive. */
export async function resolveSession(db: Queryable, token: string, now: Date, idleMinutes: number): Promise<SessionActor | null> {
  const id = hashToken(token);
  let query = prepared.get(db);
  if (!query) {
    query = sessionQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ id });
  if (!row) return null;
  if (!row.active || sessionExpired(row.lastSeenAt, now, idleMinutes)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), sql`${sessions.lastSeenAt} < ${now}`));
  }
  return { id: row.userId, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, contactPersonId: row.contactPersonId, unitName: row.unitName };
}

/**
 * The session cookie's attributes: HttpOnly, SameSite=Strict, and Secure over https — always in production, where a
 * TLS-terminating proxy may hand the request on as plain http (the browser still sees https).
 */
export function sessionCookieOptions(req: { protocol: string }, config: { production: boolean }) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: config.production || req.protocol === 'https', path: '/' };
}
