// The payroll month as the page shows it: lines computed now (open) or frozen at lock (locked), in the file's order,
// with the held lines and why. Money in öre; the page formats it.
import { blockReasonLabel, totalOf, type Amounts, type BlockReason } from './rules';
import type { ComputedLine } from './compute-month';
import type { LineOut } from './schema';

/** A line of either kind, as the page and the file need it. */
export interface ViewLine {
  assignmentId: string;
  contactPersonId: string;
  kind: 'regular' | 'correction';
  forMonth: string;
  amounts: Amounts;
  blocked: BlockReason | null;
  paidDays: number;
  daysInMonth: number;
  identityNumber: string;
  name: string;
  caseNumber: string;
  levelName: string;
  costCentre: string;
  payCodes: { arvode: string; omkostnad: string; utlagg: string };
}

export const fromComputed = (l: ComputedLine): ViewLine => l;

export function presentLine(l: ViewLine): LineOut {
  return {
    assignmentId: l.assignmentId,
    kind: l.kind,
    forMonth: l.forMonth,
    contactPerson: { id: l.contactPersonId, name: l.name, identityNumber: l.identityNumber },
    caseNumber: l.caseNumber,
    level: l.levelName,
    ...l.amounts,
    total: totalOf(l.amounts),
    paidDays: l.paidDays,
    daysInMonth: l.daysInMonth,
    blocked: l.blocked,
    blockedLabel: l.blocked ? blockReasonLabel[l.blocked] : null,
    costCentre: l.costCentre,
  };
}

/** What the file gets of a line. */
export function fileLine(l: ViewLine) {
  return {
    identityNumber: l.identityNumber,
    name: l.name,
    caseNumber: l.caseNumber,
    levelName: l.levelName,
    ...l.amounts,
    payCodes: l.payCodes,
    costCentre: l.costCentre,
    forMonth: l.forMonth,
    kind: l.kind,
  };
}
