// The retention rules (one row per record type) and the log of dry runs and runs: read and change.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { disposalRecordTypeLabel, disposalRuleProblems, type DisposalRecordType } from './disposal-rules';
import { loadDisposalRules } from './disposal-repo';
import { disposalRules, disposalRuns } from './tables';
import type { disposalOverviewOut, disposalRuleBody } from './disposal-schema';

type Overview = z.infer<typeof disposalOverviewOut>;

/** The rules and the last 20 runs: configuration and counts, no personal data (so not a logged read). */
export function getDisposalOverview(ctx: UseCaseContext): Promise<Overview> {
  return readUseCase(ctx, async (tx) => {
    const rules = await loadDisposalRules(tx);
    const runs = await tx.select().from(disposalRuns).orderBy(desc(disposalRuns.startedAt)).limit(20);
    return {
      rules: Object.values(rules).map((r) => ({ ...r, label: disposalRecordTypeLabel[r.recordType] })),
      runs: runs.map((r) => ({
        id: r.id,
        dryRun: r.dryRun,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        ranByName: r.ranByName,
        batches: r.batches,
        cases: r.cases,
        persons: r.persons,
        auditPseudonymised: r.auditPseudonymised,
        keptBornOn: r.keptBornOn,
        keptLss: r.keptLss,
        keptPayroll: r.keptPayroll,
      })),
    };
  });
}

export function updateDisposalRule(ctx: UseCaseContext, recordType: DisposalRecordType, input: z.output<typeof disposalRuleBody>): Promise<Overview> {
  return writeUseCase(ctx, async (tx) => {
    const days = [...new Set(input.keepBornOnDays)].sort((a, b) => a - b);
    const [problem] = disposalRuleProblems({ yearsAfterLastEntry: input.yearsAfterLastEntry, keepBornOnDays: days });
    if (problem) throw fieldError(problem.path, problem.message);
    const { version, ...values } = input;
    const row = { ...values, keepBornOnDays: days };
    const current = (await loadDisposalRules(tx))[recordType];
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(current[k]));
    if (version === 0) {
      await tx.insert(disposalRules).values({ recordType, ...row });
    } else {
      const done = await tx
        .update(disposalRules)
        .set({ ...row, version: version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(disposalRules.recordType, recordType), eq(disposalRules.version, version)))
        .returning({ v: disposalRules.version });
      if (done.length === 0) throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(tx, ctx, { action: 'disposal.rule', entityType: 'disposal_rule', entityId: recordType, details: { fields: changed } });
  }).then(() => getDisposalOverview(ctx));
}
