// The e-mail worker, run by every server instance: it claims due rows of the outbox with FOR UPDATE SKIP LOCKED (so
// two instances never take the same row), leases them while sending, and records the outcome: sent, or tried again
// later with exponential backoff, or given up after MAX_EMAIL_ATTEMPTS (rules.ts). A lease that runs out (the
// instance died mid-send) makes the row claimable again, so delivery is at least once, never lost.
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { MailTransport } from './mailer';
import { afterFailure, describeSendError, emailText } from './rules';
import { emailOutbox } from './tables';

const LEASE_MS = 5 * 60_000;
const BATCH = 20;

export interface Claimed {
  id: string;
  recipient: string;
  subject: string;
  attempts: number;
}

/** Take up to `limit` due e-mails for this worker: rows another worker holds are skipped, not waited for. */
export async function claimEmails(db: Db, now: Date, limit = BATCH): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(or(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)), and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.leaseUntil, now))))
      .orderBy(emailOutbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(emailOutbox)
      .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1`, leaseUntil: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(emailOutbox.id, due))
      .returning({ id: emailOutbox.id, recipient: emailOutbox.recipient, subject: emailOutbox.subject, attempts: emailOutbox.attempts });
  });
}

export interface DeliveryOptions {
  from: string;
  publicUrl: string;
  limit?: number;
}

/** Send one batch of due e-mails; returns what became of them. */
export async function deliverDue(db: Db, transport: MailTransport, clock: Clock, opts: DeliveryOptions): Promise<{ sent: number; retried: number; failed: number }> {
  const result = { sent: 0, retried: 0, failed: 0 };
  const claimed = await claimEmails(db, clock.now(), opts.limit);
  for (const m of claimed) {
    try {
      await transport.send({ from: opts.from, to: m.recipient, subject: m.subject, text: emailText(opts.publicUrl) });
      await db.update(emailOutbox).set({ status: 'sent', sentAt: clock.now(), leaseUntil: null, lastError: null }).where(eq(emailOutbox.id, m.id));
      result.sent++;
    } catch (e) {
      const next = afterFailure(m.attempts, clock.now());
      await db
        .update(emailOutbox)
        .set({ status: next.status, ...(next.status === 'pending' ? { nextAttemptAt: next.nextAttemptAt } : {}), leaseUntil: null, lastError: describeSendError(e) })
        .where(eq(emailOutbox.id, m.id));
      if (next.status === 'failed') result.failed++;
      else result.retried++;
    }
  }
  return result;
}

/**
 * Run the worker every `intervalMs` (timers unref'd), draining full batches at once. Only with SMTP: without it the
 * rows stay pending and the administrator's outbox page shows what would have been sent. Returns a stop function.
 */
export function startEmailWorker(
  db: Db,
  transport: MailTransport,
  clock: Clock,
  opts: DeliveryOptions & { intervalMs?: number },
  onError: (e: unknown) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const limit = opts.limit ?? BATCH;
      for (let i = 0; i < 50; i++) {
        const r = await deliverDue(db, transport, clock, { ...opts, limit });
        if (r.sent + r.retried + r.failed < limit) break;
      }
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 15_000);
  timer.unref();
  const first = setTimeout(() => void tick(), 2_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
    transport.close();
  };
}
