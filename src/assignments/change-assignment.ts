// The shape of every edit of an assignment (agreement terms, signatures, förordnande, verkställ, avbrott,
// återuppta, avsluta): load within the provider's scope, refuse a stale version (409), check the rules, update,
// further writes (interruptions, the offer), audit, present the assignment again — one transaction.
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import type { Tx } from '../platform/db/connect';
import type { AuditEntry } from '../platform/audit/record';
import type { EntryOf } from './change-offer';
import { assignmentPage } from './get-assignment';
import { loadAssignment, personOfCase } from './load-assignment';
import { interruptionsOf, stateOf, type AssignmentRow, type InterruptionRow } from './repo';
import type { AssignmentState } from './rules';
import type { AssignmentOut } from './schema';
import { assignments } from './tables';

export interface AssignmentCurrent {
  a: AssignmentRow;
  interruptions: InterruptionRow[];
  s: AssignmentState;
  personId: string;
}

type AssignmentSet = Partial<typeof assignments.$inferInsert>;

export function changeAssignment(
  ctx: UseCaseContext,
  opts: {
    assignmentId: string;
    version: number;
    check: (c: AssignmentCurrent, today: string) => void | Promise<void>;
    apply: (c: AssignmentCurrent, today: string) => AssignmentSet;
    afterUpdate?: (tx: Tx, c: AssignmentCurrent, today: string) => Promise<void>;
    audit: (c: AssignmentCurrent) => EntryOf<AuditEntry>;
  },
): Promise<AssignmentOut> {
  const today = ctx.clock.today();
  return changeVersioned<typeof assignments, AssignmentOut, AssignmentCurrent>(ctx, {
    table: assignments,
    id: opts.assignmentId,
    version: opts.version,
    load: async (tx) => {
      const a = await loadAssignment(tx, ctx, opts.assignmentId, 'assignment:write');
      const interruptions = await interruptionsOf(tx, [a.id]);
      return { a, interruptions, s: stateOf(a, interruptions), personId: await personOfCase(tx, a.caseId) };
    },
    versionOf: (c) => c.a.version,
    check: (c) => opts.check(c, today),
    apply: (c) => opts.apply(c, today),
    afterUpdate: opts.afterUpdate ? (_u, tx, c) => opts.afterUpdate!(tx, c, today) : undefined,
    audit: (c) => ({ ...opts.audit(c), entityType: 'assignment', entityId: c.a.id, personId: c.personId }) as AuditEntry,
    present: (u, tx) => assignmentPage(tx, ctx, u.id),
  });
}
