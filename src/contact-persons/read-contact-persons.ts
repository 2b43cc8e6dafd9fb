// Reads of the register (coordinator): one contact person, the filtered list (the inbox is status "sökande"),
// the reminders. Every read is audited (the list: one entry per row shown, in one statement).
import { and, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { remindersFor, deriveCpStatus } from './rules';
import { checkRulesOf, cpSettingsOf, listContactPersons, loadContactPersonFull, loadFactsWhere, statusFactsOf } from './repo';
import { presentSummary, requirementsOf } from './present';
import { presentById } from './change-contact-person';
import type { CpListQuery } from './schema';
import { contactPersons } from './tables';

export function getContactPerson(ctx: UseCaseContext, id: string) {
  return readUseCase(ctx, async (q) => {
    const out = await presentById(ctx, q, id);
    await recordAudit(q, ctx, { action: 'contact_person.read', entityType: 'contact_person', entityId: id });
    return out;
  });
}

export function listRegister(ctx: UseCaseContext, query: CpListQuery) {
  return readUseCase(ctx, async (q) => {
    const { rows, total, totalCapped } = await listContactPersons(q, query, ctx.clock.today());
    const filters = (['status', 'districtId', 'interest', 'language', 'availability', 'freeCapacity', 'name'] as const).filter((k) => query[k]);
    await recordAudit(
      q,
      ctx,
      rows.map((r) => ({ action: 'contact_person.list' as const, entityType: 'contact_person' as const, entityId: r.id, details: { filters: [...filters] } })),
    );
    return { items: rows.map(presentSummary), total, totalCapped, page: query.page, pageSize: query.pageSize };
  });
}

/**
 * Reminders: approved contact persons (not ended) whose requirements expire within the configured days (or
 * have expired), or whose last contact is older than the configured days.
 */
export function listReminders(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    const [settings, rules] = await Promise.all([cpSettingsOf(q), checkRulesOf(q)]);
    // Every approved, not ended contact person with what the rules read, in one query per table (no query per person).
    const candidates = await loadFactsWhere(q, and(isNotNull(contactPersons.approvedDate), or(isNull(contactPersons.endedDate), gt(contactPersons.endedDate, today))));
    const items = [];
    for (const facts of candidates) {
      const { row } = facts;
      if (!row.approvedDate || deriveCpStatus(statusFactsOf(facts), today) === 'ended') continue;
      const reqs = requirementsOf(facts, settings, rules, today);
      for (const r of remindersFor(reqs, row.lastContactDate, row.approvedDate, today, settings.reminderWithinDays, settings.lastContactDays)) {
        items.push({ contactPersonId: row.id, name: `${row.firstName} ${row.lastName}`, kind: r.kind, requirement: r.requirement, date: r.date, message: r.message });
      }
    }
    // One collator for the whole sort (localeCompare(…, 'sv') builds one per comparison: seconds on thousands of items).
    const byName = new Intl.Collator('sv').compare;
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byName(a.name, b.name)));
    await recordAudit(q, ctx, { action: 'contact_person.reminders', entityType: 'contact_person', details: { count: items.length } });
    return { items, withinDays: settings.reminderWithinDays, contactDays: settings.lastContactDays };
  });
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

