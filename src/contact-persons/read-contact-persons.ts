// Reads of the register (coordinator): one contact person, the filtered list (the inbox is status "sökande"),
// the reminders. Every read is audited (the list: one entry per row shown, in one statement).
import { and, eq, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { remindersFor } from './rules';
import { checkRulesOf, cpSettingsOf, listContactPersons, loadContactPersonFull, loadFactsWhere } from './repo';
import { presentSummary, requirementsOf } from './present';
import { presentById } from './change-contact-person';
import type { CpListQuery, RemindersQuery } from './schema';
import { contactPersons, cpRemindersVersion } from './tables';

export function getContactPerson(ctx: UseCaseContext, id: string) {
  return readUseCase(ctx, async (q) => {
    const out = await presentById(ctx, q, id);
    await recordAudit(q, ctx, { action: 'contact_person.read', entityType: 'contact_person', entityId: id });
    return out;
  });
}

export function listRegister(ctx: UseCaseContext, query: CpListQuery) {
  return readUseCase(ctx, async (q) => {
    const filters = (['status', 'districtId', 'interest', 'language', 'availability', 'freeCapacity', 'name'] as const).filter((k) => query[k]);
    // One audit entry per contact person shown, written by the list's own statement.
    const { rows, total, totalCapped } = await listContactPersons(q, query, ctx.clock.today(), { who: ctx, action: 'contact_person.list', entityType: 'contact_person', details: { filters: [...filters] } });
    return { items: rows.map(presentSummary), total, totalCapped, page: query.page, pageSize: query.pageSize };
  });
}

/**
 * Reminders: approved contact persons (not ended) whose requirements expire within the configured days (or
 * have expired), or whose last contact is older than the configured days. One page of them (the start page asks
 * for 5) with the number of each kind over all of them: thousands of reminders are never sent to the browser.
 * All of them (sorted by date) are computed once per register version and day and kept per database
 * (remindersOf), so the start page does not read the register on every visit.
 */
export function listReminders(ctx: UseCaseContext, query: RemindersQuery) {
  return readUseCase(ctx, async (q) => {
    const { all, counts, withinDays, contactDays } = await remindersOf(q, ctx.db, ctx.clock.today());
    const items = query.kind ? all.filter((r) => r.kind === query.kind) : all;
    const from = (query.page - 1) * query.pageSize;
    const page = pageSortedByName(items, from, query.pageSize);
    // The list itself, and each contact person shown on the page (their name is read).
    await recordAudit(q, ctx, [
      { action: 'contact_person.reminders', entityType: 'contact_person', details: { count: items.length } },
      ...[...new Set(page.map((r) => r.contactPersonId))].map((id) => ({ action: 'contact_person.reminders' as const, entityType: 'contact_person' as const, entityId: id, details: { count: 1 } })),
    ]);
    return { items: page, total: items.length, counts, page: query.page, pageSize: query.pageSize, withinDays, contactDays };
  });
}

interface AllReminders {
  /** Every reminder, sorted by date (the name order within a date is made for the page only). */
  all: readonly ReminderItem[];
  counts: { expired: number; expiring: number; noContact: number };
  withinDays: number;
  contactDays: number;
}

const kept = new WeakMap<Db, { key: string; value: Promise<AllReminders> }>();

/**
 * All reminders on `today`, kept per database while cp_reminders_version (counted up at commit by migration 0021's
 * triggers on every change to what they read) and the date are unchanged. The version is read before the rows, so
 * what is kept is never older than its key says; concurrent requests on a new version share one computation.
 */
export async function remindersOf(q: Queryable, db: Db, today: string): Promise<AllReminders> {
  const [v] = await q.select({ version: cpRemindersVersion.version }).from(cpRemindersVersion).where(eq(cpRemindersVersion.id, 1));
  const key = `${v?.version ?? 0} ${today}`;
  const hit = kept.get(db);
  if (hit && hit.key === key) return hit.value;
  const value = computeReminders(q, today);
  kept.set(db, { key, value });
  value.catch(() => {
    if (kept.get(db)?.value === value) kept.delete(db);
  });
  return value;
}

async function computeReminders(q: Queryable, today: string): Promise<AllReminders> {
  const [settings, rules] = await allOf(q,() => cpSettingsOf(q), () => checkRulesOf(q));
  // Every approved contact person not ended today (deriveCpStatus's 'ended', in the condition) with what can run
  // out, in one query per table (no query per person).
  const candidates = await loadFactsWhere(q, and(isNotNull(contactPersons.approvedDate), or(isNull(contactPersons.endedDate), gt(contactPersons.endedDate, today))), 'expiries');
  const all: ReminderItem[] = [];
  for (const facts of candidates) {
    const { row } = facts;
    if (!row.approvedDate) continue;
    const reqs = requirementsOf(facts, settings, rules, today);
    for (const r of remindersFor(reqs, row.lastContactDate, row.approvedDate, today, settings.reminderWithinDays, settings.lastContactDays, row.currentLoad)) {
      all.push({ contactPersonId: row.id, name: `${row.firstName} ${row.lastName}`, kind: r.kind, requirement: r.requirement, date: r.date, message: r.message, assignmentsToFollowUp: r.assignmentsToFollowUp });
    }
  }
  const counts = { expired: 0, expiring: 0, noContact: 0 };
  for (const r of all) counts[r.kind === 'no_contact' ? 'noContact' : r.kind]++;
  // Only a page is sorted by name within a date; the date order of all of them is a plain string sort.
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { all, counts, withinDays: settings.reminderWithinDays, contactDays: settings.lastContactDays };
}

type ReminderItem = { contactPersonId: string; name: string; kind: 'expired' | 'expiring' | 'no_contact'; requirement: string | null; date: string; message: string; assignmentsToFollowUp: number };

/**
 * items[from, from + size) in the order (date, name in Swedish): the dates are already sorted, so only the runs of
 * one date that touch the page are sorted by name (one collator; localeCompare builds one per comparison).
 */
function pageSortedByName(items: readonly ReminderItem[], from: number, size: number): ReminderItem[] {
  if (from >= items.length) return [];
  const byName = new Intl.Collator('sv').compare;
  let start = from;
  while (start > 0 && items[start - 1].date === items[from].date) start--;
  const last = Math.min(from + size, items.length) - 1;
  let end = last + 1;
  while (end < items.length && items[end].date === items[last].date) end++;
  const run = items.slice(start, end);
  run.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byName(a.name, b.name)));
  return run.slice(from - start, from - start + size);
}

/** The booked interview as an .ics file. */
export function interviewCalendarFile(ctx: UseCaseContext, id: string) {
  return readUseCase(ctx, async (q) => {
    const full = await loadContactPersonFull(q, id);
    const interview = full?.steps.find((s) => s.kind === 'interview' && s.bookedDate && s.bookedTime);
    if (!full || !interview?.bookedDate || !interview.bookedTime) return null;
    await recordAudit(q, ctx, { action: 'contact_person.calendar', entityType: 'contact_person', entityId: id });
    return { full, interview: { id: interview.id, date: interview.bookedDate, time: interview.bookedTime, location: interview.location } };
  });
}

