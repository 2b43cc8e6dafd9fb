// The shape every case mutation shares: load within scope, check the rule, write with the
// version the user saw, audit, present — in one transaction.
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { inTransaction } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { AppError } from '../platform/errors';
import { recordAudit, type AuditAction } from '../platform/audit/record';
import type { Permission } from '../platform/policy/permissions';
import { getMunicipality } from '../platform/settings';
import { findCase, type CaseRow, type CaseWithNames } from './repo';
import { cases } from './tables';
import { loadCase } from './load-case';
import { presentCase } from './present';
import type { CaseOut } from './schema';

export function changeCase(
  ctx: UseCaseContext,
  opts: {
    caseId: string;
    version: number;
    permission: Permission;
    action: AuditAction;
    /** Check the rules against the current row and return the columns to set. */
    apply: (current: CaseWithNames, tx: Tx) => Promise<Partial<CaseRow>> | Partial<CaseRow>;
    details?: (current: CaseWithNames) => Record<string, unknown>;
  },
): Promise<CaseOut> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await loadCase(tx, ctx, opts.caseId, opts.permission);
    if (current.c.version !== opts.version) throw new AppError('VERSION_CONFLICT');
    const set = await opts.apply(current, tx);
    await updateVersioned(tx, cases, opts.caseId, opts.version, { ...set, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: opts.action,
      entityType: 'case',
      entityId: opts.caseId,
      personId: current.c.personId,
      details: { fields: Object.keys(set), ...(opts.details?.(current) ?? {}) },
    });
    const row = (await findCase(tx, opts.caseId))!;
    const m = await getMunicipality(tx);
    return presentCase(ctx.actor, row, ctx.clock.today(), m);
  });
}
