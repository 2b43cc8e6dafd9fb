// What each audience sees of a report: the contact person their own report, the coordinator the same plus what the
// review needs (the deviation from the agreement, the abilities to approve or return). Amounts in öre and in words.
import { daysInMonthOf, formatKronor } from '../payments/rules';
import type { AssignmentState } from '../assignments/rules';
import {
  cancelledByLabel,
  deviationLabel,
  editRefusal,
  expectedMeetings,
  firstDayOf,
  lastDayOf,
  meetingDeviation,
  monthLabel,
  reportDeadline,
  reportLate,
  reportStatusLabel,
  reportTotals,
  reviewRefusal,
  runningDaysIn,
} from './rules';
import type { ReportLinesRows, ReportRow } from './repo';
import type { ReportOut } from './schema';

export type Audience = 'contact_person' | 'staff';

export interface ReportFacts {
  r: ReportRow;
  lines: ReportLinesRows;
  state: AssignmentState;
  meetingsPerMonth: number | null;
  names: { contactPersonName: string; personFirstName: string };
  approvedBy: string | null;
  dueDay: number;
  today: string;
  /** The staff reader may approve or return (report:approve in the unit). */
  mayReview: boolean;
}

/** The agreed meetings for the report's month and whether the held ones deviate. */
export function agreedFor(month: string, state: AssignmentState, meetingsPerMonth: number | null, held: number) {
  const runningDays = runningDaysIn(month, state);
  const daysInMonth = daysInMonthOf(month);
  const deviation = meetingDeviation(held, { meetingsPerMonth, runningDays, daysInMonth });
  return { runningDays, expected: meetingsPerMonth === null ? null : expectedMeetings(meetingsPerMonth, runningDays, daysInMonth), deviation };
}

export function presentReport(f: ReportFacts, audience: Audience): ReportOut {
  const { r, lines } = f;
  const totals = reportTotals({ meetings: lines.meetings, cancellations: lines.cancellations, expenses: lines.expenses });
  const agreed = agreedFor(r.month, f.state, f.meetingsPerMonth, totals.meetings);
  return {
    id: r.id,
    version: r.version,
    assignmentId: r.assignmentId,
    month: r.month,
    monthLabel: monthLabel(r.month),
    status: r.status,
    statusLabel: reportStatusLabel[r.status],
    personFirstName: f.names.personFirstName,
    contactPersonName: f.names.contactPersonName,
    deadline: reportDeadline(r.month, f.dueDay),
    late: reportLate(r, f.dueDay, f.today),
    firstDay: firstDayOf(r.month),
    lastDay: lastDayOf(r.month),
    meetings: lines.meetings.map((m) => ({ date: m.date, minutes: m.minutes, activity: m.activity })),
    cancellations: lines.cancellations.map((c) => ({ date: c.date, cancelledBy: c.cancelledBy, cancelledByLabel: cancelledByLabel[c.cancelledBy], note: c.note })),
    expenses: lines.expenses.map((e) => ({ amountOre: e.amountOre, amountText: formatKronor(e.amountOre), description: e.description, receiptId: e.receiptId })),
    receipts: lines.receipts,
    message: r.message,
    totals: { ...totals, expensesText: formatKronor(totals.expensesOre) },
    agreed: { meetingsPerMonth: f.meetingsPerMonth, expected: agreed.expected, runningDays: agreed.runningDays },
    deviation: agreed.deviation,
    deviationLabel: agreed.deviation ? deviationLabel[agreed.deviation] : null,
    deviationNote: r.deviationNote,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    returnComment: r.returnComment,
    returnedAt: r.returnedAt?.toISOString() ?? null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    approvedBy: f.approvedBy,
    abilities: {
      canEdit: audience === 'contact_person' && editRefusal(r.status) === null,
      canReview: audience === 'staff' && f.mayReview && reviewRefusal(r.status) === null,
    },
  };
}
