// HTTP schemas for the legal-basis catalogue (shared with the administrator's web form).
import { z } from 'zod';
import { dateString, requiredText, safeString, version } from '../platform/validation';
import { ROUTES } from '../platform/rules';

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
