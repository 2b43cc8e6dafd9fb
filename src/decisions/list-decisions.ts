// Reading decisions: a case's decisions with what the decide form needs, the enhetschef's approval queue, and the
// list "Uppföljning och upphörande" (decisions ending soon, follow-ups due) within the reader's case scope.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { addDays, addMonths } from '../platform/calendar';
import { canOnCase } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { users } from '../platform/tables';
import { investigationConfig, otherSourceLabel } from '../investigation/rules';
import { persons } from '../people/tables';
import { loadCase } from '../intake/load-case';
import { caseScope } from '../intake/scope';
import { cases } from '../intake/tables';
import { caseFacts } from '../intake/case-status';
import { investigationReadiness } from '../investigation/readiness';
import { legalBasesInForce } from './legal-bases';
import { followUpDueOf, hoursOf, presentDecision } from './present';
import { decisionsOfCase } from './repo';
import { endingSoon, isFavourable } from './rules';
import type { caseDecisionsOut, decisionListItemOut, decisionListOut } from './schema';
import { decisions, followUps, legalBases } from './tables';

type Notice = { code: string; message: string };

export function getCaseDecisions(ctx: UseCaseContext, caseId: string): Promise<z.infer<typeof caseDecisionsOut>> {
  return readUseCase(ctx, async (q) => {
    const r = await loadCase(q, ctx, caseId);
    const m = await settingsOf(ctx, q);
    const today = ctx.clock.today();
    const items = await decisionsOfCase(q, caseId);
    const canMake = canOnCase(ctx.actor, 'decision:make', r.c);
    const blockers: Notice[] = [];
    const warnings: Notice[] = [];
    if (r.c.applicationDate === null) blockers.push({ code: 'DECISION_CASE_IS_REFERRAL', message: 'Ärendet är en aktualisering utan ansökan. Registrera ansökan innan du fattar beslut.' });
    const ready = await investigationReadiness(q, caseId, today, investigationConfig(m));
    if (!ready.exists) blockers.push({ code: 'INVESTIGATION_MISSING', message: 'Det finns ingen utredning i ärendet. Utred innan du fattar beslut.' });
    else {
      if (ready.unansweredSources.length > 0)
        blockers.push({
          code: 'OTHER_SOURCES_UNANSWERED',
          message: `Svara i utredningen om behovet tillgodoses på annat sätt: ${ready.unansweredSources.map((s) => otherSourceLabel[s].toLowerCase()).join(', ')}.`,
        });
      for (const w of ready.warnings) {
        if (ready.missingReasons.includes(w.code)) blockers.push({ code: `WARNING_WITHOUT_REASON:${w.code}`, message: `${w.message} Skriv i utredningen varför du går vidare.` });
        else warnings.push({ code: w.code, message: w.message });
      }
      if (!ready.completed) warnings.push({ code: 'INVESTIGATION_NOT_COMPLETED', message: 'Utredningen är inte markerad som klar.' });
    }
    await recordAudit(q, ctx, { action: 'decision.read', entityType: 'case', entityId: caseId, personId: r.c.personId });
    return {
      items: items.map((d) => presentDecision(d, m)),
      canDecide: canMake && blockers.length === 0 && !items.some((d) => d.d.previousDecisionId === null),
      canApprove: canOnCase(ctx.actor, 'decision:approve', r.c),
      blockers,
      warnings,
      legalBases: (await legalBasesInForce(q, r.c.route, today)).map((b) => ({ ...b })),
      settings: {
        decisionMaxMonths: m.decisionMaxMonths,
        delegationMaxHoursPerMonth: m.delegationMaxHoursPerMonth,
        delegationMaxContactPersons: m.delegationMaxContactPersons,
        monthlyHoursPerWeeklyMeetingMin: m.monthlyHoursPerWeeklyMeetingMin,
        monthlyHoursPerWeeklyMeetingMax: m.monthlyHoursPerWeeklyMeetingMax,
        scopeLevels: m.scopeLevels ?? [],
      },
    };
  });
}

/** The legal bases of the case's route in force on a date (the decide form changes them with the decision date). */
export function caseLegalBases(ctx: UseCaseContext, caseId: string, date: string) {
  return readUseCase(ctx, async (q) => {
    const r = await loadCase(q, ctx, caseId);
    return { items: await legalBasesInForce(q, r.c.route, date) };
  });
}

const responsible = alias(users, 'responsible');

function listRows(q: Parameters<Parameters<typeof readUseCase>[1]>[0]) {
  return q
    .select({
      d: decisions,
      caseNumber: cases.caseNumber,
      personId: cases.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      responsibleName: responsible.displayName,
      lastFollowUp: sql<string | null>`(select max(${followUps.date}) from ${followUps} where ${followUps.decisionId} = ${decisions.id})`,
      executedDate: caseFacts.executedDate,
      ended: sql<boolean>`exists (select 1 from ${followUps} where ${followUps.decisionId} = ${decisions.id} and ${followUps.result} = 'end')`,
    })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(responsible, eq(responsible.id, cases.responsibleUserId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .leftJoin(caseFacts, eq(caseFacts.caseId, decisions.caseId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listRows>['where']>>[number];
type Item = z.infer<typeof decisionListItemOut>;

function item(r: ListRow, reasons: Item['reasons'], followUpDue: string | null, m: Parameters<typeof hoursOf>[1]): Item {
  return {
    id: r.d.id,
    caseId: r.d.caseId,
    caseNumber: r.caseNumber,
    personName: `${r.firstName} ${r.lastName}`,
    outcome: r.d.outcome,
    decisionDate: r.d.decisionDate,
    endDate: r.d.endDate,
    hoursPerMonth: hoursOf(r.d, m),
    contactPersonCount: r.d.contactPersonCount,
    followUpDue,
    responsibleName: r.responsibleName,
    reasons,
  };
}

/** One audit entry per listed decision (one batched insert). */
const listEntry = (r: ListRow, list: 'approval_queue' | 'follow_up') => ({
  action: 'decision.list' as const,
  entityType: 'decision' as const,
  entityId: r.d.id,
  personId: r.personId,
  details: { list },
});

/** Decisions waiting for the enhetschef's approval in their unit. */
export function approvalQueue(ctx: UseCaseContext): Promise<z.infer<typeof decisionListOut>> {
  return readUseCase(ctx, async (q) => {
    const m = await settingsOf(ctx, q);
    const rows = await listRows(q)
      .where(and(caseScope(ctx.actor, 'decision:approve'), eq(decisions.state, 'awaiting_approval')))
      .orderBy(asc(decisions.createdAt))
      .limit(200);
    await recordAudit(q, ctx, rows.map((r) => listEntry(r, 'approval_queue')));
    return { items: rows.map((r) => item(r, ['awaiting_approval'], null, m)) };
  });
}

/**
 * "Uppföljning och upphörande": current favourable decisions (decided, not replaced, not ended by a follow-up) that
 * end within the window or whose follow-up is due within it. Due dates come from `followUpDue` (rules.ts).
 */
export function followUpList(ctx: UseCaseContext): Promise<z.infer<typeof decisionListOut>> {
  return readUseCase(ctx, async (q) => {
    const m = await settingsOf(ctx, q);
    const today = ctx.clock.today();
    const horizon = addDays(today, m.endingWindowDays);
    const successor = alias(decisions, 'successor');
    // Candidates in SQL (a follow-up is due at the latest followUpMonths after start or the last follow-up, or at
    // the end date; three days' slack for month-end clamping); the exact due date is the pure rule's.
    const rows = await listRows(q)
      .leftJoin(successor, eq(successor.previousDecisionId, decisions.id))
      .where(
        and(
          caseScope(ctx.actor, 'decision:make'),
          eq(decisions.state, 'decided'),
          inArray(decisions.outcome, ['granted', 'partly_granted']),
          isNull(successor.id),
          sql`not exists (select 1 from ${followUps} where ${followUps.decisionId} = ${decisions.id} and ${followUps.result} = 'end')`,
          or(
            sql`${decisions.endDate} between ${today} and ${horizon}`,
            sql`coalesce((select max(${followUps.date}) from ${followUps} where ${followUps.decisionId} = ${decisions.id}), greatest(${decisions.startDate}, ${caseFacts.executedDate})) <= ${addDays(addMonths(horizon, -m.followUpMonths), 3)}`,
          ),
        ),
      )
      .orderBy(asc(decisions.endDate), desc(decisions.decisionDate))
      .limit(500);
    const items = rows
      .map((r) => {
        const due = r.d.endDate && r.d.endDate < today ? null : followUpDueOf(r.d, r.lastFollowUp, r.executedDate, m);
        const reasons: Item['reasons'] = [];
        if (endingSoon(r.d.endDate, today, m.endingWindowDays)) reasons.push('ending');
        if (due && due <= horizon) reasons.push('follow_up_due');
        return isFavourable(r.d.outcome) && reasons.length > 0 ? item(r, reasons, due, m) : null;
      })
      .filter((x): x is Item => x !== null);
    await recordAudit(q, ctx, rows.map((r) => listEntry(r, 'follow_up')));
    return { items };
  });
}
