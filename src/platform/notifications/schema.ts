// HTTP schemas for notifications: a user's own messages and e-mail choice, and the administrator's view of the
// e-mail outbox. Shared with the web (web/src/platform/notifications/).
import { z } from 'zod';
import { optionalEmail, uuid } from '../validation';
import { EMAIL_STATUSES } from './rules';

export const notificationIdParams = z.object({ id: uuid });

export const notificationOut = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const notificationListOut = z.object({ items: z.array(notificationOut), unread: z.number() });
export type NotificationListOut = z.infer<typeof notificationListOut>;
export const unreadOut = z.object({ unread: z.number() });
export type UnreadOut = z.infer<typeof unreadOut>;

export const emailPreferenceBody = z
  .object({
    emailEnabled: z.boolean({ error: 'Välj ja eller nej.' }),
    email: optionalEmail,
  })
  .superRefine((v, ctx) => {
    if (v.emailEnabled && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Skriv den e-postadress meddelandena ska skickas till.' });
  });
export const emailPreferenceOut = z.object({
  email: z.string().nullable(),
  emailEnabled: z.boolean(),
  /** Is an e-mail server configured (SMTP_URL)? Without one nothing is sent. */
  smtpConfigured: z.boolean(),
});
export type EmailPreferenceOut = z.infer<typeof emailPreferenceOut>;

export const outboxQuery = z.object({
  status: z.enum(EMAIL_STATUSES, { error: 'Välj en status i listan.' }).optional(),
});
export const outboxOut = z.object({
  smtpConfigured: z.boolean(),
  counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() }),
  items: z.array(
    z.object({
      id: z.string(),
      recipient: z.string(),
      subject: z.string(),
      status: z.enum(EMAIL_STATUSES),
      attempts: z.number(),
      createdAt: z.string(),
      nextAttemptAt: z.string().nullable(),
      sentAt: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type OutboxOut = z.infer<typeof outboxOut>;
