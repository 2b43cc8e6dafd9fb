// The administrator's view of the e-mail outbox: what was sent, what waits, what failed — and, without SMTP_URL,
// what would have been sent. Recipients' addresses are staff data; the e-mails themselves carry nothing personal.
import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../context';
import { readUseCase } from '../db/transaction';
import { recordAudit } from '../audit/record';
import { EMAIL_STATUSES } from './rules';
import type { OutboxOut, outboxQuery } from './schema';
import { emailOutbox } from './tables';

const LIST_LIMIT = 200;

export function listOutbox(ctx: UseCaseContext, query: z.output<typeof outboxQuery>): Promise<OutboxOut> {
  return readUseCase(ctx, async (q) => {
    const rows = await q
      .select()
      .from(emailOutbox)
      .where(query.status ? eq(emailOutbox.status, query.status) : undefined)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(LIST_LIMIT);
    const grouped = await q.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
    const counts = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, Number(grouped.find((g) => g.status === s)?.n ?? 0)])) as OutboxOut['counts'];
    await recordAudit(q, ctx, { action: 'notification.outbox_read', entityType: 'email_outbox', details: { count: rows.length } });
    return {
      smtpConfigured: ctx.config.smtpUrl !== null,
      counts,
      items: rows.map((r) => ({
        id: r.id,
        recipient: r.recipient,
        subject: r.subject,
        status: r.status,
        attempts: r.attempts,
        createdAt: r.createdAt.toISOString(),
        nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
        sentAt: r.sentAt?.toISOString() ?? null,
        lastError: r.lastError,
      })),
    };
  });
}
