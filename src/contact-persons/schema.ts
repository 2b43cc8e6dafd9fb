// HTTP schemas of the contact-person register, shared with the web forms (the public page too).
import { z } from 'zod';
import { dateString, int4, optionalEmail, optionalPhone, optionalPostalCode, optionalText, paging, requiredText, safeString, uuid, version } from '../platform/validation';
import {
  ACTIVITIES,
  AGE_GROUPS,
  AVAILABILITY_SLOTS,
  CP_STATUSES,
  REFERENCE_OUTCOMES,
  REGISTERS,
  REQUIREMENT_KINDS,
  REQUIREMENT_STATES,
  TRAVEL_MEANS,
  type StepKind,
} from './rules';

export const cpIdParams = z.object({ id: uuid });
export const cpReferenceParams = z.object({ id: uuid, referenceId: uuid });

const codeList = (max: number) => z.array(safeString().trim().min(1).max(60), { error: 'Här ska det vara en lista.' }).max(max);
const enumList = <T extends readonly [string, ...string[]]>(values: T, max = 10) => z.array(z.enum(values, { error: 'Välj ett av alternativen.' })).max(max);

/** What the applicant tells about themselves (the public form) — also the profile the coordinator edits. */
export const profileFields = {
  email: optionalEmail,
  phone: optionalPhone,
  streetAddress: optionalText(200, 'Adressen'),
  postalCode: optionalPostalCode,
  city: optionalText(100, 'Orten'),
  districtId: uuid.nullish(),
  motivation: optionalText(4000, 'Texten', { multiline: true }),
  interests: codeList(30).default([]),
  interestsOther: optionalText(1000, 'Texten', { multiline: true }),
  languages: codeList(20).default([]),
  travel: enumList(TRAVEL_MEANS).default([]),
  availability: enumList(AVAILABILITY_SLOTS).default([]),
  capacity: int4({ min: 0, max: 20 }).default(1),
  ageGroups: enumList(AGE_GROUPS).default([]),
  preferredGender: optionalText(100, 'Texten'),
  comfortableWith: optionalText(1000, 'Texten', { multiline: true }),
  pets: z.boolean().nullish(),
  smokes: z.boolean().nullish(),
  allergies: optionalText(500, 'Texten', { multiline: true }),
  experience: optionalText(4000, 'Texten', { multiline: true }),
  workplace: optionalText(200, 'Arbetsplatsen'),
};

export const PRIVACY_NOTICE = [
  'Vi sparar det du skriver i formuläret: namn, personnummer, kontaktuppgifter, adress och det du berättar om dig själv.',
  'Vi använder uppgifterna för att utreda om du kan bli kontaktperson och, om du blir det, för att hitta ett passande uppdrag.',
  'Bara kontaktsekreterarna ser uppgifterna. Varje gång någon läser eller ändrar dem loggas det.',
  'Om du inte blir kontaktperson, eller tar tillbaka din ansökan, tar vi bort uppgifterna efter sex månader.',
  'Du har rätt att få veta vilka uppgifter vi har om dig och att få fel rättade.',
];

/** The public application (no login). `website` is a honeypot a person never sees; `formToken` comes from the GET. */
export const applicationBody = z.object({
  formToken: safeString({ error: 'Ladda om sidan och fyll i formuläret igen.' }).max(200),
  website: safeString().max(200).optional(),
  firstName: requiredText(100, 'Förnamnet'),
  lastName: requiredText(100, 'Efternamnet'),
  identityNumber: requiredText(20, 'Personnumret'),
  ...profileFields,
  privacyAccepted: z
    .boolean({ error: 'Du måste godkänna hur vi hanterar dina uppgifter för att kunna skicka ansökan.' })
    .refine((v) => v, { message: 'Du måste godkänna hur vi hanterar dina uppgifter för att kunna skicka ansökan.' }),
});
export type ApplicationBody = z.output<typeof applicationBody>;

export const applicationFormOut = z.object({
  formToken: z.string(),
  municipalityName: z.string(),
  privacyInfo: z.string().nullable(),
  interests: z.array(z.object({ code: z.string(), label: z.string() })),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const applicationReceivedOut = z.object({ received: z.literal(true), nextSteps: z.array(z.string()) });

export const NEXT_STEPS = [
  'Vi har tagit emot din ansökan. En kontaktsekreterare hör av sig till dig, oftast inom två veckor.',
  'Vi bokar ett samtal där vi lär känna dig. Ta med id-handling.',
  'Vi ber om två referenser, till exempel en tidigare arbetsgivare.',
  'Om uppdraget gäller barn behöver du visa ett utdrag ur polisens belastningsregister. Du beställer det själv hos Polisen.',
  'Du skriver under en tystnadsförbindelse och får en introduktion. Sedan kan du få ett uppdrag.',
];

// ---- Coordinator ----------------------------------------------------------------------------------

export const cpListQuery = paging.extend({
  status: z.enum(CP_STATUSES, { error: 'Okänd status.' }).optional(),
  districtId: uuid.optional(),
  interest: safeString()
    .regex(/^[a-z0-9_åäö]{1,40}$/, { message: 'Välj ett intresse i listan.' })
    .optional(),
  language: safeString()
    .regex(/^[\p{L} ]{1,30}$/u, { message: 'Skriv språket med bokstäver, till exempel arabiska.' })
    .optional(),
  availability: z.enum(AVAILABILITY_SLOTS, { error: 'Okänd tid.' }).optional(),
  freeCapacity: z.enum(['yes'], { error: 'Välj ja eller låt bli.' }).optional(),
  /** Part of a name (letters, digits, spaces; search on one part of a double name). */
  name: safeString()
    .regex(/^[\p{L}\p{N} ]{1,60}$/u, { message: 'Skriv en del av namnet med bokstäver, till exempel Anna.' })
    .optional(),
});
export type CpListQuery = z.output<typeof cpListQuery>;

export const cpSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CP_STATUSES),
  statusLabel: z.string(),
  appliedDate: z.string(),
  district: z.string().nullable(),
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  availability: z.array(z.string()),
  capacity: z.number(),
  activeAssignments: z.number(),
  duplicate: z.boolean(),
  isClient: z.boolean(),
});
export type CpSummaryOut = z.infer<typeof cpSummaryOut>;
export const cpListOut = z.object({ items: z.array(cpSummaryOut), total: z.number(), totalCapped: z.boolean(), page: z.number(), pageSize: z.number() });

export const requirementOut = z.object({
  kind: z.enum(REQUIREMENT_KINDS),
  label: z.string(),
  state: z.enum(REQUIREMENT_STATES),
  stateLabel: z.string(),
  date: z.string().nullable(),
  expires: z.string().nullable(),
});

export const cpOut = cpSummaryOut.extend({
  firstName: z.string(),
  lastName: z.string(),
  identityNumber: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  districtId: z.string().nullable(),
  motivation: z.string().nullable(),
  interestsOther: z.string().nullable(),
  travel: z.array(z.string()),
  ageGroups: z.array(z.string()),
  preferredGender: z.string().nullable(),
  comfortableWith: z.string().nullable(),
  pets: z.boolean().nullable(),
  smokes: z.boolean().nullable(),
  allergies: z.string().nullable(),
  experience: z.string().nullable(),
  workplace: z.string().nullable(),
  source: z.enum(['public', 'staff']),
  approvedDate: z.string().nullable(),
  approvedBy: z.string().nullable(),
  endedDate: z.string().nullable(),
  endReason: z.string().nullable(),
  endReasonLabel: z.string().nullable(),
  endNote: z.string().nullable(),
  lastContactDate: z.string().nullable(),
  /** Other applications or contact persons with the same personnummer ("finns redan"). */
  duplicates: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), appliedDate: z.string() })),
  requirements: z.array(requirementOut),
  approvalProblems: z.array(z.string()),
  blockedForNewAssignments: z.boolean(),
  /** Running assignments and open offers flagged by an expired requirement (0: none to follow up). */
  assignmentsToFollowUp: z.number(),
  interview: z.object({ status: z.string(), bookedDate: z.string().nullable(), bookedTime: z.string().nullable(), location: z.string().nullable(), doneDate: z.string().nullable(), notes: z.string().nullable() }).nullable(),
  steps: z.array(z.object({ kind: z.string(), status: z.string(), doneDate: z.string().nullable(), notes: z.string().nullable() })),
  references: z.array(
    z.object({ id: z.string(), name: z.string(), relation: z.string().nullable(), phone: z.string().nullable(), contactedDate: z.string().nullable(), outcome: z.enum(REFERENCE_OUTCOMES), notes: z.string().nullable() }),
  ),
  registerChecks: z.array(
    z.object({ id: z.string(), shownDate: z.string(), extractDate: z.string(), registers: z.array(z.string()), law: z.string(), seenBy: z.string(), returnedDate: z.string().nullable(), keepAtLeastUntil: z.string() }),
  ),
  pauses: z.array(z.object({ id: z.string(), fromDate: z.string(), untilDate: z.string().nullable(), reason: z.string().nullable() })),
  version: z.number(),
  abilities: z.object({ canEdit: z.boolean(), canApprove: z.boolean(), canEnd: z.boolean(), canSeePayment: z.boolean() }),
});
export type CpOut = z.infer<typeof cpOut>;

export const bookInterviewBody = z.object({
  version,
  date: dateString,
  time: safeString({ error: 'Ange en tid.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Skriv tiden som TT:MM, till exempel 14:30.' }),
  location: optionalText(200, 'Platsen'),
});

export const STEP_KINDS_FOR_API = ['interview', 'pledge', 'introduction'] as const satisfies readonly StepKind[];
export const stepParams = z.object({ id: uuid, kind: z.enum(STEP_KINDS_FOR_API, { error: 'Okänt steg.' }) });
export const stepBody = z.object({
  version,
  outcome: z.enum(['done', 'failed'], { error: 'Välj om steget är klart eller inte godkänt.' }),
  date: dateString,
  notes: optionalText(4000, 'Anteckningen', { multiline: true }),
});

export const referenceBody = z.object({
  version,
  name: requiredText(200, 'Namnet'),
  relation: optionalText(200, 'Relationen'),
  phone: optionalPhone,
  contactedDate: dateString.nullish(),
  outcome: z.enum(REFERENCE_OUTCOMES, { error: 'Välj utfall.' }).default('pending'),
  notes: optionalText(2000, 'Anteckningen', { multiline: true }),
});

export const registerCheckBody = z.object({
  version,
  shownDate: dateString,
  extractDate: dateString,
  registers: z.array(z.enum(REGISTERS, { error: 'Välj ett av registren.' })).min(1, { message: 'Välj vilka register utdraget omfattar.' }).max(2),
  law: z.enum(['2010:479', 'other'], { error: 'Välj lag.' }).default('2010:479'),
});

export const checkValidityBody = z.object({
  startDate: dateString,
  activity: z.enum(ACTIVITIES, { error: 'Välj verksamhet.' }),
});
export const checkValidityOut = z.object({ ok: z.boolean(), reason: z.string(), message: z.string() });

export const approveBody = z.object({ version, date: dateString });
export const endBody = z.object({
  version,
  date: dateString,
  reason: z.enum(['declined', 'withdrawn', 'ended'], { error: 'Välj varför.' }),
  note: optionalText(2000, 'Skälet', { multiline: true }),
});
export const pauseBody = z.object({ version, fromDate: dateString, untilDate: dateString.nullish(), reason: optionalText(500, 'Skälet') });
export const endPauseBody = z.object({ version, lastDay: dateString });
export const contactBody = z.object({ version, date: dateString });
export const profileBody = z.object({ version, firstName: requiredText(100, 'Förnamnet'), lastName: requiredText(100, 'Efternamnet'), ...profileFields });

export const paymentBody = z.object({
  version: version.nullish(),
  clearingNumber: safeString({ error: 'Skriv clearingnumret.' }).trim().min(4, { message: 'Skriv clearingnumret med fyra eller fem siffror.' }).max(6),
  accountNumber: safeString({ error: 'Skriv kontonumret.' }).trim().min(1, { message: 'Skriv kontonumret.' }).max(20),
  taxTable: int4({ min: 29, max: 42 }).nullish(),
  taxColumn: int4({ min: 1, max: 6 }).nullish(),
});
export const paymentOut = z.object({
  registered: z.boolean(),
  clearingNumber: z.string().nullable(),
  accountNumber: z.string().nullable(),
  bankName: z.string().nullable(),
  taxTable: z.number().nullable(),
  taxColumn: z.number().nullable(),
  version: z.number().nullable(),
});

export const reminderOut = z.object({
  contactPersonId: z.string(),
  name: z.string(),
  kind: z.string(),
  requirement: z.string().nullable(),
  date: z.string(),
  message: z.string(),
  assignmentsToFollowUp: z.number(),
});
/** A page of the reminders (the start page asks for the first 5), with the counts of every kind over all of them. */
export const remindersQuery = paging.extend({
  kind: z.enum(['expired', 'expiring', 'no_contact'], { error: 'Okänd sorts påminnelse.' }).optional(),
});
export type RemindersQuery = z.output<typeof remindersQuery>;
export const remindersOut = z.object({
  items: z.array(reminderOut),
  total: z.number(),
  counts: z.object({ expired: z.number(), expiring: z.number(), noContact: z.number() }),
  page: z.number(),
  pageSize: z.number(),
  withinDays: z.number(),
  contactDays: z.number(),
});

/** Gallring: a dry run first; the real run repeats the count the dry run showed (refused if it no longer holds). */
export const disposalBody = z.object({
  dryRun: z.boolean().default(true),
  expectedCount: int4().optional(),
});
const disposalCounts = {
  count: z.number(),
  declined: z.number(),
  withdrawn: z.number(),
  steps: z.number(),
  references: z.number(),
  registerChecks: z.number(),
  pauses: z.number(),
  paymentDetails: z.number(),
  portalInvites: z.number(),
};
export const disposalOut = z.object({ dryRun: z.boolean(), months: z.number(), cutoff: z.string(), ...disposalCounts });

export const districtsOut = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })), interests: z.array(z.object({ code: z.string(), label: z.string() })) });

export const checkRuleBody = z.object({
  law: requiredText(40, 'Lagen'),
  validFrom: dateString,
  validTo: dateString.nullish(),
  maxAgeMonths: int4({ min: 1, max: 120 }),
  requiredRegisters: z.array(z.enum(REGISTERS, { error: 'Välj ett av registren.' })).min(1).max(2),
  reengagementMonths: int4({ min: 0, max: 120 }).default(12),
});
export const checkRulesOut = z.object({
  items: z.array(z.object({ id: z.string(), law: z.string(), validFrom: z.string(), validTo: z.string().nullable(), maxAgeMonths: z.number(), requiredRegisters: z.array(z.string()), reengagementMonths: z.number() })),
});

export const portalInviteOut = z.object({ link: z.string(), expiresAt: z.string() });
export const setPortalPasswordBody = z.object({
  token: safeString({ error: 'Länken är inte giltig. Be kontaktsekreteraren om en ny inbjudan.' }).max(200),
  password: safeString({ error: 'Skriv ett lösenord.' })
    .min(12, { message: 'Lösenordet måste ha minst 12 tecken.' })
    .max(200, { message: 'Lösenordet får vara högst 200 tecken.' }),
});
/** The username to sign in with (their e-mail address in lower case, or a generated one). */
export const portalPasswordSetOut = z.object({ done: z.literal(true), username: z.string() });

// ---- Administrator: the register's configuration ----
const settingsFields = {
  requirements: z
    .array(
      z.object({
        kind: z.enum(REQUIREMENT_KINDS, { error: 'Okänt krav.' }),
        required: z.boolean(),
        validityMonths: int4({ min: 1, max: 120 }).nullable(),
      }),
    )
    .max(REQUIREMENT_KINDS.length),
  referencesRequired: int4({ min: 0, max: 5 }),
  registerCheckScope: z.enum(['always', 'children'], { error: 'Välj när registerkontroll krävs.' }),
  interests: z
    .array(z.object({ code: safeString().regex(/^[a-z0-9_åäö]{1,40}$/, { message: 'Koden får bara ha små bokstäver, siffror och understreck.' }), label: requiredText(100, 'Namnet') }))
    .max(60),
  reminderWithinDays: int4({ min: 1, max: 365 }),
  lastContactDays: int4({ min: 1, max: 730 }),
  disposalMonths: int4({ min: 1, max: 60 }),
  applicationsPerHour: int4({ min: 1, max: 1000 }),
  minFillSeconds: int4({ min: 0, max: 600 }),
};
export const cpSettingsBody = z.object({ version: version.nullish(), ...settingsFields });
export const cpSettingsOut = z.object({
  requirements: z.array(z.object({ kind: z.string(), required: z.boolean(), validityMonths: z.number().nullable() })),
  referencesRequired: z.number(),
  registerCheckScope: z.string(),
  interests: z.array(z.object({ code: z.string(), label: z.string() })),
  reminderWithinDays: z.number(),
  lastContactDays: z.number(),
  disposalMonths: z.number(),
  applicationsPerHour: z.number(),
  minFillSeconds: z.number(),
  version: z.number(),
});
export const districtBody = z.object({ name: requiredText(100, 'Namnet'), active: z.boolean().default(true) });
export const districtUpdateBody = districtBody.extend({ version });
export const districtOut = z.object({ id: z.string(), name: z.string(), active: z.boolean(), version: z.number() });
export const districtListOut = z.object({ items: z.array(districtOut) });
/** Lön's list, paged and optionally narrowed to those without bank details or to a part of the name. */
export const payrollListQuery = paging.extend({
  missing: z.enum(['yes'], { error: 'Välj ja eller låt bli.' }).optional(),
  name: safeString()
    .regex(/^[\p{L}\p{N} ]{1,60}$/u, { message: 'Skriv en del av namnet med bokstäver, till exempel Anna.' })
    .optional(),
});
export type PayrollListQuery = z.output<typeof payrollListQuery>;
export const payrollListOut = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), approvedDate: z.string(), registered: z.boolean() })),
  total: z.number(),
  missing: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
