// Pure rules of signing in: lockout and session inactivity.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const THROTTLE_WINDOW_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: the new counter and, on the fifth in a row, the lock's end. */
export function afterFailedLogin(failedCount: number, now: Date): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next >= MAX_FAILED_LOGINS) return { failedCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedCount: next, lockedUntil: null };
}

export function sessionExpired(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}

/** Touch last_seen at most this often, so reads do not turn into a write each. */
export const SESSION_TOUCH_MS = 30_000;
