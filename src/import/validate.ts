// One row of an import file checked exactly as the app's own forms check it: the same zod schemas (people/schema.ts,
// contact-persons/schema.ts), the same identity-number parser with today's date, the same date rule. Nothing here
// restates a rule; it only maps a row's cells onto the form's fields and the form's field names back onto columns.
import { z } from 'zod';
import type { IdKind } from '../people/identity-number';
import { parseIdentityNumber } from '../people/identity-number';
import { personCreateBody } from '../people/schema';
import { profileFields } from '../contact-persons/schema';
import { pastDateProblem } from '../intake/rules';
import { dateString, requiredText } from '../platform/validation';
import { readYesNo, type ImportKind } from './rules';
import { validateDecisionRow, type DecisionCatalogue, type DecisionRow } from './decisions';

export interface CellProblem {
  column: string;
  message: string;
}

type Cells = (header: string) => string | undefined;
type Ok<T> = { ok: true; value: T } | { ok: false; problems: CellProblem[] };

export interface PersonRow {
  identityNumber: string;
  idKind: IdKind;
  birthDate: string | null;
  birthDatePartial: string | null;
  sex: 'female' | 'male' | null;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
}

export interface ContactPersonRow {
  identityNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  capacity: number;
  appliedDate: string;
  approvedDate: string | null;
}

const PERSON_COLUMN: Record<string, string> = {
  identityNumber: 'personnummer',
  isReserveNumber: 'reservnummer',
  firstName: 'förnamn',
  lastName: 'efternamn',
  protectedIdentity: 'skyddad_identitet',
  streetAddress: 'adress',
  postalCode: 'postnummer',
  city: 'ort',
  phone: 'telefon',
  email: 'epost',
};

function zodProblems(error: z.ZodError, columns: Record<string, string>): CellProblem[] {
  return error.issues.map((i) => ({ column: columns[String(i.path[0])] ?? String(i.path[0] ?? ''), message: i.message }));
}

const YES_NO = 'Skriv ja eller nej (eller lämna tomt).';

export function validatePersonRow(cell: Cells, today: string): Ok<PersonRow> {
  const problems: CellProblem[] = [];
  const reserve = readYesNo(cell('reservnummer'), false);
  const protectedIdentity = readYesNo(cell('skyddad_identitet'), false);
  if (reserve === 'invalid') problems.push({ column: 'reservnummer', message: YES_NO });
  if (protectedIdentity === 'invalid') problems.push({ column: 'skyddad_identitet', message: YES_NO });
  const parsed = personCreateBody.safeParse({
    identityNumber: cell('personnummer') ?? '',
    isReserveNumber: reserve === true,
    firstName: cell('förnamn') ?? '',
    lastName: cell('efternamn') ?? '',
    protectedIdentity: protectedIdentity === true,
    streetAddress: cell('adress') ?? null,
    postalCode: cell('postnummer') ?? null,
    city: cell('ort') ?? null,
    phone: cell('telefon') ?? null,
    email: cell('epost') ?? null,
  });
  if (!parsed.success) problems.push(...zodProblems(parsed.error, PERSON_COLUMN));
  // The schema checks format and check digit; the use case's check against today's date (no birth in the future):
  const id = parseIdentityNumber(cell('personnummer') ?? '', today, reserve === true);
  if (!id.ok && !problems.some((p) => p.column === 'personnummer')) problems.push({ column: 'personnummer', message: id.message });
  if (problems.length > 0 || !parsed.success || !id.ok) return { ok: false, problems };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      identityNumber: id.normalized,
      idKind: id.kind,
      birthDate: id.birthDate,
      birthDatePartial: id.birthDatePartial,
      sex: id.sex,
      firstName: v.firstName,
      lastName: v.lastName,
      protectedIdentity: v.protectedIdentity,
      streetAddress: v.streetAddress,
      postalCode: v.postalCode,
      city: v.city,
      phone: v.phone,
      email: v.email,
    },
  };
}

/** The staff's profile form's fields (contact-persons/schema.ts) that the old register has, plus its two dates. */
const contactPersonImport = z.object({
  firstName: requiredText(100, 'Förnamnet'),
  lastName: requiredText(100, 'Efternamnet'),
  email: profileFields.email,
  phone: profileFields.phone,
  streetAddress: profileFields.streetAddress,
  postalCode: profileFields.postalCode,
  city: profileFields.city,
  capacity: profileFields.capacity,
  appliedDate: dateString,
  approvedDate: dateString.nullish(),
});

const CP_COLUMN: Record<string, string> = {
  firstName: 'förnamn',
  lastName: 'efternamn',
  email: 'epost',
  phone: 'telefon',
  streetAddress: 'adress',
  postalCode: 'postnummer',
  city: 'ort',
  capacity: 'antal_uppdrag',
  appliedDate: 'ansökningsdatum',
  approvedDate: 'godkänd_datum',
};

/** A whole number as text becomes a number for the schema; anything else goes through as typed, for its message. */
function numberCell(s: string | undefined): unknown {
  const t = (s ?? '').trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

export function validateContactPersonRow(cell: Cells, today: string): Ok<ContactPersonRow> {
  const problems: CellProblem[] = [];
  const parsed = contactPersonImport.safeParse({
    firstName: cell('förnamn') ?? '',
    lastName: cell('efternamn') ?? '',
    email: cell('epost') ?? null,
    phone: cell('telefon') ?? null,
    streetAddress: cell('adress') ?? null,
    postalCode: cell('postnummer') ?? null,
    city: cell('ort') ?? null,
    capacity: numberCell(cell('antal_uppdrag')),
    appliedDate: (cell('ansökningsdatum') ?? '').trim(),
    approvedDate: (cell('godkänd_datum') ?? '').trim() || null,
  });
  if (!parsed.success) problems.push(...zodProblems(parsed.error, CP_COLUMN));
  // As the public application (contact-persons/apply.ts): a personnummer or samordningsnummer, never a reserve number.
  const id = parseIdentityNumber(cell('personnummer') ?? '', today);
  if (!id.ok) problems.push({ column: 'personnummer', message: id.message });
  if (parsed.success) {
    const applied = pastDateProblem('ansökningsdatum', parsed.data.appliedDate, today);
    if (applied) problems.push({ column: 'ansökningsdatum', message: applied.message });
    const approved = parsed.data.approvedDate
      ? pastDateProblem('godkänd_datum', parsed.data.approvedDate, today, { date: parsed.data.appliedDate, label: 'ansökningsdatumet' })
      : null;
    if (approved) problems.push({ column: 'godkänd_datum', message: approved.message });
  }
  if (problems.length > 0 || !parsed.success || !id.ok) return { ok: false, problems };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      identityNumber: id.normalized,
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email,
      phone: v.phone,
      streetAddress: v.streetAddress,
      postalCode: v.postalCode,
      city: v.city,
      capacity: v.capacity,
      appliedDate: v.appliedDate,
      approvedDate: v.approvedDate ?? null,
    },
  };
}



export function validateRow(kind: ImportKind, cell: Cells, today: string, catalogue: DecisionCatalogue | null): Ok<PersonRow> | Ok<ContactPersonRow> | Ok<DecisionRow> {
  if (kind === 'persons') return validatePersonRow(cell, today);
  if (kind === 'contact_persons') return validateContactPersonRow(cell, today);
  if (!catalogue) throw new Error('The decisions catalogue is read before a file of decisions is checked.');
  return validateDecisionRow(cell, today, catalogue);
}
