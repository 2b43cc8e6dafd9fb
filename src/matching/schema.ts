// HTTP schemas of matching: the waiting list, one order's candidates and "Varför inte?", the proposal for the whole
// waiting list, making an offer, and the weights. Shared with the web.
import { z } from 'zod';
import { dateString, int4, safeString, uuid, version } from '../platform/validation';
import { CRITERIA, EXCLUSION_KINDS } from './rules';

export const orderIdParam = z.object({ orderId: uuid });
export const candidateParams = z.object({ orderId: uuid, contactPersonId: uuid });
export const candidatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** "Varför inte?": contact persons whose name contains this. */
  name: safeString()
    .regex(/^[\p{L}\p{N} ]{1,60}$/u, { message: 'Skriv en del av namnet med bokstäver, till exempel Anna.' })
    .optional(),
});

const reason = z.object({ criterion: z.enum(CRITERIA), points: z.number(), text: z.string() });
const exclusion = z.object({ kind: z.enum(EXCLUSION_KINDS), reason: z.string() });

const offerOut = z.object({
  id: z.string(),
  contactPerson: z.object({ id: z.string(), name: z.string() }),
  offeredDate: z.string(),
  response: z.string(),
  responseLabel: z.string(),
  responseDate: z.string().nullable(),
  closedDate: z.string().nullable(),
  closedReason: z.string().nullable(),
  closedLabel: z.string().nullable(),
});

const wishes = z.object({
  gender: z.string().nullable(),
  genderRequired: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  other: z.string().nullable(),
});

export const waitingItemOut = z.object({
  orderId: z.string(),
  caseNumber: z.string(),
  route: z.enum(['LSS', 'SOL']),
  person: z.object({ name: z.string(), protectedIdentity: z.boolean() }),
  decisionDate: z.string(),
  /** The decision date, or the day the running assignments were interrupted. */
  waitingSince: z.string(),
  replacement: z.boolean(),
  daysWaited: z.number(),
  executionDeadline: z.string(),
  daysLeft: z.number(),
  pastDeadline: z.boolean(),
  priority: z.number(),
  wishes,
  granted: z.number(),
  started: z.number(),
  needed: z.number(),
  offers: z.array(offerOut),
});
export type WaitingItemOut = z.infer<typeof waitingItemOut>;
export const waitingListOut = z.object({ items: z.array(waitingItemOut), pastDeadline: z.number() });
export type WaitingListOut = z.infer<typeof waitingListOut>;

const candidateOut = z.object({
  id: z.string(),
  name: z.string(),
  postalCode: z.string().nullable(),
  score: z.number(),
  reasons: z.array(reason),
});

export const candidatesOut = z.object({
  order: waitingItemOut,
  plannedStart: z.string(),
  candidates: z.array(candidateOut),
  considered: z.number(),
  excluded: z.array(z.object({ kind: z.enum(EXCLUSION_KINDS), label: z.string(), count: z.number() })),
  /** Search hits for "Varför inte?". */
  matches: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CandidatesOut = z.infer<typeof candidatesOut>;

export const whyNotOut = z.object({
  contactPerson: z.object({ id: z.string(), name: z.string() }),
  /** May this contact person be offered for the order? */
  eligible: z.boolean(),
  exclusions: z.array(exclusion),
  score: z.number(),
  reasons: z.array(reason),
  /** Place in the ranking when eligible. */
  rank: z.number().nullable(),
});
export type WhyNotOut = z.infer<typeof whyNotOut>;

export const proposalOut = z.object({
  pairs: z.array(
    z.object({
      orderId: z.string(),
      caseNumber: z.string(),
      person: z.object({ name: z.string(), protectedIdentity: z.boolean() }),
      daysLeft: z.number(),
      contactPerson: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      reasons: z.array(reason),
    }),
  ),
  unmatched: z.array(
    z.object({
      orderId: z.string(),
      caseNumber: z.string(),
      person: z.object({ name: z.string(), protectedIdentity: z.boolean() }),
      daysLeft: z.number(),
      missing: z.number(),
      why: z.enum(['no_candidate', 'taken']),
      whyLabel: z.string(),
    }),
  ),
  objective: z.number(),
  orders: z.number(),
  /** Waiting orders whose every place already has an offer waiting for an answer (nothing to propose for them). */
  covered: z.number(),
  candidates: z.number(),
  millis: z.number(),
});
export type ProposalOut = z.infer<typeof proposalOut>;

export const makeOfferBody = z.object({ contactPersonId: uuid, offeredDate: dateString });
export const offerCreatedOut = z.object({ id: z.string(), orderId: z.string(), contactPersonId: z.string(), offeredDate: z.string() });

const weight = int4({ min: 0, max: 100 });
export const matchingSettingsBody = z.object({
  version,
  area: weight,
  interests: weight,
  language: weight,
  availability: weight,
  age: weight,
  gender: weight,
  continuity: weight,
  waited: weight,
  deadline: weight,
});
export const matchingSettingsOut = matchingSettingsBody.extend({ version: z.number() });
export type MatchingSettingsOut = z.infer<typeof matchingSettingsOut>;
