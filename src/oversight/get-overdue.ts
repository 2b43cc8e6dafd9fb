// Försenat (issue 13 item 3): the overdue lists of every stage in one place. Each section is computed by the
// function that owns the fact — caseWarnings (intake: acknowledgement, order confirmation), executionDeadline
// (decisions), followUpList (decisions: follow-ups due, decisions ending), loadDueReports (portal: monthly reports)
// and listReminders (contact persons: expiring requirements) — never a second way. A section shows only when the
// user holds the permission of the page it comes from, within that permission's scope.
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { can, scopeOf } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { addDays } from '../platform/calendar';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { caseFacts, caseFactsColumns, factsOf, statusOf } from '../intake/case-status';
import { caseScope } from '../intake/scope';
import { caseWarnings } from '../intake/rules';
import { executionDeadline } from '../decisions/rules';
import { followUpList } from '../decisions/list-decisions';
import { loadDueReports } from '../portal/report-lists';
import { monthLabel } from '../portal/rules';
import { listReminders } from '../contact-persons/read-contact-persons';
import { executionDeadlineCutoff } from './dashboard-rules';
import type { OverdueKind, OverdueOut } from './overdue-schema';

/** The most items a section lists (its total counts all of them). */
export const SECTION_LIMIT = 100;
/** "Near" the execution deadline: within this many days. */
export const NEAR_DAYS = 30;

type Section = OverdueOut['sections'][number];
type Item = Section['items'][number];

const TITLES: Record<OverdueKind, string> = {
  not_acknowledged: 'Ansökningar som inte bekräftats i tid',
  order_not_confirmed: 'Beställningar som utföraren inte bekräftat i tid',
  execution_deadline: 'Beslut som inte verkställts inom tre månader eller snart passerar gränsen',
  follow_up: 'Uppföljningar som ska göras',
  decision_ending: 'Beslut som snart upphör',
  report_missing: 'Månadsrapporter som inte lämnats in',
  check_expiring: 'Kontaktpersoners kontroller och krav som går ut',
};

function section(kind: OverdueKind, items: Item[]): Section {
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { kind, title: TITLES[kind], total: items.length, items: sorted.slice(0, SECTION_LIMIT) };
}

export function getOverdue(ctx: UseCaseContext): Promise<OverdueOut> {
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const sections: Section[] = [];
    const shownCases = new Map<string, string>(); // case id → person id, for the audit
    const caseTitle = (r: { caseNumber: string; first: string; last: string }) => `${r.caseNumber} ${r.first} ${r.last}`;

    if (can(ctx.actor, 'case:read')) {
      const m = await settingsOf(ctx, q);
      // Candidates: an application not acknowledged, or an order not confirmed; caseWarnings decides which are late.
      const rows = await q
        .select({ c: cases, facts: caseFactsColumns, first: persons.firstName, last: persons.lastName })
        .from(caseFacts)
        .innerJoin(cases, eq(cases.id, caseFacts.caseId))
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(
          and(
            caseScope(ctx.actor, 'case:read'),
            or(
              and(isNotNull(caseFacts.applicationDate), isNull(caseFacts.acknowledgedDate)),
              and(isNotNull(caseFacts.orderedDate), isNull(caseFacts.orderConfirmedDate)),
            ),
          ),
        )
        .orderBy(asc(caseFacts.receivedDate))
        .limit(5000);
      const ack: Item[] = [];
      const order: Item[] = [];
      for (const r of rows) {
        const { status } = statusOf(factsOf(r.facts), today);
        const warnings = caseWarnings(status, { ...r.c, orderedDate: r.facts.orderedDate, orderConfirmedDate: r.facts.orderConfirmedDate }, today, {
          ackWithinWorkingDays: m.acknowledgeWithinWorkingDays,
          documentationWithinWorkingDays: m.documentationWithinWorkingDays,
          orderConfirmWithinWorkingDays: m.orderConfirmWithinWorkingDays,
        });
        for (const w of warnings) {
          const item = { title: caseTitle({ caseNumber: r.c.caseNumber, first: r.first, last: r.last }), text: w.message, late: true, href: `/arenden/${r.c.id}` };
          if (w.code === 'NOT_ACKNOWLEDGED') ack.push({ ...item, date: r.c.applicationDate ?? r.c.receivedDate });
          if (w.code === 'ORDER_NOT_CONFIRMED') order.push({ ...item, date: r.facts.orderedDate ?? today });
          if (w.code === 'NOT_ACKNOWLEDGED' || w.code === 'ORDER_NOT_CONFIRMED') shownCases.set(r.c.id, r.c.personId);
        }
      }
      sections.push(section('not_acknowledged', ack), section('order_not_confirmed', order));

      // Favourable decisions not executed nor ended whose deadline (executionDeadline) is past or within NEAR_DAYS.
      const due = await q
        .select({ c: cases, decisionDate: caseFacts.decisionDate, interruptedSince: caseFacts.interruptedSince, first: persons.firstName, last: persons.lastName })
        .from(caseFacts)
        .innerJoin(cases, eq(cases.id, caseFacts.caseId))
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(
          and(
            caseScope(ctx.actor, 'case:read'),
            sql`${caseFacts.decisionOutcome} in ('granted', 'partly_granted')`,
            isNull(caseFacts.executedDate),
            isNull(caseFacts.endedDate),
            lt(caseFacts.decisionDate, executionDeadlineCutoff(addDays(today, NEAR_DAYS + 1))),
          ),
        )
        .orderBy(asc(caseFacts.decisionDate))
        .limit(5000);
      sections.push(
        section(
          'execution_deadline',
          due.map((r) => {
            const deadline = executionDeadline(r.decisionDate!);
            const late = deadline < today;
            shownCases.set(r.c.id, r.c.personId);
            return {
              title: caseTitle({ caseNumber: r.c.caseNumber, first: r.first, last: r.last }),
              text: late
                ? `Beslutet ${r.decisionDate} är inte verkställt. Tre månader gick ut ${deadline}: det ska rapporteras till IVO.`
                : `Beslutet ${r.decisionDate} är inte verkställt. Tre månader går ut ${deadline}.`,
              date: deadline,
              late,
              href: `/arenden/${r.c.id}`,
            };
          }),
        ),
      );
    }

    if (can(ctx.actor, 'decision:make')) {
      // followUpList is decisions' own use case ("Uppföljning och upphörande"): it audits the decisions it reads.
      const list = await followUpList(ctx);
      const follow: Item[] = [];
      const ending: Item[] = [];
      for (const d of list.items) {
        const title = `${d.caseNumber} ${d.personName}`;
        const href = `/arenden/${d.caseId}`;
        if (d.reasons.includes('follow_up_due') && d.followUpDue)
          follow.push({ title, text: `Uppföljning ska göras senast ${d.followUpDue}.`, date: d.followUpDue, late: d.followUpDue < today, href });
        if (d.reasons.includes('ending') && d.endDate) ending.push({ title, text: `Beslutet gäller till och med ${d.endDate}.`, date: d.endDate, late: false, href });
      }
      sections.push(section('follow_up', follow), section('decision_ending', ending));
    }

    if (can(ctx.actor, 'report:read')) {
      const unitId = scopeOf(ctx.actor, 'report:read') === 'all' ? undefined : ctx.actor.unitId;
      const due = (await loadDueReports(q, today, unitId === undefined ? {} : { unitId })).filter((d) => d.overdue);
      sections.push(
        section(
          'report_missing',
          due.map((d) => ({
            title: `${d.contactPersonName} (uppdrag för ${d.personFirstName})`,
            text: `Rapporten för ${monthLabel(d.month)} skulle ha lämnats senast ${d.deadline}.`,
            date: d.deadline,
            late: true,
            href: `/uppdrag/${d.assignmentId}`,
          })),
        ),
      );
    }

    if (can(ctx.actor, 'contact-person:read')) {
      // The register's own reminders (remindersFor): expired and expiring requirements. It audits what it shows.
      const [expired, expiring] = await Promise.all([
        listReminders(ctx, { kind: 'expired', page: 1, pageSize: SECTION_LIMIT }),
        listReminders(ctx, { kind: 'expiring', page: 1, pageSize: SECTION_LIMIT }),
      ]);
      const items = [...expired.items, ...expiring.items].map((r) => ({ title: r.name, text: r.message, date: r.date, late: r.kind === 'expired', href: `/kontaktpersoner/${r.contactPersonId}` }));
      const s = section('check_expiring', items);
      sections.push({ ...s, total: expired.total + expiring.total });
    }

    await recordAudit(q, ctx, [
      { action: 'overdue.read', entityType: 'case', details: { counts: Object.fromEntries(sections.map((s) => [s.kind, s.total])) } },
      ...[...shownCases].map(([caseId, personId]) => ({ action: 'overdue.read' as const, entityType: 'case' as const, entityId: caseId, personId })),
    ]);
    return { today, sections };
  });
}
