// The portal's rules (issue 12), pure: which months an assignment can be reported for, what a report may hold, its
// deadline and lateness, how far its meetings deviate from the agreement, who has not reported a month that is due,
// and what a receipt may be. The use cases, the presenters and the web forms share them.
import { addDays, addMonths } from '../platform/calendar';
import { daysInMonthOf, monthlyCompensation } from '../payments/rules';
import type { AssignmentFacts } from '../assignments/rules';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const reportStatusLabel: Record<ReportStatus, string> = {
  draft: 'Utkast, inte inskickad',
  submitted: 'Inskickad, väntar på godkännande',
  returned: 'Återsänd för komplettering',
  approved: 'Godkänd',
};

/** Who cancelled a planned meeting. */
export const CANCELLED_BY = ['person', 'contact_person'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];
export const cancelledByLabel: Record<CancelledBy, string> = { person: 'Personen', contact_person: 'Kontaktpersonen' };

/** Receipts: at most 10 MB, and only these types (read from the content, never from the name). */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
export const RECEIPT_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'application/pdf': 'PDF',
};
/** One expense above this (50 000 kr) is not a contact person's expense: call the coordinator instead. */
export const MAX_EXPENSE_ORE = 5_000_000;
export const MAX_MEETING_MINUTES = 24 * 60;
/** Lines per list in one report (a meeting a day and then some). */
export const MAX_REPORT_LINES = 62;
export const ATTESTATION_TEXT = 'Jag intygar att uppgifterna är riktiga';
/** The report for a month is due on this day of the next month unless the portal settings say otherwise. */
export const DEFAULT_REPORT_DUE_DAY = 5;
/** Reports with fewer than 50 % or more than 150 % of the agreed meetings (pro rata) are highlighted. */
export const DEVIATION_LOW_PERCENT = 50;
export const DEVIATION_HIGH_PERCENT = 150;
/** Reminders look back this many months (older gaps are the coordinator's business, not a reminder's). */
export const DUE_LOOK_BACK_MONTHS = 12;

interface FieldIssue {
  path: string;
  message: string;
}

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}
export const monthOf = (date: string): string => date.slice(0, 7);
export const firstDayOf = (month: string): string => `${month}-01`;
export const lastDayOf = (month: string): string => `${month}-${String(daysInMonthOf(month)).padStart(2, '0')}`;
export const addMonthsTo = (month: string, n: number): string => addMonths(firstDayOf(month), n).slice(0, 7);

/** "mars 2026". */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The last day to submit the report for `month`: `dueDay` of the following month. */
export function reportDeadline(month: string, dueDay: number): string {
  return `${addMonthsTo(month, 1)}-${String(dueDay).padStart(2, '0')}`;
}

/**
 * Late: first submitted after the deadline, or not submitted and the deadline has passed. A report returned for
 * completion and submitted again is judged by its first submission (the return was not the contact person's delay).
 */
export function reportLate(r: { month: string; firstSubmittedOn: string | null }, dueDay: number, today: string): boolean {
  const deadline = reportDeadline(r.month, dueDay);
  return r.firstSubmittedOn ? r.firstSubmittedOn > deadline : today > deadline;
}

/** The assignment as a report needs it: when it started and ended (null: not yet), and its interruptions. */
export type ReportPeriod = AssignmentFacts;

/** Why a report for `month` cannot be made for this assignment, or null when it can. */
export function reportMonthProblem(a: Pick<ReportPeriod, 'startDate' | 'endDate'>, month: string, today: string): string | null {
  if (!isMonth(month)) return 'Ange månaden som år och månad, till exempel 2026-03.';
  if (!a.startDate) return 'Uppdraget har inte startat än. Det finns inget att rapportera.';
  if (month < monthOf(a.startDate)) return `Uppdraget startade ${a.startDate}. Du kan inte rapportera en månad före det.`;
  if (a.endDate && month > monthOf(a.endDate)) return `Uppdraget slutade ${a.endDate}. Du kan inte rapportera en månad efter det.`;
  if (month > monthOf(today)) return 'Månaden har inte börjat än. Du kan rapportera den när den har börjat.';
  return null;
}

/** The months this assignment can be reported for on `today`, newest first (at most `limit`). */
export function reportableMonths(a: Pick<ReportPeriod, 'startDate' | 'endDate'>, today: string, limit = DUE_LOOK_BACK_MONTHS + 1): string[] {
  if (!a.startDate) return [];
  const first = monthOf(a.startDate);
  let m = a.endDate && monthOf(a.endDate) < monthOf(today) ? monthOf(a.endDate) : monthOf(today);
  const out: string[] = [];
  while (m >= first && out.length < limit) {
    out.push(m);
    m = addMonthsTo(m, -1);
  }
  return out;
}

/** Days of `month` the assignment ran (started, not ended, not interrupted): what its pay and its expected meetings follow. */
export function runningDaysIn(month: string, a: ReportPeriod): number {
  if (!a.startDate) return 0;
  return monthlyCompensation({
    month,
    rate: { arvode: 0, omkostnad: 0 },
    start: a.startDate,
    end: a.endDate,
    // An interruption's resumed day is the first day running again; the pay rule takes the last day without pay.
    interruptions: a.interruptions.map((i) => ({ from: i.from, to: i.resumed ? addDays(i.resumed, -1) : null })),
  }).paidDays;
}

export interface ReportLines {
  meetings: ReadonlyArray<{ date: string; minutes: number; activity: string }>;
  cancellations: ReadonlyArray<{ date: string; cancelledBy: CancelledBy }>;
  expenses: ReadonlyArray<{ amountOre: number; description: string }>;
}

function dateInReport(path: string, date: string, month: string, a: Pick<ReportPeriod, 'startDate' | 'endDate'>, today: string): FieldIssue | null {
  if (monthOf(date) !== month) return { path, message: `Datumet måste ligga i ${monthLabel(month)} (${firstDayOf(month)}–${lastDayOf(month)}).` };
  if (date > today) return { path, message: 'Datumet kan inte vara senare än i dag.' };
  if (a.startDate && date < a.startDate) return { path, message: `Datumet kan inte vara före uppdragets start (${a.startDate}).` };
  if (a.endDate && date > a.endDate) return { path, message: `Datumet kan inte vara efter uppdragets slut (${a.endDate}).` };
  return null;
}

/** What is wrong in a report's lines for `month` (every problem, each with the field it belongs to). */
export function reportProblems(input: ReportLines, month: string, a: Pick<ReportPeriod, 'startDate' | 'endDate'>, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  input.meetings.forEach((m, i) => {
    const d = dateInReport(`meetings.${i}.date`, m.date, month, a, today);
    if (d) out.push(d);
    if (!Number.isInteger(m.minutes) || m.minutes < 1 || m.minutes > MAX_MEETING_MINUTES) {
      out.push({ path: `meetings.${i}.minutes`, message: 'Ange hur många minuter ni träffades (högst 24 timmar).' });
    }
    if (!m.activity.trim()) out.push({ path: `meetings.${i}.activity`, message: 'Skriv vad ni gjorde.' });
  });
  input.cancellations.forEach((c, i) => {
    const d = dateInReport(`cancellations.${i}.date`, c.date, month, a, today);
    if (d) out.push(d);
  });
  input.expenses.forEach((e, i) => {
    const p = expenseAmountProblem(e.amountOre);
    if (p) out.push({ path: `expenses.${i}.amountOre`, message: p });
    if (!e.description.trim()) out.push({ path: `expenses.${i}.description`, message: 'Skriv vad utgiften gällde.' });
  });
  return out;
}

/** An expense's amount in öre: more than 0 kr, at most 50 000 kr. */
export function expenseAmountProblem(amountOre: number): string | null {
  if (!Number.isInteger(amountOre)) return 'Skriv beloppet i kronor, med högst två decimaler.';
  if (amountOre <= 0) return 'Beloppet måste vara större än 0 kr.';
  if (amountOre > MAX_EXPENSE_ORE) return 'Beloppet är orimligt stort: en utgift får vara högst 50 000 kr. Kontakta din kontaktsekreterare.';
  return null;
}

/** Submitting needs the attestation. */
export function submitProblems(input: { attest?: boolean | null }): FieldIssue[] {
  return input.attest === true ? [] : [{ path: 'attest', message: `Kryssa i "${ATTESTATION_TEXT}" för att skicka in rapporten.` }];
}

/** Why the contact person may not change the report, or null. */
export function editRefusal(status: ReportStatus): 'REPORT_APPROVED' | null {
  return status === 'approved' ? 'REPORT_APPROVED' : null;
}

/** Why the coordinator may not approve or return the report, or null. */
export function reviewRefusal(status: ReportStatus): 'REPORT_NOT_SUBMITTED' | null {
  return status === 'submitted' ? null : 'REPORT_NOT_SUBMITTED';
}

/** Returning a report needs a comment saying what to fix. */
export function returnProblems(input: { comment?: string | null }): FieldIssue[] {
  return input.comment?.trim() ? [] : [{ path: 'comment', message: 'Skriv vad kontaktpersonen ska rätta eller komplettera.' }];
}

/** The status a saved report gets: a submitted report that is changed without submitting again is withdrawn (draft). */
export function statusAfterSave(status: ReportStatus, submit: boolean): ReportStatus {
  if (submit) return 'submitted';
  return status === 'returned' ? 'returned' : 'draft';
}

export type Deviation = 'fewer' | 'more';
export const deviationLabel: Record<Deviation, string> = {
  fewer: 'Betydligt färre träffar än avtalat',
  more: 'Betydligt fler träffar än avtalat',
};

/**
 * Meetings agreed for the month, pro rata for the days the assignment ran: meetingsPerMonth × runningDays / daysInMonth
 * (one decimal, for people; the deviation rule compares exactly).
 */
export function expectedMeetings(meetingsPerMonth: number, runningDays: number, daysInMonth: number): number {
  return Math.round((meetingsPerMonth * runningDays * 10) / daysInMonth) / 10;
}

/**
 * Do the meetings held deviate from the agreement: fewer than 50 % or more than 150 % of the agreed meetings for the
 * month, pro rata? No agreed number, or a month the assignment did not run, has no deviation. Exact in integers.
 */
export function meetingDeviation(held: number, agreed: { meetingsPerMonth: number | null; runningDays: number; daysInMonth: number }): Deviation | null {
  const { meetingsPerMonth, runningDays, daysInMonth } = agreed;
  if (meetingsPerMonth === null || runningDays <= 0 || daysInMonth <= 0) return null;
  const heldScaled = held * 100 * daysInMonth;
  const expectedScaled = meetingsPerMonth * runningDays;
  if (heldScaled < DEVIATION_LOW_PERCENT * expectedScaled) return 'fewer';
  if (heldScaled > DEVIATION_HIGH_PERCENT * expectedScaled) return 'more';
  return null;
}

/** A report's totals: meetings held, their minutes, cancelled meetings and the expenses in öre. */
export function reportTotals(lines: ReportLines): { meetings: number; minutes: number; cancellations: number; expensesOre: number } {
  return {
    meetings: lines.meetings.length,
    minutes: lines.meetings.reduce((s, m) => s + m.minutes, 0),
    cancellations: lines.cancellations.length,
    expensesOre: lines.expenses.reduce((s, e) => s + e.amountOre, 0),
  };
}

export interface DueAssignment extends ReportPeriod {
  id: string;
  contactPersonId: string;
}

export interface DueReport {
  assignmentId: string;
  contactPersonId: string;
  month: string;
  deadline: string;
  /** The deadline has passed. */
  overdue: boolean;
  /** The month's report as it stands: none yet, a draft, or returned for completion. */
  status: 'none' | 'draft' | 'returned';
}

/**
 * Who has not reported a month that is due: for every started assignment, each month that has ended (before today's
 * month, within the look-back) in which the assignment ran at least one day, and whose report is not submitted or
 * approved. Sorted by month, then assignment.
 */
export function dueReports(
  assignments: readonly DueAssignment[],
  reports: ReadonlyArray<{ assignmentId: string; month: string; status: ReportStatus }>,
  today: string,
  opts: { dueDay: number; lookBackMonths?: number },
): DueReport[] {
  const byKey = new Map(reports.map((r) => [`${r.assignmentId} ${r.month}`, r.status]));
  const current = monthOf(today);
  const earliest = addMonthsTo(current, -(opts.lookBackMonths ?? DUE_LOOK_BACK_MONTHS));
  const out: DueReport[] = [];
  for (const a of assignments) {
    if (!a.startDate) continue;
    const from = monthOf(a.startDate) > earliest ? monthOf(a.startDate) : earliest;
    const lastEnded = addMonthsTo(current, -1);
    const to = a.endDate && monthOf(a.endDate) < lastEnded ? monthOf(a.endDate) : lastEnded;
    for (let m = from; m <= to; m = addMonthsTo(m, 1)) {
      const status = byKey.get(`${a.id} ${m}`);
      if (status === 'submitted' || status === 'approved') continue;
      if (runningDaysIn(m, a) === 0) continue;
      const deadline = reportDeadline(m, opts.dueDay);
      out.push({ assignmentId: a.id, contactPersonId: a.contactPersonId, month: m, deadline, overdue: today > deadline, status: status ?? 'none' });
    }
  }
  return out.sort((x, y) => (x.month === y.month ? (x.assignmentId < y.assignmentId ? -1 : 1) : x.month < y.month ? -1 : 1));
}

/** The contact person's reminder on the portal's start page. */
export function reminderText(d: Pick<DueReport, 'month' | 'deadline' | 'overdue' | 'status'>): string {
  const what = d.status === 'returned' ? `Rapporten för ${monthLabel(d.month)} är återsänd till dig för komplettering.` : `Rapporten för ${monthLabel(d.month)} är inte inskickad.`;
  return d.overdue ? `${what} Den skulle ha skickats in senast ${d.deadline}. Skicka in den så snart du kan.` : `${what} Skicka in den senast ${d.deadline}.`;
}

/** What a receipt's detected type and size allow: null when it may be stored, else the Swedish reason. */
export function receiptProblem(detectedMime: string | null | undefined, sizeBytes: number): string | null {
  if (sizeBytes <= 0) return 'Filen är tom. Välj bilden eller PDF-filen med kvittot igen.';
  if (sizeBytes > MAX_RECEIPT_BYTES) return 'Kvittot är för stort. Det får vara högst 10 MB. Ta en ny bild med lägre upplösning eller spara en mindre PDF.';
  if (!detectedMime || !Object.hasOwn(RECEIPT_TYPES, detectedMime)) return 'Kvittot måste vara en bild (JPEG, PNG eller HEIC) eller en PDF. Filen du valde är en annan sorts fil.';
  return null;
}
