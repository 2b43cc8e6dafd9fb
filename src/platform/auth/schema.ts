import { z } from 'zod';
import { LOGIN_LIMITS, LOGIN_MESSAGES } from './rules';
import { ROLES } from '../rules';
import { safeString } from '../validation';

export const loginBody = z.object({
  username: safeString({ error: LOGIN_MESSAGES.usernameMissing })
    .trim()
    .min(1, { message: LOGIN_MESSAGES.usernameMissing })
    .max(LOGIN_LIMITS.username, { message: LOGIN_MESSAGES.usernameTooLong }),
  password: safeString({ error: LOGIN_MESSAGES.passwordMissing })
    .min(1, { message: LOGIN_MESSAGES.passwordMissing })
    .max(LOGIN_LIMITS.password, { message: LOGIN_MESSAGES.passwordTooLong }),
});

export const meOut = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  permissions: z.array(z.string()),
  municipalityName: z.string(),
  demoMode: z.boolean(),
  sessionIdleMinutes: z.number(),
  /** Failed sign-in attempts on the account between the previous sign-in and this session's (0: none). */
  failedAttemptsSinceLastLogin: z.number().int(),
  /** When the last of them was made (ISO), or null. */
  lastFailedAttemptAt: z.string().nullable(),
});
export type MeOut = z.infer<typeof meOut>;

/** "Who is signed in, if anyone": not being signed in is an answer (the web app's first request), not an error. */
export const sessionOut = z.object({ me: meOut.nullable() });
export type SessionOut = z.infer<typeof sessionOut>;

export const demoAccountsOut = z.object({
  accounts: z.array(z.object({ username: z.string(), password: z.string(), displayName: z.string(), roleLabel: z.string(), unitName: z.string().nullable() })),
});
