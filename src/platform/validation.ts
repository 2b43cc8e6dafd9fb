// Shared zod building blocks with Swedish messages. Imported by the API and the web app,
// so a field is validated by the same rule in both places.
import { z } from 'zod';

z.config(z.locales.sv());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when s is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const dateString = z
  .string({ error: 'Ange ett datum.' })
  .refine(isCalendarDate, { message: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.' });

export const uuid = z.uuid({ error: 'Ogiltigt id.' });

export const version = z.number({ error: 'Versionsnummer saknas.' }).int().min(1);

export function requiredText(max: number, label = 'Fältet') {
  return z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    .min(1, { message: `${label} måste fyllas i.` })
    .max(max, { message: `${label} får vara högst ${max} tecken.` });
}

/** Optional free text: empty string becomes null. */
export function optionalText(max: number, label = 'Fältet') {
  return z
    .string()
    .trim()
    .max(max, { message: `${label} får vara högst ${max} tecken.` })
    .nullish()
    .transform((v) => (v ? v : null));
}

export const optionalEmail = z
  .string()
  .trim()
  .max(200, { message: 'E-postadressen får vara högst 200 tecken.' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Skriv en giltig e-postadress, till exempel namn@exempel.se.' })
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalPhone = z
  .string()
  .trim()
  .max(30, { message: 'Telefonnumret får vara högst 30 tecken.' })
  .refine((v) => v === '' || /^[+0-9 ()-]{5,30}$/.test(v), { message: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.' })
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalPostalCode = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{3} ?\d{2}$/.test(v), { message: 'Skriv postnumret med fem siffror, till exempel 123 45.' })
  .nullish()
  .transform((v) => (v ? v.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2') : null));

export const paging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
