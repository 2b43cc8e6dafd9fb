// HTTP schemas of the portal (the contact person's own assignments and monthly reports) and of the coordinator's
// approval queue, shared with the web forms.
import { z } from 'zod';
import { dateString, int4, INT4_MAX, optionalText, requiredText, typeError, uuid, version } from '../platform/validation';
import { CANCELLED_BY, expenseAmountProblem, isMonth, MAX_MEETING_MINUTES, MAX_REPORT_LINES, REPORT_STATUSES } from './rules';

export const assignmentIdParams = z.object({ id: uuid });
export const reportIdParams = z.object({ id: uuid });
export const receiptParams = z.object({ id: uuid, receiptId: uuid });

export const monthString = z
  .string({ error: typeError('Ange månaden.', 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.') })
  .refine(isMonth, { message: 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.' });

export const openReportBody = z.object({ month: monthString });

const meetingLine = z.object({
  date: dateString,
  minutes: z
    .number({ error: typeError('Ange hur många minuter ni träffades.', 'Skriv minuterna som ett heltal.') })
    .int({ message: 'Skriv minuterna som ett heltal.' })
    .min(1, { message: 'Ange hur många minuter ni träffades (minst 1).' })
    .max(MAX_MEETING_MINUTES, { message: 'En träff kan vara högst 24 timmar (1 440 minuter).' }),
  activity: requiredText(300, 'Vad ni gjorde'),
});
const cancellationLine = z.object({
  date: dateString,
  cancelledBy: z.enum(CANCELLED_BY, { error: 'Välj vem som ställde in.' }),
  note: optionalText(300, 'Kommentaren'),
});
const expenseLine = z.object({
  amountOre: z
    .number({ error: typeError('Ange beloppet.', 'Skriv beloppet i kronor.') })
    .int({ message: 'Skriv beloppet i kronor, med högst två decimaler.' })
    .min(-INT4_MAX)
    .max(INT4_MAX)
    .check((ctx) => {
      const problem = expenseAmountProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  description: requiredText(300, 'Vad utgiften gällde'),
  receiptId: uuid.nullish().transform((v) => v ?? null),
});
const lines = (label: string) => ({ error: `${label} ska vara en lista.` });

/** Save the report (draft), or submit it (with the attestation). */
export const saveReportBody = z.object({
  version,
  meetings: z.array(meetingLine, lines('Träffarna')).max(MAX_REPORT_LINES, { message: `Högst ${MAX_REPORT_LINES} träffar i en rapport.` }),
  cancellations: z.array(cancellationLine, lines('De inställda träffarna')).max(MAX_REPORT_LINES, { message: `Högst ${MAX_REPORT_LINES} inställda träffar i en rapport.` }),
  expenses: z.array(expenseLine, lines('Utgifterna')).max(30, { message: 'Högst 30 utgifter i en rapport.' }),
  message: optionalText(4000, 'Meddelandet', { multiline: true }),
  submit: z.boolean({ error: 'Ange om rapporten ska skickas in.' }),
  attest: z.boolean({ error: 'Kryssa i rutan om du intygar att uppgifterna är riktiga.' }).optional(),
});

export const approveReportBody = z.object({
  version,
  /** Why the meetings deviate from the agreement (when they do). */
  deviationNote: optionalText(2000, 'Kommentaren om avvikelsen', { multiline: true }),
});
export const returnReportBody = z.object({
  version,
  comment: requiredText(2000, 'Kommentaren till kontaktpersonen', { multiline: true }),
});

export const portalSettingsBody = z.object({
  version,
  reportDueDay: int4({ min: 1, max: 28 }),
});
export const portalSettingsOut = z.object({ reportDueDay: z.number(), version: z.number() });

// ---- What the API answers ------------------------------------------------------------------------

const dueOut = z.object({ assignmentId: z.string(), month: z.string(), monthLabel: z.string(), deadline: z.string(), overdue: z.boolean(), status: z.enum(['none', 'draft', 'returned']), text: z.string() });

const portalAssignmentSummary = z.object({
  id: z.string(),
  personFirstName: z.string(),
  phaseLabel: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const portalStartOut = z.object({
  firstName: z.string(),
  assignments: z.array(portalAssignmentSummary),
  reminders: z.array(dueOut.extend({ personFirstName: z.string() })),
});
export type PortalStartOut = z.infer<typeof portalStartOut>;

const reportSummary = z.object({
  id: z.string(),
  month: z.string(),
  monthLabel: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  deadline: z.string(),
  late: z.boolean(),
});

export const portalAssignmentOut = z.object({
  id: z.string(),
  personFirstName: z.string(),
  /** How to reach the person; null when the person has protected identity (then `via`). */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  /** Protected identity: contact only through the coordinator. */
  via: z.string().nullable(),
  coordinator: z.object({ name: z.string().nullable(), unitName: z.string() }),
  phaseLabel: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  meetingsPerMonth: z.number().nullable(),
  frequencyText: z.string().nullable(),
  activities: z.string().nullable(),
  goals: z.array(z.string()),
  reports: z.array(reportSummary),
  /** Months that can be reported now, newest first, each with the report if one exists. */
  reportableMonths: z.array(z.object({ month: z.string(), monthLabel: z.string(), reportId: z.string().nullable() })),
});
export type PortalAssignmentOut = z.infer<typeof portalAssignmentOut>;

const receiptOut = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() });
export type ReceiptOut = z.infer<typeof receiptOut>;

export const reportOut = z.object({
  id: z.string(),
  version: z.number(),
  assignmentId: z.string(),
  month: z.string(),
  monthLabel: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  personFirstName: z.string(),
  contactPersonName: z.string(),
  deadline: z.string(),
  late: z.boolean(),
  firstDay: z.string(),
  lastDay: z.string(),
  meetings: z.array(z.object({ date: z.string(), minutes: z.number(), activity: z.string() })),
  cancellations: z.array(z.object({ date: z.string(), cancelledBy: z.enum(CANCELLED_BY), cancelledByLabel: z.string(), note: z.string().nullable() })),
  expenses: z.array(z.object({ amountOre: z.number(), amountText: z.string(), description: z.string(), receiptId: z.string().nullable() })),
  receipts: z.array(receiptOut),
  message: z.string().nullable(),
  totals: z.object({ meetings: z.number(), minutes: z.number(), cancellations: z.number(), expensesOre: z.number(), expensesText: z.string() }),
  agreed: z.object({ meetingsPerMonth: z.number().nullable(), expected: z.number().nullable(), runningDays: z.number() }),
  deviation: z.enum(['fewer', 'more']).nullable(),
  deviationLabel: z.string().nullable(),
  deviationNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  returnedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  abilities: z.object({ canEdit: z.boolean(), canReview: z.boolean() }),
});
export type ReportOut = z.infer<typeof reportOut>;

export const reportQueueOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      month: z.string(),
      monthLabel: z.string(),
      contactPersonName: z.string(),
      personFirstName: z.string(),
      submittedAt: z.string().nullable(),
      late: z.boolean(),
      meetings: z.number(),
      expected: z.number().nullable(),
      expensesText: z.string(),
      deviation: z.enum(['fewer', 'more']).nullable(),
      deviationLabel: z.string().nullable(),
    }),
  ),
});
export type ReportQueueOut = z.infer<typeof reportQueueOut>;

export const dueReportsOut = z.object({
  items: z.array(dueOut.extend({ contactPersonId: z.string(), contactPersonName: z.string(), personFirstName: z.string() })),
});
export type DueReportsOut = z.infer<typeof dueReportsOut>;

export const receiptUploadOut = receiptOut;
