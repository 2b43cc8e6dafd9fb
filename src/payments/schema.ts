// HTTP schemas for the rate table (arvoden och omkostnader), shared with the administrator's page.
import { z } from 'zod';
import { int4, optionalText, requiredText, safeString, version } from '../platform/validation';
import { parseKronor, ROUNDINGS } from './rules';

export const KRONOR_MESSAGE = 'Skriv beloppet i kronor, till exempel 1 234 eller 1 234,50.';

/**
 * Kronor as typed ("1 234,50"); becomes the same amount written plainly ("1234.50"), which the use case stores as öre
 * (parseKronor). The output is valid input again (the web form sends what the schema parsed). Empty → null.
 */
const optionalKronor = safeString({ error: KRONOR_MESSAGE })
  .max(30, { message: KRONOR_MESSAGE })
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v.trim() === '') return null;
    const ore = parseKronor(v);
    if (ore === null) {
      ctx.issues.push({ code: 'custom', message: KRONOR_MESSAGE, input: v });
      return z.NEVER;
    }
    return (ore / 100).toFixed(2);
  });

const share = int4({ min: 1, max: 1000 }).nullish().transform((v) => v ?? null);

/** Why a past year's table is changed: required for a year before this one (it changes months already paid). */
const reason = optionalText(500, 'Skälet');

export const yearParams = z.object({ year: z.coerce.number({ error: 'Året ska vara ett årtal.' }).int().min(2000).max(2100) });
export const levelIdParams = z.object({ id: z.uuid({ error: 'Id:t är inte giltigt.' }) });

const rounding = z.enum(ROUNDINGS, { error: 'Välj hur belopp från andelar avrundas.' });
const pbb = int4({ min: 1, max: 10_000_000 });

export const rateYearBody = z.object({
  year: int4({ min: 2000, max: 2100 }),
  prisbasbelopp: pbb,
  rounding,
  /** Copy the levels of the latest earlier year; amounts derived from shares are computed again from this year's pbb. */
  copyPrevious: z.boolean().default(false),
});

export const rateYearUpdateBody = z.object({ version, prisbasbelopp: pbb, rounding, reason });

const levelFields = {
  code: safeString()
    .trim()
    .regex(/^[a-z0-9_-]{1,20}$/, { message: 'Koden får ha små bokstäver a–z, siffror, - och _ (högst 20 tecken), till exempel niva1.' }),
  name: requiredText(80, 'Namnet'),
  description: optionalText(300, 'Beskrivningen'),
  arvodeKronor: optionalKronor,
  arvodeSharePermille: share,
  omkostnadKronor: optionalKronor,
  omkostnadSharePermille: share,
  perOccasionKronor: optionalKronor,
  mileagePerMilKronor: optionalKronor,
  /** Place in the list; left out: last when added, unchanged when changed. */
  sortOrder: int4({ min: 0, max: 1000 }).optional(),
  reason,
};

/** Each amount is entered in kronor or derived from a share (‰ of the pbb per year): exactly one of the two. */
function oneOfEach(v: { arvodeKronor: string | null; arvodeSharePermille: number | null; omkostnadKronor: string | null; omkostnadSharePermille: number | null }, ctx: z.RefinementCtx) {
  for (const [what, kr, sh] of [
    ['arvode', v.arvodeKronor, v.arvodeSharePermille],
    ['omkostnad', v.omkostnadKronor, v.omkostnadSharePermille],
  ] as const) {
    if (kr === null && sh === null) ctx.addIssue({ code: 'custom', path: [`${what}Kronor`], message: `Skriv ${what} per månad i kronor, eller en andel av prisbasbeloppet.` });
    if (kr !== null && sh !== null) ctx.addIssue({ code: 'custom', path: [`${what}SharePermille`], message: `Ange ${what} antingen i kronor eller som andel, inte båda.` });
  }
}

export const rateLevelBody = z.object(levelFields).superRefine(oneOfEach);
export const rateLevelUpdateBody = z.object({ ...levelFields, version }).superRefine(oneOfEach);
export const rateLevelDeleteBody = z.object({ version, reason });

export const rateLevelOut = z.object({
  id: z.string(),
  year: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  arvode: z.number(),
  omkostnad: z.number(),
  arvodeSharePermille: z.number().nullable(),
  omkostnadSharePermille: z.number().nullable(),
  perOccasion: z.number().nullable(),
  mileagePerMil: z.number().nullable(),
  sortOrder: z.number(),
  inUse: z.boolean(),
  version: z.number(),
});
export type RateLevelOut = z.infer<typeof rateLevelOut>;

export const rateYearOut = z.object({
  year: z.number(),
  prisbasbelopp: z.number(),
  rounding: z.enum(ROUNDINGS),
  roundingLabel: z.string(),
  /** Before today's year: a change needs a reason. */
  past: z.boolean(),
  levels: z.array(rateLevelOut),
  version: z.number(),
});
export type RateYearOut = z.infer<typeof rateYearOut>;

export const rateTableOut = z.object({ years: z.array(rateYearOut), canEdit: z.boolean() });
export type RateTableOut = z.infer<typeof rateTableOut>;
