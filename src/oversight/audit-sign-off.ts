// Loggkontroll: the enhetschef signs off an unusual read (who, when, comment). The finding is found again by the same
// rules before it is signed (an id that is not an unusual read the actor may review is a 404); a second sign-off of
// the same finding is 409. The sign-off is logged.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import { AppError } from '../platform/errors';
import { isOutsideUnit, massReads } from './audit-rules';
import { loadAccessReads, massReadSettings, reviewScope } from './audit-unusual';
import { auditSignoffs } from './tables';
import type { signOffBody, signOffOut } from './schema';

const DAY = 24 * 60 * 60_000;

export function signOffUnusualAccess(ctx: UseCaseContext, body: z.output<typeof signOffBody>): Promise<z.output<typeof signOffOut>> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const scope = reviewScope(ctx);
      const { reads } = await loadAccessReads(tx, and(eq(auditLog.id, body.auditId), scope));
      const read = reads[0];
      if (!read) throw new AppError('AUDIT_FINDING_NOT_FOUND');
      let found = false;
      if (body.kind === 'outside_unit') found = isOutsideUnit(read);
      else if (body.kind === 'protected_identity') found = read.personProtected;
      else {
        // A burst is named by its first read: the reader's reads of the day around it show whether it starts one.
        const around = await loadAccessReads(
          tx,
          and(
            eq(auditLog.actorUserId, read.actorUserId),
            gte(auditLog.occurredAt, sql`${new Date(read.at - DAY).toISOString()}::timestamptz`),
            lte(auditLog.occurredAt, sql`${new Date(read.at + DAY).toISOString()}::timestamptz`),
          ),
        );
        found = massReads(around.reads, await massReadSettings(tx)).some((f) => f.auditId === read.id);
      }
      if (!found) throw new AppError('AUDIT_FINDING_NOT_FOUND');
      const signedAt = ctx.clock.now();
      const [row] = await tx
        .insert(auditSignoffs)
        .values({ kind: body.kind, auditId: body.auditId, signedBy: ctx.actor.id, signedAt, comment: body.comment })
        .returning({ id: auditSignoffs.id });
      await recordAudit(tx, ctx, {
        action: 'audit.sign_off',
        entityType: 'audit_signoff',
        entityId: row.id,
        personId: read.personId,
        details: { kind: body.kind, auditId: body.auditId, signOffId: row.id },
      });
      return { id: row.id, signedAt: signedAt.toISOString() };
    },
    { unique: [{ column: auditSignoffs.auditId, constraint: 'audit_signoffs_finding_idx', code: 'AUDIT_ALREADY_SIGNED_OFF', path: 'comment', message: 'Avvikelsen är redan markerad som granskad.' }] },
  );
}
