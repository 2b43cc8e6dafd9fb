import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay } from '../platform/calendar';
import {
  appealDeadline,
  appealReceivedProblem,
  appealTimely,
  decisionProblems,
  endingSoon,
  executionDeadline,
  followUpDue,
  formatHours,
  formatScope,
  monthlyHoursEquivalent,
  needsApproval,
  periodWarning,
  type DecisionInput,
  type ScopeUnit,
} from './rules';

describe('executionDeadline: three months later, clamped to the month end', () => {
  it.each([
    ['2026-03-10', '2026-06-10'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'], // leap year
    ['2028-11-30', '2029-02-28'],
    ['2027-11-29', '2028-02-29'],
    ['2026-01-31', '2026-04-30'],
    ['2026-03-31', '2026-06-30'],
    ['2026-12-15', '2027-03-15'],
    ['2028-08-31', '2028-11-30'],
    ['2099-12-31', '2100-03-31'],
  ])('%s → %s', (decided, deadline) => {
    expect(executionDeadline(decided)).toBe(deadline);
  });

  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('is after the decision (property)', () => {
    fc.assert(fc.property(date, (d) => executionDeadline(d) > d));
  });
  it('is monotone in the decision date (property)', () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 400 }), (d, k) => executionDeadline(addDays(d, k)) >= executionDeadline(d)));
  });
});

describe('appealDeadline: three weeks after fick del av, moved past weekends, holidays and eves', () => {
  it.each([
    ['2026-02-12', '2026-03-05', 'an ordinary Thursday'],
    ['2026-03-07', '2026-03-30', 'Saturday → Monday'],
    ['2026-12-03', '2026-12-28', 'julafton, juldagen, annandag jul and a weekend'],
    ['2026-12-10', '2027-01-04', 'nyårsafton, nyårsdagen and a weekend'],
    ['2026-12-16', '2027-01-07', 'trettondedag jul'],
    ['2026-05-29', '2026-06-22', 'midsommarafton and midsommardagen'],
    ['2027-06-04', '2027-06-28', 'midsommarafton 2027 (25 June), midsommardagen, Sunday'],
    ['2026-03-13', '2026-04-07', 'långfredagen → annandag påsk → Tuesday'],
  ])('%s → %s (%s)', (notified, deadline) => {
    expect(appealDeadline(notified)).toBe(deadline);
  });

  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('is at least 21 days after, on a working day, and monotone (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, k) => {
        const a = appealDeadline(d);
        return a >= addDays(d, 21) && a <= addDays(d, 21 + 6) && isWorkingDay(a) && appealDeadline(addDays(d, k)) >= a;
      }),
    );
  });

  it('timely = received on or before the deadline; unknown without a notified date', () => {
    expect(appealTimely('2026-03-05', '2026-02-12')).toBe(true);
    expect(appealTimely('2026-03-06', '2026-02-12')).toBe(false);
    expect(appealTimely('2026-12-28', '2026-12-03')).toBe(true);
    expect(appealTimely('2026-03-06', null)).toBeNull();
  });

  it('refuses an appeal received before notification, before the decision or in the future', () => {
    const d = { decisionDate: '2026-02-10', notifiedDate: '2026-02-12' };
    expect(appealReceivedProblem('2026-02-11', d, '2026-03-16')?.path).toBe('receivedDate');
    expect(appealReceivedProblem('2026-02-09', { ...d, notifiedDate: null }, '2026-03-16')?.path).toBe('receivedDate');
    expect(appealReceivedProblem('2026-03-17', d, '2026-03-16')?.path).toBe('receivedDate');
    expect(appealReceivedProblem('2026-02-12', d, '2026-03-16')).toBeNull();
  });
});

describe('monthlyHoursEquivalent', () => {
  const f = { monthlyHoursPerWeeklyMeetingMin: 8, monthlyHoursPerWeeklyMeetingMax: 10 };
  it.each<[ScopeUnit, number, number, number]>([
    ['meetings_per_week', 1, 8, 10],
    ['meetings_per_week', 2, 16, 20],
    ['meetings_per_month', 2, 3.7, 4.6],
    ['meetings_per_month', 4, 7.4, 9.2],
    ['meetings_per_month', 13, 24, 30],
    ['hours_per_month', 12, 12, 12],
  ])('%s × %d → %d–%d h/month', (unit, amount, min, max) => {
    expect(monthlyHoursEquivalent(unit, amount, f)).toEqual({ min, max });
  });
  it('follows the configured factors (seed 001: 2 h/week ≈ 8,7 h/month)', () => {
    expect(monthlyHoursEquivalent('meetings_per_week', 1, { monthlyHoursPerWeeklyMeetingMin: 9, monthlyHoursPerWeeklyMeetingMax: 9 })).toEqual({ min: 9, max: 9 });
  });
  it('is written in Swedish', () => {
    expect(formatHours({ min: 8, max: 10 })).toBe('8–10 timmar i månaden');
    expect(formatHours({ min: 7.4, max: 7.4 })).toBe('7,4 timmar i månaden');
    expect(formatScope('meetings_per_week', 1)).toBe('1 träff i veckan');
    expect(formatScope('meetings_per_month', 3)).toBe('3 träffar i månaden');
  });
});

describe('needsApproval (delegation)', () => {
  const l = { delegationMaxHoursPerMonth: 10, delegationMaxContactPersons: 1 };
  it.each([
    [{ min: 8, max: 10 }, 1, false],
    [{ min: 16, max: 20 }, 1, true],
    [{ min: 10.5, max: 10.5 }, 1, true],
    [{ min: 8, max: 10 }, 2, true],
    [null, null, false],
  ])('%j h, %s contact persons → %s', (hours, count, expected) => {
    expect(needsApproval({ hoursPerMonth: hours, contactPersonCount: count }, l)).toBe(expected);
  });
});

describe('period and decision problems', () => {
  it('warns without an end date or beyond the maximum', () => {
    expect(periodWarning('2026-03-15', null, 24)).toBe('no_end');
    expect(periodWarning('2026-03-15', '2028-03-15', 24)).toBeNull();
    expect(periodWarning('2026-03-15', '2028-03-16', 24)).toBe('too_long');
  });

  const base: DecisionInput = {
    outcome: 'granted',
    decisionDate: '2026-03-10',
    scopeUnit: 'meetings_per_week',
    scopeAmount: 1,
    contactPersonCount: 1,
    startDate: '2026-03-15',
    endDate: '2027-03-14',
  };
  const ctx = { today: '2026-03-16', applicationDate: '2026-02-02', decisionMaxMonths: 24, levelCodes: ['N1'] };
  const paths = (o: Partial<DecisionInput>) => decisionProblems({ ...base, ...o }, ctx).map((p) => p.path);
  it.each<[string, Partial<DecisionInput>, string[]]>([
    ['valid', {}, []],
    ['future date', { decisionDate: '2026-03-17' }, ['decisionDate']],
    ['before the application', { decisionDate: '2026-02-01' }, ['decisionDate']],
    ['scope zero', { scopeAmount: 0 }, ['scopeAmount']],
    ['absurd scope', { scopeAmount: 8 }, ['scopeAmount']],
    ['absurd hours', { scopeUnit: 'hours_per_month', scopeAmount: 201 }, ['scopeAmount']],
    ['missing scope', { scopeUnit: null, scopeAmount: null }, ['scopeUnit', 'scopeAmount']],
    ['unknown level', { level: 'N9' }, ['level']],
    ['known level', { level: 'N1' }, []],
    ['no contact persons', { contactPersonCount: 0 }, ['contactPersonCount']],
    ['end before start', { endDate: '2026-03-14' }, ['endDate']],
    ['no end, no reason', { endDate: null }, ['periodReason']],
    ['no end, with reason', { endDate: null, periodReason: 'Varaktigt behov.' }, []],
    ['too long, no reason', { endDate: '2029-01-01' }, ['periodReason']],
    ['avslag needs no scope', { outcome: 'rejected', scopeUnit: null, scopeAmount: null, contactPersonCount: null, startDate: null, endDate: null }, []],
  ])('%s', (_name, o, expected) => {
    expect(paths(o)).toEqual(expected);
  });
});

describe('followUpDue and endingSoon', () => {
  it.each([
    [{ startDate: '2026-03-15', endDate: null, lastFollowUpDate: null }, 12, '2027-03-15'],
    [{ startDate: '2026-03-15', endDate: '2026-12-31', lastFollowUpDate: null }, 12, '2026-12-31'],
    [{ startDate: '2026-03-15', endDate: null, lastFollowUpDate: '2026-09-01' }, 12, '2027-09-01'],
    [{ startDate: '2026-03-15', endDate: null, lastFollowUpDate: null }, 6, '2026-09-15'],
    [{ startDate: '2027-11-30', endDate: null, lastFollowUpDate: null }, 3, '2028-02-29'],
    // executed after the start: the clock starts at execution; a renewal (executed before its start): at its start
    [{ startDate: '2026-03-15', executedDate: '2026-05-04', endDate: null, lastFollowUpDate: null }, 12, '2027-05-04'],
    [{ startDate: '2027-03-15', executedDate: '2026-05-04', endDate: null, lastFollowUpDate: null }, 12, '2028-03-15'],
    [{ startDate: '2026-03-15', executedDate: '2026-05-04', endDate: null, lastFollowUpDate: '2026-11-01' }, 12, '2027-11-01'],
  ])('%j every %d months → %s', (d, months, due) => {
    expect(followUpDue(d, months)).toBe(due);
  });
  it('lists decisions ending within the window, not ended ones', () => {
    expect(endingSoon('2026-05-15', '2026-03-16', 60)).toBe(true);
    expect(endingSoon('2026-05-16', '2026-03-16', 60)).toBe(false);
    expect(endingSoon('2026-03-15', '2026-03-16', 60)).toBe(false);
    expect(endingSoon(null, '2026-03-16', 60)).toBe(false);
  });
});
