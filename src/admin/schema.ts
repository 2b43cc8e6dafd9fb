// HTTP schemas for the administrator: units, users, municipality settings (the legal-basis catalogue's are decisions/schema.ts).
import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '../platform/rules';
import { int4, optionalText, requiredText, safeString, uuid, version } from '../platform/validation';
import { ROUTES } from '../platform/rules';

export const unitBody = z.object({
  name: requiredText(120, 'Namnet'),
  route: z.enum(ROUTES, { error: 'Välj om enheten arbetar med LSS eller socialtjänstlagen.' }),
  active: z.boolean().default(true),
});
export const unitUpdateBody = unitBody.extend({ version });
export const unitOut = z.object({ id: z.string(), name: z.string(), route: z.enum(ROUTES), active: z.boolean(), version: z.number() });

export const passwordField = safeString({ error: 'Skriv ett lösenord.' })
  .min(12, { message: 'Lösenordet måste ha minst 12 tecken.' })
  .max(200, { message: 'Lösenordet får vara högst 200 tecken.' });

export const userCreateBody = z.object({
  username: safeString({ error: 'Skriv ett användarnamn.' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, { message: 'Användarnamnet får ha 3–50 tecken: a–z, siffror, punkt, bindestreck eller understreck.' }),
  displayName: requiredText(120, 'Namnet'),
  // A kontaktperson's account is made by the portal invitation (tied to the contact person), never here.
  role: z.enum(STAFF_ROLES, { error: 'Välj en roll.' }),
  unitId: uuid.nullish(),
  password: passwordField,
});
export const userUpdateBody = z.object({
  version,
  displayName: requiredText(120, 'Namnet'),
  role: z.enum(ROLES, { error: 'Välj en roll.' }),
  unitId: uuid.nullish(),
  active: z.boolean(),
  /** Set only to reset the password. */
  newPassword: passwordField.nullish(),
});
export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  active: z.boolean(),
  /** Sign-in is locked now after failed attempts: the whole account, or from at least one client address. */
  locked: z.boolean(),
  /** When the latest active lock ends (ISO), or null. */
  lockedUntil: z.string().nullable(),
  /** The whole account is locked (failures from many addresses), not only some addresses. */
  lockedAccountWide: z.boolean(),
  version: z.number(),
  /** Units where the user may see protected persons' contact details (skyddad identitet). */
  protectedIdentityUnits: z.array(z.object({ unitId: z.string(), unitName: z.string(), grantedAt: z.string() })),
});
export const protectedIdentityGrantParams = z.object({ id: uuid, unitId: uuid });

const between = (min: number, max: number, unit: string) =>
  int4()
    .min(min, { message: `Ange minst ${min} ${unit}.` })
    .max(max, { message: `Ange högst ${max} ${unit}.` });
const configuredItem = z.object({
  code: safeString({ error: 'Skriv en kod.' })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { message: 'Koden får ha 1–40 tecken: små bokstäver, siffror och _.' }),
  label: requiredText(200, 'Texten'),
});
const scopeLevel = z.object({
  code: requiredText(40, 'Nivåns kod'),
  label: requiredText(100, 'Nivåns namn'),
  hoursPerWeek: between(1, 40, 'timmar'),
  occasionsPerWeekMin: between(1, 14, 'tillfällen'),
  occasionsPerWeekMax: between(1, 14, 'tillfällen'),
});
const routineFields = {
  solMinAge: between(0, 120, 'år').optional(),
  solCriteria: z.array(configuredItem).max(30, { message: 'Ange högst 30 kriterier.' }).nullable().optional(),
  solExclusions: z.array(configuredItem).max(30, { message: 'Ange högst 30 undantag.' }).nullable().optional(),
  decisionMaxMonths: between(1, 120, 'månader').optional(),
  delegationMaxHoursPerMonth: between(1, 200, 'timmar').optional(),
  delegationMaxContactPersons: between(1, 5, 'kontaktpersoner').optional(),
  monthlyHoursPerWeeklyMeetingMin: between(1, 40, 'timmar').optional(),
  monthlyHoursPerWeeklyMeetingMax: between(1, 40, 'timmar').optional(),
  scopeLevels: z.array(scopeLevel).max(20, { message: 'Ange högst 20 nivåer.' }).nullable().optional(),
  orderConfirmWithinWorkingDays: between(1, 30, 'arbetsdagar').optional(),
  followUpMonths: between(1, 12, 'månader').optional(),
  endingWindowDays: between(1, 365, 'dagar').optional(),
};

export const municipalityBody = z.object({
  version,
  name: requiredText(120, 'Kommunens namn'),
  caseNumberPattern: safeString({ error: 'Skriv ett mönster för ärendenummer.' })
    .trim()
    .max(40, { message: 'Mönstret får vara högst 40 tecken.' })
    .refine((v) => v.includes('{YYYY}') && /\{N+\}/.test(v), { message: 'Mönstret måste innehålla {YYYY} och {NNNN}, till exempel KP-{YYYY}-{NNNN}.' }),
  acknowledgeWithinWorkingDays: int4().min(1, { message: 'Ange minst 1 arbetsdag.' }).max(30, { message: 'Ange högst 30 arbetsdagar.' }),
  documentationWithinWorkingDays: int4().min(1, { message: 'Ange minst 1 arbetsdag.' }).max(120, { message: 'Ange högst 120 arbetsdagar.' }),
  postalAddress: optionalText(300, 'Adressen', { multiline: true }),
  phone: optionalText(40, 'Telefonnumret'),
  email: optionalText(200, 'E-postadressen'),
  privacyInfo: optionalText(300, 'Texten om personuppgifter'),
  // The investigation and decision routine (issue 9). Optional: a form that does not send one keeps it.
  ...routineFields,
});
export const municipalityOut = z.object({
  name: z.string(),
  caseNumberPattern: z.string(),
  acknowledgeWithinWorkingDays: z.number(),
  documentationWithinWorkingDays: z.number(),
  postalAddress: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  privacyInfo: z.string().nullable(),
  solMinAge: z.number(),
  solCriteria: z.array(configuredItem).nullable(),
  solExclusions: z.array(configuredItem).nullable(),
  decisionMaxMonths: z.number(),
  delegationMaxHoursPerMonth: z.number(),
  delegationMaxContactPersons: z.number(),
  monthlyHoursPerWeeklyMeetingMin: z.number(),
  monthlyHoursPerWeeklyMeetingMax: z.number(),
  scopeLevels: z.array(scopeLevel).nullable(),
  orderConfirmWithinWorkingDays: z.number(),
  followUpMonths: z.number(),
  endingWindowDays: z.number(),
  version: z.number(),
});

export const idParams = z.object({ id: uuid });
