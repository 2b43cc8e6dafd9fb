import { describe, expect, it } from 'vitest';
import { attendanceRefusal, changeRefusal, endTime, isInvitable, meetingNotice, meetingPhase, scheduleProblems, type InviteeFacts } from './rules';

const DAY = '2026-04-02';
const cp = (o: Partial<InviteeFacts> = {}): InviteeFacts => ({ approvedDate: '2025-01-10', endedDate: null, assignments: [{ startDate: '2025-02-01', endDate: null }], ...o });

describe('who is invited to a träff', () => {
  it.each<[string, InviteeFacts, boolean]>([
    ['approved, running assignment', cp(), true],
    ['not approved', cp({ approvedDate: null }), false],
    ['ended before the träff', cp({ endedDate: '2026-04-01' }), false],
    ['ends on the day of the träff', cp({ endedDate: DAY }), true],
    ['no assignment of the unit', cp({ assignments: [] }), false],
    ['assignment not started (agreement only)', cp({ assignments: [{ startDate: null, endDate: null }] }), false],
    ['assignment ended before the träff', cp({ assignments: [{ startDate: '2025-02-01', endDate: '2026-03-31' }] }), false],
    ['assignment ends on the day', cp({ assignments: [{ startDate: '2025-02-01', endDate: DAY }] }), true],
    ['assignment ends after the day', cp({ assignments: [{ startDate: '2025-02-01', endDate: '2026-06-30' }] }), true],
    ['one ended, one running', cp({ assignments: [{ startDate: '2024-01-01', endDate: '2024-12-31' }, { startDate: '2025-02-01', endDate: null }] }), true],
  ])('%s', (_n, facts, expected) => {
    expect(isInvitable(facts, DAY)).toBe(expected);
  });
});

describe('where a träff stands, and what may be done', () => {
  const open = { date: DAY, cancelledAt: null };
  const cancelled = { date: DAY, cancelledAt: new Date() };
  it.each<[string, { date: string; cancelledAt: unknown }, string, string, string | null, string | null]>([
    // name, meeting, today, phase, change refusal, attendance refusal
    ['before the day', open, '2026-03-20', 'upcoming', null, 'Närvaron kan registreras från och med dagen för träffen.'],
    ['on the day', open, DAY, 'upcoming', null, null],
    ['after the day', open, '2026-04-03', 'past', 'Träffen har redan varit och kan inte ändras. Registrera närvaron i stället.', null],
    ['cancelled', cancelled, '2026-03-20', 'cancelled', 'Träffen är inställd och kan inte ändras.', 'Träffen är inställd. Det finns ingen närvaro att registrera.'],
  ])('%s', (_n, m, today, phase, change, attendance) => {
    expect(meetingPhase(m, today)).toBe(phase);
    expect(changeRefusal(m, today)).toBe(change);
    expect(attendanceRefusal(m, today)).toBe(attendance);
  });

  it.each([
    ['2026-03-15', [{ path: 'date', message: 'Datumet har redan varit. Välj i dag eller ett senare datum.' }]],
    ['2026-03-16', []],
    ['2026-12-01', []],
  ])('scheduling on %s', (date, problems) => {
    expect(scheduleProblems({ date }, '2026-03-16')).toEqual(problems);
  });
});

describe('what the invited are told', () => {
  it.each([
    ['18:00', 120, '20:00'],
    ['09:30', 45, '10:15'],
    ['23:00', 90, '00:30'],
  ])('%s + %i min ends %s', (t, d, e) => {
    expect(endTime(t, d)).toBe(e);
  });

  const m = { date: DAY, time: '18:00', durationMinutes: 120, place: 'Träffpunkten, Storgatan 1', topic: 'Att sätta gränser' };
  it.each([
    ['invitation', 0, 'Inbjudan till kontaktpersonsträff 2026-04-02', 'Välkommen till kontaktpersonsträff 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1. Tema: Att sätta gränser.'],
    ['scheduled', 1, 'Ny kontaktpersonsträff 2026-04-02', 'Kontaktpersonsträff 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1. Tema: Att sätta gränser. 1 kontaktperson är inbjuden.'],
    ['scheduled', 12, 'Ny kontaktpersonsträff 2026-04-02', 'Kontaktpersonsträff 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1. Tema: Att sätta gränser. 12 kontaktpersoner är inbjudna.'],
    ['changed', 0, 'Kontaktpersonsträffen 2026-04-02 är ändrad', 'Nu gäller: 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1. Tema: Att sätta gränser.'],
    ['cancelled', 0, 'Kontaktpersonsträffen 2026-04-02 är inställd', 'Träffen 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1 (Att sätta gränser) blir inte av.'],
  ] as const)('%s (%i invited)', (kind, invited, title, body) => {
    expect(meetingNotice(kind, m, invited)).toEqual({ title, body });
  });
});
