import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonthOf, formatKronor, kronorForSpreadsheet, levelAmount, monthlyCompensation, monthlyFromShare, parseKronor, pastYearNeedsReason, proRata } from './rules';

const rate = { arvode: 98_700, omkostnad: 49_300 };

describe('monthlyCompensation', () => {
  it.each([
    // month, start, end, interruptions, paidDays, daysInMonth
    ['2026-03', '2026-01-10', null, [], 31, 31],
    ['2026-03', '2026-03-01', null, [], 31, 31],
    ['2026-03', '2026-03-16', null, [], 16, 31],
    ['2026-03', '2026-03-31', null, [], 1, 31],
    ['2026-03', '2026-04-01', null, [], 0, 31],
    ['2026-03', '2026-01-01', '2026-03-10', [], 10, 31],
    ['2026-03', '2026-01-01', '2026-02-28', [], 0, 31],
    ['2026-03', '2026-03-05', '2026-03-05', [], 1, 31],
    ['2024-02', '2024-01-01', null, [], 29, 29],
    ['2026-02', '2026-01-01', null, [], 28, 28],
    ['2100-02', '2100-01-01', null, [], 28, 28],
    ['2000-02', '2000-01-01', null, [], 29, 29],
    ['2026-12', '2026-12-20', '2027-01-10', [], 12, 31],
    ['2027-01', '2026-12-20', '2027-01-10', [], 10, 31],
    // interruptions: inside, overlapping each other, partly outside, open-ended
    ['2026-03', '2026-01-01', null, [{ from: '2026-03-10', to: '2026-03-19' }], 21, 31],
    ['2026-03', '2026-01-01', null, [{ from: '2026-03-10', to: '2026-03-19' }, { from: '2026-03-15', to: '2026-03-24' }], 16, 31],
    ['2026-03', '2026-01-01', null, [{ from: '2026-02-20', to: '2026-03-05' }], 26, 31],
    ['2026-03', '2026-01-01', null, [{ from: '2026-03-25', to: null }], 24, 31],
    ['2026-03', '2026-01-01', null, [{ from: '2026-01-25', to: null }], 0, 31],
    ['2026-03', '2026-03-10', '2026-03-20', [{ from: '2026-03-01', to: '2026-03-12' }, { from: '2026-03-19', to: '2026-04-30' }], 6, 31],
  ] as const)('%s start %s end %s → %i of %i days', (month, start, end, interruptions, paidDays, daysInMonth) => {
    const r = monthlyCompensation({ month, rate, start, end, interruptions: [...interruptions] });
    expect(r.paidDays).toBe(paidDays);
    expect(r.daysInMonth).toBe(daysInMonth);
    expect(r.arvode).toBe(proRata(rate.arvode, paidDays, daysInMonth));
  });

  it('rounds to whole öre half up', () => {
    // 100 öre × 1/8 = 12.5 → 13; × 3/8 = 37.5 → 38; 1 öre × 1/2 = 0.5 → 1
    expect(proRata(100, 1, 8)).toBe(13);
    expect(proRata(100, 3, 8)).toBe(38);
    expect(proRata(1, 1, 2)).toBe(1);
    expect(proRata(98_700, 16, 31)).toBe(50_942); // 50 941.935… → 50 942
    expect(monthlyCompensation({ month: '2026-03', rate, start: '2026-03-16' }).arvode).toBe(50_942);
  });

  it('pays the whole amount for a whole month and never more; days add up across months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (amount, startOffset, length) => {
          const base = Date.UTC(2025, 0, 1);
          const iso = (n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10);
          const start = iso(startOffset);
          const end = iso(startOffset + length);
          let days = 0;
          for (let m = 0; m < 30; m++) {
            const month = new Date(Date.UTC(2025, m, 1)).toISOString().slice(0, 7);
            const r = monthlyCompensation({ month, rate: { arvode: amount, omkostnad: amount }, start, end });
            expect(r.arvode).toBeLessThanOrEqual(amount);
            if (r.paidDays === r.daysInMonth) expect(r.arvode).toBe(amount);
            days += r.paidDays;
          }
          expect(days).toBe(length + 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('knows the month lengths', () => {
    expect(['2026-01', '2026-02', '2026-04', '2028-02'].map(daysInMonthOf)).toEqual([31, 28, 30, 29]);
  });
});

describe('monthlyFromShare', () => {
  it('derives SKR-style amounts from the prisbasbelopp', () => {
    // 2018: pbb 45 500, omkostnad 10 % → 379 kr/month (SKR's table), 25 % → 948, 40 % → 1 517
    expect(monthlyFromShare(45_500, 100, 'krona')).toBe(37_900);
    expect(monthlyFromShare(45_500, 250, 'krona')).toBe(94_800);
    expect(monthlyFromShare(45_500, 400, 'krona')).toBe(151_700);
    // 2026: pbb 59 200 × 20 % / 12 = 986.67 → 987 kr; to tens → 990; to hundreds → 1 000
    expect(monthlyFromShare(59_200, 200, 'krona')).toBe(98_700);
    expect(monthlyFromShare(59_200, 200, 'ten_kronor')).toBe(99_000);
    expect(monthlyFromShare(59_200, 200, 'hundred_kronor')).toBe(100_000);
  });
});

describe('formatKronor', () => {
  it('writes Swedish amounts', () => {
    expect(formatKronor(98_700)).toBe('987\u00a0kr');
    expect(formatKronor(123_456_78)).toBe('123\u00a0456,78\u00a0kr');
  });
});

describe('kronor typed by people and for spreadsheets', () => {
  it.each([
    ['1234', 123_400],
    ['1 234', 123_400],
    ['1\u00a0234,5', 123_450],
    ['1234.05 kr', 123_405],
    ['0', 0],
    ['12,345', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ] as const)('parseKronor(%j) = %j', (text, ore) => {
    expect(parseKronor(text)).toBe(ore);
  });

  it('round-trips through formatKronor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (ore) => {
        expect(parseKronor(formatKronor(ore))).toBe(ore);
      }),
    );
  });

  it.each([
    [98_667, '986,67'],
    [100, '1,00'],
    [5, '0,05'],
    [123_400, '1234,00'],
  ])('kronorForSpreadsheet(%i) = %s', (ore, text) => {
    expect(kronorForSpreadsheet(ore)).toBe(text);
  });

  it('a past year needs a reason, this and later years do not', () => {
    expect(pastYearNeedsReason(2025, '2026-03-16', null)).toBe(true);
    expect(pastYearNeedsReason(2025, '2026-03-16', '  ')).toBe(true);
    expect(pastYearNeedsReason(2025, '2026-03-16', 'Rättelse')).toBe(false);
    expect(pastYearNeedsReason(2026, '2026-03-16', null)).toBe(false);
    expect(pastYearNeedsReason(2027, '2026-03-16', null)).toBe(false);
  });

  it('levelAmount: entered öre as is, a share derived with the rounding', () => {
    expect(levelAmount({ ore: 12_345, sharePermille: null }, 59_200, 'hundred_kronor')).toBe(12_345);
    expect(levelAmount({ ore: null, sharePermille: 200 }, 59_200, 'hundred_kronor')).toBe(100_000);
  });
});

describe('rate level schema', () => {
  it('parses kronor into a value that parses to itself again (the web form sends what it parsed)', async () => {
    const { rateLevelBody } = await import('./schema');
    const once = rateLevelBody.parse({ code: 'niva3', name: 'Nivå 3', arvodeKronor: '1 300,50', omkostnadSharePermille: 100, perOccasionKronor: '' });
    expect(once).toMatchObject({ arvodeKronor: '1300.50', omkostnadKronor: null, omkostnadSharePermille: 100, perOccasionKronor: null });
    expect(rateLevelBody.parse(once)).toEqual(once);
  });
});
