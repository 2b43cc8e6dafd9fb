// Disposal (gallring) of closed case records and of persons left without a case, by the retention rules
// (disposal-rules.ts). The run removes in batches, one transaction each; the dry run does exactly the same work in one
// transaction that is rolled back, so its counts are the run's. Each batch's audit entry and the run's row in
// `disposal_runs` hold counts and who ran it, never content. Audit entries are never deleted: a disposed person's
// get a pseudonym when the person rule says so (ADR 013).
import { eq, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { disposalCandidateCutoff, disposalDueBy, disposalVerdict, type DisposalRecordType, type DisposalRule } from './disposal-rules';
import {
  deleteCaseRecords,
  deletePersons,
  loadCaseCandidates,
  loadDisposalRules,
  loadPersonCandidates,
  pseudonymiseAuditEntries,
} from './disposal-repo';
import { disposalRuns } from './tables';
import type { DisposalRunOut } from './disposal-schema';

export const DISPOSAL_BATCH_SIZE = 500;
/** How many of the cases that would go a dry run lists (the counts are always complete). */
const LISTED = 200;

interface Counts {
  batches: number;
  cases: number;
  persons: number;
  auditPseudonymised: number;
  keptBornOn: number;
  keptLss: number;
  keptPayroll: number;
}
const zero = (): Counts => ({ batches: 0, cases: 0, persons: 0, auditPseudonymised: 0, keptBornOn: 0, keptLss: 0, keptPayroll: 0 });

type Listed = DisposalRunOut['listed'][number];

interface BatchResult {
  counts: Counts;
  next: { kind: DisposalRecordType; afterId: string | null } | null;
  listed: Listed[];
}

/** One batch: the next `batchSize` candidates of a kind, decided by the rule, the disposable ones removed. */
async function batch(
  tx: Tx,
  rules: Record<DisposalRecordType, DisposalRule>,
  at: { kind: DisposalRecordType; afterId: string | null },
  today: string,
  batchSize: number,
  runId: string,
): Promise<BatchResult> {
  const counts = zero();
  counts.batches = 1;
  const listed: Listed[] = [];
  const count = (v: string) => {
    if (v === 'born_on_kept_day') counts.keptBornOn++;
    else if (v === 'lss_decision') counts.keptLss++;
    else if (v === 'payroll') counts.keptPayroll++;
  };
  if (at.kind === 'closed_case') {
    const rule = rules.closed_case;
    const found = rule.active ? await loadCaseCandidates(tx, { afterId: at.afterId, limit: batchSize, cutoff: disposalCandidateCutoff(rule.yearsAfterLastEntry, today), today }) : [];
    const go: string[] = [];
    for (const c of found) {
      const v = disposalVerdict(rule, c, today);
      count(v);
      if (v === 'dispose') {
        go.push(c.id);
        listed.push({ kind: 'closed_case', caseNumber: c.caseNumber, lastEntry: c.lastEntry, dueBy: disposalDueBy(c.lastEntry, rule.yearsAfterLastEntry) });
      }
    }
    counts.cases = await deleteCaseRecords(tx, go);
    const next = found.length === batchSize ? { kind: 'closed_case' as const, afterId: found[found.length - 1].id } : { kind: 'person' as const, afterId: null };
    return { counts, next, listed };
  }
  const rule = rules.person;
  const found = rule.active ? await loadPersonCandidates(tx, { afterId: at.afterId, limit: batchSize, cutoff: disposalCandidateCutoff(rule.yearsAfterLastEntry, today) }) : [];
  const go: string[] = [];
  for (const p of found) {
    const v = disposalVerdict(rule, p, today);
    count(v);
    if (v === 'dispose') go.push(p.id);
  }
  const removed = await deletePersons(tx, go);
  counts.persons = removed.length;
  counts.auditPseudonymised = rule.pseudonymiseAudit ? await pseudonymiseAuditEntries(tx, removed, runId) : 0;
  const next = found.length === batchSize ? { kind: 'person' as const, afterId: found[found.length - 1].id } : null;
  return { counts, next, listed };
}

function add(a: Counts, b: Counts): Counts {
  return {
    batches: a.batches + b.batches,
    cases: a.cases + b.cases,
    persons: a.persons + b.persons,
    auditPseudonymised: a.auditPseudonymised + b.auditPseudonymised,
    keptBornOn: a.keptBornOn + b.keptBornOn,
    keptLss: a.keptLss + b.keptLss,
    keptPayroll: a.keptPayroll + b.keptPayroll,
  };
}

class DryRunRollback extends Error {
  constructor(readonly result: { counts: Counts; listed: Listed[] }) {
    super('dry run: rolled back');
  }
}

export async function runDisposal(ctx: UseCaseContext, input: { dryRun: boolean }, opts: { batchSize?: number } = {}): Promise<DisposalRunOut> {
  const batchSize = opts.batchSize ?? DISPOSAL_BATCH_SIZE;
  const today = ctx.clock.today();
  const startedAt = ctx.clock.now();
  const actor = ctx.actor!;
  const [run] = await ctx.db
    .insert(disposalRuns)
    .values({ dryRun: input.dryRun, startedAt, ranBy: actor.id, ranByName: actor.displayName, unitId: actor.unitId })
    .returning({ id: disposalRuns.id });
  let total = zero();
  let listed: Listed[] = [];
  if (input.dryRun) {
    // The same batches in one transaction, rolled back: what the run would remove, and nothing removed.
    try {
      await ctx.db.transaction(async (tx) => {
        const rules = await loadDisposalRules(tx);
        let at: BatchResult['next'] = { kind: 'closed_case', afterId: null };
        let counts = zero();
        const all: Listed[] = [];
        while (at) {
          const b = await batch(tx, rules, at, today, batchSize, run.id);
          counts = add(counts, b.counts);
          all.push(...b.listed);
          at = b.next;
        }
        throw new DryRunRollback({ counts, listed: all });
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
      total = e.result.counts;
      listed = e.result.listed;
    }
    await writeUseCase(ctx, async (tx) => {
      await tx.update(disposalRuns).set({ ...total, finishedAt: ctx.clock.now() }).where(eq(disposalRuns.id, run.id));
      await recordAudit(tx, ctx, { action: 'disposal.run', entityType: 'disposal_run', entityId: run.id, details: { dryRun: true, ...total } });
    });
  } else {
    let at: BatchResult['next'] = { kind: 'closed_case', afterId: null };
    while (at) {
      const from = at;
      const b = await writeUseCase(ctx, async (tx) => {
        const rules = await loadDisposalRules(tx);
        const r = await batch(tx, rules, from, today, batchSize, run.id);
        await tx
          .update(disposalRuns)
          .set({
            batches: sql`${disposalRuns.batches} + ${r.counts.batches}`,
            cases: sql`${disposalRuns.cases} + ${r.counts.cases}`,
            persons: sql`${disposalRuns.persons} + ${r.counts.persons}`,
            auditPseudonymised: sql`${disposalRuns.auditPseudonymised} + ${r.counts.auditPseudonymised}`,
            keptBornOn: sql`${disposalRuns.keptBornOn} + ${r.counts.keptBornOn}`,
            keptLss: sql`${disposalRuns.keptLss} + ${r.counts.keptLss}`,
            keptPayroll: sql`${disposalRuns.keptPayroll} + ${r.counts.keptPayroll}`,
          })
          .where(eq(disposalRuns.id, run.id));
        await recordAudit(tx, ctx, { action: 'disposal.run', entityType: 'disposal_run', entityId: run.id, details: { dryRun: false, ...r.counts } });
        return r;
      });
      total = add(total, b.counts);
      listed = listed.concat(b.listed).slice(0, LISTED);
      at = b.next;
    }
    await ctx.db.update(disposalRuns).set({ finishedAt: ctx.clock.now() }).where(eq(disposalRuns.id, run.id));
  }
  return { runId: run.id, dryRun: input.dryRun, ...total, listed: listed.slice(0, LISTED), listedAll: total.cases <= LISTED };
}
