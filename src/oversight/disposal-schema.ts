// Disposal (gallring): the rules' form, the run, the log of runs. Shared with the web page.
import { z } from 'zod';
import { int4 } from '../platform/validation';
import { DISPOSAL_RECORD_TYPES } from './disposal-rules';

export const disposalRunBody = z.object({ dryRun: z.boolean({ error: 'Välj provkörning eller gallring.' }) });

const counts = {
  batches: z.number(),
  cases: z.number(),
  persons: z.number(),
  auditPseudonymised: z.number(),
  keptBornOn: z.number(),
  keptLss: z.number(),
  keptPayroll: z.number(),
};

export const disposalRunOut = z.object({
  runId: z.string(),
  dryRun: z.boolean(),
  ...counts,
  /** The cases that go (case number and dates only, never a name), at most 200; `listedAll` says whether that is all. */
  listed: z.array(z.object({ kind: z.enum(DISPOSAL_RECORD_TYPES), caseNumber: z.string(), lastEntry: z.string(), dueBy: z.string() })),
  listedAll: z.boolean(),
});
export type DisposalRunOut = z.infer<typeof disposalRunOut>;

export const disposalRuleOut = z.object({
  recordType: z.enum(DISPOSAL_RECORD_TYPES),
  label: z.string(),
  active: z.boolean(),
  yearsAfterLastEntry: z.number(),
  keepBornOnDays: z.array(z.number()),
  keepLssDecisions: z.boolean(),
  pseudonymiseAudit: z.boolean(),
  version: z.number(),
});
export const disposalOverviewOut = z.object({
  rules: z.array(disposalRuleOut),
  runs: z.array(
    z.object({
      id: z.string(),
      dryRun: z.boolean(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      ranByName: z.string(),
      ...counts,
    }),
  ),
});

export const disposalRuleParams = z.object({ recordType: z.enum(DISPOSAL_RECORD_TYPES, { error: 'Okänd sorts uppgifter.' }) });
export const disposalRuleBody = z.object({
  active: z.boolean(),
  yearsAfterLastEntry: int4({ min: 1, max: 100 }),
  keepBornOnDays: z.array(int4({ min: 1, max: 31 })).max(31, { message: 'Högst 31 dagar.' }),
  keepLssDecisions: z.boolean(),
  pseudonymiseAudit: z.boolean(),
  version: int4({ min: 0 }),
});
