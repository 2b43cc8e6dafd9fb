// The payroll month (issue 12 items 4 and 6, domain.md §5): what is due per contact person and assignment for a
// month, what is held and why, and the correction lines that carry later changes into the next open month. Pure: no
// I/O, no clock. Amounts are öre. The month's pay for an assignment comes from `monthlyCompensation` (payments).
import { addDays } from '../platform/calendar';
import { monthlyCompensation } from '../payments/rules';

/** What the municipality does with a line whose monthly report is missing or not approved. */
export const UNREPORTED_POLICIES = ['hold', 'pay_arvode'] as const;
export type UnreportedPolicy = (typeof UNREPORTED_POLICIES)[number];
export const unreportedPolicyLabel: Record<UnreportedPolicy, string> = {
  hold: 'Vänta med hela raden tills rapporten är godkänd',
  pay_arvode: 'Betala arvodet ändå, vänta med omkostnad och utlägg',
};

/** The state of an assignment's monthly report as payroll sees it ('missing': none written). */
export const REPORT_STATES = ['missing', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Why a line is not paid in full. */
export const BLOCK_REASONS = ['notice_missing', 'rate_missing', 'report_missing', 'report_draft', 'report_submitted', 'report_returned'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];
export const blockReasonLabel: Record<BlockReason, string> = {
  notice_missing: 'Anställningsuppgifterna är inte skickade till lön.',
  rate_missing: 'Arvodestabellen saknar uppdragets nivå för månadens år.',
  report_missing: 'Månadsrapporten saknas.',
  report_draft: 'Månadsrapporten är inte inskickad.',
  report_submitted: 'Månadsrapporten väntar på godkännande.',
  report_returned: 'Månadsrapporten är återsänd till kontaktpersonen.',
};

export interface Amounts {
  arvode: number;
  omkostnad: number;
  /** Approved extra expenses beyond the omkostnad. */
  expenses: number;
}
export const ZERO: Amounts = { arvode: 0, omkostnad: 0, expenses: 0 };
export const sumAmounts = (a: Amounts, b: Amounts): Amounts => ({ arvode: a.arvode + b.arvode, omkostnad: a.omkostnad + b.omkostnad, expenses: a.expenses + b.expenses });
export const minusAmounts = (a: Amounts, b: Amounts): Amounts => ({ arvode: a.arvode - b.arvode, omkostnad: a.omkostnad - b.omkostnad, expenses: a.expenses - b.expenses });
export const isZero = (a: Amounts) => a.arvode === 0 && a.omkostnad === 0 && a.expenses === 0;
export const totalOf = (a: Amounts) => a.arvode + a.omkostnad + a.expenses;

/** What the rules need of one assignment for one month. */
export interface AssignmentMonth {
  assignmentId: string;
  contactPersonId: string;
  /** Verkställt (first day); null: never started, nothing is due. */
  start: string | null;
  /** Last paid day, inclusive. */
  end: string | null;
  /** Interruptions as stored: the unpaid days are from .. the day before resumed. */
  interruptions: readonly { from: string; resumed: string | null }[];
  /** The level's full-month amounts in the month's year; null when the year's table lacks the level. */
  rate: { arvode: number; omkostnad: number } | null;
  /** Anställningsuppgifter sent to payroll: without them payroll cannot pay. */
  noticeSent: boolean;
  report: { state: ReportState; expenses: number };
}

/** What is due for one assignment and month, given what is known now. */
export interface Due {
  amounts: Amounts;
  /** Why not all of it is paid; null when it is. */
  blocked: BlockReason | null;
  paidDays: number;
  daysInMonth: number;
}

/** The interruption's unpaid days as `monthlyCompensation` takes them (inclusive: resumed is the first day back). */
function unpaidPeriods(interruptions: AssignmentMonth['interruptions']): { from: string; to: string | null }[] {
  return interruptions.map((i) => ({ from: i.from, to: i.resumed === null ? null : addDays(i.resumed, -1) }));
}

/** Why the whole line or part of it waits, in order of what must be fixed first. */
function blockOf(a: AssignmentMonth): BlockReason | null {
  if (!a.noticeSent) return 'notice_missing';
  if (!a.rate) return 'rate_missing';
  if (a.report.state !== 'approved') return `report_${a.report.state}`;
  return null;
}

/**
 * The amount due for `a` in `month`: arvode and omkostnad pro rata (starts, ends, interruptions) plus the approved
 * report's extra expenses. Without an approved report nothing is due under 'hold'; under 'pay_arvode' the arvode is
 * (the omkostnad and expenses wait for the report). Without a payroll notice or a rate nothing is due.
 */
export function dueFor(month: string, a: AssignmentMonth, policy: UnreportedPolicy): Due {
  const rate = a.rate ?? { arvode: 0, omkostnad: 0 };
  const c = a.start === null ? null : monthlyCompensation({ month, rate, start: a.start, end: a.end, interruptions: unpaidPeriods(a.interruptions) });
  const paidDays = c?.paidDays ?? 0;
  const daysInMonth = c?.daysInMonth ?? 0;
  const full: Amounts = { arvode: c?.arvode ?? 0, omkostnad: c?.omkostnad ?? 0, expenses: a.report.state === 'approved' ? a.report.expenses : 0 };
  const blocked = blockOf(a);
  if (blocked === null) return { amounts: full, blocked, paidDays, daysInMonth };
  const payArvode = policy === 'pay_arvode' && blocked.startsWith('report_');
  return { amounts: { arvode: payArvode ? full.arvode : 0, omkostnad: 0, expenses: 0 }, blocked, paidDays, daysInMonth };
}

/** Did the assignment run in the month at all (a line to show, paid or blocked)? */
export function activeIn(month: string, a: Pick<AssignmentMonth, 'start' | 'end'>): boolean {
  if (a.start === null) return false;
  const first = `${month}-01`;
  return a.start <= `${month}-31` && (a.end === null || a.end >= first);
}

type LineKind = 'regular' | 'correction';

export interface PayLine {
  assignmentId: string;
  contactPersonId: string;
  kind: LineKind;
  /** The month the work was done (a correction's earlier month). */
  forMonth: string;
  amounts: Amounts;
  blocked: BlockReason | null;
  paidDays: number;
  daysInMonth: number;
}

/** What was paid for an assignment's earlier month (its lines in locked months), with what is known of it now. */
export interface EarlierMonth {
  forMonth: string;
  assignment: AssignmentMonth;
  paid: Amounts;
}

/**
 * The month's lines: one regular line per assignment that ran in the month (paid, partly paid or held, with why),
 * and a correction line per earlier month whose due amount now differs from what was paid for it (a late-approved
 * report, a corrected interruption or end, a corrected rate). A locked month is never recomputed: the difference
 * goes here.
 */
export function monthLines(month: string, current: readonly AssignmentMonth[], earlier: readonly EarlierMonth[], policy: UnreportedPolicy): PayLine[] {
  const lines: PayLine[] = [];
  for (const a of current) {
    if (!activeIn(month, a) && a.report.expenses === 0) continue;
    const d = dueFor(month, a, policy);
    lines.push({ assignmentId: a.assignmentId, contactPersonId: a.contactPersonId, kind: 'regular', forMonth: month, ...d });
  }
  for (const e of earlier) {
    if (e.forMonth >= month) continue;
    const d = dueFor(e.forMonth, e.assignment, policy);
    const diff = minusAmounts(d.amounts, e.paid);
    if (isZero(diff)) continue;
    lines.push({ assignmentId: e.assignment.assignmentId, contactPersonId: e.assignment.contactPersonId, kind: 'correction', forMonth: e.forMonth, amounts: diff, blocked: null, paidDays: d.paidDays, daysInMonth: d.daysInMonth });
  }
  return lines;
}

/** The lines that go into the file: anything with an amount (a held line with nothing paid stays out). */
export function exportedLines<L extends Pick<PayLine, 'amounts'>>(lines: readonly L[]): L[] {
  return lines.filter((l) => !isZero(l.amounts));
}

/** Sum of amounts of lines. */
export function sumLines(lines: readonly Pick<PayLine, 'amounts'>[]): Amounts {
  return lines.reduce((s, l) => sumAmounts(s, l.amounts), ZERO);
}

/** A payroll month 'YYYY-MM' that may be opened on `today`: not after today's month. */
export function monthProblem(month: string, today: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.';
  if (month > today.slice(0, 7)) return 'Månaden har inte börjat än.';
  return null;
}

/** The month before/after 'YYYY-MM'. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * Segregation of duties (item 6): who approved a report that the month pays may not lock that month, unless the
 * municipality allows it. Returns the reports that stand in the way.
 */
export function lockSegregationConflicts(actorId: string, approvers: readonly { reportId: string; approvedBy: string | null }[], approverMayLock: boolean): string[] {
  if (approverMayLock) return [];
  return approvers.filter((r) => r.approvedBy === actorId).map((r) => r.reportId);
}

// ---- Internal control of payments (item 6) ------------------------------------------------------

/** What kind of payment data a logged change touched. */
export const CHANGE_KIND_LABELS = { bank_tax: 'Bank- och skatteuppgifter', rate: 'Arvodestabell', report: 'Godkänd månadsrapport' } as const;
type ChangeKind = keyof typeof CHANGE_KIND_LABELS;
export const CHANGE_KINDS = Object.keys(CHANGE_KIND_LABELS) as [ChangeKind, ...ChangeKind[]];

/** The watched columns in words (others show their column name). */
const CHANGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  clearing_number: 'Clearingnummer',
  account_number: 'Kontonummer',
  bank_name: 'Bank',
  tax_table: 'Skattetabell',
  tax_column: 'Skattekolumn',
  prisbasbelopp: 'Prisbasbelopp',
  rounding: 'Avrundning',
  code: 'Kod',
  name: 'Namn',
  description: 'Beskrivning',
  arvode: 'Arvode (öre)',
  omkostnad: 'Omkostnad (öre)',
  arvode_share_permille: 'Arvode (promille av prisbasbeloppet)',
  omkostnad_share_permille: 'Omkostnad (promille av prisbasbeloppet)',
  per_occasion: 'Per tillfälle (öre)',
  mileage_per_mil: 'Milersättning (öre)',
  status: 'Status',
  amount_ore: 'Belopp (öre)',
  message: 'Meddelande',
  date: 'Datum',
  minutes: 'Minuter',
  activity: 'Aktivitet',
  cancelled_by: 'Inställd av',
  deviation_note: 'Kommentar om avvikelse',
  return_comment: 'Kommentar vid återsändning',
  approved_at: 'Godkänd',
  approved_by: 'Godkänd av',
  returned_at: 'Återsänd',
  returned_by: 'Återsänd av',
  receipt_id: 'Kvitto',
};

/** Account numbers shown to a reviewer without the payment permission: only the last four digits. */
export function maskAccount(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 4 ? '••••' : `••••${digits.slice(-4)}`;
}

/** The fields a change shows: before and after of each changed column, bank numbers masked unless allowed. */
export function changeFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, showAccounts: boolean): { field: string; before: string | null; after: string | null }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const show = (k: string, v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return !showAccounts && (k === 'account_number' || k === 'clearing_number') ? maskAccount(s) : s;
  };
  return keys.map((k) => ({ field: CHANGE_FIELD_LABELS[k] ?? k, before: show(k, before?.[k]), after: show(k, after?.[k]) }));
}
