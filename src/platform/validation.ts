// Shared zod building blocks with Swedish messages. Imported by the API and the web app,
// so a field is validated by the same rule, and answered in the same words, in both places.
import { z } from 'zod';

/** The largest value of a PostgreSQL integer (int4) column. */
export const INT4_MAX = 2147483647;

/** 2147483647 → "2 147 483 647" (Swedish digit grouping). */
export function formatNumber(n: number | bigint): string {
  const s = String(n);
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '−' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${digits}${frac ? `,${frac}` : ''}`;
}

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Skriv text här.',
  number: 'Skriv ett tal.',
  int: 'Skriv ett heltal.',
  bigint: 'Skriv ett heltal.',
  boolean: 'Välj ja eller nej.',
  date: 'Ange ett datum.',
  array: 'Här ska det vara en lista.',
  tuple: 'Här ska det vara en lista.',
  set: 'Här ska det vara en lista.',
  object: 'Uppgifterna har fel form.',
  record: 'Uppgifterna har fel form.',
  map: 'Uppgifterna har fel form.',
  null: 'Fältet ska vara tomt.',
  undefined: 'Fältet ska inte skickas med.',
  never: 'Fältet ska inte skickas med.',
  void: 'Fältet ska inte skickas med.',
  nan: 'Skriv ett tal.',
};

const FORMAT_MESSAGES: Record<string, string> = {
  uuid: 'Ogiltig identitet: id:t har fel form.',
  guid: 'Ogiltig identitet: id:t har fel form.',
  email: 'Skriv en giltig e-postadress, till exempel namn@exempel.se.',
  url: 'Skriv en giltig webbadress.',
  date: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.',
  datetime: 'Skriv tidpunkten som ÅÅÅÅ-MM-DDTHH:MM.',
  time: 'Skriv tiden som HH:MM.',
  regex: 'Texten har fel form.',
  starts_with: 'Texten börjar inte som den ska.',
  ends_with: 'Texten slutar inte som den ska.',
  includes: 'Texten saknar något som ska finnas med.',
  lowercase: 'Skriv bara små bokstäver.',
  uppercase: 'Skriv bara versaler.',
};

/**
 * A schema-level message for a missing or wrongly typed value only; every other issue (bounds, format)
 * falls through to the shared map, so "2147483648" gets "Talet får vara högst 2 147 483 647."
 */
export function typeError(missing: string, wrongType?: string) {
  return (iss: { code?: string; input?: unknown }) => {
    if (iss.code !== 'invalid_type') return undefined;
    return iss.input === undefined || iss.input === null || wrongType === undefined ? missing : wrongType;
  };
}

function plural(n: number | bigint, one: string, many: string) {
  return Number(n) === 1 ? one : many;
}

function tooBigOrSmall(iss: { origin: string; inclusive?: boolean; exact?: boolean }, limit: number | bigint, small: boolean): string {
  const n = formatNumber(limit);
  switch (iss.origin) {
    case 'string':
      if (iss.exact) return `Skriv exakt ${n} ${plural(limit, 'tecken', 'tecken')}.`;
      if (small) return Number(limit) <= 1 && iss.inclusive !== false ? 'Fältet måste fyllas i.' : `Skriv minst ${n} tecken.`;
      return `Texten får vara högst ${n} tecken.`;
    case 'array':
    case 'set':
      if (iss.exact) return `Välj exakt ${n}.`;
      if (small) return Number(limit) <= 1 ? 'Välj minst en.' : `Välj minst ${n}.`;
      return `Välj högst ${n}.`;
    case 'date':
      return small ? `Datumet får inte vara före ${String(limit)}.` : `Datumet får inte vara efter ${String(limit)}.`;
    case 'file':
      return small ? 'Filen är för liten.' : 'Filen är för stor.';
    default:
      // number, int, bigint
      if (iss.exact) return `Talet måste vara ${n}.`;
      if (small) return iss.inclusive === false ? `Talet måste vara större än ${n}.` : `Talet måste vara minst ${n}.`;
      return iss.inclusive === false ? `Talet måste vara mindre än ${n}.` : `Talet får vara högst ${n}.`;
  }
}

/**
 * Our own Swedish sentence for every kind of zod issue (zod's locales read "förväntade number att ha >=1").
 * A message given on the schema itself still wins; this answers everything else.
 */
export const swedishErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'Fältet måste fyllas i.';
      return TYPE_MESSAGES[iss.expected] ?? 'Värdet har fel form.';
    case 'too_small':
      return tooBigOrSmall(iss, iss.minimum, true);
    case 'too_big':
      return tooBigOrSmall(iss, iss.maximum, false);
    case 'invalid_format':
      return FORMAT_MESSAGES[iss.format] ?? 'Texten har fel form.';
    case 'not_multiple_of':
      return `Talet måste vara en multipel av ${formatNumber(iss.divisor)}.`;
    case 'unrecognized_keys':
      return iss.keys.length === 1 ? `Fältet ${iss.keys[0]} finns inte här.` : `Fälten ${iss.keys.join(', ')} finns inte här.`;
    case 'invalid_union':
      return 'Välj ett av alternativen.';
    case 'invalid_key':
      return 'Ett fältnamn är inte giltigt.';
    case 'invalid_element':
      return 'Ett av värdena i listan är inte giltigt.';
    case 'invalid_value':
      return iss.values.length === 1 ? 'Värdet är inte tillåtet här.' : 'Välj ett av alternativen.';
    case 'custom':
      return 'Värdet är inte giltigt.';
    default:
      return 'Värdet är inte giltigt.';
  }
};

z.config({ customError: swedishErrorMap });

// ---- Control characters -------------------------------------------------------------------------
// C0/C1 control characters (NUL among them: PostgreSQL refuses it in text) and unpaired surrogates.
// Free text may hold newline, carriage return and tab; a single-line field nothing of the kind.
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_MESSAGE_SINGLE = 'Texten innehåller ett otillåtet tecken (till exempel ett styrtecken eller en radbrytning). Skriv den på en rad med vanliga tecken.';
export const CONTROL_MESSAGE_MULTI = 'Texten innehåller ett otillåtet tecken (ett styrtecken). Skriv den med vanliga tecken.';

export function hasControlCharacters(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s) || LONE_SURROGATE.test(s);
}

/**
 * Every string the API accepts starts here: a string without control characters.
 * `multiline` allows newline and tab (free text typed in a text area).
 */
export function safeString(opts: { multiline?: boolean; error?: string } = {}) {
  const multiline = opts.multiline ?? false;
  return z
    .string(opts.error ? { error: typeError(opts.error, 'Skriv text här.') } : undefined)
    .refine((s) => !hasControlCharacters(s, multiline), { message: multiline ? CONTROL_MESSAGE_MULTI : CONTROL_MESSAGE_SINGLE, abort: true });
}

// ---- Numbers ------------------------------------------------------------------------------------

/** An integer that fits an int4 column; min defaults to 0. */
export function int4(opts: { min?: number; max?: number } = {}) {
  return z
    .number()
    .int()
    .min(opts.min ?? 0)
    .max(opts.max ?? INT4_MAX);
}

export const version = z.number({ error: typeError('Versionsnumret saknas. Ladda om sidan och försök igen.', 'Versionsnumret ska vara ett heltal.') }).int().min(1).max(INT4_MAX);

/** A version sent in a query string (DELETE ?version=3). */
export const versionQuery = z
  .string()
  .regex(/^\d{1,12}$/, { message: 'Versionsnumret ska vara ett heltal.' })
  .transform(Number)
  .pipe(version);

// ---- Dates --------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** True when s is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Why a typed date is not acceptable, or null when it is: wrong format, not in the calendar, year out of range. */
export function dateProblem(s: string): string | null {
  if (!ISO_DATE.test(s)) return 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.';
  if (!isCalendarDate(s)) return `Datumet ${s} finns inte.`;
  const y = Number(s.slice(0, 4));
  if (y < MIN_YEAR) return `Året måste vara ${MIN_YEAR} eller senare.`;
  if (y > MAX_YEAR) return `Året måste vara ${MAX_YEAR} eller tidigare.`;
  return null;
}

export const dateString = z
  .string({ error: typeError('Ange ett datum.', 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.') })
  .check((ctx) => {
    const problem = dateProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

// ---- Ids and text -------------------------------------------------------------------------------

export const uuid = z.uuid({ error: 'Id:t är inte giltigt. Välj från en lista eller länk i Kontakt i stället för att skriva det.' });

export interface TextOptions {
  /** Free text typed in a text area: newline and tab allowed. */
  multiline?: boolean;
}

export function requiredText(max: number, label = 'Fältet', opts: TextOptions = {}) {
  return safeString({ multiline: opts.multiline, error: `${label} måste fyllas i.` })
    .trim()
    .min(1, { message: `${label} måste fyllas i.` })
    .max(max, { message: `${label} får vara högst ${formatNumber(max)} tecken.` });
}

/** Optional free text: empty string becomes null. */
export function optionalText(max: number, label = 'Fältet', opts: TextOptions = {}) {
  return safeString({ multiline: opts.multiline })
    .trim()
    .max(max, { message: `${label} får vara högst ${formatNumber(max)} tecken.` })
    .nullish()
    .transform((v) => (v ? v : null));
}

export const optionalEmail = safeString()
  .trim()
  .max(200, { message: 'E-postadressen får vara högst 200 tecken.' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Skriv en giltig e-postadress, till exempel namn@exempel.se.' })
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalPhone = safeString()
  .trim()
  .max(30, { message: 'Telefonnumret får vara högst 30 tecken.' })
  .refine((v) => v === '' || /^[+0-9 ()-]{5,30}$/.test(v), { message: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.' })
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalPostalCode = safeString()
  .trim()
  .max(10, { message: 'Skriv postnumret med fem siffror, till exempel 123 45.' })
  .refine((v) => v === '' || /^\d{3} ?\d{2}$/.test(v), { message: 'Skriv postnumret med fem siffror, till exempel 123 45.' })
  .nullish()
  .transform((v) => (v ? v.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2') : null));

/** Paging in a query string (text, read as a whole number); offset = (page − 1) × pageSize stays well inside int4. */
export const paging = z.object({
  page: z.coerce.number({ error: typeError('Sidnumret ska vara ett heltal.', 'Sidnumret ska vara ett heltal.') }).int().min(1).max(100000).default(1),
  pageSize: z.coerce.number({ error: typeError('Antalet per sida ska vara ett heltal.', 'Antalet per sida ska vara ett heltal.') }).int().min(1).max(100).default(25),
});

/** Paging in a JSON body: numbers, not text or true. */
export const pagingBody = z.object({
  page: int4({ min: 1, max: 100000 }).default(1),
  pageSize: int4({ min: 1, max: 100 }).default(25),
});

export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
