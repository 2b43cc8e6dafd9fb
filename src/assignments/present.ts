// What offers and assignments look like to the provider's kontaktsekreterare (the order page, the assignment page)
// and to the handläggare (the case page: only the contact person's first name and the dates of the execution).
import { scopeCovers, scopeOf, type Actor } from '../platform/policy/permissions';
import { formatKronor } from '../payments/rules';
import type { RateLevelRow } from '../payments/repo';
import type { AssignmentDetail, AssignmentRow, InterruptionRow, MeetingRow, OfferWithLife, OrderHead } from './repo';
import { stateOf } from './repo';
import {
  agreementRefusal,
  answerRefusal,
  assignmentEndReasonLabel,
  assignmentPhase,
  assignmentPhaseLabel,
  bookingRefusal,
  closeRefusal,
  createRefusal,
  endEndsDecision,
  endRefusal,
  executionProgress,
  interruptRefusal,
  meetingOutcomeLabel,
  offerCloseReasonLabel,
  offerResponseLabel,
  offerState,
  offerStateLabel,
  openPlaces,
  outcomeRefusal,
  resumeRefusal,
  signRefusal,
  startRefusal,
  type AssignmentFacts,
} from './rules';
import type { AssignmentOut, CaseExecutionOut, OfferOut, OrderOffersOut } from './schema';

/** The provider's scope: the order's provider unit. */
export function inProviderScope(actor: Actor, permission: 'assignment:read' | 'assignment:write', row: { providerUnitId: string; createdBy?: string | null }): boolean {
  return scopeCovers(actor, scopeOf(actor, permission), { unitId: row.providerUnitId, responsibleUserId: row.createdBy ?? null });
}

export function presentRateLevel(l: Pick<RateLevelRow, 'code' | 'name' | 'arvode' | 'omkostnad'>) {
  return { code: l.code, name: l.name, arvode: l.arvode, omkostnad: l.omkostnad, arvodeText: formatKronor(l.arvode), omkostnadText: formatKronor(l.omkostnad) };
}

function presentMeeting(m: MeetingRow) {
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    place: m.place,
    participants: m.participants,
    outcome: m.outcome,
    outcomeLabel: m.outcome ? meetingOutcomeLabel[m.outcome] : null,
    outcomeDate: m.outcomeDate,
    outcomeNote: m.outcomeNote,
    cancelled: m.cancelledAt !== null,
    cancelReason: m.cancelReason,
  };
}

function presentAssignmentSummary(a: AssignmentRow, interruptions: InterruptionRow[], today: string) {
  const phase = assignmentPhase(stateOf(a, interruptions), today);
  return {
    id: a.id,
    phase,
    phaseLabel: assignmentPhaseLabel[phase],
    rateLevel: a.rateLevel,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    startDate: a.startDate,
    endDate: a.endDate,
    endReasonLabel: a.endReason ? assignmentEndReasonLabel[a.endReason] : null,
  };
}

export function presentOffer(r: OfferWithLife, today: string, canWrite: boolean): OfferOut {
  const f = r.f;
  const current = r.meetings.filter((m) => m.cancelledAt === null).at(-1) ?? null;
  const has = r.assignment !== null;
  const state = offerState(f, current, has);
  return {
    id: f.id,
    contactPerson: { id: f.contactPersonId, name: `${r.cpFirstName} ${r.cpLastName}` },
    offeredDate: f.offeredDate,
    response: f.response,
    responseLabel: offerResponseLabel[f.response],
    responseDate: f.responseDate,
    responseNote: f.responseNote,
    closedDate: f.closedDate,
    closedReasonLabel: f.closedReason ? offerCloseReasonLabel[f.closedReason] : null,
    closedNote: f.closedNote,
    state,
    stateLabel: offerStateLabel[state],
    meetings: r.meetings.map(presentMeeting),
    assignment: r.assignment ? presentAssignmentSummary(r.assignment, r.interruptions, today) : null,
    version: f.version,
    abilities: {
      canAnswer: canWrite && answerRefusal(f) === null,
      canClose: canWrite && closeRefusal(f, has) === null,
      canBook: canWrite && bookingRefusal(f, current, has) === null,
      canRecordOutcome: canWrite && outcomeRefusal(f, current) === null,
      canCreateAssignment: canWrite && createRefusal(f, current, has) === null,
    },
  };
}

function facts(rows: ReadonlyArray<{ assignment: AssignmentRow | null; interruptions: InterruptionRow[] }>): AssignmentFacts[] {
  return rows.flatMap((r) => (r.assignment ? [stateOf(r.assignment, r.interruptions)] : []));
}

export function presentOrderOffers(head: OrderHead, rows: OfferWithLife[], levels: RateLevelRow[], today: string, canWrite: boolean): OrderOffersOut {
  const d = head.d;
  return {
    orderId: head.o.id,
    caseNumber: head.caseNumber,
    personName: `${head.firstName} ${head.lastName}`,
    decision: { id: d.id, contactPersonCount: d.contactPersonCount, startDate: d.startDate, endDate: d.endDate, level: d.level },
    progressLabel: executionProgress(d.contactPersonCount, facts(rows)).label,
    openPlaces: openPlaces(
      d.contactPersonCount,
      rows.map((r) => r.f),
    ),
    offers: rows.map((r) => presentOffer(r, today, canWrite)),
    rateLevels: levels.map(presentRateLevel),
    defaultRateLevel: levels.find((l) => l.code === d.level)?.code ?? levels[0]?.code ?? null,
  };
}

export function presentAssignment(
  r: AssignmentDetail,
  extra: { today: string; canWrite: boolean; siblings: AssignmentFacts[]; rate: { name: string; arvode: number; omkostnad: number } | null; levels: RateLevelRow[] },
): AssignmentOut {
  const a = r.a;
  const s = stateOf(a, r.interruptions);
  const w = extra.canWrite;
  return {
    ...presentAssignmentSummary(a, r.interruptions, extra.today),
    offerId: a.offerId,
    orderId: a.orderId,
    caseNumber: r.caseNumber,
    person: { name: `${r.person.firstName} ${r.person.lastName}` },
    contactPerson: { id: a.contactPersonId, name: `${r.cp.firstName} ${r.cp.lastName}` },
    decision: { contactPersonCount: r.d.contactPersonCount, startDate: r.d.startDate, endDate: r.d.endDate, legalBasis: `${r.law} ${r.paragraph}` },
    rateLevelName: extra.rate?.name ?? null,
    amounts: extra.rate ? { arvode: formatKronor(extra.rate.arvode), omkostnad: formatKronor(extra.rate.omkostnad) } : null,
    meetingsPerMonth: a.meetingsPerMonth,
    frequencyText: a.frequencyText,
    activities: a.activities,
    agreementDate: a.agreementDate,
    personSignedDate: a.personSignedDate,
    contactPersonSignedDate: a.contactPersonSignedDate,
    appointedDate: a.appointedDate,
    payrollNoticeDate: a.payrollNoticeDate,
    endReason: a.endReason,
    endNote: a.endNote,
    endsDecision: a.endReason ? endEndsDecision(a.endReason) : null,
    interruptions: r.interruptions.map((i) => ({ id: i.id, fromDate: i.fromDate, reason: i.reason, resumedDate: i.resumedDate })),
    progressLabel: executionProgress(r.d.contactPersonCount, extra.siblings).label,
    rateLevels: extra.levels.map(presentRateLevel),
    version: a.version,
    abilities: {
      canEditAgreement: w && agreementRefusal(s) === null,
      canSign: w && signRefusal(s) === null,
      canAppoint: w && !a.endDate && a.appointedDate === null,
      canStart: w && startRefusal(s) === null,
      canInterrupt: w && interruptRefusal(s) === null,
      canResume: w && resumeRefusal(s) === null,
      canEnd: w && endRefusal(s) === null,
    },
  };
}

export function presentCaseExecution(
  rows: ReadonlyArray<{ a: AssignmentRow; cpFirstName: string; contactPersonCount: number | null; interruptions: InterruptionRow[] }>,
  currentDecisionId: string | null,
  today: string,
): CaseExecutionOut {
  const current = rows.filter((r) => r.a.decisionId === currentDecisionId);
  return {
    progressLabel: current.length ? executionProgress(current[0].contactPersonCount, current.map((r) => stateOf(r.a, r.interruptions))).label : null,
    assignments: rows.map((r) => {
      const phase = assignmentPhase(stateOf(r.a, r.interruptions), today);
      return {
        id: r.a.id,
        contactPersonFirstName: r.cpFirstName,
        phaseLabel: assignmentPhaseLabel[phase],
        startDate: r.a.startDate,
        endDate: r.a.endDate,
        endReasonLabel: r.a.endReason ? assignmentEndReasonLabel[r.a.endReason] : null,
        interruptions: r.interruptions.map((i) => ({ fromDate: i.fromDate, resumedDate: i.resumedDate })),
      };
    }),
  };
}
