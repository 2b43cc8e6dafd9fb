// HTTP schemas for the legal-basis catalogue (shared with the administrator's web form) and for decisions, appeals
// and follow-ups (shared with the decision section).
import { z } from 'zod';
import { dateString, int4, optionalText, requiredText, safeString, uuid, version } from '../platform/validation';
import { ROUTES } from '../platform/rules';
import { APPEAL_OUTCOMES, DECISION_OUTCOMES, DECISION_STATES, FOLLOW_UP_RESULTS, SCOPE_UNITS, SUCCESSION_KINDS } from './rules';

export const APPEAL_ROUTES = ['forvaltningsbesvar', 'laglighetsprovning'] as const;
export const appealRouteLabel = { forvaltningsbesvar: 'Förvaltningsbesvär', laglighetsprovning: 'Laglighetsprövning' } as const;
export const FEE_RULES = ['free', 'free_home_care_tariff_flag'] as const;
export const feeRuleLabel = { free: 'Avgiftsfri', free_home_care_tariff_flag: 'Avgiftsfri (kompletterande insatser enligt hemtjänsttaxa)' } as const;

export const legalBasisBody = z
  .object({
    code: safeString({ error: 'Skriv en kod.' })
      .trim()
      .regex(/^[A-Z0-9_:.-]{2,40}$/, { message: 'Koden får ha 2–40 tecken: versaler, siffror, _ : . -' }),
    route: z.enum(ROUTES, { error: 'Välj LSS eller socialtjänstlagen.' }),
    law: requiredText(120, 'Lagen'),
    paragraph: requiredText(60, 'Paragrafen'),
    name: requiredText(200, 'Benämningen'),
    printText: requiredText(2000, 'Texten i beslutet', { multiline: true }),
    appealRoute: z.enum(APPEAL_ROUTES, { error: 'Välj hur beslutet överklagas.' }),
    ivoReportable: z.boolean(),
    feeRule: z.enum(FEE_RULES, { error: 'Välj avgiftsregel.' }),
    validFrom: dateString,
    validTo: dateString.nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, { path: ['validTo'], message: 'Slutdatum kan inte vara före startdatum.' });
export const legalBasisUpdateBody = legalBasisBody.and(z.object({ version }));
export const legalBasisOut = z.object({
  id: z.string(),
  code: z.string(),
  route: z.enum(ROUTES),
  law: z.string(),
  paragraph: z.string(),
  name: z.string(),
  printText: z.string(),
  appealRoute: z.enum(APPEAL_ROUTES),
  ivoReportable: z.boolean(),
  feeRule: z.enum(FEE_RULES),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});

// ---- Decisions, appeals, follow-ups (shared with the decision section) -----------------------------------------

export const decisionIdParams = z.object({ id: uuid });
export const appealIdParams = z.object({ id: uuid });

/** The decide form (a first decision, or a new one replacing `previousDecisionId`). Rules: `decisionProblems`. */
export const decisionBody = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Välj bifall, delvis bifall eller avslag.' }),
  requested: optionalText(2000, 'Vad personen ansökte om', { multiline: true }),
  reasons: requiredText(4000, 'Skälen för beslutet', { multiline: true }),
  legalBasisId: uuid,
  decisionDate: dateString,
  scopeUnit: z.enum(SCOPE_UNITS, { error: 'Välj hur omfattningen anges.' }).nullish().transform((v) => v ?? null),
  scopeAmount: int4({ max: 10000 }).nullish().transform((v) => v ?? null),
  level: optionalText(40, 'Nivån'),
  contactPersonCount: int4({ max: 100 }).nullish().transform((v) => v ?? null),
  startDate: dateString.nullish().transform((v) => v ?? null),
  endDate: dateString.nullish().transform((v) => v ?? null),
  periodReason: optionalText(2000, 'Skälet', { multiline: true }),
  homeCareTariff: z.boolean({ error: 'Ange om personen har insatser enligt hemtjänsttaxan.' }).default(false),
}, { error: 'Beslutet ska skickas med sina uppgifter (utfall, skäl, grund och datum).' });
/** A new decision that replaces a decided one (change or renewal). */
export const successorBody = decisionBody.extend({ succession: z.enum(['renewal', 'change'], { error: 'Välj ändring eller förlängning.' }) });
/** Revise a decision sent back by the enhetschef (still a draft). */
export const reviseDecisionBody = decisionBody.extend({ version });
export const approveBody = z.object({ version });
export const returnDecisionBody = z.object({ version, comment: requiredText(2000, 'Kommentaren', { multiline: true }) });
export const sentBody = z.object({
  version,
  sentDate: dateString,
  notifiedDate: dateString.nullish().transform((v) => v ?? null),
});
export const appealBody = z.object({ receivedDate: dateString, note: optionalText(2000, 'Anteckningen', { multiline: true }) });
export const appealUpdateBody = z.object({
  version,
  forwardedDate: dateString.nullish().transform((v) => v ?? null),
  outcome: z.enum(APPEAL_OUTCOMES, { error: 'Välj fastställt, ändrat eller återförvisat.' }).nullish().transform((v) => v ?? null),
  outcomeDate: dateString.nullish().transform((v) => v ?? null),
  note: optionalText(2000, 'Anteckningen', { multiline: true }),
  /** When the court changed the decision: the new decision as the court decided it. */
  newDecision: decisionBody.nullish().transform((v) => v ?? null),
});
export const followUpBody = z.object({
  date: dateString,
  result: z.enum(FOLLOW_UP_RESULTS, { error: 'Välj fortsätter, ändrad omfattning eller avslutas.' }),
  note: optionalText(2000, 'Anteckningen', { multiline: true }),
});

const hoursOut = z.object({ min: z.number(), max: z.number() });
export const appealOut = z.object({
  id: z.string(),
  decisionId: z.string(),
  receivedDate: z.string(),
  deadline: z.string().nullable(),
  timely: z.boolean().nullable(),
  forwardedDate: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  outcomeDate: z.string().nullable(),
  newDecisionId: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export const followUpOut = z.object({ id: z.string(), date: z.string(), result: z.enum(FOLLOW_UP_RESULTS), note: z.string().nullable() });
export const decisionOut = z.object({
  id: z.string(),
  caseId: z.string(),
  previousDecisionId: z.string().nullable(),
  succession: z.enum(SUCCESSION_KINDS).nullable(),
  state: z.enum(DECISION_STATES),
  outcome: z.enum(DECISION_OUTCOMES),
  requested: z.string().nullable(),
  reasons: z.string(),
  legalBasis: z.object({ id: z.string(), code: z.string(), name: z.string(), paragraph: z.string(), law: z.string(), appealRoute: z.enum(APPEAL_ROUTES) }),
  decisionDate: z.string(),
  scopeUnit: z.enum(SCOPE_UNITS).nullable(),
  scopeAmount: z.number().nullable(),
  level: z.string().nullable(),
  hoursPerMonth: hoursOut.nullable(),
  contactPersonCount: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  periodReason: z.string().nullable(),
  homeCareTariff: z.boolean(),
  needsApproval: z.boolean(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  sentDate: z.string().nullable(),
  notifiedDate: z.string().nullable(),
  /** A favourable decided decision: the day it must be executed by (`executionDeadline`). */
  executionDeadline: z.string().nullable(),
  /** The last day an appeal may arrive, when the notified date is recorded (`appealDeadline`). */
  appealDeadline: z.string().nullable(),
  followUpDue: z.string().nullable(),
  appeals: z.array(appealOut),
  followUps: z.array(followUpOut),
  version: z.number(),
});
/** The case's decisions and what the decide form needs: the bases in force today, the readiness, the limits. */
export const caseDecisionsOut = z.object({
  items: z.array(decisionOut),
  canDecide: z.boolean(),
  canApprove: z.boolean(),
  /** Why a decision cannot be made now (aktualisering, investigation not ready), for the form's notice. */
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  legalBases: z.array(legalBasisOut),
  settings: z.object({
    decisionMaxMonths: z.number(),
    delegationMaxHoursPerMonth: z.number(),
    delegationMaxContactPersons: z.number(),
    monthlyHoursPerWeeklyMeetingMin: z.number(),
    monthlyHoursPerWeeklyMeetingMax: z.number(),
    scopeLevels: z.array(z.object({ code: z.string(), label: z.string(), hoursPerWeek: z.number(), occasionsPerWeekMin: z.number(), occasionsPerWeekMax: z.number() })),
  }),
});
export const legalBasesQuery = z.object({ date: dateString });
export const legalBasesListOut = z.object({ items: z.array(legalBasisOut) });
export const decisionListItemOut = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  personName: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  decisionDate: z.string(),
  endDate: z.string().nullable(),
  hoursPerMonth: hoursOut.nullable(),
  contactPersonCount: z.number().nullable(),
  followUpDue: z.string().nullable(),
  responsibleName: z.string(),
  /** Why the row is listed: awaiting approval, ending soon, follow-up due. */
  reasons: z.array(z.enum(['awaiting_approval', 'ending', 'follow_up_due'])),
});
export const decisionListOut = z.object({ items: z.array(decisionListItemOut) });
