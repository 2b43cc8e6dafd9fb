// The shape every case mutation shares: load within scope, check the rule, write with the
// version the user saw, audit, present — in one transaction (the platform's changeVersioned).
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import type { AuditDetails } from '../platform/audit/actions';
import type { AuditEntry } from '../platform/audit/record';
import type { Permission } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { findCase, type CaseRow, type CaseWithNames } from './repo';
import { cases } from './tables';
import { loadCase } from './load-case';
import { presentCase } from './present';
import type { CaseOut } from './schema';

/** The audit actions of a case change: their details list the changed fields. */
type CaseChangeAction = 'case.acknowledge' | 'case.documentation_received' | 'case.application_recorded' | 'case.assign';

export function changeCase<A extends CaseChangeAction>(
  ctx: UseCaseContext,
  opts: {
    caseId: string;
    version: number;
    permission: Permission;
    action: A;
    /** Check the rules against the current row and return the columns to set. */
    apply: (current: CaseWithNames, tx: Tx) => Promise<Partial<CaseRow>> | Partial<CaseRow>;
    details?: (current: CaseWithNames) => Omit<AuditDetails[A], 'fields'>;
  },
): Promise<CaseOut> {
  return changeVersioned(ctx, {
    table: cases,
    id: opts.caseId,
    version: opts.version,
    load: (tx) => loadCase(tx, ctx, opts.caseId, opts.permission),
    versionOf: (current) => current.c.version,
    apply: async (current, tx) => ({ ...(await opts.apply(current, tx)), updatedAt: ctx.clock.now() }),
    audit: (current, _, set) => {
      const fields = Object.keys(set).filter((k) => k !== 'updatedAt');
      const entry = {
        action: opts.action,
        entityType: 'case',
        entityId: opts.caseId,
        personId: current.c.personId,
        details: { fields, ...opts.details?.(current) },
      };
      // Typed at the caller: `details` returns AuditDetails[A] without `fields`.
      return entry as unknown as AuditEntry;
    },
    present: async (_, tx) => presentCase(ctx.actor, (await findCase(tx, opts.caseId))!, ctx.clock.today(), await settingsOf(ctx, tx)),
  });
}
