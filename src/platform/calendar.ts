// The calendar: dates without time (YYYY-MM-DD), counted in whole days. Pure (no clock, no I/O), so a
// rules.ts may import it and the web may share it. Swedish working days: not Saturday/Sunday, not a
// public holiday (lag 1989:253), and not the eves that are days off in practice (midsommarafton,
// julafton, nyårsafton), from swedish-holidays.
import { getHolidays } from 'swedish-holidays';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const EVES_OFF = new Set(['Midsommarafton', 'Julafton', 'Nyårsafton']);
const DAY_MS = 86_400_000;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysOffByYear = new Map<number, Set<string>>();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toUtc(date: IsoDate): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms;
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

function daysOff(year: number): Set<string> {
  let set = daysOffByYear.get(year);
  if (!set) {
    set = new Set(getHolidays(year).filter((h) => h.isPublicHoliday || EVES_OFF.has(h.name)).map((h) => `${h.year}-${pad(h.month)}-${pad(h.day)}`));
    daysOffByYear.set(year, set);
  }
  return set;
}

/** The date n calendar days after `date` (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/**
 * The same day n months later (n may be negative), clamped to the end of a shorter month:
 * "three months later" than 2026-11-30 is 2027-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12; // 0–11
  const monthLength = month === 1 ? (isLeapYear(year) ? 29 : 28) : MONTH_LENGTHS[month];
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, monthLength))}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function isWorkingDay(date: IsoDate): boolean {
  const dow = new Date(toUtc(date)).getUTCDay();
  return dow !== 0 && dow !== 6 && !daysOff(Number(date.slice(0, 4))).has(date);
}

/** The date n working days after `date` (n ≥ 0; the start day itself is not counted). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
