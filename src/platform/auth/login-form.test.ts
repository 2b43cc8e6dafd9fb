// The login page checks with `loginProblems` (no zod in its download); the API with `loginBody`. They must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loginProblems } from './rules';
import { loginBody } from './schema';

const text = fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ maxLength: 5 }), fc.string({ minLength: 95, maxLength: 210 }));

describe('the login form and the API', () => {
  it('refuse the same fields with the same messages (apart from control characters, which only the API checks)', () => {
    fc.assert(
      fc.property(text, text, (username, password) => {
        fc.pre(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(username + password));
        const api = loginBody.safeParse({ username, password });
        const apiIssues = api.success ? [] : api.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message }));
        expect(loginProblems({ username, password })).toEqual(apiIssues);
      }),
      { numRuns: 500 },
    );
  });
});
