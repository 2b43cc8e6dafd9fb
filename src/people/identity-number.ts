// Personnummer, samordningsnummer and reservnummer: parsing and presentation.
// Pure: used by the API schemas, the web forms and the generator alike.
import Personnummer from 'personnummer';

export type IdKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';

export type ParsedIdentity =
  | { ok: true; kind: IdKind; normalized: string; birthDate: string | null; sex: 'female' | 'male' | null }
  | { ok: false; message: string };

const RESERVE = /^[0-9A-ZÅÄÖ-]{6,20}$/;

/**
 * Parse what a user typed. 10 or 12 digits with or without `-`/`+` (the `+` marks a person
 * aged 100 or more; the package derives the century from it and the age).
 * Reserve numbers follow the county's own format and are accepted as typed (upper-cased).
 */
export function parseIdentityNumber(input: string, asReserveNumber = false): ParsedIdentity {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Skriv personnummer eller samordningsnummer.' };
  if (asReserveNumber) {
    const v = raw.toUpperCase().replace(/\s+/g, '');
    if (!RESERVE.test(v)) {
      return { ok: false, message: 'Reservnumret får bara innehålla siffror, bokstäver och bindestreck (6–20 tecken).' };
    }
    return { ok: true, kind: 'reservnummer', normalized: v, birthDate: null, sex: null };
  }
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(raw.replace(/\s+/g, ''))) {
    return { ok: false, message: 'Skriv numret med 10 eller 12 siffror, till exempel 19900101-1234.' };
  }
  const opts = { allowCoordinationNumber: true, allowInterimNumber: false };
  if (!Personnummer.valid(raw.replace(/\s+/g, ''), opts)) {
    return { ok: false, message: 'Numret är inte ett giltigt personnummer eller samordningsnummer. Kontrollera siffrorna.' };
  }
  const p = Personnummer.parse(raw.replace(/\s+/g, ''), opts);
  const coordination = p.isCoordinationNumber();
  const day = coordination ? Number(p.day) - 60 : Number(p.day);
  return {
    ok: true,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    normalized: p.format(true),
    birthDate: `${p.fullYear}-${p.month}-${String(day).padStart(2, '0')}`,
    sex: p.isFemale() ? 'female' : 'male',
  };
}

/** 12 digits → ÅÅÅÅMMDD-NNNN (eSam). Reserve numbers are shown as stored. */
export function formatIdentityNumber(normalized: string | null, kind: IdKind | null): string {
  if (!normalized) return '';
  if (kind === 'reservnummer' || !/^\d{12}$/.test(normalized)) return normalized;
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** What a search string looks like: a (partial) number or a name. */
export function classifySearch(query: string): { kind: 'number'; digits: string } | { kind: 'name'; words: string[] } {
  const q = query.trim();
  const compact = q.replace(/[\s+-]/g, '');
  if (/^\d{4,12}$/.test(compact)) return { kind: 'number', digits: compact };
  return { kind: 'name', words: q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 3) };
}
