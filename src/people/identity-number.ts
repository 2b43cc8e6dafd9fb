// Personnummer, samordningsnummer and reservnummer: parsing and presentation.
// Pure (today is an argument): used by the API schemas, the use cases, the web forms and the generator alike.
//
// Written here rather than with the `personnummer` package: that package refuses samordningsnummer whose birth
// month or day is unknown (month 00, day 60) or whose date is not in the calendar (19790290-2399), and Skatteverket
// assigns those (8.6 % of its published test samordningsnummer). The rules are small: YYMMDD + serial + Luhn digit.

export type IdKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';

export type ParsedIdentity =
  | {
      ok: true;
      kind: IdKind;
      normalized: string;
      /** The full birth date when known, else null. */
      birthDate: string | null;
      /** What is known when the full date is not: 'YYYY-MM' or 'YYYY'; null when the full date is known. */
      birthDatePartial: string | null;
      sex: 'female' | 'male' | null;
    }
  | { ok: false; message: string };

const RESERVE = /^[0-9A-ZÅÄÖ-]{6,20}$/;
const NUMBER = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** The Luhn check digit of a string of digits (for a personnummer: the nine digits YYMMDDNNN). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Syntax {
  century: number | null;
  yy: number;
  month: number; // 0 = unknown (samordningsnummer only)
  day: number | null; // null = unknown or not in the calendar (samordningsnummer only)
  plus: boolean;
  coordination: boolean;
  serial: string;
  check: string;
  rawMonth: string;
  rawDay: string;
}

/** Format, check digit and month/day ranges: everything that does not depend on today. */
function readSyntax(compact: string): Syntax | { message: string } {
  const m = NUMBER.exec(compact);
  if (!m) return { message: 'Skriv numret med 10 eller 12 siffror, till exempel 19900101-1234.' };
  const [, cc, yy, mm, dd, sep, serial, check] = m;
  if (luhnDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) {
    return { message: 'Numret är inte ett giltigt personnummer eller samordningsnummer: den sista siffran (kontrollsiffran) stämmer inte. Kontrollera siffrorna.' };
  }
  const month = Number(mm);
  const rawDay = Number(dd);
  const coordination = rawDay >= 60;
  if (coordination) {
    // Samordningsnummer: day + 60; day 60 and month 00 mean "not known"; a date outside the calendar is kept as assigned.
    if (rawDay > 91 || month > 12) return { message: 'Numret är inte ett giltigt samordningsnummer: dag eller månad är fel. Kontrollera siffrorna.' };
  } else {
    if (month < 1 || month > 12 || rawDay < 1 || rawDay > 31) {
      return { message: 'Numret är inte ett giltigt personnummer: det finns ingen sådan månad eller dag. Kontrollera siffrorna.' };
    }
  }
  return {
    century: cc === undefined ? null : Number(cc),
    yy: Number(yy),
    month,
    day: coordination ? (rawDay === 60 || month === 0 ? null : rawDay - 60) : rawDay,
    plus: sep === '+',
    coordination,
    serial,
    check,
    rawMonth: mm,
    rawDay: dd,
  };
}

/** The earliest date the known parts allow, as YYYY-MM-DD (for "in the future?" and the century). */
function earliest(year: number, month: number, day: number | null): string {
  return `${pad(year, 4)}-${pad(month || 1)}-${pad(month && day ? day : 1)}`;
}

/**
 * Why the typed number cannot be an identity number, without knowing today (format, check digit, month and day):
 * for the form schema. The use case then parses it with today's date.
 */
export function identityNumberProblem(input: string, asReserveNumber = false): string | null {
  const r = parseIdentityNumber(input, null, asReserveNumber);
  return r.ok ? null : r.message;
}

/**
 * Parse what a user typed. 10 or 12 digits with or without `-`/`+`. With 10 digits the century follows from
 * the separator and `today`: `-` (or none) the person is under 100, `+` 100 or more. A birth date after today is
 * refused (with 12 digits; with 10 the century is chosen so it is never in the future).
 * `today` null checks only what does not depend on the date (the form schema does that).
 * Reserve numbers follow the county's own format and are accepted as typed (upper-cased).
 */
export function parseIdentityNumber(input: string, today: string | null, asReserveNumber = false): ParsedIdentity {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Skriv personnummer eller samordningsnummer.' };
  if (asReserveNumber) {
    const v = raw.toUpperCase().replace(/\s+/g, '');
    if (!RESERVE.test(v)) {
      return { ok: false, message: 'Reservnumret får bara innehålla siffror, bokstäver och bindestreck (6–20 tecken).' };
    }
    return { ok: true, kind: 'reservnummer', normalized: v, birthDate: null, birthDatePartial: null, sex: null };
  }
  const s = readSyntax(raw.replace(/\s+/g, ''));
  if ('message' in s) return { ok: false, message: s.message };

  let year: number;
  if (s.century !== null) {
    year = s.century * 100 + s.yy;
  } else {
    if (today === null) {
      // Without today the century is open; 20YY is a leap year exactly when 19YY is, except 2000 (so 000229 passes).
      year = 2000 + s.yy;
    } else {
      // The latest year ending in YY whose earliest possible date is not after today, minus 100 for '+'.
      const thisYear = Number(today.slice(0, 4));
      year = thisYear - ((((thisYear - s.yy) % 100) + 100) % 100);
      if (earliest(year, s.month, s.day) > today) year -= 100;
      if (s.plus) year -= 100;
    }
  }
  // A personnummer's date must exist; a samordningsnummer's need not (it is then known to the month).
  let day = s.day;
  if (!s.coordination && !isRealDate(year, s.month, s.day!)) {
    return { ok: false, message: `Numret är inte ett giltigt personnummer: datumet ${pad(year, 4)}-${s.rawMonth}-${s.rawDay} finns inte. Kontrollera siffrorna.` };
  }
  if (s.coordination && s.month && day !== null && !isRealDate(year, s.month, day)) day = null;

  const known = s.month === 0 ? pad(year, 4) : day === null ? `${pad(year, 4)}-${pad(s.month)}` : `${pad(year, 4)}-${pad(s.month)}-${pad(day)}`;
  if (today !== null && earliest(year, s.month, day) > today) {
    const what = known.length === 10 ? `Födelsedatumet ${known}` : known.length === 7 ? `Födelsemånaden ${known}` : `Födelseåret ${known}`;
    return { ok: false, message: `${what} ligger i framtiden, så numret kan inte stämma. Kontrollera siffrorna.` };
  }
  return {
    ok: true,
    kind: s.coordination ? 'samordningsnummer' : 'personnummer',
    normalized: `${pad(year, 4)}${s.rawMonth}${s.rawDay}${s.serial}${s.check}`,
    birthDate: known.length === 10 ? known : null,
    birthDatePartial: known.length === 10 ? null : known,
    // The ninth digit (last of the serial) is odd for men, even for women.
    sex: Number(s.serial[2]) % 2 === 1 ? 'male' : 'female',
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
