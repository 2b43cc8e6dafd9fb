// HTTP schemas for requests (ansökan/aktualisering), acknowledgement and the case list.
import { z } from 'zod';
import { dateString, optionalText, paging, uuid, version } from '../platform/validation';
import { CASE_STATUS_ORDER as CASE_STATUSES } from './rules';
import { ROUTES } from '../platform/rules';
import { REQUESTERS, type Requester } from './rules';

export { ROUTES, routeLabel } from '../platform/rules';
export { REQUESTERS } from './rules';

export const requesterLabel: Record<Requester, string> = {
  person: 'Den enskilde själv',
  guardian: 'Vårdnadshavare',
  legal_representative: 'God man eller förvaltare',
  relative: 'Anhörig (aktualisering)',
  other_body: 'Annan myndighet eller verksamhet (aktualisering)',
};

export const CHANNELS = ['phone', 'letter', 'e_service', 'visit'] as const;
export const channelLabel: Record<(typeof CHANNELS)[number], string> = {
  phone: 'Telefon',
  letter: 'Brev',
  e_service: 'E-tjänst',
  visit: 'Besök',
};

export const ACK_METHODS = ['phone', 'letter'] as const;
export const ackMethodLabel: Record<(typeof ACK_METHODS)[number], string> = { phone: 'Telefon', letter: 'Brev' };

export const registerRequestBody = z.object({
  personId: uuid,
  route: z.enum(ROUTES, { error: 'Välj LSS eller socialtjänstlagen.' }),
  requester: z.enum(REQUESTERS, { error: 'Välj vem som gjorde ansökan eller aktualiseringen.' }),
  requesterName: optionalText(200, 'Namnet'),
  channel: z.enum(CHANNELS, { error: 'Välj hur ärendet kom in.' }),
  receivedDate: dateString,
  responsibleUserId: uuid.nullish(),
  description: optionalText(2000, 'Beskrivningen', { multiline: true }),
});

export const acknowledgeBody = z.object({
  version,
  acknowledgedDate: dateString,
  method: z.enum(ACK_METHODS, { error: 'Välj om bekräftelsen gjordes per telefon eller brev.' }),
  personkretsDocumentation: z.enum(['present', 'missing'], { error: 'Ange om det finns underlag för personkretsen.' }).nullish(),
  personkretsGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
});

export const documentationReceivedBody = z.object({
  version,
  receivedDate: dateString,
  personkretsGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
});

export const recordApplicationBody = z.object({ version, applicationDate: dateString });

export const assignBody = z.object({ version, responsibleUserId: uuid });

export const caseIdParams = z.object({ id: uuid });

export const caseListQuery = paging.extend({
  scope: z.enum(['mine', 'unit']).default('mine'),
  sort: z.enum(['receivedDate', 'caseNumber', 'personName', 'status']).default('receivedDate'),
  /** Only cases with this derived status (today's). */
  status: z.enum(CASE_STATUSES, { error: 'Okänd status.' }).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const warningOut = z.object({ code: z.string(), message: z.string() });

export const caseSummaryOut = z.object({
  id: z.string(),
  caseNumber: z.string(),
  route: z.enum(ROUTES),
  person: z.object({ id: z.string(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }),
  responsible: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  receivedDate: z.string(),
  isReferral: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  daysSinceReceived: z.number(),
  warnings: z.array(warningOut),
});

export const caseOut = caseSummaryOut.extend({
  requester: z.enum(REQUESTERS),
  requesterName: z.string().nullable(),
  channel: z.enum(CHANNELS),
  applicationDate: z.string().nullable(),
  acknowledgedDate: z.string().nullable(),
  acknowledgementMethod: z.enum(ACK_METHODS).nullable(),
  personkretsDocumentation: z.enum(['present', 'missing']).nullable(),
  personkretsGroup: z.number().nullable(),
  documentationReceivedDate: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number(),
  abilities: z.object({
    canEdit: z.boolean(),
    canAssign: z.boolean(),
    canAcknowledge: z.boolean(),
    canRecordDocumentation: z.boolean(),
    canRecordApplication: z.boolean(),
    canDownloadLetter: z.boolean(),
  }),
});
export type CaseOut = z.infer<typeof caseOut>;
export type CaseSummaryOut = z.infer<typeof caseSummaryOut>;

export const caseListOut = z.object({ items: z.array(caseSummaryOut), total: z.number(), page: z.number(), pageSize: z.number() });

/** A person's cases (GET /api/persons/:id/cases): those in the reader's case scope, newest first. */
export const personCaseOut = z.object({
  id: z.string(),
  caseNumber: z.string(),
  route: z.enum(['LSS', 'SOL']),
  status: z.string(),
  statusLabel: z.string(),
  receivedDate: z.string(),
});
export const personCasesOut = z.object({ items: z.array(personCaseOut) });
export type PersonCasesOut = z.infer<typeof personCasesOut>;
