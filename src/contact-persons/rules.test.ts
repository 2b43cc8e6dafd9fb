import { describe, expect, it } from 'vitest';
import {
  activePause,
  approvalProblems,
  checkValidThrough,
  DEFAULT_CHECK_RULES,
  DEFAULT_REQUIREMENTS,
  deriveCpStatus,
  disposalDue,
  assignmentsToFollowUp,
  blockedForNewAssignments,
  freeCapacity,
  registerCheckValid,
  remindersFor,
  requirementExpiry,
  requirementStates,
  requirementValidOn,
  ruleInForce,
  type Activity,
  type CheckRuleVersion,
  type RegisterCheckFacts,
  type StatusFacts,
} from './rules';

const BOTH = ['belastningsregistret', 'misstankeregistret'];
const BR = ['belastningsregistret'];
const check = (extractDate: string, registers = BOTH): RegisterCheckFacts => ({ extractDate, shownDate: extractDate, registers });

describe('registerCheckValid over the dated rule versions', () => {
  const cases: Array<[string, RegisterCheckFacts | null, string, Activity, boolean, string]> = [
    // The e2e example: 7 months before a start in 2026-04 is refused; 7 months before 2025-10 accepted.
    ['7 months before a start 2026-04-15: too old under SFS 2026:48', check('2025-09-15'), '2026-04-15', 'lss_child', false, 'too_old'],
    ['7 months before a start 2025-10-15: fine under the 12-month rule', check('2025-03-15', BR), '2025-10-15', 'lss_child', true, 'valid'],
    ['12 months exactly on 2026-02-28 (last day of the old rule)', check('2025-02-28', BR), '2026-02-28', 'lss_child', true, 'valid'],
    ['12 months and a day before 2026-02-28', check('2025-02-27', BR), '2026-02-28', 'lss_child', false, 'too_old'],
    ['from 2026-03-01: belastningsregistret alone is not enough', check('2026-01-10', BR), '2026-03-01', 'lss_child', false, 'registers'],
    ['from 2026-03-01: both registers, 6 months exactly', check('2025-09-01'), '2026-03-01', 'lss_child', true, 'valid'],
    ['from 2026-03-01: 6 months and a day', check('2025-08-31'), '2026-03-01', 'lss_child', false, 'too_old'],
    ['no check at all', null, '2026-04-01', 'lss_child', false, 'missing'],
    ['extract dated after the start', check('2026-04-02'), '2026-04-01', 'lss_child', false, 'future_extract'],
    ['adult assignment, scope children: not required', null, '2026-04-01', 'lss_adult', true, 'not_required'],
    ['before any rule version', check('2009-01-01', BR), '2010-06-01', 'lss_child', false, 'no_rule'],
  ];
  it.each(cases)('%s', (_name, c, start, activity, ok, reason) => {
    const v = registerCheckValid(c, DEFAULT_CHECK_RULES, start, activity);
    expect(v.ok).toBe(ok);
    expect(v.reason).toBe(reason);
  });

  it('requires a check for adults when the municipality says always', () => {
    expect(registerCheckValid(null, DEFAULT_CHECK_RULES, '2026-04-01', 'sol_adult', { scope: 'always' }).ok).toBe(false);
    expect(registerCheckValid(null, DEFAULT_CHECK_RULES, '2026-04-01', 'lss_child', { scope: 'children' }).ok).toBe(false);
  });

  it('exempts re-engagement within a year in the same activity (3 §)', () => {
    const previous = [{ activity: 'lss_child' as const, endedDate: '2025-06-30' }];
    expect(registerCheckValid(null, DEFAULT_CHECK_RULES, '2026-06-30', 'lss_child', { previous }).reason).toBe('reengagement');
    expect(registerCheckValid(null, DEFAULT_CHECK_RULES, '2026-07-01', 'lss_child', { previous }).ok).toBe(false);
    expect(registerCheckValid(null, DEFAULT_CHECK_RULES, '2026-01-01', 'sol_child', { previous, scope: 'always' }).ok).toBe(false);
  });

  it('follows a rule version the administrator adds (data, not code)', () => {
    const rules: CheckRuleVersion[] = [
      { ...DEFAULT_CHECK_RULES[1], validTo: '2027-12-31' },
      { ...DEFAULT_CHECK_RULES[1], validFrom: '2028-01-01', maxAgeMonths: 3 },
    ];
    expect(registerCheckValid(check('2027-09-01'), rules, '2027-12-31', 'lss_child').ok).toBe(true);
    expect(registerCheckValid(check('2027-09-01'), rules, '2028-01-01', 'lss_child').ok).toBe(false);
  });

  it('ruleInForce picks the version of the date', () => {
    expect(ruleInForce(DEFAULT_CHECK_RULES, '2026-02-28')?.maxAgeMonths).toBe(12);
    expect(ruleInForce(DEFAULT_CHECK_RULES, '2026-03-01')?.maxAgeMonths).toBe(6);
  });

  it('checkValidThrough: the last start date the extract is good for', () => {
    expect(checkValidThrough(check('2025-06-01', BR), DEFAULT_CHECK_RULES, '2025-06-01')).toBe('2026-02-28');
    expect(checkValidThrough(check('2026-03-10'), DEFAULT_CHECK_RULES, '2026-03-10')).toBe('2026-09-10');
    expect(checkValidThrough(check('2025-01-10', BR), DEFAULT_CHECK_RULES, '2025-01-10')).toBe('2026-01-10');
  });
});

describe('requirement expiry', () => {
  it.each([
    ['2026-01-31', 12, '2027-01-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-01', null, null],
    [null, 12, null],
  ] as const)('done %s, valid %s months → expires %s', (done, months, expires) => {
    expect(requirementExpiry(done, months)).toBe(expires);
  });
  it.each([
    ['2026-01-31', 12, '2027-01-30', true],
    ['2026-01-31', 12, '2027-01-31', false],
    ['2026-01-31', null, '2040-01-01', true],
    ['2026-02-01', null, '2026-01-31', false],
    [null, null, '2026-01-31', false],
  ] as const)('done %s, %s months, valid on %s: %s', (done, months, on, valid) => {
    expect(requirementValidOn(done, months, on)).toBe(valid);
  });
});

const base: StatusFacts = { approvedDate: null, endedDate: null, recruitmentStarted: false, pauses: [], capacity: 2, activeAssignments: 0 };
describe('deriveCpStatus', () => {
  it.each<[string, Partial<StatusFacts>, string, string]>([
    ['new application', {}, '2026-03-16', 'applicant'],
    ['a step started', { recruitmentStarted: true }, '2026-03-16', 'investigating'],
    ['approved, free', { approvedDate: '2026-01-01' }, '2026-03-16', 'available'],
    ['approved, full', { approvedDate: '2026-01-01', activeAssignments: 2 }, '2026-03-16', 'full'],
    ['capacity 0 is full', { approvedDate: '2026-01-01', capacity: 0 }, '2026-03-16', 'full'],
    ['paused until a date: paused that day', { approvedDate: '2026-01-01', pauses: [{ fromDate: '2026-02-01', untilDate: '2026-03-16' }] }, '2026-03-16', 'paused'],
    ['paused until a date: back the day after', { approvedDate: '2026-01-01', pauses: [{ fromDate: '2026-02-01', untilDate: '2026-03-15' }] }, '2026-03-16', 'available'],
    ['pause starting tomorrow', { approvedDate: '2026-01-01', pauses: [{ fromDate: '2026-03-17', untilDate: null }] }, '2026-03-16', 'available'],
    ['open pause', { approvedDate: '2026-01-01', pauses: [{ fromDate: '2026-03-01', untilDate: null }] }, '2026-03-16', 'paused'],
    ['ended today', { approvedDate: '2026-01-01', endedDate: '2026-03-16' }, '2026-03-16', 'ended'],
    ['ending tomorrow', { approvedDate: '2026-01-01', endedDate: '2026-03-17' }, '2026-03-16', 'available'],
    ['declined applicant', { recruitmentStarted: true, endedDate: '2026-03-01' }, '2026-03-16', 'ended'],
  ])('%s', (_n, f, today, status) => {
    expect(deriveCpStatus({ ...base, ...f }, today)).toBe(status);
  });
  it('free capacity only when available', () => {
    expect(freeCapacity({ ...base, approvedDate: '2026-01-01', activeAssignments: 1 }, '2026-03-16')).toBe(1);
    expect(freeCapacity({ ...base, approvedDate: '2026-01-01', pauses: [{ fromDate: '2026-01-01', untilDate: null }] }, '2026-03-16')).toBe(0);
  });
  it('activePause', () => {
    expect(activePause([{ fromDate: '2026-01-01', untilDate: '2026-01-31' }], '2026-02-01')).toBeNull();
  });
});

describe('requirementStates, approval and reminders', () => {
  const all = {
    config: DEFAULT_REQUIREMENTS,
    steps: [
      { kind: 'interview' as const, status: 'done' as const, doneDate: '2026-01-10', bookedDate: '2026-01-10' },
      { kind: 'pledge' as const, status: 'done' as const, doneDate: '2026-01-20', bookedDate: null },
      { kind: 'introduction' as const, status: 'done' as const, doneDate: '2026-01-25', bookedDate: null },
    ],
    references: [
      { outcome: 'positive' as const, contactedDate: '2026-01-12' },
      { outcome: 'positive' as const, contactedDate: '2026-01-13' },
    ],
    referencesRequired: 2,
    check: check('2026-01-05'),
    rules: DEFAULT_CHECK_RULES,
  };
  it('all done: no approval problems; the check runs out after 6 months', () => {
    const r = requirementStates(all, '2026-03-16');
    expect(approvalProblems(r)).toEqual([]);
    expect(r.find((x) => x.kind === 'register_check')?.expires).toBe('2026-07-06');
  });
  it('one reference missing, interview booked', () => {
    const r = requirementStates(
      { ...all, references: all.references.slice(0, 1), steps: [{ kind: 'interview', status: 'booked', doneDate: null, bookedDate: '2026-03-20' }, ...all.steps.slice(1)] },
      '2026-03-16',
    );
    expect(approvalProblems(r)).toEqual(['Intervju: bokad.', 'Referenser: saknas.']);
  });
  it('not required requirements do not block', () => {
    const r = requirementStates({ ...all, config: DEFAULT_REQUIREMENTS.map((c) => (c.kind === 'register_check' ? { ...c, required: false } : c)), check: null }, '2026-03-16');
    expect(approvalProblems(r)).toEqual([]);
  });
  it('reminders: check expiring within 30 days, and no contact for 90 days', () => {
    const r = requirementStates(all, '2026-06-10');
    const rem = remindersFor(r, '2026-03-01', '2026-01-25', '2026-06-10', 30, 90);
    expect(rem.map((x) => x.kind)).toEqual(['expiring', 'no_contact']);
    expect(remindersFor(r, '2026-06-01', '2026-01-25', '2026-06-10', 20, 90)).toEqual([]);
    expect(remindersFor(requirementStates(all, '2026-07-06'), '2026-06-01', '2026-01-25', '2026-07-06', 30, 90).map((x) => x.kind)).toEqual(['expired']);
  });
  // An expired check: no new assignments until renewed, and the existing ones (places taken) flagged.
  it.each([
    ['valid the day before it runs out, 2 running', '2026-06-10', 2, false, 0, null],
    ['expired, none running', '2026-07-06', 0, true, 0, 'Registerkontroll gick ut'],
    ['expired, one running', '2026-07-06', 1, true, 1, 'Ett pågående uppdrag berörs.'],
    ['expired, three running', '2026-07-06', 3, true, 3, '3 pågående uppdrag berörs.'],
  ] as const)('%s', (_label, today, running, blocked, flagged, text) => {
    const r = requirementStates(all, today);
    expect(blockedForNewAssignments(r)).toBe(blocked);
    expect(assignmentsToFollowUp(r, running)).toBe(flagged);
    const expired = remindersFor(r, today, '2026-01-25', today, 30, 90, running).filter((x) => x.kind === 'expired');
    expect(expired.map((x) => x.assignmentsToFollowUp)).toEqual(text ? [flagged] : []);
    if (text) expect(expired[0].message).toContain(text);
  });
  it('an expired check renewed is no longer blocked nor flagged', () => {
    const renewed = requirementStates({ ...all, check: { ...all.check!, extractDate: '2026-07-01', shownDate: '2026-07-02' } }, '2026-07-06');
    expect(blockedForNewAssignments(renewed)).toBe(false);
    expect(assignmentsToFollowUp(renewed, 2)).toBe(0);
  });
});

describe('disposalDue', () => {
  it.each([
    ['2026-01-01', 'declined', 6, '2026-07-01', true],
    ['2026-01-01', 'withdrawn', 6, '2026-06-30', false],
    ['2026-01-01', 'ended', 6, '2030-01-01', false],
    [null, null, 6, '2030-01-01', false],
  ] as const)('%s %s after %s months on %s: %s', (ended, reason, months, today, due) => {
    expect(disposalDue(ended, reason, months, today)).toBe(due);
  });
});
