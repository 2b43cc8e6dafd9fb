// Queries of the contact-person register. The status in SQL (statusSql) mirrors deriveCpStatus in rules.ts
// (register.db.test.ts proves they agree). Payment details are never read here.
import { and, asc, count, desc, eq, inArray, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { auditListCte, type ListAudit } from '../platform/audit/record';
import { users } from '../platform/tables';
import { persons } from '../people/tables';
import { DEFAULT_CHECK_RULES, DEFAULT_REFERENCES_REQUIRED, DEFAULT_REQUIREMENTS, deriveCpStatus, type CheckRuleVersion, type CpStatus, type StatusFacts } from './rules';
import { DEFAULT_INTERESTS } from './defaults';
import type { CpListQuery } from './schema';
import { contactPersons, cpCheckRules, cpDistricts, cpPauses, cpReferences, cpRegisterChecks, cpSettings, cpSteps } from './tables';
import { allOf } from '../platform/db/transaction';

export type CpRow = typeof contactPersons.$inferSelect;
export type CpSettings = typeof cpSettings.$inferSelect;

/** The register's configuration; the defaults when a deployment older than the register has no row yet. */
export async function cpSettingsOf(q: Queryable): Promise<CpSettings> {
  const [row] = await q.select().from(cpSettings);
  return (
    row ?? {
      id: 1,
      requirements: DEFAULT_REQUIREMENTS,
      referencesRequired: DEFAULT_REFERENCES_REQUIRED,
      registerCheckScope: 'children',
      interests: DEFAULT_INTERESTS,
      reminderWithinDays: 30,
      lastContactDays: 90,
      disposalMonths: 6,
      applicationsPerHour: 5,
      minFillSeconds: 5,
      formSecret: 'kontakt-default-form-secret',
      version: 1,
    }
  );
}

export async function checkRulesOf(q: Queryable): Promise<CheckRuleVersion[]> {
  const rows = await q.select().from(cpCheckRules).orderBy(asc(cpCheckRules.validFrom));
  return rows.length ? rows : DEFAULT_CHECK_RULES;
}

/** Has any recruitment step started? (An applicant in the inbox has none.) Read from the sub-records. */
const recruitmentStartedOf = (id: SQL | AnyColumn) => sql<boolean>`(exists (select 1 from ${cpSteps} s where s.contact_person_id = ${id} and s.status <> 'pending')
  or exists (select 1 from ${cpReferences} r where r.contact_person_id = ${id})
  or exists (select 1 from ${cpRegisterChecks} c where c.contact_person_id = ${id}))`;

/** Rewrite the stored recruitment_started of one contact person from its sub-records (after every change of them). */
export async function refreshRecruitmentStarted(q: Queryable, id: string): Promise<void> {
  await q.update(contactPersons).set({ recruitmentStarted: recruitmentStartedOf(sql`${id}::uuid`) }).where(eq(contactPersons.id, id));
}

/** Places taken (open offers and running assignments), kept on the row by a trigger (migration 0014). */
const activeAssignments = contactPersons.currentLoad;

/** The contact persons with a pause covering `today`: one set (hashed once per statement), not a lookup per row. */
const pausedOn = (today: string) =>
  sql`${contactPersons.id} in (select p.contact_person_id from ${cpPauses} p where p.from_date <= ${today} and (p.until_date is null or p.until_date >= ${today}))`;

/** deriveCpStatus in SQL, for lists and filters. */
export function statusSql(today: string): SQL<CpStatus> {
  return sql<CpStatus>`case
    when ${contactPersons.endedDate} is not null and ${contactPersons.endedDate} <= ${today} then 'ended'
    when ${contactPersons.approvedDate} is null then case when ${contactPersons.recruitmentStarted} then 'investigating' else 'applicant' end
    when ${pausedOn(today)} then 'paused'
    when ${activeAssignments} >= ${contactPersons.capacity} then 'full'
    else 'available' end`;
}

/**
 * One status as a plain predicate (for filters): the same cases as statusSql, written so the planner can use the
 * indexes on approved_date/ended_date instead of evaluating the whole CASE on every row.
 */
export function statusIs(status: CpStatus, today: string): SQL {
  const open = sql`(${contactPersons.endedDate} is null or ${contactPersons.endedDate} > ${today})`;
  const paused = pausedOn(today);
  switch (status) {
    case 'ended':
      return sql`${contactPersons.endedDate} <= ${today}`;
    case 'applicant':
      return sql`${contactPersons.approvedDate} is null and ${open} and not ${contactPersons.recruitmentStarted}`;
    case 'investigating':
      return sql`${contactPersons.approvedDate} is null and ${open} and ${contactPersons.recruitmentStarted}`;
    case 'paused':
      return sql`${contactPersons.approvedDate} is not null and ${open} and ${paused}`;
    case 'full':
      return sql`${contactPersons.approvedDate} is not null and ${open} and not ${paused} and ${activeAssignments} >= ${contactPersons.capacity}`;
    case 'available':
      return sql`${contactPersons.approvedDate} is not null and ${open} and not ${paused} and ${activeAssignments} < ${contactPersons.capacity}`;
  }
}

const duplicateSql = sql<boolean>`exists (select 1 from ${contactPersons} o where o.identity_number = ${contactPersons.identityNumber} and o.id <> ${contactPersons.id})`;
const isClientSql = sql<boolean>`exists (select 1 from ${persons} p where p.identity_number = ${contactPersons.identityNumber})`;

/** The list counts matches up to this many; beyond it says "more than". */
export const COUNT_CAP = 1000;

export interface CpListRow {
  id: string;
  firstName: string;
  lastName: string;
  status: CpStatus;
  appliedDate: string;
  district: string | null;
  interests: string[];
  languages: string[];
  availability: string[];
  capacity: number;
  activeAssignments: number;
  duplicate: boolean;
  isClient: boolean;
}

/**
 * The register, filtered: every filter is a plain column or array-containment test (GIN indexes), paged. The page
 * and its audit entries (one per contact person shown) are one statement; the capped count runs beside it.
 */
export async function listContactPersons(q: Queryable, f: CpListQuery & { inbox?: boolean }, today: string, audit: ListAudit): Promise<{ rows: CpListRow[]; total: number; totalCapped: boolean }> {
  const status = statusSql(today);
  const where: SQL[] = [];
  if (f.status) where.push(statusIs(f.status, today));
  if (f.freeCapacity === 'yes') where.push(statusIs('available', today));
  if (f.districtId) where.push(eq(contactPersons.districtId, f.districtId));
  if (f.interest) where.push(sql`${contactPersons.interests} @> array[${f.interest}]::text[]`);
  if (f.language) where.push(sql`${contactPersons.languages} @> array[${f.language.trim().toLowerCase()}]::text[]`);
  if (f.availability) where.push(sql`${contactPersons.availability} @> array[${f.availability}]::text[]`);
  if (f.name?.trim()) {
    const like = `%${f.name.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`lower(${contactPersons.firstName} || ' ' || ${contactPersons.lastName}) like ${like}`);
  }
  const cond = where.length ? and(...where) : undefined;
  // Counting every match of a broad filter is the slow part on thousands of rows: count at most COUNT_CAP + 1.
  const counted = q.select({ n: count() }).from(q.select({ one: sql`1` }).from(contactPersons).where(cond).limit(COUNT_CAP + 1).as('capped'));
  // The page's ids first (filters and order only; the (applied_date, id) index), then status, "finns redan" and
  // "är klient" for those rows alone — never per matching row.
  const inbox = f.status === 'applicant';
  const order = inbox ? [asc(contactPersons.appliedDate), asc(contactPersons.id)] : [desc(contactPersons.appliedDate), desc(contactPersons.id)];
  const page = q
    .$with('page')
    .as(
      q
        .select({ pageId: sql<string>`${contactPersons.id}`.as('page_id') })
        .from(contactPersons)
        .where(cond)
        // Oldest applications first in the inbox, newest first otherwise; (applied_date, id) is one index either way.
        .orderBy(...order)
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
    );
  const audited = auditListCte(q, audit, { from: sql`page`, entityId: sql`page.page_id` });
  const [rows, [{ n }]] = await allOf(q,
    () =>
q
      .with(page, audited)
      .select({
        id: contactPersons.id,
        firstName: contactPersons.firstName,
        lastName: contactPersons.lastName,
        status,
        appliedDate: contactPersons.appliedDate,
        district: cpDistricts.name,
        interests: contactPersons.interests,
        languages: contactPersons.languages,
        availability: contactPersons.availability,
        capacity: contactPersons.capacity,
        activeAssignments,
        duplicate: duplicateSql,
        isClient: isClientSql,
      })
      .from(page)
      .innerJoin(contactPersons, eq(contactPersons.id, page.pageId))
      .leftJoin(cpDistricts, eq(cpDistricts.id, contactPersons.districtId))
      .orderBy(...order),
    () => counted);
  return { rows: rows.map((r) => ({ ...r, activeAssignments: Number(r.activeAssignments) })), total: Math.min(Number(n), COUNT_CAP), totalCapped: Number(n) > COUNT_CAP };
}

export async function findContactPerson(q: Queryable, id: string): Promise<CpRow | null> {
  const [row] = await q.select().from(contactPersons).where(eq(contactPersons.id, id));
  return row ?? null;
}

/** Everything the coordinator's page shows of one contact person (payment details excepted). */
export async function loadContactPersonFull(q: Queryable, id: string) {
  const row = await findContactPerson(q, id);
  if (!row) return null;
  const [steps, references, checks, pauses, district, duplicates, client, approver] = await allOf(q,
    () => q.select().from(cpSteps).where(eq(cpSteps.contactPersonId, id)),
    () => q.select().from(cpReferences).where(eq(cpReferences.contactPersonId, id)).orderBy(asc(cpReferences.createdAt)),
    () =>
q
      .select({ check: cpRegisterChecks, seenBy: users.displayName })
      .from(cpRegisterChecks)
      .innerJoin(users, eq(users.id, cpRegisterChecks.seenBy))
      .where(eq(cpRegisterChecks.contactPersonId, id))
      .orderBy(desc(cpRegisterChecks.extractDate), desc(cpRegisterChecks.createdAt)),
    () => q.select().from(cpPauses).where(eq(cpPauses.contactPersonId, id)).orderBy(asc(cpPauses.fromDate)),
    () => row.districtId ? q.select({ name: cpDistricts.name }).from(cpDistricts).where(eq(cpDistricts.id, row.districtId)) : Promise.resolve([]),
    () =>
q
      .select({ id: contactPersons.id, firstName: contactPersons.firstName, lastName: contactPersons.lastName, appliedDate: contactPersons.appliedDate, row: contactPersons })
      .from(contactPersons)
      .where(and(eq(contactPersons.identityNumber, row.identityNumber), ne(contactPersons.id, id))),
    () => q.select({ id: persons.id }).from(persons).where(eq(persons.identityNumber, row.identityNumber)),
    () => row.approvedBy ? q.select({ name: users.displayName }).from(users).where(eq(users.id, row.approvedBy)) : Promise.resolve([]));
  return {
    row,
    steps,
    references,
    checks,
    pauses,
    district: district[0]?.name ?? null,
    duplicates,
    isClient: client.length > 0,
    approvedByName: approver[0]?.name ?? null,
  };
}
export type CpFull = NonNullable<Awaited<ReturnType<typeof loadContactPersonFull>>>;

/** What deriveCpStatus and requirementsOf read of a contact person (CpFull has it all; loadFactsWhere loads only this, for many). */
export interface CpFacts {
  row: Pick<CpRow, 'id' | 'firstName' | 'lastName' | 'approvedDate' | 'endedDate' | 'capacity' | 'currentLoad' | 'lastContactDate'>;
  steps: Pick<typeof cpSteps.$inferSelect, 'kind' | 'status' | 'doneDate' | 'bookedDate'>[];
  references: Pick<typeof cpReferences.$inferSelect, 'outcome' | 'contactedDate'>[];
  /** Newest extract first (the first is the one that counts). */
  checks: { check: Pick<typeof cpRegisterChecks.$inferSelect, 'extractDate' | 'shownDate' | 'registers'> }[];
  pauses: Pick<typeof cpPauses.$inferSelect, 'fromDate' | 'untilDate'>[];
}

/**
 * The facts of every contact person matching `where` (a condition on contact_persons), set-based: one query per
 * table (each joined to the same condition) reading only the columns the rules need, grouped here, whatever the
 * number of contact persons.
 */
export async function loadFactsWhere(
  q: Queryable,
  where: SQL | undefined,
  /**
   * `expiries`: only what can run out — done steps and register checks (references and pauses never expire, and
   * a pending, booked or failed step has no expiry): the reminders read ~40 % of the rows.
   */
  only: 'all' | 'expiries' = 'all',
): Promise<CpFacts[]> {
  const expiries = only === 'expiries';
  const mine = (contactPersonId: AnyColumn) => and(eq(contactPersonId, contactPersons.id), where);
  const c = contactPersons;
  const [rows, steps, references, checks, pauses] = await allOf(q,
    () =>
q
      .select({ id: c.id, firstName: c.firstName, lastName: c.lastName, approvedDate: c.approvedDate, endedDate: c.endedDate, capacity: c.capacity, currentLoad: c.currentLoad, lastContactDate: c.lastContactDate })
      .from(c)
      .where(where),
    () =>
q
      .select({ cp: cpSteps.contactPersonId, kind: cpSteps.kind, status: cpSteps.status, doneDate: cpSteps.doneDate, bookedDate: cpSteps.bookedDate })
      .from(cpSteps)
      .innerJoin(c, and(mine(cpSteps.contactPersonId), expiries ? eq(cpSteps.status, 'done') : undefined)),
    () =>
expiries
      ? Promise.resolve([])
      : q
          .select({ cp: cpReferences.contactPersonId, outcome: cpReferences.outcome, contactedDate: cpReferences.contactedDate })
          .from(cpReferences)
          .innerJoin(c, mine(cpReferences.contactPersonId))
          .orderBy(asc(cpReferences.createdAt)),
    () =>
q
      .select({ cp: cpRegisterChecks.contactPersonId, extractDate: cpRegisterChecks.extractDate, shownDate: cpRegisterChecks.shownDate, registers: cpRegisterChecks.registers })
      .from(cpRegisterChecks)
      .innerJoin(c, mine(cpRegisterChecks.contactPersonId))
      .orderBy(desc(cpRegisterChecks.extractDate), desc(cpRegisterChecks.createdAt)),
    () =>
expiries
      ? Promise.resolve([])
      : q
          .select({ cp: cpPauses.contactPersonId, fromDate: cpPauses.fromDate, untilDate: cpPauses.untilDate })
          .from(cpPauses)
          .innerJoin(c, mine(cpPauses.contactPersonId))
          .orderBy(asc(cpPauses.fromDate)));
  const facts = new Map<string, CpFacts>(rows.map((row) => [row.id, { row, steps: [], references: [], checks: [], pauses: [] }]));
  for (const { cp, ...x } of steps) facts.get(cp)?.steps.push(x);
  for (const { cp, ...x } of references) facts.get(cp)?.references.push(x);
  for (const { cp, ...x } of checks) facts.get(cp)?.checks.push({ check: x });
  for (const { cp, ...x } of pauses) facts.get(cp)?.pauses.push(x);
  return [...facts.values()];
}

/** What deriveCpStatus reads of a contact person. */
export function statusFactsOf(full: CpFacts): StatusFacts {
  return {
    approvedDate: full.row.approvedDate,
    endedDate: full.row.endedDate,
    recruitmentStarted: full.steps.some((s) => s.status !== 'pending') || full.references.length > 0 || full.checks.length > 0,
    pauses: full.pauses,
    capacity: full.row.capacity,
    activeAssignments: full.row.currentLoad,
  };
}

/** Statuses of several contact persons at once (the duplicates on a page), by the one rule (deriveCpStatus). */
export async function statusesOf(q: Queryable, ids: string[], today: string): Promise<Map<string, CpStatus>> {
  if (ids.length === 0) return new Map();
  const facts = await loadFactsWhere(q, inArray(contactPersons.id, ids));
  return new Map(facts.map((f) => [f.row.id, deriveCpStatus(statusFactsOf(f), today)]));
}
