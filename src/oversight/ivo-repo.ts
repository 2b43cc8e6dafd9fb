// The IVO report's database side: the record mapped to `ivoQuarterReports`' input (one row per favourable decision
// on a legal basis with the IVO flag), with a prefilter in SQL that keeps only what can be reported in the quarter
// (a superset: the pure function decides), and the details the sheets need for the reports it returns.
//
// Mapping (domain.md §6):
// - executed: the case's first start (case_facts.executed_date, the assignments of the case's latest order); a
//   decision replaced by a later one counts as executed only if that happened before the replacement;
// - ended: the earliest of an end that ends the decision (case_facts.ended_date: an assignment's end for the
//   person's wish, the need ended, moved or died, or a follow-up ending it), the decision's own end date, and the
//   date of a later decision in the case that replaced it — each with its reason;
// - interruptions: the avbrott of the case's assignments that began on or after the decision (and before a
//   replacement).
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { assignmentEndReasonLabel, type AssignmentEndReason } from '../assignments/rules';
import { quarterBounds, type IvoDecisionInput } from './rules';

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

export interface IvoCandidate extends IvoDecisionInput {
  caseId: string;
  unitId: string;
  endedReason: string | null;
  interruptions: { from: string; resumed: string | null; reason: string }[];
}

interface CandidateRow {
  id: string;
  case_id: string;
  unit_id: string;
  decision_date: string;
  executed_date: string | null;
  cf_ended_date: string | null;
  fu_end: string | null;
  end_reason: string | null;
  decision_end: string | null;
  succ_date: string | null;
}

const ENDED_BY = {
  replaced: 'Ersatt av ett nytt beslut',
  period: 'Beslutets giltighetstid har gått ut',
  followUp: 'Beslutet upphörde vid uppföljning',
} as const;

/** The candidates' statement (the bench prints its plan). */
export function ivoCandidateQuery(o: { quarter: string; unitId: string | null; prefilter?: boolean }): SQL {
  const { first, last } = quarterBounds(o.quarter);
  const prefilter = o.prefilter ?? true;
  const unit = o.unitId ? sql`and cf.unit_id = ${o.unitId}` : sql``;
  // A clock (the decision's or an interruption's) can be reported in the quarter only if its three months ran out
  // before the last day and it did not stop before the first day: the kept facts `ivo_clocks` (migration 0027) hold
  // every clock not stopped by its deadline, with a date no earlier than its outcome, and are read by index; the
  // decisions of those cases are the candidates (a superset: the pure function decides).
  const filter = prefilter
    ? sql`and d.case_id in (
        select c.case_id from ivo_clocks c
        where coalesce(c.resolved, 'infinity'::date) >= ${first}::date and c.deadline < ${last}::date)`
    : sql``;
  return sql`
      select d.id, d.case_id, cf.unit_id, d.decision_date::text, cf.executed_date::text, cf.ended_date::text as cf_ended_date,
        d.end_date::text as decision_end,
        (select min(f.date)::text from follow_ups f where f.decision_id = d.id and f.result = 'end') as fu_end,
        (select a.end_reason from assignments a where a.case_id = d.case_id and a.end_date = cf.ended_date
           and a.end_reason in ('person_wish', 'decision_ended', 'moved', 'deceased') order by a.end_reason limit 1) as end_reason,
        (select min(n.decision_date)::text from decisions n where n.case_id = d.case_id and n.state = 'decided' and n.id <> d.id
           and (n.decision_date, n.created_at) > (d.decision_date, d.created_at)) as succ_date
      from decisions d
      join legal_bases lb on lb.id = d.legal_basis_id and lb.ivo_reportable
      join case_facts cf on cf.case_id = d.case_id
      where d.state = 'decided' and d.outcome in ('granted', 'partly_granted') and d.decision_date <= ${last}::date ${unit} ${filter}
      order by d.decision_date, d.id`;
}

/**
 * The decisions that may be reported in `quarter` (every one, when `prefilter` is false: the test proves the
 * prefilter drops nothing the pure function would report), for one unit or all (`unitId` null).
 */
export async function loadIvoCandidates(q: Queryable, o: { quarter: string; unitId: string | null; prefilter?: boolean }): Promise<IvoCandidate[]> {
  const { last } = quarterBounds(o.quarter);
  const rows = rowsOf<CandidateRow>(await q.execute(ivoCandidateQuery(o)));
  const byCase = new Map<string, { from: string; resumed: string | null; reason: string }[]>();
  if (rows.length) {
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    const ints = rowsOf<{ case_id: string; from_date: string; resumed_date: string | null; reason: string }>(
      await q.execute(sql`
        select a.case_id, ai.from_date::text, ai.resumed_date::text, ai.reason
        from assignment_interruptions ai join assignments a on a.id = ai.assignment_id
        where a.case_id = any(${`{${caseIds.join(',')}}`}::uuid[]) and ai.from_date <= ${last}::date
        order by ai.from_date, ai.id`),
    );
    for (const i of ints) {
      const list = byCase.get(i.case_id) ?? [];
      list.push({ from: i.from_date, resumed: i.resumed_date, reason: i.reason });
      byCase.set(i.case_id, list);
    }
  }
  return rows.map((r) => candidateOf(r, byCase.get(r.case_id) ?? []));
}

function candidateOf(r: CandidateRow, caseInterruptions: { from: string; resumed: string | null; reason: string }[]): IvoCandidate {
  const executedDate = r.executed_date && (!r.succ_date || r.executed_date < r.succ_date) ? r.executed_date : null;
  const ends: { date: string; reason: string }[] = [];
  if (r.succ_date) ends.push({ date: r.succ_date, reason: ENDED_BY.replaced });
  if (r.decision_end) ends.push({ date: r.decision_end, reason: ENDED_BY.period });
  if (r.fu_end) ends.push({ date: r.fu_end, reason: ENDED_BY.followUp });
  if (r.cf_ended_date && r.cf_ended_date !== r.fu_end)
    ends.push({ date: r.cf_ended_date, reason: r.end_reason ? `Uppdraget avslutades: ${assignmentEndReasonLabel[r.end_reason as AssignmentEndReason].toLowerCase()}` : ENDED_BY.followUp });
  if (r.cf_ended_date && r.cf_ended_date === r.fu_end) ends.push({ date: r.fu_end, reason: ENDED_BY.followUp });
  ends.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ended = ends[0] ?? null;
  const interruptions = caseInterruptions.filter((i) => i.from >= r.decision_date && (!r.succ_date || i.from < r.succ_date));
  return {
    id: r.id,
    caseId: r.case_id,
    unitId: r.unit_id,
    decisionDate: r.decision_date,
    reportable: true,
    executedDate,
    endedDate: ended?.date ?? null,
    endedReason: ended?.reason ?? null,
    interruptions,
  };
}
