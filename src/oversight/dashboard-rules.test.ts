import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../platform/calendar';
import { executionDeadline } from '../decisions/rules';
import {
  csvOf,
  daysText,
  dashboardPeriodProblem,
  defaultPeriod,
  executedInTime,
  executionDeadlineCutoff,
  lssStatisticsDue,
  medianOf,
  monthsOfPeriod,
  orderAgeBand,
  p90Of,
  percentText,
  percentileOf,
  shareOf,
  type Histogram,
} from './dashboard-rules';

const h = (...values: number[]): Histogram => values.map((value) => ({ value, count: 1 }));

describe('median and 90th percentile (percentile_cont: linear between the closest ranks)', () => {
  it.each([
    { values: [], median: null, p90: null },
    { values: [7], median: 7, p90: 7 },
    { values: [1, 3], median: 2, p90: 2.8 },
    { values: [1, 2, 3], median: 2, p90: 2.8 },
    { values: [10, 20, 30, 40], median: 25, p90: 37 },
    { values: [5, 1, 4, 2, 3], median: 3, p90: 4.6 },
    { values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 100], median: 0, p90: 10 },
  ])('$values → median $median, p90 $p90', ({ values, median, p90 }) => {
    expect(medianOf(h(...values))).toBe(median);
    const got = p90Of(h(...values));
    if (p90 === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(p90, 10);
  });

  it('reads counts: a histogram equals its values listed one by one', () => {
    const grouped: Histogram = [{ value: 30, count: 2 }, { value: 2, count: 3 }, { value: 9, count: 0 }];
    expect(medianOf(grouped)).toBe(medianOf(h(2, 2, 2, 30, 30)));
    expect(p90Of(grouped)).toBe(p90Of(h(30, 2, 30, 2, 2)));
    expect(medianOf(grouped)).toBe(2);
  });

  it('refuses a quantile outside 0…1', () => {
    expect(() => percentileOf(h(1), 1.5)).toThrow(RangeError);
    expect(() => percentileOf(h(1), -0.1)).toThrow(RangeError);
  });

  it('property: the quantile lies between min and max and does not decrease with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (vals, a, b) => {
        const hist = h(...vals);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const x = percentileOf(hist, lo)!;
        const y = percentileOf(hist, hi)!;
        expect(x).toBeGreaterThanOrEqual(Math.min(...vals));
        expect(y).toBeLessThanOrEqual(Math.max(...vals));
        expect(y + 1e-9).toBeGreaterThanOrEqual(x);
      }),
    );
  });
});

describe('share', () => {
  it.each([
    { part: 0, whole: 0, share: null, text: '–' },
    { part: 0, whole: 4, share: 0, text: '0 %' },
    { part: 3, whole: 4, share: 0.75, text: '75 %' },
    { part: 2, whole: 3, share: 2 / 3, text: '67 %' },
    { part: 4, whole: 4, share: 1, text: '100 %' },
  ])('$part of $whole → $text', ({ part, whole, share, text }) => {
    expect(shareOf(part, whole)).toBe(share);
    expect(percentText(shareOf(part, whole))).toBe(text);
  });
  it('refuses a part larger than the whole', () => {
    expect(() => shareOf(5, 4)).toThrow(RangeError);
  });
});

describe('executed within three months (executionDeadline)', () => {
  it.each([
    { decided: '2026-11-30', executed: '2027-02-28', inTime: true },
    { decided: '2026-11-30', executed: '2027-03-01', inTime: false },
    { decided: '2026-01-15', executed: '2026-04-15', inTime: true },
    { decided: '2026-01-15', executed: '2026-04-16', inTime: false },
    { decided: '2026-01-15', executed: null, inTime: false },
  ])('decided $decided, executed $executed → $inTime', ({ decided, executed, inTime }) => {
    expect(executedInTime(decided, executed)).toBe(inTime);
  });

  it('the cutoff says what the rule says: decided before the cutoff ⇔ deadline before the day (every day of 2024–2028)', () => {
    for (let day = '2024-01-01'; day <= '2028-12-31'; day = addDays(day, 1)) {
      const cutoff = executionDeadlineCutoff(day);
      // Around the cutoff, where it matters.
      for (let k = -6; k <= 6; k++) {
        const d = addDays(cutoff, k);
        expect(d < cutoff).toBe(executionDeadline(d) < day);
      }
    }
  });

  it.each([
    { day: '2027-02-28', cutoff: '2026-11-28' },
    { day: '2027-03-01', cutoff: '2026-12-01' },
    { day: '2026-06-15', cutoff: '2026-03-15' },
  ])('cutoff for $day is $cutoff', ({ day, cutoff }) => {
    expect(executionDeadlineCutoff(day)).toBe(cutoff);
  });
});

describe('period, months, age bands', () => {
  it('lists the months of a period', () => {
    expect(monthsOfPeriod('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOfPeriod('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
  it('refuses an end before the start and a period over 36 months', () => {
    expect(dashboardPeriodProblem('2026-03-10', '2026-03-09')?.message).toBe('Slutdatum kan inte vara före startdatum.');
    expect(dashboardPeriodProblem('2023-01-01', '2025-12-31')).toBeNull();
    expect(dashboardPeriodProblem('2023-01-01', '2026-01-01')?.message).toBe('Perioden kan vara högst 36 månader.');
  });
  it('the default period is the twelve months up to today', () => {
    expect(defaultPeriod('2026-03-14')).toEqual({ from: '2025-04-01', to: '2026-03-14' });
  });
  it.each([
    { sent: '2026-03-14', band: 'd0_30' },
    { sent: '2026-02-12', band: 'd0_30' },
    { sent: '2026-02-11', band: 'd31_60' },
    { sent: '2026-01-13', band: 'd31_60' },
    { sent: '2026-01-12', band: 'd61_90' },
    { sent: '2025-12-14', band: 'd61_90' },
    { sent: '2025-12-13', band: 'd91_' },
  ])('an order sent $sent is in band $band on 2026-03-14', ({ sent, band }) => {
    expect(orderAgeBand(sent, '2026-03-14')).toBe(band);
  });
  it('days in Swedish', () => {
    expect(daysText(1)).toBe('1 dag');
    expect(daysText(12)).toBe('12 dagar');
    expect(daysText(12.54)).toBe('12,5 dagar');
    expect(daysText(null)).toBe('–');
  });
});

describe('LSS statistics reminder (1 October – 25 October)', () => {
  it.each([
    { today: '2026-09-30', shown: false },
    { today: '2026-10-01', shown: true },
    { today: '2026-10-25', shown: true },
    { today: '2026-10-26', shown: false },
  ])('$today → $shown', ({ today, shown }) => {
    expect(lssStatisticsDue(today) !== null).toBe(shown);
  });
});

describe('CSV for Excel', () => {
  it('BOM, semicolons, CRLF, decimal comma, quotes and a formula guard', () => {
    expect(csvOf(['Månad', 'Antal'], [['2026-03', 4], ['=SUM(A1)', 2.5], ['a;b', null]])).toBe(
      '\uFEFFMånad;Antal\r\n2026-03;4\r\n\'=SUM(A1);2,5\r\n"a;b";\r\n',
    );
  });
});
