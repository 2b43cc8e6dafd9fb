// Notifications (issue 12 item 7): the in-app list of every user, each user's own choice of e-mail, and the e-mail
// outbox that a background worker sends from (worker.ts). Rows are written in the caller's transaction (notify.ts),
// so a change that rolls back notifies no one.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from '../db/columns';
import { users } from '../tables';
import { EMAIL_STATUSES } from './rules';

/** One message to one user, shown in their in-app list ("Meddelanden"). Only its user ever reads it. */
export const notifications = pgTable(
  'notifications',
  {
    id: pk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What it is about, for the caller's own use (e.g. 'cp_meeting.invitation'); not shown. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where in the app it leads (a path such as /kontaktpersonstraffar/…), or null. */
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    // The header's unread count on every page: a small index of the unread ones only.
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** A user's own choice: also tell me by e-mail, at this address (the e-mail never says more than that there is news). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: text('email'),
  emailEnabled: boolean('email_enabled').notNull().default(false),
  updatedAt: updatedAt(),
});

/**
 * One e-mail to one address. pending → sending (claimed by one worker with FOR UPDATE SKIP LOCKED, leased until
 * lease_until) → sent, or back to pending with a later next_attempt_at, or failed after the last attempt. A lease that
 * runs out (the instance died while sending) makes the row claimable again.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: pk(),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    /** The last failure as a code (the error's class, code and the SMTP reply code), never the server's text. */
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index('email_outbox_created_idx').on(t.createdAt),
    check('email_outbox_attempts_chk', sql`${t.attempts} >= 0`),
  ],
);
