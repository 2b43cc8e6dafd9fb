// Disposal's database side: the facts the pure rule reads (disposal-rules.ts), the rules' rows, and the removal of
// a case record with everything under it. Oversight is the last stage, so it may name the earlier stages' tables;
// `disposal.db.test.ts` checks that every table referencing cases (at any depth) is in CASE_RECORD_TABLES.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import type { IsoDate } from '../platform/calendar';
import { DEFAULT_DISPOSAL_RULES, type DisposalRecordType, type DisposalRule, type RecordFacts } from './disposal-rules';
import { disposalRules } from './tables';

async function rows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function seedDisposalRules(db: Queryable): Promise<void> {
  await db
    .insert(disposalRules)
    .values(DEFAULT_DISPOSAL_RULES.map((r) => ({ ...r, keepBornOnDays: [...r.keepBornOnDays] })))
    .onConflictDoNothing();
}

export async function loadDisposalRules(q: Queryable): Promise<Record<DisposalRecordType, DisposalRule & { version: number }>> {
  const found = await q.select().from(disposalRules);
  const out = {} as Record<DisposalRecordType, DisposalRule & { version: number }>;
  for (const d of DEFAULT_DISPOSAL_RULES) {
    const r = found.find((f) => f.recordType === d.recordType);
    out[d.recordType] = r ? { ...r, keepBornOnDays: [...r.keepBornOnDays].sort((a, b) => a - b) } : { ...d, version: 0 };
  }
  return out;
}

const day = (ts: SQL) => sql`((${ts}) at time zone 'Europe/Stockholm')::date`;

export interface CaseCandidate extends RecordFacts {
  id: string;
  caseNumber: string;
  personId: string;
}

/**
 * Cases whose last entry is on or before `cutoff` (a loose pre-filter; the rule decides), in id order after
 * `afterId`. The last entry is the latest date written anywhere in the case's record.
 */
export async function loadCaseCandidates(q: Queryable, o: { afterId: string | null; limit: number; cutoff: IsoDate; today: IsoDate }): Promise<CaseCandidate[]> {
  const r = await rows<{ id: string; case_number: string; person_id: string; closed: boolean; birth_day: number | null; lss_decision: boolean; payroll: boolean; last_entry: string }>(
    q,
    sql`
    select * from (
      select c.id, c.case_number, c.person_id,
        case_status(cf, ${o.today}::date) in ('ended', 'rejected', 'expired') as closed,
        extract(day from p.birth_date)::int as birth_day,
        (c.route = 'LSS' and exists (select 1 from decisions d where d.case_id = c.id)) as lss_decision,
        exists (select 1 from payroll_lines pl join assignments a on a.id = pl.assignment_id where a.case_id = c.id) as payroll,
        greatest(
          ${day(sql`c.updated_at`)}, cf.received_date, cf.decision_date, cf.decision_end_date, cf.executed_date, cf.interrupted_since, cf.ended_date,
          (select max(${day(sql`greatest(i.updated_at, i.created_at)`)}) from investigations i where i.case_id = c.id),
          (select max(${day(sql`greatest(b.updated_at, b.created_at)`)}) from investigation_bookings b where b.case_id = c.id),
          (select max(${day(sql`greatest(d.updated_at, d.created_at)`)}) from decisions d where d.case_id = c.id),
          (select max(${day(sql`f.created_at`)}) from follow_ups f join decisions d on d.id = f.decision_id where d.case_id = c.id),
          (select max(${day(sql`ap.updated_at`)}) from appeals ap join decisions d on d.id = ap.decision_id where d.case_id = c.id),
          (select max(${day(sql`o.updated_at`)}) from orders o where o.case_id = c.id),
          (select max(${day(sql`of.updated_at`)}) from offers of where of.case_id = c.id),
          (select max(${day(sql`ip.created_at`)}) from implementation_plans ip where ip.case_id = c.id),
          (select max(greatest(${day(sql`a.updated_at`)}, a.end_date)) from assignments a where a.case_id = c.id),
          (select max(${day(sql`k.created_at`)}) from cp_contacts k join assignments a on a.id = k.assignment_id where a.case_id = c.id),
          (select max(${day(sql`rp.updated_at`)}) from cp_reports rp join assignments a on a.id = rp.assignment_id where a.case_id = c.id)
        )::text as last_entry
      from cases c
      join case_facts cf on cf.case_id = c.id
      join persons p on p.id = c.person_id
      where ${o.afterId === null ? sql`true` : sql`c.id > ${o.afterId}::uuid`}
    ) x
    where x.last_entry <= ${o.cutoff}
    order by x.id
    limit ${o.limit}`,
  );
  return r.map((c) => ({
    id: c.id,
    caseNumber: c.case_number,
    personId: c.person_id,
    closed: c.closed,
    birthDay: c.birth_day === null ? null : Number(c.birth_day),
    lssDecision: c.lss_decision,
    payrollLines: c.payroll,
    lastEntry: c.last_entry,
  }));
}

export interface PersonCandidate extends RecordFacts {
  id: string;
}

/** Persons with no case (and not merged into another record: those go with the record they were merged into). */
export async function loadPersonCandidates(q: Queryable, o: { afterId: string | null; limit: number; cutoff: IsoDate }): Promise<PersonCandidate[]> {
  const r = await rows<{ id: string; birth_day: number | null; last_entry: string }>(
    q,
    sql`
    select * from (
      select p.id, extract(day from p.birth_date)::int as birth_day,
        greatest(${day(sql`p.updated_at`)}, (select max(${day(sql`r.created_at`)}) from representatives r where r.person_id = p.id))::text as last_entry
      from persons p
      where p.merged_into_id is null
        and not exists (select 1 from cases c where c.person_id = p.id)
        and not exists (select 1 from cases c join persons m on m.id = c.person_id where m.merged_into_id = p.id)
        and ${o.afterId === null ? sql`true` : sql`p.id > ${o.afterId}::uuid`}
    ) x
    where x.last_entry <= ${o.cutoff}
    order by x.id
    limit ${o.limit}`,
  );
  return r.map((p) => ({ id: p.id, closed: true, birthDay: p.birth_day === null ? null : Number(p.birth_day), lastEntry: p.last_entry }));
}

/**
 * Every table of a case's record, children before parents, with how its rows are found from the case ids
 * (`$ids`). Removing them in this order keeps every foreign key satisfied; `case_facts` goes with the case
 * (ON DELETE CASCADE), the reports' meetings, cancellations, expenses and receipts with the report. Payroll lines
 * are accounting records: a case with them is kept (verdict `payroll`).
 */
export const CASE_RECORD_TABLES: { table: string; where: (ids: SQL) => SQL }[] = [
  { table: 'cp_reports', where: (ids) => sql`assignment_id in (select id from assignments where case_id = any(${ids}))` },
  { table: 'cp_contacts', where: (ids) => sql`assignment_id in (select id from assignments where case_id = any(${ids}))` },
  { table: 'assignment_interruptions', where: (ids) => sql`assignment_id in (select id from assignments where case_id = any(${ids}))` },
  { table: 'assignments', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'matching_meetings', where: (ids) => sql`offer_id in (select id from offers where case_id = any(${ids}))` },
  { table: 'offers', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'order_events', where: (ids) => sql`order_id in (select id from orders where case_id = any(${ids}))` },
  { table: 'implementation_plans', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'orders', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'ivo_reports', where: (ids) => sql`decision_id in (select id from decisions where case_id = any(${ids}))` },
  { table: 'follow_ups', where: (ids) => sql`decision_id in (select id from decisions where case_id = any(${ids}))` },
  {
    table: 'appeals',
    where: (ids) => sql`decision_id in (select id from decisions where case_id = any(${ids})) or new_decision_id in (select id from decisions where case_id = any(${ids}))`,
  },
  { table: 'decisions', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'investigation_bookings', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'investigations', where: (ids) => sql`case_id = any(${ids})` },
  { table: 'cases', where: (ids) => sql`id = any(${ids})` },
];
/** Tables that reference a case's record but are kept by rules of their own (the case is kept while they exist). */
export const KEPT_WITH_OWN_RULES = ['payroll_lines', 'case_facts'] as const;

export async function deleteCaseRecords(q: Queryable, caseIds: string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const ids = sql`${`{${caseIds.join(',')}}`}::uuid[]`;
  let cases = 0;
  for (const t of CASE_RECORD_TABLES) {
    const r = await rows<{ id: string }>(q, sql`delete from ${sql.identifier(t.table)} where ${t.where(ids)} returning 1 as id`);
    if (t.table === 'cases') cases = r.length;
  }
  return cases;
}

/** Removes the persons and the records merged into them; returns every removed id (for the audit pseudonyms). */
export async function deletePersons(q: Queryable, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = sql`${`{${personIds.join(',')}}`}::uuid[]`;
  // The IVO stand-in number is kept for a person's report series; a disposed person has none left.
  await q.execute(sql`delete from ivo_stand_ins where person_id in (select id from persons where id = any(${ids}) or merged_into_id = any(${ids}))`);
  const r = await rows<{ id: string }>(q, sql`delete from persons where id = any(${ids}) or merged_into_id = any(${ids}) returning id`);
  return r.map((x) => x.id);
}

/** The one narrow way audit entries change (migration 0021, ADR 013): a disposed person's entries get a pseudonym. */
export async function pseudonymiseAuditEntries(q: Queryable, personIds: string[], runId: string): Promise<number> {
  if (personIds.length === 0) return 0;
  const [r] = await rows<{ n: number }>(q, sql`select pseudonymise_audit_persons(${`{${personIds.join(',')}}`}::uuid[], ${runId}::uuid) as n`);
  return Number(r.n);
}
