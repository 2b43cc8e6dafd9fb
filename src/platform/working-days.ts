// Swedish working days: not Saturday/Sunday, not a public holiday (lag 1989:253), and not the
// eves that are days off in practice (midsommarafton, julafton, nyårsafton).
import { getHolidays } from 'swedish-holidays';

const EVES_OFF = new Set(['Midsommarafton', 'Julafton', 'Nyårsafton']);
const cache = new Map<number, Set<string>>();

function daysOff(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(
      getHolidays(year)
        .filter((h) => h.isPublicHoliday || EVES_OFF.has(h.name))
        .map((h) => `${h.year}-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`),
    );
    cache.set(year, set);
  }
  return set;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !daysOff(Number(date.slice(0, 4))).has(date);
}

/** The date n working days after `date` (n ≥ 0; the start day itself is not counted). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
