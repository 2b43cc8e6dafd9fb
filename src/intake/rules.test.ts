import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REQUESTERS } from './schema';
import {
  orderConfirmDeadline,
  orderConfirmOverdue,
  acknowledgementDeadline,
  acknowledgementProblems,
  applicationProblems,
  canAcknowledge,
  canRecordApplication,
  canRecordDocumentation,
  documentationProblems,
  FUTURE_DATE_MESSAGE,
  requestersFor,
  requestProblems,
  responsibleProblem,
  caseStatusLabel,
  caseWarnings,
  deriveCaseStatus,
  documentationDeadline,
  formatCaseNumber,
  isReferral,
  type CaseFacts,
  type CaseStatus,
  type IntakeFacts,
} from './rules';

const base: CaseFacts = { applicationDate: '2026-03-02', acknowledgedDate: null };

describe('deriveCaseStatus', () => {
  it.each<[string, CaseFacts, string]>([
    ['referral without application', { applicationDate: null, acknowledgedDate: null }, 'referral'],
    ['application', base, 'requested'],
    ['acknowledged', { ...base, acknowledgedDate: '2026-03-03' }, 'acknowledged'],
    ['investigation', { ...base, acknowledgedDate: '2026-03-03', investigationStartedDate: '2026-03-05' }, 'under_investigation'],
    ['rejected', { ...base, decision: { outcome: 'rejected', date: '2026-04-01', endDate: null } }, 'rejected'],
    ['granted', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: '2027-03-31' } }, 'granted'],
    ['partly granted counts as granted', { ...base, decision: { outcome: 'partly_granted', date: '2026-04-01', endDate: null } }, 'granted'],
    ['ordered', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, orderedDate: '2026-04-02' }, 'ordered'],
    ['order confirmed', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, orderedDate: '2026-04-02', orderConfirmedDate: '2026-04-03' }, 'order_confirmed'],
    ['matching', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, orderedDate: '2026-04-02', matchingStartedDate: '2026-04-05' }, 'matching'],
    ['executed', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, executedDate: '2026-05-01' }, 'executed'],
    ['interrupted', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, executedDate: '2026-05-01', interruptedSince: '2026-06-01' }, 'interrupted'],
    ['expired', { ...base, decision: { outcome: 'granted', date: '2025-04-01', endDate: '2026-03-01' }, executedDate: '2025-05-01' }, 'expired'],
    ['ended', { ...base, decision: { outcome: 'granted', date: '2026-04-01', endDate: null }, endedDate: '2026-06-01' }, 'ended'],
  ])('%s', (_name, facts, expected) => {
    expect(deriveCaseStatus(facts, '2026-06-15')).toBe(expected);
  });

  it('does not end a case before its end date', () => {
    expect(deriveCaseStatus({ ...base, acknowledgedDate: '2026-03-03', endedDate: '2026-07-01' }, '2026-06-15')).toBe('acknowledged');
  });
});

describe('acknowledgement deadline and warnings', () => {
  it('counts working days, skipping weekends and Swedish holidays', () => {
    expect(acknowledgementDeadline('2026-03-12', 2)).toBe('2026-03-16'); // Thu → Mon
    expect(acknowledgementDeadline('2026-04-02', 2)).toBe('2026-04-08'); // Skärtorsdag → over Easter
    expect(acknowledgementDeadline('2026-12-23', 1)).toBe('2026-12-28'); // julafton, juldagen, annandag
    expect(acknowledgementDeadline('2026-06-18', 1)).toBe('2026-06-22'); // midsommarafton
  });

  const limits = { ackWithinWorkingDays: 2, documentationWithinWorkingDays: 15 };

  it('warns only after the deadline and only while unacknowledged', () => {
    const f: IntakeFacts = { route: 'SOL', receivedDate: '2026-03-12', applicationDate: '2026-03-12', acknowledgedDate: null, personkretsDocumentation: null, documentationReceivedDate: null };
    expect(caseWarnings('requested', f, '2026-03-16', limits)).toEqual([]);
    expect(caseWarnings('requested', f, '2026-03-17', limits).map((w) => w.code)).toEqual(['NOT_ACKNOWLEDGED']);
    expect(caseWarnings('acknowledged', { ...f, acknowledgedDate: '2026-03-20' }, '2026-03-25', limits)).toEqual([]);
  });

  it('counts the acknowledgement deadline from the application, not from the referral', () => {
    // Referred 2026-03-02, the person applied 2026-03-12: late only after 2026-03-16.
    const f: IntakeFacts = { route: 'SOL', receivedDate: '2026-03-02', applicationDate: '2026-03-12', acknowledgedDate: null, personkretsDocumentation: null, documentationReceivedDate: null };
    expect(caseWarnings('requested', f, '2026-03-16', limits)).toEqual([]);
    expect(caseWarnings('requested', f, '2026-03-17', limits)[0].message).toContain('Ansökan kom in 2026-03-12');
  });

  it('warns about missing LSS documentation until it is received, and after its due date says it is late', () => {
    const f: IntakeFacts = { route: 'LSS', receivedDate: '2026-03-12', applicationDate: '2026-03-12', acknowledgedDate: '2026-03-13', personkretsDocumentation: 'missing', documentationReceivedDate: null };
    const due = documentationDeadline('2026-03-13', 15);
    expect(due).toBe('2026-04-07'); // 15 working days; långfredag and annandag påsk skipped
    expect(caseWarnings('acknowledged', f, '2026-03-14', limits).map((w) => w.code)).toEqual(['DOCUMENTATION_MISSING']);
    expect(caseWarnings('acknowledged', f, '2026-03-14', limits)[0].message).toContain(`senast ${due}`);
    expect(caseWarnings('acknowledged', f, due, limits).map((w) => w.code)).toEqual(['DOCUMENTATION_MISSING']);
    expect(caseWarnings('acknowledged', f, '2026-04-08', limits).map((w) => w.code)).toEqual(['DOCUMENTATION_OVERDUE']);
    expect(caseWarnings('acknowledged', { ...f, documentationReceivedDate: '2026-03-20' }, '2026-03-21', limits)).toEqual([]);
  });

  // Facts that would trigger every warning if status were ignored: an LSS application, never acknowledged in time,
  // documentation missing. Which warnings show must depend on the status alone.
  const worst: IntakeFacts = { route: 'LSS', receivedDate: '2026-01-05', applicationDate: '2026-01-05', acknowledgedDate: '2026-01-20', personkretsDocumentation: 'missing', documentationReceivedDate: null };
  const expectedByStatus: Record<CaseStatus, string[]> = {
    referral: [],
    requested: ['NOT_ACKNOWLEDGED'],
    acknowledged: ['DOCUMENTATION_OVERDUE'],
    under_investigation: ['DOCUMENTATION_OVERDUE'],
    rejected: [],
    granted: [],
    ordered: [],
    order_confirmed: [],
    matching: [],
    executed: [],
    interrupted: [],
    ended: [],
    expired: [],
  };
  it.each(Object.keys(caseStatusLabel) as CaseStatus[])('warnings follow the status: %s', (status) => {
    const facts: IntakeFacts =
      status === 'referral' ? { ...worst, applicationDate: null, acknowledgedDate: null } : status === 'requested' ? { ...worst, acknowledgedDate: null } : worst;
    expect(caseWarnings(status, facts, '2026-06-15', limits).map((w) => w.code)).toEqual(expectedByStatus[status]);
  });

  it('never contradicts the derived status (property)', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.record({
          route: fc.constantFrom('LSS' as const, 'SOL' as const),
          receivedDate: date,
          applicationDate: fc.option(date),
          acknowledgedDate: fc.option(date),
          personkretsDocumentation: fc.constantFrom('present' as const, 'missing' as const, null),
          documentationReceivedDate: fc.option(date),
        }),
        date,
        (f, today) => {
          const status = deriveCaseStatus({ applicationDate: f.applicationDate, acknowledgedDate: f.acknowledgedDate }, today);
          const ws = caseWarnings(status, f, today, limits);
          const label = caseStatusLabel[status];
          // A referral has no application, so nothing may talk about one; only an application can be late.
          if (status === 'referral' && ws.length > 0) return false;
          if (ws.some((w) => w.code === 'NOT_ACKNOWLEDGED') && status !== 'requested') return false;
          return ws.every((w) => !(label === caseStatusLabel.acknowledged && w.message.startsWith('Inte bekräftad')));
        },
      ),
    );
  });

  it('never puts a deadline before the day received (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 0, max: 30 }), (day, n) => {
        const received = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const deadline = acknowledgementDeadline(received, n);
        return n === 0 ? deadline === received : deadline > received;
      }),
    );
  });
});

describe('case numbers and referrals', () => {
  it('formats the configured pattern', () => {
    expect(formatCaseNumber('KP-{YYYY}-{NNNN}', 2026, 1)).toBe('KP-2026-0001');
    expect(formatCaseNumber('SOC/{YYYY}/{NN}', 2026, 123)).toBe('SOC/2026/123');
  });
  it('treats relatives and other bodies as referrals', () => {
    expect(isReferral('relative')).toBe(true);
    expect(isReferral('other_body')).toBe(true);
    expect(isReferral('guardian')).toBe(false);
  });
});

describe('what an intake action requires (shared by use case, abilities and page)', () => {
  const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const intakeCase = fc.record({
    route: fc.constantFrom('LSS' as const, 'SOL' as const),
    receivedDate: date,
    applicationDate: fc.option(date, { nil: null }),
    acknowledgedDate: fc.option(date, { nil: null }),
    personkretsDocumentation: fc.constantFrom('present' as const, 'missing' as const, null),
    documentationReceivedDate: fc.option(date, { nil: null }),
  });
  const TODAY = '2026-06-01';

  it('can… is true exactly when a valid input has no problems (property)', () => {
    fc.assert(
      fc.property(intakeCase, (c) => {
        expect(acknowledgementProblems(c, { acknowledgedDate: TODAY, personkretsDocumentation: 'present' }, TODAY).length === 0).toBe(canAcknowledge(c));
        expect(applicationProblems(c, { applicationDate: TODAY }, TODAY).length === 0).toBe(canRecordApplication(c));
        expect(documentationProblems(c, { receivedDate: TODAY }, TODAY).length === 0).toBe(canRecordDocumentation(c));
      }),
    );
  });

  it('counts an acknowledgement from the application, not from the referral', () => {
    const c = { route: 'SOL' as const, receivedDate: '2026-03-02', applicationDate: '2026-03-10', acknowledgedDate: null };
    expect(acknowledgementProblems(c, { acknowledgedDate: '2026-03-05' }, '2026-03-16')).toEqual([
      { path: 'acknowledgedDate', message: 'Datumet kan inte vara före ansökan (2026-03-10).' },
    ]);
    expect(acknowledgementProblems(c, { acknowledgedDate: '2026-03-17' }, '2026-03-16')).toEqual([{ path: 'acknowledgedDate', message: FUTURE_DATE_MESSAGE }]);
    expect(acknowledgementProblems({ ...c, applicationDate: null }, { acknowledgedDate: '2026-03-10' }, '2026-03-16')).toMatchObject([{ code: 'VALIDATION_FAILED' }]);
  });

  it('lets only the person or a representative apply under LSS', () => {
    expect(requestersFor('LSS', REQUESTERS)).toEqual(REQUESTERS.filter((r) => !isReferral(r)));
    expect(requestersFor('SOL', REQUESTERS)).toEqual([...REQUESTERS]);
    const input = { route: 'LSS' as const, requester: 'relative' as const, requesterName: 'Bror', receivedDate: '2026-03-12' };
    expect(requestProblems(input, '2026-03-16').map((p) => p.path)).toEqual(['requester']);
    expect(requestProblems({ ...input, route: 'SOL' }, '2026-03-16')).toEqual([]);
    expect(requestProblems({ ...input, route: 'SOL', requesterName: '' }, '2026-03-16').map((p) => p.path)).toEqual(['requesterName']);
  });

  it('accepts only an active handläggare or enhetschef of the case’s unit as responsible', () => {
    const u = { active: true, unitId: 'u1', role: 'handlaggare' };
    expect(responsibleProblem('r', u, 'u1')).toBeNull();
    expect(responsibleProblem('r', { ...u, role: 'enhetschef' })).toBeNull();
    expect(responsibleProblem('r', null)?.message).toBe('Välj en aktiv handläggare.');
    expect(responsibleProblem('r', { ...u, active: false })?.message).toBe('Välj en aktiv handläggare.');
    expect(responsibleProblem('r', { ...u, role: 'kontaktsekreterare' })?.message).toBe('Välj en aktiv handläggare.');
    expect(responsibleProblem('r', u, 'u2')?.message).toBe('Handläggaren måste tillhöra ärendets enhet.');
  });
});

describe('an order not confirmed in time ("Mina ärenden", red)', () => {
  const f: IntakeFacts = { route: 'LSS', receivedDate: '2026-11-02', applicationDate: '2026-11-02', acknowledgedDate: '2026-11-03', personkretsDocumentation: 'present', documentationReceivedDate: null };
  const limits = { ackWithinWorkingDays: 2, documentationWithinWorkingDays: 15, orderConfirmWithinWorkingDays: 2 };
  const ordered = { ...f, orderedDate: '2026-12-23', orderConfirmedDate: null };

  it('warns after N working days (sent 2026-12-23 → by 2026-12-29, over jul), only while the case stands at "Beställd"', () => {
    expect(caseWarnings('ordered', ordered, '2026-12-29', limits)).toEqual([]);
    expect(caseWarnings('ordered', ordered, '2026-12-30', limits)).toEqual([
      { code: 'ORDER_NOT_CONFIRMED', message: 'Beställningen är inte bekräftad. Den skickades 2026-12-23 och skulle ha bekräftats senast 2026-12-29.' },
    ]);
    expect(caseWarnings('order_confirmed', { ...ordered, orderConfirmedDate: '2026-12-30' }, '2027-01-10', limits)).toEqual([]);
    expect(caseWarnings('expired', ordered, '2027-01-10', limits)).toEqual([]);
    // Without the setting (callers that do not know orders) there is no order warning.
    expect(caseWarnings('ordered', ordered, '2027-01-10', { ackWithinWorkingDays: 2, documentationWithinWorkingDays: 15 })).toEqual([]);
  });

  it('orderConfirmOverdue: not sent or confirmed is never overdue', () => {
    expect(orderConfirmOverdue(null, null, '2027-01-10', 2)).toBe(false);
    expect(orderConfirmOverdue('2026-12-23', '2026-12-31', '2027-01-10', 2)).toBe(false);
    expect(orderConfirmDeadline('2026-12-23', 2)).toBe('2026-12-29');
  });
});
