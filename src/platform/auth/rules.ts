// Pure rules of signing in: failure limits per client address, per (account, address) and per account;
// what a failed attempt is told (the same whatever the reason); the notice of failed attempts; inactivity.
// ADR: docs/decisions/006-sign-in-failures-per-account-and-address.md
import { UNIT_ROLES, type Role } from '../rules';

/** Failed sign-ins per (account, client address) within the window that lock that pair. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** How long a pair, or with many addresses the whole account, stays locked. */
export const LOCK_MINUTES = 15;
/** Window of the per-address throttle and of the per-(account, address) counter. */
export const THROTTLE_WINDOW_MINUTES = 15;
/** An account-wide lock needs failed attempts from this many client addresses ... */
export const ACCOUNT_LOCK_ADDRESSES = 5;
/** ... within this window. */
export const ACCOUNT_WINDOW_MINUTES = 60;

const minutes = (n: number) => n * 60_000;

export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/** The failure counter of one (account, client address) pair. */
export interface PairState {
  windowStart: Date;
  failures: number;
  lockedUntil: Date | null;
}

/**
 * After a failed attempt from one address on one account: a fixed window of THROTTLE_WINDOW_MINUTES from the
 * first failure; the MAX_FAILURES_PER_ADDRESS-th failure locks the pair (and starts a fresh count). A failure
 * while the pair is locked does not extend the lock.
 */
export function afterPairFailure(prev: PairState | null, now: Date): PairState {
  const fresh = !prev || prev.windowStart.getTime() <= now.getTime() - minutes(THROTTLE_WINDOW_MINUTES);
  const failures = fresh ? 1 : prev.failures + 1;
  const windowStart = fresh ? now : prev.windowStart;
  if (prev && isLocked(prev.lockedUntil, now)) return { windowStart, failures, lockedUntil: prev.lockedUntil };
  if (failures >= MAX_FAILURES_PER_ADDRESS) return { windowStart: now, failures: 0, lockedUntil: new Date(now.getTime() + minutes(LOCK_MINUTES)) };
  return { windowStart, failures, lockedUntil: null };
}

/** Since when a pair's last failure still counts toward the account-wide lock. */
export function accountWindowStart(now: Date): Date {
  return new Date(now.getTime() - minutes(ACCOUNT_WINDOW_MINUTES));
}

/**
 * The account-wide lock after a failure, given how many distinct client addresses have failed on the account
 * within ACCOUNT_WINDOW_MINUTES (this one included). An existing lock is kept, not extended.
 */
export function accountLockAfterFailure(current: Date | null, distinctAddresses: number, now: Date): Date | null {
  if (isLocked(current, now)) return current;
  return distinctAddresses >= ACCOUNT_LOCK_ADDRESSES ? new Date(now.getTime() + minutes(LOCK_MINUTES)) : null;
}

/** Why an attempt on an existing account is refused before the password counts. Only the audit log sees this. */
export function lockReason(accountLockedUntil: Date | null, pairLockedUntil: Date | null | undefined, now: Date): 'account_locked' | 'address_locked' | null {
  if (isLocked(accountLockedUntil, now)) return 'account_locked';
  if (isLocked(pairLockedUntil, now)) return 'address_locked';
  return null;
}

/**
 * What the client is told when sign-in fails. Wrong password, unknown or inactive user and a locked account
 * all get the same answer, so it reveals neither which usernames exist nor which accounts are locked.
 */
export const FAILED_SIGN_IN_CODE = 'INVALID_CREDENTIALS' as const;

export function sessionExpired(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}

/** Touch last_seen at most this often, so reads do not turn into a write each. */
export const SESSION_TOUCH_MS = 30_000;

/** What the sign-in form requires: the API's `loginBody` and the login page share it (the page stays free of zod). */
export const LOGIN_LIMITS = { username: 100, password: 200 } as const;
export const LOGIN_MESSAGES = {
  usernameMissing: 'Skriv ditt användarnamn.',
  usernameTooLong: 'Användarnamnet är för långt.',
  passwordMissing: 'Skriv ditt lösenord.',
  passwordTooLong: 'Lösenordet är för långt.',
} as const;

export function loginProblems(v: { username: string; password: string }): { path: 'username' | 'password'; message: string }[] {
  const out: { path: 'username' | 'password'; message: string }[] = [];
  const username = v.username.trim();
  if (!username) out.push({ path: 'username', message: LOGIN_MESSAGES.usernameMissing });
  else if (username.length > LOGIN_LIMITS.username) out.push({ path: 'username', message: LOGIN_MESSAGES.usernameTooLong });
  if (!v.password) out.push({ path: 'password', message: LOGIN_MESSAGES.passwordMissing });
  else if (v.password.length > LOGIN_LIMITS.password) out.push({ path: 'password', message: LOGIN_MESSAGES.passwordTooLong });
  return out;
}

// Single sign-on (OpenID Connect). ADR: docs/decisions/014-single-sign-on-oidc.md

/** How long a sign-in may stay at the provider before its state is forgotten. */
export const OIDC_LOGIN_MINUTES = 10;

/** The values of a claim as a list: a string, a list of strings, anything else none. */
export function claimValues(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export type OidcMapping = { role: Role; unitName: string | null } | { refused: 'OIDC_NO_ROLE' | 'OIDC_NO_UNIT' };

/**
 * The role and unit a user's claims give. The role: the first entry of the role map (in the order the
 * administrator wrote it, so a user in two groups gets the one listed first) whose claim value the user has;
 * none → refused. The unit: likewise from the unit map; a role that works in a unit (handläggare,
 * kontaktsekreterare, enhetschef) without one is refused; other roles get no unit.
 */
export function mapOidcClaims(
  claims: Record<string, unknown>,
  m: { roleClaim: string; unitClaim: string; roleMap: Record<string, Role>; unitMap: Record<string, string> },
): OidcMapping {
  const roleValues = new Set(claimValues(claims[m.roleClaim]));
  const roleKey = Object.keys(m.roleMap).find((k) => roleValues.has(k));
  if (roleKey === undefined) return { refused: 'OIDC_NO_ROLE' };
  const role = m.roleMap[roleKey];
  if (role === 'kontaktperson') return { refused: 'OIDC_NO_ROLE' };
  if (!UNIT_ROLES.includes(role)) return { role, unitName: null };
  const unitValues = new Set(claimValues(claims[m.unitClaim]));
  const unitKey = Object.keys(m.unitMap).find((k) => unitValues.has(k));
  if (unitKey === undefined) return { refused: 'OIDC_NO_UNIT' };
  return { role, unitName: m.unitMap[unitKey] };
}

/** Only a path inside the app is returned to after sign-in: no scheme, no host, no "//" or "/\", no control characters. */
export function safeReturnPath(next: string | null | undefined): string {
  if (typeof next !== 'string' || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  if (next.startsWith('/logga-in') || next.startsWith('/api/')) return '/';
  return next;
}

/** The username a new single sign-on user gets: the configured claim, else e-mail, else the subject; lower case. */
export function oidcUsername(claims: Record<string, unknown>, usernameClaim: string, subject: string): string {
  for (const c of [claims[usernameClaim], claims.email, subject]) {
    if (typeof c === 'string' && c.trim()) return c.trim().toLowerCase().slice(0, LOGIN_LIMITS.username);
  }
  return subject;
}
