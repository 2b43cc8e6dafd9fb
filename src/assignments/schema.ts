// HTTP schemas for execution: the person's answer to an offer, closing it, the matchningsmöte and its outcome, the
// assignment (agreement, signatures, förordnande, verkställ, avbrott, end). Shared with the web forms.
import { z } from 'zod';
import { dateString, int4, optionalText, requiredText, uuid, version } from '../platform/validation';
import { ASSIGNMENT_END_REASONS, MEETING_OUTCOMES } from './rules';

export const offerIdParams = z.object({ id: uuid });
export const orderOffersParams = z.object({ orderId: uuid });
export const meetingParams = z.object({ id: uuid, meetingId: uuid });
export const assignmentIdParams = z.object({ id: uuid });

const note = optionalText(2000, 'Anteckningen', { multiline: true });

export const answerOfferBody = z.object({
  version,
  response: z.enum(['accepted', 'declined'], { error: 'Välj om personen tackade ja eller nej.' }),
  responseDate: dateString,
  note,
});

export const closeOfferBody = z.object({
  version,
  reason: z.enum(['withdrawn', 'contact_person_declined'], { error: 'Välj varför erbjudandet avslutas.' }),
  closedDate: dateString,
  note,
});

export const bookMeetingBody = z.object({
  version,
  date: dateString,
  time: requiredText(5, 'Tiden'),
  place: requiredText(200, 'Platsen'),
  participants: optionalText(500, 'Deltagarna', { multiline: true }),
  /** Rebooking: why the earlier meeting was moved (required then). */
  cancelReason: optionalText(500, 'Skälet till ombokningen'),
});

export const meetingOutcomeBody = z.object({
  version,
  outcome: z.enum(MEETING_OUTCOMES, { error: 'Välj utfallet av mötet.' }),
  outcomeDate: dateString,
  note,
});

const terms = {
  rateLevel: requiredText(40, 'Arvodesnivån'),
  meetingsPerMonth: int4({ min: 0, max: 100 }).nullish(),
  frequencyText: optionalText(300, 'Hur ofta ni ses'),
  activities: optionalText(2000, 'Aktiviteterna', { multiline: true }),
  periodFrom: dateString,
  periodTo: dateString.nullish(),
  agreementDate: dateString,
};
export const createAssignmentBody = z.object({ version, ...terms });
export const agreementBody = z.object({ version, ...terms });

export const signBody = z.object({ version, personSignedDate: dateString.nullish(), contactPersonSignedDate: dateString.nullish() });
export const appointBody = z.object({ version, appointedDate: dateString });
export const startBody = z.object({ version, startDate: dateString });
export const interruptBody = z.object({ version, fromDate: dateString, reason: requiredText(500, 'Skälet') });
export const resumeBody = z.object({ version, resumedDate: dateString });
export const endBody = z.object({
  version,
  endDate: dateString,
  reason: z.enum(ASSIGNMENT_END_REASONS, { error: 'Välj varför uppdraget avslutas.' }),
  note,
});

const interruptionOut = z.object({ id: z.string(), fromDate: z.string(), reason: z.string(), resumedDate: z.string().nullable() });

/** An assignment as the coordinator sees it in a list (the order page). */
export const assignmentSummaryOut = z.object({
  id: z.string(),
  phase: z.string(),
  phaseLabel: z.string(),
  rateLevel: z.string(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  endReasonLabel: z.string().nullable(),
});

const meetingOut = z.object({
  id: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  participants: z.string().nullable(),
  outcome: z.enum(MEETING_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeDate: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
});

export const offerOut = z.object({
  id: z.string(),
  contactPerson: z.object({ id: z.string(), name: z.string() }),
  offeredDate: z.string(),
  response: z.enum(['pending', 'accepted', 'declined']),
  responseLabel: z.string(),
  responseDate: z.string().nullable(),
  responseNote: z.string().nullable(),
  closedDate: z.string().nullable(),
  closedReasonLabel: z.string().nullable(),
  closedNote: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  meetings: z.array(meetingOut),
  assignment: assignmentSummaryOut.nullable(),
  version: z.number(),
  abilities: z.object({ canAnswer: z.boolean(), canClose: z.boolean(), canBook: z.boolean(), canRecordOutcome: z.boolean(), canCreateAssignment: z.boolean() }),
});
export type OfferOut = z.infer<typeof offerOut>;

const rateLevelOut = z.object({ code: z.string(), name: z.string(), arvode: z.number(), omkostnad: z.number(), arvodeText: z.string(), omkostnadText: z.string() });

/** The order's offers and assignments (the "Matchning och uppdrag" section of the order page). */
export const orderOffersOut = z.object({
  orderId: z.string(),
  caseNumber: z.string(),
  personName: z.string(),
  decision: z.object({ id: z.string(), contactPersonCount: z.number().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable(), level: z.string().nullable() }),
  /** "Delvis verkställt (1 av 2)", "Verkställt", or null before anyone started. */
  progressLabel: z.string().nullable(),
  /** Places still without a contact person (a replacement after an end is matched under the same decision). */
  openPlaces: z.number(),
  offers: z.array(offerOut),
  rateLevels: z.array(rateLevelOut),
  defaultRateLevel: z.string().nullable(),
});
export type OrderOffersOut = z.infer<typeof orderOffersOut>;

export const assignmentOut = assignmentSummaryOut.extend({
  offerId: z.string(),
  orderId: z.string(),
  caseNumber: z.string(),
  person: z.object({ name: z.string() }),
  contactPerson: z.object({ id: z.string(), name: z.string() }),
  decision: z.object({ contactPersonCount: z.number().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable(), legalBasis: z.string() }),
  rateLevelName: z.string().nullable(),
  /** The amounts per full month in force on the period's start (from the rate table). */
  amounts: z.object({ arvode: z.string(), omkostnad: z.string() }).nullable(),
  meetingsPerMonth: z.number().nullable(),
  frequencyText: z.string().nullable(),
  activities: z.string().nullable(),
  agreementDate: z.string().nullable(),
  personSignedDate: z.string().nullable(),
  contactPersonSignedDate: z.string().nullable(),
  appointedDate: z.string().nullable(),
  payrollNoticeDate: z.string().nullable(),
  endReason: z.enum(ASSIGNMENT_END_REASONS).nullable(),
  endNote: z.string().nullable(),
  endsDecision: z.boolean().nullable(),
  interruptions: z.array(interruptionOut),
  progressLabel: z.string().nullable(),
  rateLevels: z.array(rateLevelOut),
  version: z.number(),
  abilities: z.object({
    canEditAgreement: z.boolean(),
    canSign: z.boolean(),
    canAppoint: z.boolean(),
    canStart: z.boolean(),
    canInterrupt: z.boolean(),
    canResume: z.boolean(),
    canEnd: z.boolean(),
  }),
});
export type AssignmentOut = z.infer<typeof assignmentOut>;

/** The execution as the handläggare sees it on the case page: the contact person's first name, start, avbrott, end. */
export const caseExecutionOut = z.object({
  progressLabel: z.string().nullable(),
  assignments: z.array(
    z.object({
      id: z.string(),
      contactPersonFirstName: z.string(),
      phaseLabel: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      endReasonLabel: z.string().nullable(),
      interruptions: z.array(z.object({ fromDate: z.string(), resumedDate: z.string().nullable() })),
    }),
  ),
});
export type CaseExecutionOut = z.infer<typeof caseExecutionOut>;
