import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../platform/calendar';
import { confirmProblems, orderConfirmDeadline, orderOverdue, orderOverdueCutoff, orderState, providerActionRefusal, scopeText, sendRefusal, answerRefusal } from './rules';

const open = (sentDate: string) => ({ sentDate, confirmedDate: null, returnedAt: null });

describe('orderConfirmDeadline / orderOverdue (working days, Swedish holidays)', () => {
  it.each([
    // sent, N, deadline
    ['2026-03-16', 2, '2026-03-18'], // Monday → Wednesday
    ['2026-03-19', 2, '2026-03-23'], // Thursday → over the weekend
    ['2026-12-23', 2, '2026-12-29'], // julafton, juldagen, annandag jul off; 28th and 29th
    ['2026-12-30', 2, '2027-01-05'], // nyårsafton, nyårsdagen and the weekend off
    ['2027-01-05', 1, '2027-01-07'], // trettondagen
    ['2026-04-02', 2, '2026-04-08'], // skärtorsdag → långfredag, påsk, annandag påsk
    ['2026-06-18', 2, '2026-06-23'], // midsommarafton (19th) off
    ['2026-03-16', 0, '2026-03-16'],
  ])('sent %s, %i working days → confirm by %s', (sent, n, deadline) => {
    expect(orderConfirmDeadline(sent, n)).toBe(deadline);
    expect(orderOverdue(open(sent), deadline, n)).toBe(false);
    expect(orderOverdue(open(sent), addDays(deadline, 1), n)).toBe(true);
  });

  it('sent 2026-12-23 is not overdue over jul, and is on 2026-12-30', () => {
    for (const d of ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29']) expect(orderOverdue(open('2026-12-23'), d, 2)).toBe(false);
    expect(orderOverdue(open('2026-12-23'), '2026-12-30', 2)).toBe(true);
  });

  it('a confirmed order is never overdue', () => {
    expect(orderOverdue({ sentDate: '2026-01-01', confirmedDate: '2026-02-01', returnedAt: null }, '2026-12-01', 2)).toBe(false);
  });

  const day = fc.integer({ min: 0, max: 365 * 3 }).map((i) => addDays('2025-06-01', i));
  it('the SQL cutoff agrees with the rule: overdue ⇔ sent before the cutoff (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), (today, back, n) => {
        const sent = addDays(today, -back);
        expect(orderOverdue(open(sent), today, n)).toBe(sent < orderOverdueCutoff(today, n));
      }),
    );
  });

  it('the deadline is never before the sent date and grows with it (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), (a, gap, n) => {
        const b = addDays(a, gap);
        expect(orderConfirmDeadline(a, n) >= a).toBe(true);
        expect(orderConfirmDeadline(b, n) >= orderConfirmDeadline(a, n)).toBe(true);
      }),
    );
  });
});

describe('state and what each action requires', () => {
  it.each([
    [{ sentDate: '2026-03-16', confirmedDate: null, returnedAt: null }, 'sent', null, 'ORDER_NOT_RETURNED'],
    [{ sentDate: '2026-03-16', confirmedDate: null, returnedAt: '2026-03-16T10:00:00Z' }, 'returned', 'ORDER_RETURNED', null],
    [{ sentDate: '2026-03-16', confirmedDate: '2026-03-17', returnedAt: null }, 'confirmed', 'ORDER_ALREADY_CONFIRMED', 'ORDER_NOT_RETURNED'],
  ] as const)('%o is %s', (o, state, provider, answer) => {
    expect(orderState(o)).toBe(state);
    expect(providerActionRefusal(o)?.code ?? null).toBe(provider);
    expect(answerRefusal(o)?.code ?? null).toBe(answer);
  });

  it.each([
    [null, false, 'ORDER_NO_FAVOURABLE_DECISION'],
    [{ state: 'decided', outcome: 'rejected' }, false, 'ORDER_NO_FAVOURABLE_DECISION'],
    [{ state: 'draft', outcome: 'granted' }, false, 'ORDER_NO_FAVOURABLE_DECISION'],
    [{ state: 'awaiting_approval', outcome: 'granted' }, false, 'ORDER_NO_FAVOURABLE_DECISION'],
    [{ state: 'decided', outcome: 'granted' }, true, 'ORDER_ALREADY_SENT'],
    [{ state: 'decided', outcome: 'granted' }, false, null],
    [{ state: 'decided', outcome: 'partly_granted' }, false, null],
  ] as const)('send %o (already sent: %s) → %s', (d, existing, code) => {
    expect(sendRefusal(d, existing)?.code ?? null).toBe(code);
  });

  it('the confirm date: not in the future, not before it was sent', () => {
    const o = open('2026-03-16');
    expect(confirmProblems(o, '2026-03-16', '2026-03-17')).toEqual([]);
    expect(confirmProblems(o, '2026-03-18', '2026-03-17')[0].path).toBe('confirmedDate');
    expect(confirmProblems(o, '2026-03-15', '2026-03-17')[0].message).toMatch(/före dagen beställningen skickades \(2026-03-16\)/);
  });

  it.each([
    ['meetings_per_week', 1, null, '1 träff i veckan'],
    ['meetings_per_week', 2, null, '2 träffar i veckan'],
    ['meetings_per_month', 3, null, '3 träffar i månaden'],
    ['hours_per_month', 10, 'Nivå 1', '10 timmar i månaden, Nivå 1'],
    [null, null, 'Nivå 2', 'Nivå 2'],
    [null, null, null, null],
  ] as const)('scope %s %s %s → %s', (unit, amount, level, text) => {
    expect(scopeText(unit, amount, level)).toBe(text);
  });
});
