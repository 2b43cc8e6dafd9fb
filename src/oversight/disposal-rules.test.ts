import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPOSAL_RULES,
  disposalCandidateCutoff,
  disposalDueBy,
  disposalEligibleFrom,
  disposalRuleProblems,
  disposalVerdict,
  mergeRefusal,
  reassignProblems,
  type DisposalRule,
  type MergeCandidate,
  type RecordFacts,
} from './disposal-rules';

const caseRule: DisposalRule = DEFAULT_DISPOSAL_RULES.find((r) => r.recordType === 'closed_case')!;
const personRule: DisposalRule = DEFAULT_DISPOSAL_RULES.find((r) => r.recordType === 'person')!;
const facts = (o: Partial<RecordFacts> = {}): RecordFacts => ({ lastEntry: '2020-06-30', closed: true, birthDay: 3, lssDecision: false, payrollLines: false, ...o });

describe('when a record may go and when it must have gone', () => {
  it.each([
    // last entry, years, eligible from, due by (end of the following year)
    ['2020-06-30', 5, '2025-06-30', '2026-12-31'],
    ['2020-01-01', 5, '2025-01-01', '2026-12-31'],
    ['2020-12-31', 5, '2025-12-31', '2026-12-31'],
    ['2020-02-29', 5, '2025-02-28', '2026-12-31'],
    ['2024-02-29', 4, '2028-02-29', '2029-12-31'],
    ['2019-07-15', 10, '2029-07-15', '2030-12-31'],
  ])('last entry %s, %i years: from %s, by %s', (last, years, from, by) => {
    expect(disposalEligibleFrom(last, years)).toBe(from);
    expect(disposalDueBy(last, years)).toBe(by);
  });
});

describe('disposalVerdict', () => {
  it.each<[string, DisposalRule, Partial<RecordFacts>, string, string]>([
    ['the day before the fifth anniversary', caseRule, { lastEntry: '2020-06-30' }, '2025-06-29', 'not_yet'],
    ['on the fifth anniversary', caseRule, { lastEntry: '2020-06-30' }, '2025-06-30', 'dispose'],
    ['the last day it must have gone by', caseRule, { lastEntry: '2020-06-30' }, '2026-12-31', 'dispose'],
    ['after the end of the following year (overdue, still goes)', caseRule, { lastEntry: '2020-06-30' }, '2027-01-01', 'dispose'],
    ['29 February: on 28 February five years on', caseRule, { lastEntry: '2020-02-29' }, '2025-02-28', 'dispose'],
    ['29 February: not on 27 February', caseRule, { lastEntry: '2020-02-29' }, '2025-02-27', 'not_yet'],
    ['a case still open', caseRule, { closed: false }, '2030-01-01', 'open'],
    ['born on the 5th', caseRule, { birthDay: 5 }, '2030-01-01', 'born_on_kept_day'],
    ['born on the 15th', caseRule, { birthDay: 15 }, '2030-01-01', 'born_on_kept_day'],
    ['born on the 25th', caseRule, { birthDay: 25 }, '2030-01-01', 'born_on_kept_day'],
    ['born on the 4th, 16th or 26th is not kept (4th)', caseRule, { birthDay: 4 }, '2030-01-01', 'dispose'],
    ['born on the 26th is not kept', caseRule, { birthDay: 26 }, '2030-01-01', 'dispose'],
    ['birth date only partly known: not kept for it', caseRule, { birthDay: null }, '2030-01-01', 'dispose'],
    ['born on the 15th but not yet due: not yet (not counted as kept)', caseRule, { birthDay: 15 }, '2025-06-29', 'not_yet'],
    ['an LSS decision, kept by the rule', caseRule, { lssDecision: true }, '2030-01-01', 'lss_decision'],
    ['an LSS decision, rule says not to keep', { ...caseRule, keepLssDecisions: false }, { lssDecision: true }, '2030-01-01', 'dispose'],
    ['payroll lines keep the case', caseRule, { payrollLines: true }, '2030-01-01', 'payroll'],
    ['no days kept by the rule', { ...caseRule, keepBornOnDays: [] }, { birthDay: 15 }, '2030-01-01', 'dispose'],
    ['an inactive rule disposes nothing', { ...caseRule, active: false }, {}, '2030-01-01', 'rule_inactive'],
    ['a person: LSS does not apply', personRule, { lssDecision: true }, '2030-01-01', 'dispose'],
    ['a person born on the 25th', personRule, { birthDay: 25 }, '2030-01-01', 'born_on_kept_day'],
    ['three years after, rule of 3 years', { ...caseRule, yearsAfterLastEntry: 3 }, { lastEntry: '2020-06-30' }, '2023-06-30', 'dispose'],
  ])('%s', (_name, rule, f, today, verdict) => {
    expect(disposalVerdict(rule, facts(f), today)).toBe(verdict);
  });

  it('the SQL pre-filter never leaves out a record the rule would dispose', () => {
    for (const years of [1, 5, 10]) {
      for (let d = 0; d < 800; d++) {
        const today = new Date(Date.UTC(2026, 0, 1) + d * 86400000).toISOString().slice(0, 10);
        for (const last of ['2016-02-29', '2020-02-29', '2021-01-31', '2020-12-31', '2021-03-31', '2020-08-31']) {
          if (disposalVerdict({ ...caseRule, yearsAfterLastEntry: years }, facts({ lastEntry: last }), today) === 'dispose')
            expect(last <= disposalCandidateCutoff(years, today), `${last} ${years} ${today}`).toBe(true);
        }
      }
    }
  });
});

describe('disposalRuleProblems', () => {
  it.each([
    [{ yearsAfterLastEntry: 5, keepBornOnDays: [5, 15, 25] }, []],
    [{ yearsAfterLastEntry: 0, keepBornOnDays: [] }, ['yearsAfterLastEntry']],
    [{ yearsAfterLastEntry: 5, keepBornOnDays: [32] }, ['keepBornOnDays']],
    [{ yearsAfterLastEntry: 2.5, keepBornOnDays: [0] }, ['yearsAfterLastEntry', 'keepBornOnDays']],
  ])('%j', (r, paths) => {
    expect(disposalRuleProblems(r).map((p) => p.path)).toEqual(paths);
  });
});

describe('mergeRefusal', () => {
  const p = (id: string, idKind: MergeCandidate['idKind'], identityNumber: string, mergedIntoId: string | null = null): MergeCandidate => ({ id, idKind, identityNumber, mergedIntoId });
  it.each<[string, MergeCandidate, MergeCandidate, string | null]>([
    ['personnummer + reservnummer', p('a', 'personnummer', '198001011234'), p('b', 'reservnummer', 'RES-1'), null],
    ['reservnummer kept, personnummer merged', p('a', 'reservnummer', 'RES-1'), p('b', 'personnummer', '198001011234'), null],
    ['samordningsnummer + personnummer (the person got a personnummer)', p('a', 'personnummer', '198001011234'), p('b', 'samordningsnummer', '198001611234'), null],
    ['two reserve numbers', p('a', 'reservnummer', 'RES-1'), p('b', 'reservnummer', 'RES-2'), null],
    ['two different personnummer', p('a', 'personnummer', '198001011234'), p('b', 'personnummer', '198001021233'), 'different_personnummer'],
    ['the same record', p('a', 'personnummer', '198001011234'), p('a', 'personnummer', '198001011234'), 'same_person'],
    ['one already merged', p('a', 'personnummer', '198001011234'), p('b', 'reservnummer', 'RES-1', 'c'), 'already_merged'],
    ['the kept one already merged', p('a', 'reservnummer', 'RES-2', 'c'), p('b', 'reservnummer', 'RES-1'), 'already_merged'],
  ])('%s', (_n, keep, merge, refusal) => {
    expect(mergeRefusal(keep, merge)).toBe(refusal);
  });
});

describe('reassignProblems', () => {
  const found = [
    { id: 'c1', responsibleUserId: 'u1' },
    { id: 'c2', responsibleUserId: 'u1' },
    { id: 'c3', responsibleUserId: 'u2' },
  ];
  it.each<[string, string[], string, string, string[]]>([
    ['the handläggare’s own cases', ['c1', 'c2'], 'u1', 'u3', []],
    ['a case of someone else', ['c1', 'c3'], 'u1', 'u3', ['caseIds']],
    ['a case not found (outside the unit)', ['c1', 'c9'], 'u1', 'u3', ['caseIds']],
    ['to the same handläggare', ['c1'], 'u1', 'u1', ['toUserId']],
  ])('%s', (_n, chosen, from, to, paths) => {
    expect(reassignProblems(chosen, found, from, to).map((p) => p.path)).toEqual(paths);
  });
});
