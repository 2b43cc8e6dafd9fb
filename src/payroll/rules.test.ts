import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../platform/calendar';
import {
  activeIn,
  changeFields,
  dueFor,
  exportedLines,
  lockSegregationConflicts,
  maskAccount,
  minusAmounts,
  monthLines,
  monthProblem,
  shiftMonth,
  sumAmounts,
  sumLines,
  totalOf,
  ZERO,
  type Amounts,
  type AssignmentMonth,
  type EarlierMonth,
  REPORT_STATES,
  type UnreportedPolicy,
} from './rules';

const rate = { arvode: 98_700, omkostnad: 49_300 };
const base: AssignmentMonth = {
  assignmentId: 'A',
  contactPersonId: 'CP',
  start: '2026-01-10',
  end: null,
  interruptions: [],
  rate,
  noticeSent: true,
  report: { state: 'approved', expenses: 0 },
};
const am = (o: Partial<AssignmentMonth>): AssignmentMonth => ({ ...base, ...o });

describe('dueFor (March 2026: 31 days; arvode 987 kr, omkostnad 493 kr a month)', () => {
  it.each([
    // what, assignment, policy, arvode, omkostnad, expenses, blocked, paidDays
    ['full month, approved', am({}), 'hold', 98_700, 49_300, 0, null, 31],
    ['approved with extra expenses', am({ report: { state: 'approved', expenses: 12_550 } }), 'hold', 98_700, 49_300, 12_550, null, 31],
    // 98 700 × 16/31 = 50 941.9 → 50 942; 49 300 × 16/31 = 25 445.2 → 25 445
    ['started the 16th', am({ start: '2026-03-16' }), 'hold', 50_942, 25_445, 0, null, 16],
    // 98 700 × 15/31 = 47 758.1 → 47 758; 49 300 × 15/31 = 23 854.8 → 23 855
    ['ended the 15th', am({ end: '2026-03-15' }), 'hold', 47_758, 23_855, 0, null, 15],
    // unpaid 10th–19th (resumed the 20th): 21 days; 98 700 × 21/31 = 66 861.3 → 66 861; 49 300 × 21/31 = 33 396.8 → 33 397
    ['interrupted 10th, resumed 20th', am({ interruptions: [{ from: '2026-03-10', resumed: '2026-03-20' }] }), 'hold', 66_861, 33_397, 0, null, 21],
    ['interrupted and not resumed', am({ interruptions: [{ from: '2026-02-01', resumed: null }] }), 'hold', 0, 0, 0, null, 0],
    ['report submitted, hold', am({ report: { state: 'submitted', expenses: 0 } }), 'hold', 0, 0, 0, 'report_submitted', 31],
    ['report missing, hold', am({ report: { state: 'missing', expenses: 0 } }), 'hold', 0, 0, 0, 'report_missing', 31],
    ['report returned, pay arvode: arvode only', am({ report: { state: 'returned', expenses: 0 } }), 'pay_arvode', 98_700, 0, 0, 'report_returned', 31],
    ['report draft, pay arvode', am({ report: { state: 'draft', expenses: 0 } }), 'pay_arvode', 98_700, 0, 0, 'report_draft', 31],
    ['no payroll notice, pay arvode: nothing', am({ noticeSent: false }), 'pay_arvode', 0, 0, 0, 'notice_missing', 31],
    ['the year lacks the level', am({ rate: null }), 'pay_arvode', 0, 0, 0, 'rate_missing', 31],
    ['never started', am({ start: null }), 'hold', 0, 0, 0, null, 0],
  ] as const)('%s', (_what, a, policy, arvode, omkostnad, expenses, blocked, paidDays) => {
    const d = dueFor('2026-03', a, policy as UnreportedPolicy);
    expect(d).toEqual({ amounts: { arvode, omkostnad, expenses }, blocked, paidDays, daysInMonth: a.start === null ? 0 : 31 });
  });
});

describe('activeIn', () => {
  it.each([
    [{ start: '2026-03-31', end: null }, true],
    [{ start: '2026-04-01', end: null }, false],
    [{ start: '2026-01-01', end: '2026-03-01' }, true],
    [{ start: '2026-01-01', end: '2026-02-28' }, false],
    [{ start: null, end: null }, false],
    [{ start: '2026-02-28', end: null }, true],
  ])('%j in 2026-03 → %s', (a, expected) => expect(activeIn('2026-03', a)).toBe(expected));
});

describe('monthLines', () => {
  it('lists every assignment that ran: paid, partly paid and held lines', () => {
    const lines = monthLines('2026-03', [am({ assignmentId: 'A' }), am({ assignmentId: 'B', report: { state: 'submitted', expenses: 5_000 } }), am({ assignmentId: 'C', start: '2026-04-02' })], [], 'hold');
    expect(lines.map((l) => [l.assignmentId, l.kind, l.amounts, l.blocked])).toEqual([
      ['A', 'regular', { arvode: 98_700, omkostnad: 49_300, expenses: 0 }, null],
      ['B', 'regular', ZERO, 'report_submitted'],
    ]);
    expect(exportedLines(lines).map((l) => l.assignmentId)).toEqual(['A']);
  });

  it('a report approved after its month was locked is paid in full as a correction', () => {
    const earlier: EarlierMonth[] = [{ forMonth: '2026-03', assignment: am({ report: { state: 'approved', expenses: 2_000 } }), paid: ZERO }];
    const lines = monthLines('2026-04', [am({ report: { state: 'missing', expenses: 0 } })], earlier, 'hold');
    expect(lines.map((l) => [l.kind, l.forMonth, l.amounts])).toEqual([
      ['regular', '2026-04', ZERO],
      ['correction', '2026-03', { arvode: 98_700, omkostnad: 49_300, expenses: 2_000 }],
    ]);
  });

  it('an end registered late takes back what was paid for the days after it (negative correction)', () => {
    const earlier: EarlierMonth[] = [{ forMonth: '2026-03', assignment: am({ end: '2026-03-15' }), paid: { arvode: 98_700, omkostnad: 49_300, expenses: 0 } }];
    const lines = monthLines('2026-04', [], earlier, 'hold');
    expect(lines).toHaveLength(1);
    expect(lines[0].amounts).toEqual({ arvode: 47_758 - 98_700, omkostnad: 23_855 - 49_300, expenses: 0 });
  });

  it('nothing changed: no correction line', () => {
    const earlier: EarlierMonth[] = [{ forMonth: '2026-03', assignment: am({}), paid: { arvode: 98_700, omkostnad: 49_300, expenses: 0 } }];
    expect(monthLines('2026-04', [], earlier, 'hold')).toEqual([]);
  });

  it('pay arvode anyway: the omkostnad follows when the report is approved', () => {
    const earlier: EarlierMonth[] = [{ forMonth: '2026-03', assignment: am({}), paid: { arvode: 98_700, omkostnad: 0, expenses: 0 } }];
    const [l] = monthLines('2026-04', [], earlier, 'pay_arvode');
    expect(l.amounts).toEqual({ arvode: 0, omkostnad: 49_300, expenses: 0 });
  });
});

describe('monthProblem and shiftMonth', () => {
  it.each([
    ['2026-03', '2026-03-16', null],
    ['2026-02', '2026-03-16', null],
    ['2026-04', '2026-03-16', 'Månaden har inte börjat än.'],
    ['2026-13', '2026-03-16', 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.'],
    ['26-03', '2026-03-16', 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.'],
  ])('%s on %s', (month, today, expected) => expect(monthProblem(month, today)).toBe(expected));
  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -24, '2024-03'],
  ])('%s %+d → %s', (m, n, expected) => expect(shiftMonth(m, n)).toBe(expected));
});

describe('segregation of duties', () => {
  const approvers = [
    { reportId: 'R1', approvedBy: 'U1' },
    { reportId: 'R2', approvedBy: 'U2' },
    { reportId: 'R3', approvedBy: null },
  ];
  it.each([
    ['U1', false, ['R1']],
    ['U2', false, ['R2']],
    ['U3', false, []],
    ['U1', true, []],
  ] as const)('%s (approver may lock: %s) → %j', (actor, allowed, expected) => expect(lockSegregationConflicts(actor, approvers, allowed)).toEqual(expected));
});

describe('internal control fields', () => {
  it('shows before and after per changed field, bank numbers masked without the payment permission', () => {
    const before = { account_number: '1234567890', tax_table: 32 };
    const after = { account_number: '9999888877', tax_table: 33 };
    expect(changeFields(before, after, false)).toEqual([
      { field: 'Kontonummer', before: '••••7890', after: '••••8877' },
      { field: 'Skattetabell', before: '32', after: '33' },
    ]);
    expect(changeFields(before, after, true)[0]).toEqual({ field: 'Kontonummer', before: '1234567890', after: '9999888877' });
    expect(changeFields(null, { bank_name: 'Nordea' }, false)).toEqual([{ field: 'Bank', before: null, after: 'Nordea' }]);
    expect(maskAccount('12')).toBe('••••');
  });
});

// ---- Property: what the exports pay for a month is what is approved for it ---------------------

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const DAY0 = '2025-12-01';
const day = (n: number) => addDays(DAY0, n);
const STATES = REPORT_STATES;
type ReportState = (typeof REPORT_STATES)[number];

interface SimAssignment {
  id: string;
  start: number | null;
  end: number | null;
  interruptions: { from: number; length: number | null }[];
  rate: { arvode: number; omkostnad: number } | null;
  noticeSent: boolean;
  reports: Record<string, { state: ReportState; expenses: number }>;
}

/** A change found after some months were locked: a report's state or expenses, an end, an interruption, a rate. */
type Change =
  | { at: number; kind: 'report'; a: number; month: number; state: ReportState; expenses: number }
  | { at: number; kind: 'end'; a: number; end: number | null }
  | { at: number; kind: 'interruption'; a: number; from: number; length: number | null }
  | { at: number; kind: 'notice'; a: number }
  | { at: number; kind: 'rate'; a: number; arvode: number };

const amountArb = fc.integer({ min: 0, max: 300_000 });
const reportArb = fc.record({ state: fc.constantFrom(...STATES), expenses: fc.integer({ min: 0, max: 50_000 }) });
const assignmentArb = fc.record({
  start: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 8 }),
  endAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
  interruptions: fc.array(fc.record({ from: fc.integer({ min: 0, max: 210 }), length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 5 }) }), { maxLength: 2 }),
  rate: fc.option(fc.record({ arvode: amountArb, omkostnad: amountArb }), { nil: null, freq: 10 }),
  noticeSent: fc.boolean(),
  reports: fc.array(reportArb, { minLength: MONTHS.length, maxLength: MONTHS.length }),
});
const changeArb = (n: number, months: number): fc.Arbitrary<Change> =>
  fc.oneof(
    fc.record({ at: fc.integer({ min: 1, max: months }), kind: fc.constant('report' as const), a: fc.integer({ min: 0, max: n - 1 }), month: fc.integer({ min: 0, max: months - 1 }), state: fc.constantFrom(...STATES), expenses: fc.integer({ min: 0, max: 50_000 }) }),
    fc.record({ at: fc.integer({ min: 1, max: months }), kind: fc.constant('end' as const), a: fc.integer({ min: 0, max: n - 1 }), end: fc.option(fc.integer({ min: 0, max: 210 }), { nil: null }) }),
    fc.record({ at: fc.integer({ min: 1, max: months }), kind: fc.constant('interruption' as const), a: fc.integer({ min: 0, max: n - 1 }), from: fc.integer({ min: 0, max: 210 }), length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }) }),
    fc.record({ at: fc.integer({ min: 1, max: months }), kind: fc.constant('notice' as const), a: fc.integer({ min: 0, max: n - 1 }) }),
    fc.record({ at: fc.integer({ min: 1, max: months }), kind: fc.constant('rate' as const), a: fc.integer({ min: 0, max: n - 1 }), arvode: amountArb }),
  );

const historyArb = fc
  .record({ months: fc.integer({ min: 2, max: MONTHS.length }), assignments: fc.array(assignmentArb, { minLength: 1, maxLength: 5 }), policy: fc.constantFrom<UnreportedPolicy>('hold', 'pay_arvode') })
  .chain((h) => fc.record({ h: fc.constant(h), changes: fc.array(changeArb(h.assignments.length, h.months), { maxLength: 12 }) }));

function toMonth(a: SimAssignment, month: string): AssignmentMonth {
  return {
    assignmentId: a.id,
    contactPersonId: `cp-${a.id}`,
    start: a.start === null ? null : day(a.start),
    end: a.end === null ? null : day(a.end),
    interruptions: a.interruptions.map((i) => ({ from: day(i.from), resumed: i.length === null ? null : day(i.from + i.length) })),
    rate: a.rate,
    noticeSent: a.noticeSent,
    report: a.reports[month] ?? { state: 'missing', expenses: 0 },
  };
}

describe('property: the exports pay exactly what is approved for each month', () => {
  it('across starts, ends, interruptions, late approvals, corrected rates and corrections of corrections', () => {
    fc.assert(
      fc.property(historyArb, ({ h, changes }) => {
        const months = MONTHS.slice(0, h.months);
        const sim: SimAssignment[] = h.assignments.map((a, i) => ({
          id: `a${i}`,
          start: a.start,
          end: a.start === null || a.endAfter === null ? null : a.start + a.endAfter,
          interruptions: a.interruptions,
          rate: a.rate,
          noticeSent: a.noticeSent,
          reports: Object.fromEntries(months.map((m, j) => [m, a.reports[j]])),
        }));
        const paid = new Map<string, Amounts>();
        // Lock each month in turn, then one more month that only carries corrections.
        for (let i = 0; i <= months.length; i++) {
          for (const c of changes.filter((x) => x.at === i)) {
            const a = sim[c.a];
            if (c.kind === 'report') a.reports[months[c.month]] = { state: c.state, expenses: c.expenses };
            if (c.kind === 'end') a.end = c.end === null || a.start === null ? null : Math.max(a.start, c.end);
            if (c.kind === 'interruption') a.interruptions = [...a.interruptions, { from: c.from, length: c.length }];
            if (c.kind === 'notice') a.noticeSent = true;
            if (c.kind === 'rate' && a.rate) a.rate = { ...a.rate, arvode: c.arvode };
          }
          const month = i < months.length ? months[i] : shiftMonth(months[months.length - 1], 1);
          const current = i < months.length ? sim.map((a) => toMonth(a, month)) : [];
          const earlier: EarlierMonth[] = months.slice(0, i).flatMap((m) => sim.map((a) => ({ forMonth: m, assignment: toMonth(a, m), paid: paid.get(`${a.id}|${m}`) ?? ZERO })));
          const lines = monthLines(month, current, earlier, h.policy);
          const exported = exportedLines(lines);
          // This export = the month's approved amounts + what changed for earlier months since they were paid.
          const regular = current.reduce((s, a) => sumAmounts(s, dueFor(month, a, h.policy).amounts), ZERO);
          const corrections = earlier.reduce((s, e) => sumAmounts(s, minusAmounts(dueFor(e.forMonth, e.assignment, h.policy).amounts, e.paid)), ZERO);
          expect(sumLines(exported)).toEqual(sumAmounts(regular, corrections));
          for (const l of exported) {
            const key = `${l.assignmentId}|${l.forMonth}`;
            paid.set(key, sumAmounts(paid.get(key) ?? ZERO, l.amounts));
          }
        }
        // After the closing month, every month has been paid exactly what is approved for it now.
        for (const m of months) {
          for (const a of sim) {
            const due = dueFor(m, toMonth(a, m), h.policy).amounts;
            expect(paid.get(`${a.id}|${m}`) ?? ZERO).toEqual(due);
          }
        }
        const totalPaid = [...paid.values()].reduce((s, x) => s + totalOf(x), 0);
        const totalDue = months.reduce((s, m) => s + sim.reduce((t, a) => t + totalOf(dueFor(m, toMonth(a, m), h.policy).amounts), 0), 0);
        expect(totalPaid).toBe(totalDue);
      }),
      { numRuns: 300 },
    );
  });
});
