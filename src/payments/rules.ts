// Pay rules (domain.md §5): arvode and omkostnad per month from the rate table, pro rata by calendar days.
// Pure: no I/O, no clock. `monthlyCompensation` is the one place an amount for an assignment and month is computed;
// the agreement, the payroll notice, the payroll month, the portal and the dashboards all call it.
import { daysBetween } from '../platform/calendar';

/** Prisbasbelopp per year (kronor), seeded into the rate table (SFS 2025:872 for 2026). */
export const SEED_PRISBASBELOPP: Record<number, number> = { 2024: 57_300, 2025: 58_800, 2026: 59_200 };

export interface CompensationInput {
  month: string; // 'YYYY-MM'
  rate: { arvode: number; omkostnad: number }; // öre (integers) for a full month
  start: string; // first day of the assignment, 'YYYY-MM-DD'
  end?: string | null; // last paid day, inclusive; null = ongoing
  interruptions?: { from: string; to?: string | null }[]; // days without pay, inclusive; to null = ongoing
}

export interface Compensation {
  paidDays: number;
  daysInMonth: number;
  arvode: number; // öre
  omkostnad: number; // öre
}

/** Days in a 'YYYY-MM' month (leap years included). */
export function daysInMonthOf(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** amount × num / den, rounded to whole öre, half up (exact in integers: no floating point). */
export function proRata(amount: number, num: number, den: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative integer (öre)');
  return Math.floor((2 * amount * num + den) / (2 * den));
}

/**
 * The month's arvode and omkostnad for one assignment: paid days are the days of the month inside
 * [start, end] not covered by any interruption (a day covered twice is unpaid once).
 */
export function monthlyCompensation(input: CompensationInput): Compensation {
  const { month, rate, start } = input;
  const daysInMonth = daysInMonthOf(month);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth).padStart(2, '0')}`;
  const from = start > first ? start : first;
  const end = input.end ?? null;
  const to = end !== null && end < last ? end : last;
  let paidDays = 0;
  if (from <= to) {
    // Days in [from, to] less the union of the interruptions clipped to it: interval arithmetic, not a walk over the
    // days (the payroll month computes this for every running assignment).
    const clipped: [string, string][] = [];
    for (const i of input.interruptions ?? []) {
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
      const a = i.from > from ? i.from : from;
      const b = i.to != null && i.to < to ? i.to : to;
      if (a <= b) clipped.push([a, b]);
    }
    clipped.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    let unpaid = 0;
    let run: [string, string] | null = null;
    for (const [a, b] of clipped) {
      if (run && a <= run[1]) {
        if (b > run[1]) run[1] = b;
        continue;
      }
      if (run) unpaid += daysBetween(run[0], run[1]) + 1;
      run = [a, b];
    }
    if (run) unpaid += daysBetween(run[0], run[1]) + 1;
    paidDays = daysBetween(from, to) + 1 - unpaid;
  }
  return {
    paidDays,
    daysInMonth,
    arvode: proRata(rate.arvode, paidDays, daysInMonth),
    omkostnad: proRata(rate.omkostnad, paidDays, daysInMonth),
  };
}

/** How the municipality rounds an amount derived from a share of the prisbasbelopp. */
export const ROUNDINGS = ['krona', 'ten_kronor', 'hundred_kronor'] as const;
export type Rounding = (typeof ROUNDINGS)[number];
export const roundingLabel: Record<Rounding, string> = { krona: 'Hela kronor', ten_kronor: 'Jämna tiotal kronor', hundred_kronor: 'Jämna hundratal kronor' };

/**
 * A monthly amount (öre) from a yearly share of the prisbasbelopp: pbb (kronor) × share (per mille) / 12, rounded
 * half up to the chosen step. SKR's recommendations are yearly shares paid monthly (domain.md §5).
 */
export function monthlyFromShare(pbbKronor: number, sharePermille: number, rounding: Rounding): number {
  const step = rounding === 'krona' ? 1 : rounding === 'ten_kronor' ? 10 : 100;
  // kronor per month = pbb × share / 1000 / 12; round to `step` kronor, half up, in integers.
  const den = 12_000 * step;
  const steps = Math.floor((2 * pbbKronor * sharePermille + den) / (2 * den));
  return steps * step * 100;
}

/** Swedish kronor for people: "1 234 kr" or "1 234,50 kr" from öre. */
export function formatKronor(ore: number): string {
  const sign = ore < 0 ? '−' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  const whole = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${whole}${rest ? `,${String(rest).padStart(2, '0')}` : ''}\u00a0kr`;
}

/**
 * Kronor typed by a person ("1 234", "1234,50", "1 234.5 kr") as öre, or null when it is not an amount with at most
 * two decimals. Spaces (also non-breaking) group thousands; comma or point is the decimal sign.
 */
export function parseKronor(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Öre as a number for a spreadsheet: "1234,50" (decimal comma, no grouping, always two decimals). */
export function kronorForSpreadsheet(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A level's monthly amount: entered (öre) or derived from a share of the year's prisbasbelopp. */
export type AmountSpec = { ore: number; sharePermille: null } | { ore: null; sharePermille: number };

/** The amount a level stores for `spec` in a year with this prisbasbelopp and rounding. */
export function levelAmount(spec: AmountSpec, pbbKronor: number, rounding: Rounding): number {
  return spec.sharePermille !== null ? monthlyFromShare(pbbKronor, spec.sharePermille, rounding) : spec.ore;
}

/**
 * Writes to a year's table from a past year (before today's year) change months already paid: allowed only with a
 * written reason (the correction is then audited with it).
 */
export function pastYearNeedsReason(year: number, today: string, reason: string | null | undefined): boolean {
  return year < Number(today.slice(0, 4)) && !reason?.trim();
}
