import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acknowledgementDeadline, caseWarnings, deriveCaseStatus, formatCaseNumber, isReferral, type CaseFacts } from './rules';

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

  it('warns only after the deadline and only while unacknowledged', () => {
    const f = { route: 'SOL' as const, receivedDate: '2026-03-12', acknowledgedDate: null, personkretsDocumentation: null, documentationReceivedDate: null };
    expect(caseWarnings(f, '2026-03-16', 2)).toEqual([]);
    expect(caseWarnings(f, '2026-03-17', 2).map((w) => w.code)).toEqual(['NOT_ACKNOWLEDGED']);
    expect(caseWarnings({ ...f, acknowledgedDate: '2026-03-20' }, '2026-03-25', 2)).toEqual([]);
  });

  it('warns about missing LSS documentation until it is received', () => {
    const f = { route: 'LSS' as const, receivedDate: '2026-03-12', acknowledgedDate: '2026-03-13', personkretsDocumentation: 'missing' as const, documentationReceivedDate: null };
    expect(caseWarnings(f, '2026-03-14', 2).map((w) => w.code)).toEqual(['DOCUMENTATION_MISSING']);
    expect(caseWarnings({ ...f, documentationReceivedDate: '2026-03-20' }, '2026-03-21', 2)).toEqual([]);
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
