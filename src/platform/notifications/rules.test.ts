import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, describeSendError, EMAIL_SUBJECT, emailText, MAX_EMAIL_ATTEMPTS, retryDelayMs } from './rules';

const MIN = 60_000;

describe('retry schedule', () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [4, 8 * MIN],
    [5, 16 * MIN],
    [6, 32 * MIN],
    [7, 64 * MIN],
    [10, 360 * MIN],
    [50, 360 * MIN],
  ])('after failed attempt %i waits %i ms', (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });

  it('tries again until the last attempt, then gives up', () => {
    const now = new Date('2026-03-16T10:00:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-16T10:01:00Z') });
    expect(afterFailure(3, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-16T10:04:00Z') });
    expect(afterFailure(MAX_EMAIL_ATTEMPTS - 1, now).status).toBe('pending');
    expect(afterFailure(MAX_EMAIL_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(afterFailure(MAX_EMAIL_ATTEMPTS + 3, now)).toEqual({ status: 'failed' });
  });

  it('never waits less after a later failure, and never more than six hours (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeLessThanOrEqual(6 * 60 * MIN);
      }),
    );
  });
});

describe('the e-mail says nothing personal', () => {
  it('is the same fixed text for everyone, with the link to the messages', () => {
    expect(EMAIL_SUBJECT).toBe('Nytt meddelande i Kontakt');
    expect(emailText('https://kontakt.kommun.se/')).toBe('Du har ett nytt meddelande i Kontakt.\n\nLogga in för att läsa det: https://kontakt.kommun.se/meddelanden\n');
  });
});

describe('a failure is recorded as codes only', () => {
  it.each([
    [Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <anna.svensson@kommun.se>: Recipient address rejected'), { code: 'EENVELOPE', responseCode: 550 }), 'Error EENVELOPE 550'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' }), 'Error ECONNREFUSED'],
    [new TypeError('x'), 'TypeError'],
    ['a string', 'Error'],
    [null, 'Error'],
    [{ name: 'anna@kommun.se', code: 'anna.svensson', responseCode: '535 5.7.8 anna' }, 'Error'],
  ])('%#', (e, out) => {
    const d = describeSendError(e);
    expect(d).toBe(out);
    expect(d).not.toMatch(/@|\s{2}|</);
  });
});
