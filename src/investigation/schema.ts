// HTTP schemas of the investigation (booking, the form, completing it), shared with the web forms.
import { z } from 'zod';
import { dateString, int4, optionalText, requiredText, safeString, typeError, uuid, version } from '../platform/validation';
import {
  BOOKING_KINDS,
  BOOKING_STATES,
  ELIGIBILITY_WARNING_CODES,
  LIVING_SITUATIONS,
  OTHER_SOURCES,
  SOURCE_ANSWERS,
  TIME_PATTERN,
  WISHED_GENDERS,
  type EligibilityWarningCode,
  type OtherSource,
} from './rules';

export const bookingParams = z.object({ id: uuid, bookingId: uuid });

const bookingFields = {
  kind: z.enum(BOOKING_KINDS, { error: 'Välj besök på kontoret, hembesök eller telefon.' }),
  date: dateString,
  time: safeString({ error: 'Skriv tiden som TT:MM, till exempel 09:30.' }).trim().regex(TIME_PATTERN, { message: 'Skriv tiden som TT:MM, till exempel 09:30.' }),
  durationMinutes: int4({ min: 5, max: 600 }).default(60),
  place: optionalText(300, 'Platsen'),
  personTakesPart: z.boolean().default(true),
  representative: optionalText(200, 'Företrädaren'),
  interpreterLanguage: optionalText(100, 'Språket'),
  otherParticipants: optionalText(500, 'Övriga deltagare'),
};

export const bookBody = z.object(bookingFields);
export const rebookBody = z.object({ version, ...bookingFields, changeReason: optionalText(500, 'Orsaken') });
export const cancelBookingBody = z.object({ version, changeReason: optionalText(500, 'Orsaken') });
export const bookingHeldBody = z.object({ version });

const sourceAnswer = z.object({ answer: z.enum(SOURCE_ANSWERS, { error: 'Välj ja, delvis eller nej.' }), note: optionalText(1000, 'Kommentaren', { multiline: true }) });
const criterionAnswer = z.object({ answer: z.enum(['yes', 'no'], { error: 'Välj ja eller nej.' }), note: optionalText(1000, 'Kommentaren', { multiline: true }) });
const householdMember = z.object({
  name: requiredText(200, 'Namnet'),
  relation: optionalText(100, 'Relationen'),
  identityNumber: optionalText(20, 'Personnumret'),
});
const code = safeString().trim().min(1).max(50);
const listOfWords = (label: string) => z.array(requiredText(100, label)).max(20, { message: 'Skriv högst 20.' }).default([]);

/** The whole form, saved as a draft (every field may be empty until the investigation is completed). */
export const investigationBody = z.object({
  /** The version the form was read at; null when no investigation exists yet (the first save creates it). */
  version: version.nullish(),
  needInOwnWords: optionalText(5000, 'Behovet', { multiline: true }),
  assessment: optionalText(5000, 'Bedömningen', { multiline: true }),
  otherSources: z
    .object(Object.fromEntries(OTHER_SOURCES.map((s) => [s, sourceAnswer.nullish()])) as Record<OtherSource, z.ZodOptional<z.ZodNullable<typeof sourceAnswer>>>, {
      error: typeError('Svaren på frågorna om annat stöd saknas.', 'Svaren på frågorna om annat stöd har fel form.'),
    })
    .default({}),
  livingSituation: z.enum(LIVING_SITUATIONS, { error: 'Välj ett av boendena.' }).nullish(),
  livingSituationNote: optionalText(1000, 'Kommentaren', { multiline: true }),
  residenceName: optionalText(200, 'Boendets namn'),
  householdMembers: z.array(householdMember).max(20, { message: 'Skriv högst 20 personer.' }).default([]),
  personkretsGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  personkretsDocumentation: optionalText(1000, 'Underlaget', { multiline: true }),
  personkretsDocumentationDate: dateString.nullish(),
  solCriteria: z.record(code, criterionAnswer, { error: typeError('Svaren på kriterierna saknas.', 'Svaren på kriterierna har fel form.') }).default({}),
  solExclusions: z.array(code).max(20).default([]),
  wishedGender: z.enum(WISHED_GENDERS, { error: 'Välj kvinna, man eller spelar ingen roll.' }).nullish(),
  wishedGenderRequired: z.boolean().default(false),
  wishedAgeMin: int4({ min: 15, max: 100 }).nullish(),
  wishedAgeMax: int4({ min: 15, max: 100 }).nullish(),
  wishedInterests: listOfWords('Intresset'),
  wishedLanguages: listOfWords('Språket'),
  wishesOther: optionalText(1000, 'Önskemålen', { multiline: true }),
  warningReasons: z
    .object(Object.fromEntries(ELIGIBILITY_WARNING_CODES.map((c) => [c, optionalText(2000, 'Motiveringen', { multiline: true })])) as Record<EligibilityWarningCode, ReturnType<typeof optionalText>>, {
      error: typeError('Motiveringarna saknas.', 'Motiveringarna har fel form. Skriv dem som text.'),
    })
    .partial()
    .default({}),
});
export type InvestigationInput = z.output<typeof investigationBody>;

export const completeBody = z.object({ version });

// ---- Answers ------------------------------------------------------------------------------------------------

export const bookingOut = z.object({
  id: z.string(),
  kind: z.enum(BOOKING_KINDS),
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number(),
  place: z.string().nullable(),
  personTakesPart: z.boolean(),
  representative: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  otherParticipants: z.string().nullable(),
  state: z.enum(BOOKING_STATES),
  replacedById: z.string().nullable(),
  changeReason: z.string().nullable(),
  bookedBy: z.string().nullable(),
  version: z.number(),
});
export type BookingOut = z.infer<typeof bookingOut>;

const item = z.object({ code: z.string(), label: z.string() });
const nullableSourceAnswer = z.object({ answer: z.enum(SOURCE_ANSWERS), note: z.string().nullish() });

export const investigationFormOut = z.object({
  needInOwnWords: z.string().nullable(),
  assessment: z.string().nullable(),
  otherSources: z.record(z.string(), nullableSourceAnswer),
  livingSituation: z.enum(LIVING_SITUATIONS).nullable(),
  livingSituationNote: z.string().nullable(),
  residenceName: z.string().nullable(),
  householdMembers: z.array(z.object({ name: z.string(), relation: z.string().nullish(), identityNumber: z.string().nullish() })),
  personkretsGroup: z.number().nullable(),
  personkretsDocumentation: z.string().nullable(),
  personkretsDocumentationDate: z.string().nullable(),
  solCriteria: z.record(z.string(), z.object({ answer: z.enum(['yes', 'no']), note: z.string().nullish() })),
  solExclusions: z.array(z.string()),
  wishedGender: z.enum(WISHED_GENDERS).nullable(),
  wishedGenderRequired: z.boolean(),
  wishedAgeMin: z.number().nullable(),
  wishedAgeMax: z.number().nullable(),
  wishedInterests: z.array(z.string()),
  wishedLanguages: z.array(z.string()),
  wishesOther: z.string().nullable(),
  warningReasons: z.record(z.string(), z.string()),
});
export type InvestigationFormOut = z.infer<typeof investigationFormOut>;

export const investigationOut = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  route: z.enum(['LSS', 'SOL']),
  personName: z.string(),
  /** An investigation row exists (the case is "under utredning"). */
  exists: z.boolean(),
  startedDate: z.string().nullable(),
  completedDate: z.string().nullable(),
  /** Null while no investigation exists: the first save sends version null. */
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
  form: investigationFormOut,
  bookings: z.array(bookingOut),
  warnings: z.array(z.object({ code: z.enum(ELIGIBILITY_WARNING_CODES), message: z.string() })),
  unansweredSources: z.array(z.enum(OTHER_SOURCES)),
  missingReasons: z.array(z.enum(ELIGIBILITY_WARNING_CODES)),
  /** The municipality's configured lists (settings, else the defaults). */
  solCriteria: z.array(item),
  solExclusions: z.array(item),
  /** Phone is allowed (isPersonKnown in rules.ts). */
  personKnown: z.boolean(),
  abilities: z.object({ canBook: z.boolean(), canEdit: z.boolean(), canComplete: z.boolean() }),
});
export type InvestigationOut = z.infer<typeof investigationOut>;
