// Pure rules of the dashboard (issue 13 item 2): the key figures' statistics (median, 90th percentile, share), the
// months of a period, the age bands of open orders and the cutoff behind "past the IVO deadline". No I/O, no clock.
// The execution deadline itself is `executionDeadline` (decisions/rules.ts): everything here is derived from it.
import { addDays, addMonths, daysBetween } from '../platform/calendar';
import { executionDeadline } from '../decisions/rules';

/** A distribution as counts per value (e.g. days of waiting → number of cases), the way SQL hands it over. */
export type Histogram = readonly { value: number; count: number }[];

/**
 * The p-quantile (0 ≤ p ≤ 1) with linear interpolation between the closest ranks — the definition of PostgreSQL's
 * `percentile_cont` and of spreadsheets' PERCENTILE.INC: position p·(n−1) in the sorted values. Null when empty.
 */
export function percentileOf(h: Histogram, p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`not a quantile: ${p}`);
  const sorted = h.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const pos = p * (n - 1);
  const lower = valueAt(sorted, Math.floor(pos));
  const upper = valueAt(sorted, Math.ceil(pos));
  return lower + (upper - lower) * (pos - Math.floor(pos));
}

/** The value at 0-based rank k of the histogram's sorted values. */
function valueAt(sorted: Histogram, k: number): number {
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (k < seen) return b.value;
  }
  return sorted[sorted.length - 1].value;
}

export const medianOf = (h: Histogram): number | null => percentileOf(h, 0.5);
export const p90Of = (h: Histogram): number | null => percentileOf(h, 0.9);

/** part / whole, null when there is nothing to share (never a division by zero shown as 0 %). */
export function shareOf(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  if (part < 0 || part > whole) throw new RangeError(`part ${part} outside 0…${whole}`);
  return part / whole;
}

/** A share in Swedish: 0.735 → "74 %" (half up), null → "–". */
export function percentText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** Days in Swedish with one decimal only when needed: 12 → "12 dagar", 12.5 → "12,5 dagar", 1 → "1 dag". */
export function daysText(days: number | null): string {
  if (days === null) return '–';
  const rounded = Math.round(days * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',');
  return `${text} ${rounded === 1 ? 'dag' : 'dagar'}`;
}

/** Executed within three months: on or before the execution deadline of the decision date. */
export function executedInTime(decisionDate: string, executedDate: string | null): boolean {
  return executedDate !== null && executedDate <= executionDeadline(decisionDate);
}

/**
 * The first decision date whose execution deadline is on or after `day`: a decision made before it has its
 * deadline before `day`. executionDeadline never decreases with the decision date (end-of-month clamping maps
 * several dates to one deadline, never backwards), so a date comparison in SQL says what the rule says for every
 * row (tested against the rule for every date of several years).
 */
export function executionDeadlineCutoff(day: string): string {
  // Three months back, less the at most three days the clamping can take, is always early enough.
  let d = addDays(addMonths(day, -3), -4);
  while (executionDeadline(d) < day) d = addDays(d, 1);
  return d;
}

/** The months 'YYYY-MM' from the month of `from` to the month of `to`, both included. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const out: string[] = [];
  let m = `${from.slice(0, 7)}-01`;
  const last = to.slice(0, 7);
  while (m.slice(0, 7) <= last) {
    out.push(m.slice(0, 7));
    m = addMonths(m, 1);
  }
  return out;
}

/** The longest period a dashboard shows (a longer one would only be unreadable). */
export const MAX_PERIOD_MONTHS = 36;

/** The period's problems, for the API and the filter form: end before start, or longer than MAX_PERIOD_MONTHS. */
export function dashboardPeriodProblem(from: string, to: string): { path: 'to'; message: string } | null {
  if (to < from) return { path: 'to', message: 'Slutdatum kan inte vara före startdatum.' };
  if (monthsOfPeriod(from, to).length > MAX_PERIOD_MONTHS) return { path: 'to', message: `Perioden kan vara högst ${MAX_PERIOD_MONTHS} månader.` };
  return null;
}

/** The default period: the twelve months up to and including today's. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${addMonths(`${today.slice(0, 7)}-01`, -11).slice(0, 7)}-01`, to: today };
}

/** Age bands of open orders, in days since the order was sent. */
export const ORDER_AGE_BANDS = [
  { key: 'd0_30', label: '0–30 dagar', maxDays: 30 },
  { key: 'd31_60', label: '31–60 dagar', maxDays: 60 },
  { key: 'd61_90', label: '61–90 dagar', maxDays: 90 },
  { key: 'd91_', label: 'Mer än 90 dagar', maxDays: Number.POSITIVE_INFINITY },
] as const;
export type OrderAgeBand = (typeof ORDER_AGE_BANDS)[number]['key'];

/** Which band an order sent on `sentDate` is in on `today`. */
export function orderAgeBand(sentDate: string, today: string): OrderAgeBand {
  const days = daysBetween(sentDate, today);
  return ORDER_AGE_BANDS.find((b) => days <= b.maxDays)!.key;
}

/** The day an age band's orders were sent on or after (its lower bound), for SQL: band ≤ maxDays ⇔ sent ≥ today − maxDays. */
export function sentOnOrAfter(today: string, maxDays: number): string {
  return addDays(today, -maxDays);
}

/** The LSS statistics reminder shows from 1 October until the file's due day, 25 October (domain.md §6). */
export function lssStatisticsDue(today: string): { referenceDate: string; dueDate: string } | null {
  const year = today.slice(0, 4);
  const referenceDate = `${year}-10-01`;
  const dueDate = `${year}-10-25`;
  return today >= referenceDate && today <= dueDate ? { referenceDate, dueDate } : null;
}

/** A CSV file for Excel: BOM, semicolons, CRLF, decimal comma, every text field guarded against formulas. */
export function csvOf(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    const guarded = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
