import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LOCK_ADDRESSES,
  accountLockAfterFailure,
  accountWindowStart,
  afterPairFailure,
  isLocked,
  lockReason,
  MAX_FAILURES_PER_ADDRESS,
  sessionExpired,
  type PairState,
} from './rules';

const now = new Date('2026-03-16T10:00:00Z');
const at = (min: number) => new Date(now.getTime() + min * 60_000);

describe('failures per (account, client address)', () => {
  it('locks the pair for 15 minutes on the fifth failure within the window', () => {
    let state: PairState | null = null;
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) {
      state = afterPairFailure(state, at(i));
      expect(state.lockedUntil).toBeNull();
    }
    state = afterPairFailure(state, at(4));
    expect(state.lockedUntil?.toISOString()).toBe('2026-03-16T10:19:00.000Z');
    expect(isLocked(state.lockedUntil, at(18))).toBe(true);
    expect(isLocked(state.lockedUntil, at(19.1))).toBe(false);
  });

  it('starts counting afresh when the window has passed', () => {
    let state: PairState | null = null;
    for (let i = 0; i < 4; i++) state = afterPairFailure(state, now);
    state = afterPairFailure(state, at(16));
    expect(state).toEqual({ windowStart: at(16), failures: 1, lockedUntil: null });
  });

  it('does not extend a lock with failures made while locked', () => {
    const locked = { windowStart: now, failures: 0, lockedUntil: at(15) };
    const next = afterPairFailure(locked, at(5));
    expect(next.lockedUntil).toEqual(at(15));
  });
});

describe('account-wide lock', () => {
  it('needs failures from many client addresses', () => {
    expect(accountLockAfterFailure(null, ACCOUNT_LOCK_ADDRESSES - 1, now)).toBeNull();
    expect(accountLockAfterFailure(null, ACCOUNT_LOCK_ADDRESSES, now)).toEqual(at(15));
  });
  it('keeps an existing lock without extending it, and lets an expired one go', () => {
    expect(accountLockAfterFailure(at(3), ACCOUNT_LOCK_ADDRESSES + 3, now)).toEqual(at(3));
    expect(accountLockAfterFailure(at(-1), 1, now)).toBeNull();
  });
  it('counts addresses over the last hour', () => {
    expect(accountWindowStart(now)).toEqual(at(-60));
  });
});

describe('why an attempt is refused (for the audit log only)', () => {
  it('names the account lock before the address lock, and nothing when neither holds', () => {
    expect(lockReason(at(1), at(1), now)).toBe('account_locked');
    expect(lockReason(null, at(1), now)).toBe('address_locked');
    expect(lockReason(at(-1), at(-1), now)).toBeNull();
    expect(lockReason(null, undefined, now)).toBeNull();
  });
});

describe('session inactivity', () => {
  it('expires after the configured idle minutes', () => {
    expect(sessionExpired(now, new Date('2026-03-16T10:30:00Z'), 30)).toBe(false);
    expect(sessionExpired(now, new Date('2026-03-16T10:30:01Z'), 30)).toBe(true);
  });
});
