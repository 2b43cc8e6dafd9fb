// The month's lines as they stand now: the rules (monthLines) over the month's assignments and over the locked
// months' candidates for a correction, with what the file shows of each line. Locking freezes exactly this.
import type { Queryable } from '../platform/db/connect';
import { CORRECTION_HORIZON_MONTHS, correctionCandidates, loadAssignmentMonths, lockedMonthsBefore, paidFor, type MonthRow, type PayrollSettingsRow } from './repo';
import { monthLines, shiftMonth, ZERO, type EarlierMonth, type PayLine } from './rules';

export interface ComputedLine extends PayLine {
  unitId: string;
  caseNumber: string;
  identityNumber: string;
  name: string;
  levelCode: string;
  levelName: string;
  costCentre: string;
  reportId: string | null;
  approvedBy: string | null;
  payCodes: { arvode: string; omkostnad: string; utlagg: string };
}

const collator = new Intl.Collator('sv');

/** The file's order: contact person (name, personnummer), assignment, the regular line before its corrections. */
function compareLines(a: ComputedLine, b: ComputedLine): number {
  return (
    collator.compare(a.name, b.name) ||
    (a.identityNumber < b.identityNumber ? -1 : a.identityNumber > b.identityNumber ? 1 : 0) ||
    (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0) ||
    (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0) ||
    (a.kind === b.kind ? 0 : a.kind === 'regular' ? -1 : 1) ||
    (a.forMonth < b.forMonth ? -1 : a.forMonth > b.forMonth ? 1 : 0)
  );
}

export async function computeMonth(q: Queryable, month: string, settings: PayrollSettingsRow): Promise<ComputedLine[]> {
  const current = await loadAssignmentMonths(q, month);
  const earlier: EarlierMonth[] = [];
  const rowOf = new Map<string, MonthRow>();
  for (const locked of await lockedMonthsBefore(q, month, shiftMonth(month, -CORRECTION_HORIZON_MONTHS))) {
    const ids = await correctionCandidates(q, locked);
    if (ids.length === 0) continue;
    const [rows, paid] = await Promise.all([loadAssignmentMonths(q, locked.month, ids), paidFor(q, locked.month, ids)]);
    for (const r of rows) {
      earlier.push({ forMonth: locked.month, assignment: r, paid: paid.get(r.assignmentId) ?? ZERO });
      rowOf.set(`${locked.month}|${r.assignmentId}`, r);
    }
  }
  for (const r of current) rowOf.set(`${month}|${r.assignmentId}`, r);
  const regularCodes = { arvode: settings.payCodeArvode, omkostnad: settings.payCodeOmkostnad, utlagg: settings.payCodeUtlagg };
  const correctionCodes = { arvode: settings.payCodeCorrection, omkostnad: settings.payCodeCorrection, utlagg: settings.payCodeCorrection };
  const lines = monthLines(month, current, earlier, settings.unreportedPolicy).map((l): ComputedLine => {
    const r = rowOf.get(`${l.forMonth}|${l.assignmentId}`) as MonthRow;
    return {
      ...l,
      unitId: r.unitId,
      caseNumber: r.caseNumber,
      identityNumber: r.identityNumber,
      name: r.name,
      levelCode: r.levelCode,
      levelName: r.levelName,
      costCentre: r.costCentre,
      reportId: r.reportId,
      approvedBy: r.approvedBy,
      payCodes: l.kind === 'regular' ? regularCodes : correctionCodes,
    };
  });
  return lines.sort(compareLines);
}
