// HTTP schemas of the IVO report (issue 13 item 1), shared with the web page through schema.ts.
import { z } from 'zod';
import { dateString, optionalText, typeError, uuid, version } from '../platform/validation';
import { EXTRA_REASONS } from './ivo-rules';

export const quarterString = z
  .string({ error: typeError('Välj ett kvartal.', 'Skriv kvartalet som ÅÅÅÅ-Qn, till exempel 2026-Q2.') })
  .regex(/^\d{4}-Q[1-4]$/, { message: 'Skriv kvartalet som ÅÅÅÅ-Qn, till exempel 2026-Q2.' })
  .refine((q) => q >= '2000-Q1' && q <= '2099-Q4', { message: 'Välj ett kvartal mellan 2000 och 2099.' });

export const ivoQuarterParams = z.object({ quarter: quarterString });
export const ivoQuarterQuery = z.object({ unitId: uuid.optional() });
export const ivoReportParams = z.object({ id: uuid });

export const ivoReportBody = z.object({
  consequences: optionalText(4000, 'Konsekvenserna', { multiline: true }),
  interimSupport: optionalText(2000, 'Insatserna under väntetiden', { multiline: true }),
  extraReason: z.enum(EXTRA_REASONS, { error: 'Välj en orsak i listan.' }).nullish().transform((v) => v ?? null),
  version,
});
export type IvoReportBody = z.input<typeof ivoReportBody>;

export const ivoSubmitBody = z.object({ submittedDate: dateString, version });
export type IvoSubmitBody = z.input<typeof ivoSubmitBody>;

export const ivoSheetOut = z.object({
  id: z.string(),
  version: z.number(),
  /** The series (decision + kind + since) the report belongs to, the same in every quarter. */
  seriesId: z.string(),
  round: z.enum(['first', 'follow_up']),
  roundLabel: z.string(),
  kind: z.enum(['beslut', 'avbrott']),
  caseId: z.string(),
  caseNumber: z.string(),
  decisionId: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    /** Personnummer, or the stand-in (ÅÅÅÅMMDD-T123) for a person without one. */
    idNumber: z.string().nullable(),
    idNumberKind: z.enum(['personnummer', 'stand_in']),
    /** Why there is no stand-in (the person's sex or birth date is missing). */
    idNumberProblem: z.string().nullable(),
    protectedIdentity: z.boolean(),
  }),
  responsible: z.string(),
  insats: z.string(),
  legalBasis: z.string(),
  decisionDate: z.string(),
  interruptionDate: z.string().nullable(),
  executedDate: z.string().nullable(),
  endedDate: z.string().nullable(),
  endedReason: z.string().nullable(),
  partlyExecuted: z.string().nullable(),
  reasons: z.array(z.string()),
  freeText: z.string(),
  consequences: z.string().nullable(),
  // Absent in quarters frozen before the field existed.
  interimSupport: z.string().nullish(),
  extraReason: z.enum(EXTRA_REASONS).nullable(),
  submittedDate: z.string().nullable(),
  daysSince: z.number(),
});
export type IvoSheetOut = z.infer<typeof ivoSheetOut>;

export const ivoQuarterOut = z.object({
  quarter: z.string(),
  first: z.string(),
  last: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  reports: z.array(ivoSheetOut),
  frozen: z.object({ at: z.string(), sha256: z.string() }).nullable(),
  /** Earlier quarters of the unit and how far each came. */
  history: z.array(z.object({ quarter: z.string(), reports: z.number(), submitted: z.number(), frozen: z.boolean() })),
  abilities: z.object({ canEdit: z.boolean(), canSubmit: z.boolean() }),
});
export type IvoQuarterOut = z.infer<typeof ivoQuarterOut>;

export const ivoReportOut = z.object({ id: z.string(), version: z.number(), frozen: z.boolean() });
