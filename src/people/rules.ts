// Derived facts about a person: age and "child or adult" from what is known of the birth date.
// Pure (today is an argument). A samordningsnummer may leave the day or month unknown: then the age is a range,
// and the answer says so instead of guessing.

export interface BirthKnown {
  /** The full date when known. */
  birthDate: string | null;
  /** 'YYYY-MM' or 'YYYY' when only that is known. */
  birthDatePartial: string | null;
}

export type Age = { kind: 'exact'; years: number } | { kind: 'range'; min: number; max: number } | { kind: 'unknown' };

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function lastDayOfMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** The earliest and latest birth date the known parts allow. */
function bounds(b: BirthKnown): [string, string] | null {
  if (b.birthDate) return [b.birthDate, b.birthDate];
  const p = b.birthDatePartial;
  if (!p) return null;
  if (/^\d{4}-\d{2}$/.test(p)) {
    const last = lastDayOfMonth(Number(p.slice(0, 4)), Number(p.slice(5, 7)));
    return [`${p}-01`, `${p}-${String(last).padStart(2, '0')}`];
  }
  if (/^\d{4}$/.test(p)) return [`${p}-01-01`, `${p}-12-31`];
  return null;
}

/** Completed years between a birth date and today (both YYYY-MM-DD); a 29 February birthday counts from 1 March. */
function yearsBetween(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

export function ageOn(b: BirthKnown, today: string): Age {
  const bb = bounds(b);
  if (!bb) return { kind: 'unknown' };
  const [first, last] = bb;
  const max = Math.max(0, yearsBetween(first, today));
  const min = Math.max(0, yearsBetween(last, today));
  return min === max ? { kind: 'exact', years: min } : { kind: 'range', min, max };
}

/** "44 år", "44 eller 45 år (födelsedagen är okänd)", "ålder okänd". */
export function describeAge(b: BirthKnown, today: string): string {
  const a = ageOn(b, today);
  if (a.kind === 'unknown') return 'Ålder okänd';
  if (a.kind === 'exact') return `${a.years} år`;
  const why = b.birthDatePartial && b.birthDatePartial.length === 4 ? 'födelsemånaden är okänd' : 'födelsedagen är okänd';
  return `${a.min} eller ${a.max} år (${why})`;
}

/** true = a child, false = an adult, null = cannot tell from what is known (or nothing is known). */
export function isChildOn(b: BirthKnown, today: string, adultAge = 18): boolean | null {
  const a = ageOn(b, today);
  if (a.kind === 'unknown') return null;
  if (a.kind === 'exact') return a.years < adultAge;
  if (a.max < adultAge) return true;
  if (a.min >= adultAge) return false;
  return null;
}

/** "1979-02-14", "februari 1979 (dagen är okänd)", "1979 (månad och dag är okända)", or "Okänt". */
export function describeBirth(b: BirthKnown): string {
  if (b.birthDate) return b.birthDate;
  const p = b.birthDatePartial;
  if (p && /^\d{4}-\d{2}$/.test(p)) return `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)} (dagen är okänd)`;
  if (p && /^\d{4}$/.test(p)) return `${p} (månad och dag är okända)`;
  return 'Okänt';
}
