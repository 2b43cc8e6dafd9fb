// Loggkontroll: who read or changed what about whom. The search itself is logged too.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit, AUDIT_ACTIONS } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import { scopeOf } from '../platform/policy/permissions';
import { users } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { parseIdentityNumber, formatIdentityNumber } from '../people/identity-number';
import { fieldError } from '../platform/errors';
import { periodProblem } from './rules';
import { addDays } from '../platform/calendar';
import type { auditExportBody, auditListOut, auditSearchBody } from './schema';
import type { Queryable } from '../platform/db/connect';

type AuditFilter = z.output<typeof auditExportBody>;

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The where-clause of a log search (person, user, unit, event, period) within the reader's audit:read scope, and the
 * person searched for (null when none). Shared by the search and the CSV export.
 */
export async function auditWhere(tx: Queryable, ctx: UseCaseContext, q: AuditFilter): Promise<{ where: SQL | undefined; personId: string | null }> {
  const conds: SQL[] = [];
  let personId = q.personId ?? null;
  if (q.identityNumber) {
    const parsed = parseIdentityNumber(q.identityNumber, ctx.clock.today(), !/^[\d\s+-]+$/.test(q.identityNumber));
    if (!parsed.ok) throw fieldError('identityNumber', parsed.message);
    const [p] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.identityNumber, parsed.normalized));
    personId = p?.id ?? NOBODY;
  }
  if (personId) conds.push(eq(auditLog.personId, personId));
  if (q.userId) conds.push(eq(auditLog.actorUserId, q.userId));
  if (q.unitId) conds.push(inArray(auditLog.actorUserId, tx.select({ id: users.id }).from(users).where(eq(users.unitId, q.unitId))));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  // Dates are Swedish calendar days.
  if (q.from) conds.push(gte(auditLog.occurredAt, sql`(${q.from}::date)::timestamp at time zone 'Europe/Stockholm'`));
  if (q.to) conds.push(lt(auditLog.occurredAt, sql`(${addDays(q.to, 1)}::date)::timestamp at time zone 'Europe/Stockholm'`));
  const period = periodProblem(q.from, q.to);
  if (period) throw fieldError(period.path, period.message);
  if (scopeOf(ctx.actor, 'audit:read') === 'unit') {
    // The enhetschef reviews their own staff and everything about the unit's persons.
    const unitId = ctx.actor.unitId ?? NOBODY;
    conds.push(
      or(
        inArray(auditLog.actorUserId, tx.select({ id: users.id }).from(users).where(eq(users.unitId, unitId))),
        inArray(auditLog.personId, tx.select({ id: cases.personId }).from(cases).where(eq(cases.unitId, unitId))),
      )!,
    );
  }
  return { where: conds.length ? and(...conds) : undefined, personId: personId === NOBODY ? null : personId };
}

/** The log's rows of a search, newest first, with the user's name and the person's name and number. */
export function auditRows(tx: Queryable, where: SQL | undefined, limit: number, offset: number) {
  return tx
    .select({ a: auditLog, displayName: users.displayName, pFirst: persons.firstName, pLast: persons.lastName, pNo: persons.identityNumber, pKind: persons.idKind })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(persons, eq(persons.id, auditLog.personId))
    .where(where)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

export function searchAuditLog(ctx: UseCaseContext, q: z.output<typeof auditSearchBody>): Promise<z.output<typeof auditListOut>> {
  return writeUseCase(ctx, async (tx) => {
    const { where, personId } = await auditWhere(tx, ctx, q);
    const rows = await auditRows(tx, where, q.pageSize, (q.page - 1) * q.pageSize);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
    await recordAudit(tx, ctx, {
      action: 'audit.search',
      entityType: 'audit_log',
      personId,
      details: { byPerson: Boolean(personId), byUser: Boolean(q.userId), byUnit: Boolean(q.unitId), from: q.from ?? null, to: q.to ?? null },
    });
    return {
      items: rows.map((r) => ({
        id: Number(r.a.id),
        occurredAt: r.a.occurredAt.toISOString(),
        actor: { id: r.a.actorUserId, username: r.a.actorUsername, displayName: r.displayName },
        action: r.a.action,
        actionLabel: AUDIT_ACTIONS[r.a.action as keyof typeof AUDIT_ACTIONS] ?? r.a.action,
        entityType: r.a.entityType,
        entityId: r.a.entityId,
        person: r.a.personId && r.pNo ? { id: r.a.personId, name: `${r.pFirst} ${r.pLast}`, identityNumber: formatIdentityNumber(r.pNo, r.pKind) } : null,
        requestId: r.a.requestId,
      })),
      total: Number(n),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
