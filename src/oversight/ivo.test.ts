// The IVO selection rule (issue 13, domain.md §6) on hand-made timelines, and its series property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../platform/calendar';
import { ivoQuarterReports, quarterBounds, type IvoDecisionInput } from './rules';

const d = (o: Partial<IvoDecisionInput> & { decisionDate: string }): IvoDecisionInput => ({ id: 'd1', reportable: true, ...o });
const quarters = ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'];
/** The decision's report in each quarter: '-' none, 'open', or the outcome. */
const series = (x: IvoDecisionInput, kind: 'beslut' | 'avbrott' = 'beslut') =>
  quarters.map((q) => {
    const r = ivoQuarterReports([x], q).filter((r) => r.kind === kind);
    expect(r.length).toBeLessThanOrEqual(1);
    return r[0] ? (r[0].outcome ? `${r[0].outcome.kind} ${r[0].outcome.date}` : 'open') : '-';
  });

describe('quarterBounds', () => {
  it('knows the quarters', () => {
    expect(quarterBounds('2026-Q1')).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(quarterBounds('2026-Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
    expect(quarterBounds('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(() => quarterBounds('2026-Q5')).toThrow();
  });
});

describe('ivoQuarterReports', () => {
  it('decided 30 November and executed 28 February: never reported (the deadline is 28 February)', () => {
    expect(series(d({ decisionDate: '2026-11-30', executedDate: '2027-02-28' }))).toEqual(['-', '-', '-', '-', '-']);
  });

  it('executed 1 March: reported once, for 2027-Q1, with the execution date', () => {
    expect(series(d({ decisionDate: '2026-11-30', executedDate: '2027-03-01' }))).toEqual(['-', 'verkställt 2027-03-01', '-', '-', '-']);
  });

  it('not executed: reported every quarter from the first one after the deadline until executed, that quarter included', () => {
    expect(series(d({ decisionDate: '2026-09-15', executedDate: '2027-05-02' }))).toEqual(['open', 'open', 'verkställt 2027-05-02', '-', '-']);
    expect(series(d({ decisionDate: '2026-09-15' }))).toEqual(['open', 'open', 'open', 'open', 'open']);
  });

  it('a deadline on the quarter’s last day is not yet passed on the reporting date', () => {
    expect(series(d({ decisionDate: '2026-12-31' }))).toEqual(['-', '-', 'open', 'open', 'open']);
    expect(series(d({ decisionDate: '2026-12-30' }))).toEqual(['-', 'open', 'open', 'open', 'open']);
  });

  it('declined offers change nothing: still reported (only execution or an end stops it)', () => {
    // Offers are not an input: a decision with declined offers is as unexecuted as one without.
    expect(series(d({ decisionDate: '2026-08-01' }))[0]).toBe('open');
  });

  it('ended before the deadline: never reported; ended after it: reported with avslutat', () => {
    expect(series(d({ decisionDate: '2026-09-15', endedDate: '2026-12-01' }))).toEqual(['-', '-', '-', '-', '-']);
    expect(series(d({ decisionDate: '2026-09-15', endedDate: '2027-01-20' }))).toEqual(['open', 'avslutat 2027-01-20', '-', '-', '-']);
  });

  it('a decision on a basis IVO does not want is never reported', () => {
    expect(series(d({ decisionDate: '2026-06-01', reportable: false, interruptions: [{ from: '2026-07-01' }] }))).toEqual(['-', '-', '-', '-', '-']);
  });

  it('an interruption resumed after 3 months and 1 day is reported; within 3 months it is not', () => {
    const base = { decisionDate: '2026-01-10', executedDate: '2026-02-01' };
    expect(series(d({ ...base, interruptions: [{ from: '2026-10-05', resumed: '2027-01-06' }] }), 'avbrott')).toEqual(['-', 'verkställt 2027-01-06', '-', '-', '-']);
    expect(series(d({ ...base, interruptions: [{ from: '2026-10-05', resumed: '2027-01-05' }] }), 'avbrott')).toEqual(['-', '-', '-', '-', '-']);
    expect(series(d({ ...base, interruptions: [{ from: '2026-08-20' }] }), 'avbrott')).toEqual(['open', 'open', 'open', 'open', 'open']);
    expect(series(d({ ...base, interruptions: [{ from: '2026-08-20' }], endedDate: '2027-04-30' }), 'avbrott')).toEqual(['open', 'open', 'avslutat 2027-04-30', '-', '-']);
  });

  it('a whole quarter: decisions and interruptions, ordered by since', () => {
    const r = ivoQuarterReports(
      [
        { id: 'b', decisionDate: '2026-09-01', reportable: true },
        { id: 'a', decisionDate: '2026-01-01', reportable: true, executedDate: '2026-02-01', interruptions: [{ from: '2026-08-01' }] },
        { id: 'c', decisionDate: '2026-12-01', reportable: true },
      ],
      '2026-Q4',
    );
    expect(r).toEqual([
      { decisionId: 'a', kind: 'avbrott', since: '2026-08-01', outcome: null },
      { decisionId: 'b', kind: 'beslut', since: '2026-09-01', outcome: null },
    ]);
  });

  it('every reportable decision appears exactly once per quarter from its first due quarter until its outcome report', () => {
    const day = (n: number) => addDays('2025-01-01', n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.option(fc.integer({ min: 0, max: 500 })), fc.boolean(), (start, after, ends) => {
        const decisionDate = day(start);
        const outcomeDate = after === null ? null : day(start + after);
        const x: IvoDecisionInput = { id: 'x', decisionDate, reportable: true, ...(ends ? { endedDate: outcomeDate } : { executedDate: outcomeDate }) };
        const qs = ['2025', '2026', '2027', '2028'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
        const rows = qs.map((q) => ivoQuarterReports([x], q));
        for (const r of rows) expect(r.length).toBeLessThanOrEqual(1);
        const reported = rows.map((r, i) => ({ q: qs[i], r: r[0] })).filter((x) => x.r);
        // Consecutive quarters, all open except possibly the last, which carries the outcome.
        for (let i = 1; i < reported.length; i++) expect(qs.indexOf(reported[i].q)).toBe(qs.indexOf(reported[i - 1].q) + 1);
        for (const x of reported.slice(0, -1)) expect(x.r.outcome).toBeNull();
        const withOutcome = reported.filter((x) => x.r.outcome);
        expect(withOutcome.length).toBeLessThanOrEqual(1);
        if (withOutcome[0]) expect(withOutcome[0].r.outcome!.date).toBe(outcomeDate);
        // Reported at all exactly when the outcome is missing or came after the three months, and the deadline passed.
        const deadline = (() => {
          const [y, m, dd] = decisionDate.split('-').map(Number);
          const last = new Date(Date.UTC(y, m + 3, 0)).getUTCDate(); // the last day of the month three months on
          return `${new Date(Date.UTC(y, m + 2, Math.min(dd, last))).toISOString().slice(0, 10)}`;
        })();
        const late = outcomeDate === null || outcomeDate > deadline;
        if (!late) expect(reported).toEqual([]);
        if (late && deadline < '2028-12-31' && (outcomeDate === null || outcomeDate <= '2028-12-31')) expect(reported.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
