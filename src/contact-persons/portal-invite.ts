// A portal account for an approved contact person (the portal itself is a later issue): the coordinator makes
// an invitation link valid 72 hours; the contact person opens it and sets a password. Only the token's SHA-256
// is stored; a new invitation replaces unused earlier ones; a link is used once.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { AnonymousContext, UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { hashPassword } from '../platform/auth/password';
import { deriveCpStatus } from './rules';
import { loadContactPersonFull, statusFactsOf } from './repo';
import type { setPortalPasswordBody } from './schema';
import { cpPortalAccounts, cpPortalInvites } from './tables';

export const PORTAL_INVITE_HOURS = 72;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createPortalInvite(ctx: UseCaseContext, id: string) {
  return writeUseCase(ctx, async (tx) => {
    const full = await loadContactPersonFull(tx, id);
    if (!full) throw new AppError('NOT_FOUND');
    const status = deriveCpStatus(statusFactsOf(full), ctx.clock.today());
    if (!full.row.approvedDate || status === 'ended') throw new AppError('CP_NOT_APPROVABLE', { message: 'Bara en godkänd kontaktperson kan bjudas in till portalen.' });
    const token = randomBytes(32).toString('base64url');
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + PORTAL_INVITE_HOURS * 3600_000);
    await tx.delete(cpPortalInvites).where(and(eq(cpPortalInvites.contactPersonId, id), isNull(cpPortalInvites.usedAt)));
    await tx.insert(cpPortalInvites).values({ contactPersonId: id, tokenHash: sha256(token), expiresAt, createdBy: ctx.actor.id, createdAt: now });
    await recordAudit(tx, ctx, { action: 'contact_person.portal_invite', entityType: 'contact_person', entityId: id });
    return { link: `/portalen/valj-losenord#${token}`, expiresAt: expiresAt.toISOString() };
  });
}

/** The contact person sets the password with the link's token (public: the token is the proof). */
export function setPortalPassword(ctx: Omit<AnonymousContext, 'actor'>, input: z.output<typeof setPortalPasswordBody>) {
  return writeUseCase(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [invite] = await tx.select().from(cpPortalInvites).where(eq(cpPortalInvites.tokenHash, sha256(input.token))).for('update');
    if (!invite || invite.usedAt || invite.expiresAt <= now) throw new AppError('PORTAL_INVITE_INVALID');
    const passwordHash = await hashPassword(input.password);
    await tx
      .insert(cpPortalAccounts)
      .values({ contactPersonId: invite.contactPersonId, passwordHash, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: cpPortalAccounts.contactPersonId, set: { passwordHash, updatedAt: now } });
    await tx.update(cpPortalInvites).set({ usedAt: now }).where(eq(cpPortalInvites.id, invite.id));
    await recordAudit(tx, { actor: null, requestId: ctx.requestId, clock: ctx.clock }, { action: 'contact_person.portal_password_set', entityType: 'contact_person', entityId: invite.contactPersonId });
    return { done: true as const };
  });
}
