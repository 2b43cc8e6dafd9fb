import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, sessionExpired } from './rules';

const now = new Date('2026-03-16T10:00:00Z');

describe('lockout', () => {
  it('locks for 15 minutes on the fifth failure in a row', () => {
    let state = { failedCount: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) {
      state = afterFailedLogin(state.failedCount, now);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailedLogin(state.failedCount, now);
    expect(state.lockedUntil?.toISOString()).toBe('2026-03-16T10:15:00.000Z');
    expect(isLocked(state.lockedUntil, new Date('2026-03-16T10:14:59Z'))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date('2026-03-16T10:15:01Z'))).toBe(false);
  });
});

describe('session inactivity', () => {
  it('expires after the configured idle minutes', () => {
    expect(sessionExpired(now, new Date('2026-03-16T10:30:00Z'), 30)).toBe(false);
    expect(sessionExpired(now, new Date('2026-03-16T10:30:01Z'), 30)).toBe(true);
  });
});
