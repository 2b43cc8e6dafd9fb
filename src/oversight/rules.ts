// Pure rules of oversight: the log review (loggkontroll) period, shared with the web form, and the IVO report of
// unexecuted decisions (ivoQuarterReports).
import { executionDeadline } from '../decisions/rules';

/** A period's end may not be before its start. */
export function periodProblem(from: string | null | undefined, to: string | null | undefined): { path: 'to'; message: string } | null {
  return from && to && to < from ? { path: 'to', message: 'Slutdatum kan inte vara före startdatum.' } : null;
}

/** A decision as the IVO report reads it (the database layer maps the record to this). */
export interface IvoDecisionInput {
  id: string;
  decisionDate: string; // 'YYYY-MM-DD'
  reportable: boolean; // the legal basis's IVO flag
  executedDate?: string | null; // first day the insats actually ran
  endedDate?: string | null; // ended for another reason (withdrawn, need ended, moved, died)
  interruptions?: { from: string; resumed?: string | null }[];
}

export interface IvoReport {
  decisionId: string;
  kind: 'beslut' | 'avbrott';
  since: string; // decision date or interruption start
  outcome: null | { kind: 'verkställt' | 'avslutat'; date: string };
}

/** The first and last day of a quarter written '2026-Q2'. */
export function quarterBounds(quarter: string): { first: string; last: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`not a quarter: ${quarter}`);
  const year = m[1];
  const q = Number(m[2]);
  const firstMonth = String(q * 3 - 2).padStart(2, '0');
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  return { first: `${year}-${firstMonth}-01`, last: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

/**
 * One report row for a clock that started on `since` (a decision or an interruption) and stopped on `outcome` (or
 * not yet), in the quarter [first, last]: due once the three months (executionDeadline) ran out before the quarter's
 * last day; reported every quarter until the quarter the outcome happened in, that one included; never when the
 * outcome came within the three months.
 */
function reportIn(
  since: string,
  outcome: { kind: 'verkställt' | 'avslutat'; date: string } | null,
  first: string,
  last: string,
): IvoReport['outcome'] | undefined {
  const deadline = executionDeadline(since);
  if (!(deadline < last)) return undefined; // not due by the reporting date
  if (outcome && outcome.date <= deadline) return undefined; // done in time: never reported
  if (outcome && outcome.date < first) return undefined; // its last report was in an earlier quarter
  return outcome && outcome.date <= last ? outcome : null;
}

/** The earlier of two dated outcomes (executed or resumed beats ended on the same day). */
function firstOutcome(
  a: { kind: 'verkställt'; date: string | null | undefined },
  b: { kind: 'avslutat'; date: string | null | undefined },
): { kind: 'verkställt' | 'avslutat'; date: string } | null {
  if (a.date && (!b.date || a.date <= b.date)) return { kind: a.kind, date: a.date };
  if (b.date) return { kind: b.kind, date: b.date };
  return null;
}

/**
 * Ej verkställda beslut (domain.md §6; LSS 28 f–g §§, SoL 34 kap. 1–2 §§): the reports of one quarter. Every
 * favourable decision on a reportable basis not executed within three months of its decision date, and every
 * interruption not resumed within three months of its start — first and follow-up reports, and the report that says
 * it has now been executed (resumed) or ended, with the date. Ordered by since, then decision, then kind.
 */
export function ivoQuarterReports(decisions: IvoDecisionInput[], quarter: string): IvoReport[] {
  const { first, last } = quarterBounds(quarter);
  const out: IvoReport[] = [];
  for (const d of decisions) {
    if (!d.reportable) continue;
    const decisionOutcome = firstOutcome({ kind: 'verkställt', date: d.executedDate }, { kind: 'avslutat', date: d.endedDate });
    const o = reportIn(d.decisionDate, decisionOutcome, first, last);
    if (o !== undefined) out.push({ decisionId: d.id, kind: 'beslut', since: d.decisionDate, outcome: o });
    for (const i of d.interruptions ?? []) {
      // An ending before the interruption began is not its outcome (it could not have been interrupted after it).
      const ended = d.endedDate && d.endedDate >= i.from ? d.endedDate : null;
      const io = reportIn(i.from, firstOutcome({ kind: 'verkställt', date: i.resumed }, { kind: 'avslutat', date: ended }), first, last);
      if (io !== undefined) out.push({ decisionId: d.id, kind: 'avbrott', since: i.from, outcome: io });
    }
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.decisionId < b.decisionId ? -1 : a.decisionId > b.decisionId ? 1 : a.kind < b.kind ? -1 : 1));
}
