// HTTP schemas for persons and their legal representatives (shared with the web forms).
import { z } from 'zod';
import { identityNumberProblem } from './identity-number';
import { optionalEmail, optionalPhone, optionalPostalCode, optionalText, requiredText, safeString, uuid, version } from '../platform/validation';

export const REPRESENTATIVE_KINDS = ['vardnadshavare', 'god_man', 'forvaltare'] as const;
export const representativeKindLabel: Record<(typeof REPRESENTATIVE_KINDS)[number], string> = {
  vardnadshavare: 'Vårdnadshavare',
  god_man: 'God man',
  forvaltare: 'Förvaltare',
};

const personFields = {
  firstName: requiredText(100, 'Förnamn'),
  lastName: requiredText(100, 'Efternamn'),
  protectedIdentity: z.boolean().default(false),
  streetAddress: optionalText(200, 'Adressen'),
  postalCode: optionalPostalCode,
  city: optionalText(100, 'Orten'),
  phone: optionalPhone,
  email: optionalEmail,
};

export const personCreateBody = z
  .object({
    identityNumber: safeString({ error: 'Skriv personnummer eller samordningsnummer.' }).max(20, { message: 'Numret är för långt.' }),
    isReserveNumber: z.boolean().default(false),
    ...personFields,
  })
  .superRefine((v, ctx) => {
    // Format and check digit here (the web form runs it too); a birth date in the future is refused by the use case,
    // which knows today's date.
    const problem = identityNumberProblem(v.identityNumber, v.isReserveNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['identityNumber'], message: problem });
  });

export const personUpdateBody = z.object({ version, ...personFields });

/** Data minimisation: a search shows at most this many persons; typing more narrows it down. */
export const PERSON_SEARCH_LIMIT = 20;

export const personSearchBody = z.object({
  query: safeString({ error: 'Skriv ett namn eller ett personnummer.' })
    .trim()
    .min(2, { message: 'Skriv minst två tecken.' })
    .max(100, { message: 'Sökningen får vara högst 100 tecken.' }),
});

export const representativeBody = z.object({
  kind: z.enum(REPRESENTATIVE_KINDS, { error: 'Välj vilken sorts företrädare det är.' }),
  name: requiredText(200, 'Namn'),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText(300, 'Adressen', { multiline: true }),
});
export const representativeUpdateBody = representativeBody.extend({ version });

export const personIdParams = z.object({ id: uuid });
export const representativeParams = z.object({ id: uuid, representativeId: uuid });

export const representativeOut = z.object({
  id: z.string(),
  kind: z.enum(REPRESENTATIVE_KINDS),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number(),
});

export const personSummaryOut = z.object({
  id: z.string(),
  identityNumber: z.string(),
  idKind: z.enum(['personnummer', 'samordningsnummer', 'reservnummer']),
  firstName: z.string(),
  lastName: z.string(),
  /** The full birth date when known. */
  birthDate: z.string().nullable(),
  /** What is known when the full date is not (samordningsnummer with unknown day or month): 'YYYY-MM' or 'YYYY'. */
  birthDatePartial: z.string().nullable(),
  protectedIdentity: z.boolean(),
  fictitious: z.boolean(),
});

export const personOut = personSummaryOut.extend({
  sex: z.enum(['female', 'male']).nullable(),
  /** null when hidden by skyddad identitet for this reader. */
  contact: z
    .object({
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
  contactHidden: z.boolean(),
  representatives: z.array(representativeOut),
  version: z.number(),
  abilities: z.object({ canEdit: z.boolean(), canRegisterRequest: z.boolean() }),
});
export type PersonOut = z.infer<typeof personOut>;
export type PersonSummaryOut = z.infer<typeof personSummaryOut>;
