// notify: the one way any area tells users something. Written in the caller's transaction: the in-app message for
// each active recipient, and an outbox row for those who asked for e-mail. A change that rolls back sends nothing;
// the worker (worker.ts) sends the outbox later, outside any request.
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { users } from '../tables';
import { EMAIL_SUBJECT } from './rules';
import { emailOutbox, notificationPreferences, notifications } from './tables';

export interface Notice {
  userIds: readonly string[];
  /** What it is about, e.g. 'cp_meeting.invitation' (for the caller; not shown). */
  kind: string;
  title: string;
  body: string;
  /** A path in the app, e.g. /kontaktpersonstraffar/…, or null. */
  link: string | null;
}

/** Notify each active user once (inactive users and repeated ids are skipped); `now` is the use case's clock. */
export async function notify(tx: Queryable, notice: Notice, now: Date): Promise<{ notified: number; emails: number }> {
  const ids = [...new Set(notice.userIds)];
  if (ids.length === 0) return { notified: 0, emails: 0 };
  const recipients = await tx
    .select({ id: users.id, email: notificationPreferences.email, emailEnabled: notificationPreferences.emailEnabled })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (recipients.length === 0) return { notified: 0, emails: 0 };
  const rows = await tx
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, createdAt: now })))
    .returning({ id: notifications.id, userId: notifications.userId });
  const byUser = new Map(recipients.map((r) => [r.id, r]));
  const mail = rows.flatMap((n) => {
    const r = byUser.get(n.userId);
    return r?.emailEnabled && r.email ? [{ notificationId: n.id, userId: n.userId, recipient: r.email, subject: EMAIL_SUBJECT, nextAttemptAt: now, createdAt: now }] : [];
  });
  if (mail.length) await tx.insert(emailOutbox).values(mail);
  return { notified: rows.length, emails: mail.length };
}

/** Days a sent or given-up e-mail row (an address and a status) and a read message are kept. */
export const KEEP_EMAIL_DAYS = 90;
export const KEEP_READ_DAYS = 365;

/** Housekeeping (platform maintenance): remove finished e-mail rows and read messages past their keeping time. */
export async function pruneNotifications(db: Queryable, now: Date): Promise<void> {
  const day = 86_400_000;
  await db.delete(emailOutbox).where(and(inArray(emailOutbox.status, ['sent', 'failed']), lt(emailOutbox.createdAt, new Date(now.getTime() - KEEP_EMAIL_DAYS * day))));
  await db.delete(notifications).where(and(isNotNull(notifications.readAt), lt(notifications.readAt, new Date(now.getTime() - KEEP_READ_DAYS * day))));
}
