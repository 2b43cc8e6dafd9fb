// HTTP schemas for orders (beställningar): send, the provider's inbox, confirm, return with a question, answer.
// Shared with the web forms.
import { z } from 'zod';
import { dateString, optionalText, paging, requiredText, uuid, version } from '../platform/validation';
import { ORDER_EVENT_KINDS } from './rules';


export const orderIdParams = z.object({ id: uuid });

export const sendOrderBody = z.object({
  /** The decision the handläggare saw on the page: sending is refused if it is no longer the case's current one. */
  decisionId: uuid,
  /** The provider unit; left out, the case's own unit if it has a kontaktsekreterare (or the only unit that has one). */
  providerUnitId: uuid.nullish(),
  information: optionalText(4000, 'Det kontaktpersonen behöver veta', { multiline: true }),
});

export const confirmOrderBody = z.object({ version, confirmedDate: dateString });
export const returnOrderBody = z.object({ version, question: requiredText(2000, 'Frågan', { multiline: true }) });
export const answerOrderBody = z.object({ version, answer: requiredText(2000, 'Svaret', { multiline: true }) });

export const inboxQuery = paging;

const state = z.enum(['sent', 'returned', 'confirmed']);

export const orderSummaryOut = z.object({
  id: z.string(),
  caseNumber: z.string(),
  route: z.enum(['LSS', 'SOL']),
  person: z.object({ name: z.string(), protectedIdentity: z.boolean() }),
  providerUnit: z.object({ id: z.string(), name: z.string() }),
  sentDate: z.string(),
  confirmDeadline: z.string(),
  overdue: z.boolean(),
  state,
  stateLabel: z.string(),
});
export type OrderSummaryOut = z.infer<typeof orderSummaryOut>;

export const inboxOut = z.object({
  items: z.array(orderSummaryOut),
  total: z.number(),
  /** Overdue orders among all open ones (not only this page). */
  overdue: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type InboxOut = z.infer<typeof inboxOut>;

/** One order as sent: only what execution needs, nothing more of the investigation. */
export const orderOut = orderSummaryOut.extend({
  caseId: z.string(),
  person: z.object({
    name: z.string(),
    identityNumber: z.string(),
    protectedIdentity: z.boolean(),
    /** Null for skyddad identitet: `contactNote` says to go through the handläggare. */
    contact: z
      .object({ streetAddress: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
      .nullable(),
    contactNote: z.string().nullable(),
    representatives: z.array(z.object({ kind: z.string(), kindLabel: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
  }),
  handlaggare: z.object({ name: z.string(), unitName: z.string() }),
  decision: z.object({
    id: z.string(),
    outcomeLabel: z.string(),
    decisionDate: z.string(),
    legalBasis: z.string(),
    scope: z.string().nullable(),
    contactPersonCount: z.number().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
  wishes: z.object({
    gender: z.string().nullable(),
    genderRequired: z.boolean(),
    ageMin: z.number().nullable(),
    ageMax: z.number().nullable(),
    interests: z.array(z.string()),
    languages: z.array(z.string()),
    other: z.string().nullable(),
  }),
  information: z.string().nullable(),
  confirmedDate: z.string().nullable(),
  returnQuestion: z.string().nullable(),
  events: z.array(z.object({ kind: z.enum(ORDER_EVENT_KINDS), label: z.string(), date: z.string(), text: z.string().nullable(), byName: z.string().nullable() })),
  version: z.number(),
  abilities: z.object({ canConfirm: z.boolean(), canReturn: z.boolean(), canAnswer: z.boolean() }),
});
export type OrderOut = z.infer<typeof orderOut>;

/** The order part of the case page: the current favourable decision, its order, and what the handläggare may do. */
export const caseOrderOut = z.object({
  decision: z.object({ id: z.string(), outcomeLabel: z.string(), decisionDate: z.string(), scope: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable() }).nullable(),
  order: orderOut.nullable(),
  providerUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  defaultProviderUnitId: z.string().nullable(),
  abilities: z.object({ canSend: z.boolean() }),
});
export type CaseOrderOut = z.infer<typeof caseOrderOut>;
