import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, daysBetween, isWorkingDay } from './calendar';

// Dates 1901–2199 (swedish-holidays knows these years).
const date = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // the day summer time starts
  });

  it('adds months, clamping to the end of a shorter month ("three months later")', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-16', 3)).toBe('2026-06-16');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-16')).toBe(15);
    expect(daysBetween('2026-03-16', '2026-03-01')).toBe(-15);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('knows Swedish working days', () => {
    expect(isWorkingDay('2026-03-16')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
    expect(isWorkingDay('2026-12-24')).toBe(false); // julafton
    expect(isWorkingDay('2026-04-06')).toBe(false); // annandag påsk
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-03-16', 0)).toBe('2026-03-16');
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('16 mars', 1)).toThrow(RangeError);
  });

  it('addMonths(d, n) is never before d for n ≥ 0, and never past the same day n months on', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 24 }), (d, n) => {
        const later = addMonths(d, n);
        expect(later >= d).toBe(true);
        expect(Number(later.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
        expect(later.slice(0, 7)).toBe(addMonths(`${d.slice(0, 7)}-01`, n).slice(0, 7));
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('addWorkingDays lands on a working day, after the start, with exactly n working days counted', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const end = addWorkingDays(d, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(end > d).toBe(true);
        let count = 0;
        for (let x = addDays(d, 1); x <= end; x = addDays(x, 1)) if (isWorkingDay(x)) count++;
        expect(count).toBe(n);
      }),
    );
  });
});
