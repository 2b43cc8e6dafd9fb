// HTTP schemas for the genomförandeplan, the anställningsuppgifter (payroll notice) and the contact log with contact
// persons, shared with the web forms. (In a folder of its own so that it is a `schema.ts` the web may import, beside
// the assignments stage's own schema.ts.)
import { z } from 'zod';
import { dateString, int4, optionalText, requiredText, uuid, version } from '../../platform/validation';
import { CONTACT_KINDS } from '../rules';

// ---- Genomförandeplan -----------------------------------------------------------------------------

export const orderIdParams = z.object({ orderId: uuid });
export const planVersionParams = z.object({ orderId: uuid, planVersion: z.coerce.number({ error: 'Versionen ska vara ett heltal.' }).int().min(1).max(100000) });

const planGoal = z.object({
  goal: requiredText(500, 'Målet', { multiline: true }),
  /** What in the decision the goal comes from (its words). */
  fromDecision: optionalText(500, 'Kopplingen till beslutet', { multiline: true }),
});

export const savePlanBody = z.object({
  /** The version the writer started from (0 when there was none): a newer one saved meanwhile is a 409. */
  basedOnVersion: int4({ min: 0, max: 100000 }),
  goals: z.array(planGoal, { error: 'Skriv minst ett mål.' }).min(1, { message: 'Skriv minst ett mål.' }).max(20, { message: 'Skriv högst 20 mål.' }),
  activities: optionalText(4000, 'Aktiviteterna', { multiline: true }),
  schedule: optionalText(2000, 'Hur ofta och när', { multiline: true }),
  personWishes: optionalText(4000, 'Hur personen vill ha det', { multiline: true }),
  followUpHow: optionalText(2000, 'Hur planen följs upp', { multiline: true }),
  followUpDate: dateString.nullish().transform((v) => v ?? null),
  writtenDate: dateString,
});

export const planOut = z.object({
  planVersion: z.number(),
  goals: z.array(z.object({ goal: z.string(), fromDecision: z.string().nullable() })),
  activities: z.string().nullable(),
  schedule: z.string().nullable(),
  personWishes: z.string().nullable(),
  followUpHow: z.string().nullable(),
  followUpDate: z.string().nullable(),
  writtenDate: z.string(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
});
export type PlanOut = z.infer<typeof planOut>;

export const planPageOut = z.object({
  order: z.object({ id: z.string(), caseNumber: z.string() }),
  person: z.object({ name: z.string() }),
  /** What the goals are linked to: the decision's scope and reasons. */
  decision: z.object({
    id: z.string(),
    decisionDate: z.string(),
    legalBasis: z.string(),
    scope: z.string().nullable(),
    reasons: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
  current: planOut.nullable(),
  versions: z.array(z.object({ planVersion: z.number(), writtenDate: z.string(), savedAt: z.string(), savedBy: z.string().nullable() })),
  abilities: z.object({ canWrite: z.boolean() }),
});
export type PlanPageOut = z.infer<typeof planPageOut>;

// ---- Anställningsuppgifter (payroll notice) -------------------------------------------------------

export const assignmentIdParams = z.object({ id: uuid });
export const sendPayrollNoticeBody = z.object({ version, sentDate: dateString });
export const noticeListQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.' })
    .optional(),
});

export const payrollNoticeOut = z.object({
  assignmentId: z.string(),
  sentDate: z.string(),
  /** The person's case number: payroll never gets the person's name or anything of the case. */
  caseNumber: z.string(),
  providerUnit: z.string(),
  contactPerson: z.object({
    id: z.string(),
    name: z.string(),
    identityNumber: z.string(),
    streetAddress: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
  }),
  /** Bank and tax details: only for a reader with contact-person:payment (lön); null otherwise or when none. */
  payment: z
    .object({ bankName: z.string(), clearingNumber: z.string(), accountNumber: z.string(), taxTable: z.number().nullable(), taxColumn: z.number().nullable() })
    .nullable(),
  paymentShown: z.boolean(),
  level: z.object({ code: z.string(), name: z.string(), year: z.number() }),
  /** öre per full month, from the rate table of the start date's year */
  arvode: z.number(),
  omkostnad: z.number(),
  startDate: z.string(),
  periodTo: z.string().nullable(),
  meetingsPerMonth: z.number().nullable(),
});
export type PayrollNoticeOut = z.infer<typeof payrollNoticeOut>;
export const payrollNoticeListOut = z.object({ items: z.array(payrollNoticeOut), month: z.string().nullable() });

export const sentPayrollNoticeOut = z.object({ assignmentId: z.string(), payrollNoticeDate: z.string(), version: z.number() });

// ---- Contact log ---------------------------------------------------------------------------------

export const cpIdParams = z.object({ id: uuid });

export const contactLogBody = z.object({
  date: dateString,
  kind: z.enum(CONTACT_KINDS, { error: 'Välj hur ni hade kontakt.' }),
  note: optionalText(2000, 'Anteckningen', { multiline: true }),
  assignmentId: uuid.nullish().transform((v) => v ?? null),
});

export const contactEntryOut = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(CONTACT_KINDS),
  kindLabel: z.string(),
  note: z.string().nullable(),
  assignmentId: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const contactLogOut = z.object({
  items: z.array(contactEntryOut),
  /** The contact person's assignments in the reader's scope: the person's first name only. */
  assignments: z.array(
    z.object({
      id: z.string(),
      /** The order the assignment executes: its genomförandeplan is reached through it. */
      orderId: z.string(),
      personFirstName: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      rateLevel: z.string(),
      stateLabel: z.string(),
      /** The day the anställningsuppgifter went to payroll, if they have. */
      payrollNoticeDate: z.string().nullable(),
      canSendPayrollNotice: z.boolean(),
      version: z.number(),
    }),
  ),
  lastContactDate: z.string().nullable(),
  canRecord: z.boolean(),
});
export type ContactLogOut = z.infer<typeof contactLogOut>;
