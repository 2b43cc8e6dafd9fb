// A portal account for an approved contact person: the coordinator makes an invitation link valid 72 hours; the
// contact person opens it and sets a password. Only the token's SHA-256 is stored; a new invitation replaces unused
// earlier ones; a link is used once. Setting the password makes (or renews) a `users` row with the role
// kontaktperson tied to the contact person (users.contact_person_id), so sign-in, sessions, lockout and the policy
// work for them as for staff; the username is shown on the password page.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AnonymousContext, UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { hashPassword } from '../platform/auth/password';
import type { Tx } from '../platform/db/connect';
import { loginFailures, sessions, users } from '../platform/tables';
import { deriveCpStatus } from './rules';
import { loadContactPersonFull, statusFactsOf } from './repo';
import type { setPortalPasswordBody } from './schema';
import { contactPersons, cpPortalAccounts, cpPortalInvites } from './tables';

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
    const username = await upsertPortalUser(tx, invite.contactPersonId, passwordHash, now);
    await recordAudit(tx, { actor: null, requestId: ctx.requestId, clock: ctx.clock }, { action: 'contact_person.portal_password_set', entityType: 'contact_person', entityId: invite.contactPersonId });
    return { done: true as const, username };
  });
}

/**
 * The contact person's sign-in account: a users row with the role kontaktperson and contact_person_id. A new
 * password renews it (active again, locks lifted, other sessions ended). The username is their e-mail address in
 * lower case when no one else has it, else "kp-" and the start of the contact person's id; it never changes after.
 */
async function upsertPortalUser(tx: Tx, contactPersonId: string, passwordHash: string, now: Date): Promise<string> {
  const [cp] = await tx.select({ firstName: contactPersons.firstName, lastName: contactPersons.lastName, email: contactPersons.email }).from(contactPersons).where(eq(contactPersons.id, contactPersonId));
  const displayName = `${cp.firstName} ${cp.lastName}`;
  const [existing] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.contactPersonId, contactPersonId)).for('update');
  if (existing) {
    await tx
      .update(users)
      .set({ passwordHash, displayName, active: true, failedLoginCount: 0, lockedUntil: null, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, existing.id));
    await tx.delete(loginFailures).where(eq(loginFailures.userId, existing.id));
    await tx.delete(sessions).where(eq(sessions.userId, existing.id));
    return existing.username;
  }
  const email = cp.email?.trim().toLowerCase() || null;
  const emailFree = email ? (await tx.select({ id: users.id }).from(users).where(eq(users.username, email))).length === 0 : false;
  const username = email && emailFree ? email : `kp-${contactPersonId.slice(0, 8)}`;
  await tx.insert(users).values({ username, displayName, role: 'kontaktperson', contactPersonId, unitId: null, passwordHash, createdAt: now, updatedAt: now });
  return username;
}
