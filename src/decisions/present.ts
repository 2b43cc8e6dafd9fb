// What a decision looks like to staff who may read its case. Fields are listed; nothing leaves by accident.
import type { z } from 'zod';
import type { MunicipalitySettings } from '../platform/settings';
import type { DecisionFull } from './repo';
import { appealDeadline, appealTimely, executionDeadline, followUpDue, isFavourable, monthlyHoursEquivalent, type HoursRange } from './rules';
import type { appealOut, decisionOut } from './schema';
import type { AppealRow, DecisionRow } from './repo';

export type DecisionOut = z.infer<typeof decisionOut>;
type Factors = Pick<MunicipalitySettings, 'monthlyHoursPerWeeklyMeetingMin' | 'monthlyHoursPerWeeklyMeetingMax' | 'followUpMonths'>;

export function hoursOf(d: Pick<DecisionRow, 'scopeUnit' | 'scopeAmount'>, m: Factors): HoursRange | null {
  return d.scopeUnit && d.scopeAmount ? monthlyHoursEquivalent(d.scopeUnit, d.scopeAmount, m) : null;
}

/** The follow-up due date of a decided favourable decision (`executedDate`: the case's, from case_facts). */
export function followUpDueOf(d: DecisionRow, lastFollowUpDate: string | null, executedDate: string | null, m: Factors): string | null {
  if (d.state !== 'decided' || !isFavourable(d.outcome) || !d.startDate) return null;
  return followUpDue({ startDate: d.startDate, executedDate, endDate: d.endDate, lastFollowUpDate }, m.followUpMonths);
}

export function presentAppeal(a: AppealRow, notifiedDate: string | null): z.infer<typeof appealOut> {
  return {
    id: a.id,
    decisionId: a.decisionId,
    receivedDate: a.receivedDate,
    deadline: notifiedDate ? appealDeadline(notifiedDate) : null,
    timely: appealTimely(a.receivedDate, notifiedDate),
    forwardedDate: a.forwardedDate,
    outcome: a.outcome,
    outcomeDate: a.outcomeDate,
    newDecisionId: a.newDecisionId,
    note: a.note,
    version: a.version,
  };
}

export function presentDecision(r: DecisionFull, m: Factors): DecisionOut {
  const d = r.d;
  const ended = r.followUps.some((f) => f.result === 'end');
  const last = r.followUps.at(-1)?.date ?? null;
  return {
    id: d.id,
    caseId: d.caseId,
    previousDecisionId: d.previousDecisionId,
    succession: d.succession,
    state: d.state,
    outcome: d.outcome,
    requested: d.requested,
    reasons: d.reasons,
    legalBasis: { id: r.basis.id, code: r.basis.code, name: r.basis.name, paragraph: r.basis.paragraph, law: r.basis.law, appealRoute: r.basis.appealRoute },
    decisionDate: d.decisionDate,
    scopeUnit: d.scopeUnit,
    scopeAmount: d.scopeAmount,
    level: d.level,
    hoursPerMonth: hoursOf(d, m),
    contactPersonCount: d.contactPersonCount,
    startDate: d.startDate,
    endDate: d.endDate,
    periodReason: d.periodReason,
    homeCareTariff: d.homeCareTariff,
    needsApproval: d.needsApproval,
    approvedByName: r.approvedByName,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    returnComment: d.returnComment,
    decidedByName: r.decidedByName,
    sentDate: d.sentDate,
    notifiedDate: d.notifiedDate,
    executionDeadline: d.state === 'decided' && isFavourable(d.outcome) ? executionDeadline(d.decisionDate) : null,
    appealDeadline: d.notifiedDate ? appealDeadline(d.notifiedDate) : null,
    followUpDue: ended ? null : followUpDueOf(d, last, r.executedDate, m),
    appeals: r.appeals.map((a) => presentAppeal(a, d.notifiedDate)),
    followUps: r.followUps.map((f) => ({ id: f.id, date: f.date, result: f.result, note: f.note })),
    version: d.version,
  };
}
