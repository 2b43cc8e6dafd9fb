// A user's own choice of e-mail for their notifications: off by default; on needs an address. The e-mail only ever
// says that there is a new message (rules.ts emailText).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../context';
import { readUseCase, writeUseCase } from '../db/transaction';
import { recordAudit } from '../audit/record';
import type { EmailPreferenceOut, emailPreferenceBody } from './schema';
import { notificationPreferences } from './tables';

export function getEmailPreference(ctx: UseCaseContext): Promise<EmailPreferenceOut> {
  return readUseCase(ctx, async (q) => {
    const [p] = await q.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ctx.actor.id));
    return { email: p?.email ?? null, emailEnabled: p?.emailEnabled ?? false, smtpConfigured: ctx.config.smtpUrl !== null };
  });
}

export function setEmailPreference(ctx: UseCaseContext, input: z.output<typeof emailPreferenceBody>): Promise<EmailPreferenceOut> {
  return writeUseCase(ctx, async (tx) => {
    const now = ctx.clock.now();
    const values = { email: input.email, emailEnabled: input.emailEnabled, updatedAt: now };
    await tx
      .insert(notificationPreferences)
      .values({ userId: ctx.actor.id, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await recordAudit(tx, ctx, { action: 'notification.email_preference', entityType: 'user', entityId: ctx.actor.id, details: { emailEnabled: input.emailEnabled } });
    return { email: input.email, emailEnabled: input.emailEnabled, smtpConfigured: ctx.config.smtpUrl !== null };
  });
}
