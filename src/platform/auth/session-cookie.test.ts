import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from './sessions';

describe('sessionCookieOptions', () => {
  it('is Secure in production even when a proxy hands the request on as http, and over https anywhere', () => {
    expect(sessionCookieOptions({ protocol: 'http' }, { production: true })).toMatchObject({ secure: true, httpOnly: true, sameSite: 'strict', path: '/' });
    expect(sessionCookieOptions({ protocol: 'https' }, { production: false }).secure).toBe(true);
    // Development on http://localhost: a Secure cookie would not be sent back at all.
    expect(sessionCookieOptions({ protocol: 'http' }, { production: false }).secure).toBe(false);
  });
});
