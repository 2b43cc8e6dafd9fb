// The IVO report's rules beside the selection: rounds, the stand-in id, reasons and free text, submission, the
// council's statistics; and the series of one decision over four quarters with a stable id.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../platform/calendar';
import { ivoQuarterReports, type IvoDecisionInput } from './rules';
import {
  councilStatistics,
  ivoFreeText,
  ivoReasons,
  partlyExecuted,
  previousQuarter,
  quarterOf,
  reportRound,
  standInId,
  standInSex,
  submitRefusal,
  submittedDateProblem,
  type IvoRecordFacts,
} from './ivo-rules';

const facts = (o: Partial<IvoRecordFacts> = {}): IvoRecordFacts => ({
  kind: 'beslut',
  offers: [],
  followUps: [],
  interruptionReason: null,
  protectedIdentity: false,
  granted: 1,
  running: 0,
  extraReason: null,
  ...o,
});

describe('quarters', () => {
  it('knows the quarter of a date and the one before', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
  });
});

describe('a series over four quarters', () => {
  it('keeps its id (decision, kind, since) and is first reported once, then followed up until executed', () => {
    const x: IvoDecisionInput = { id: 'beslut-17', decisionDate: '2026-05-20', reportable: true, executedDate: '2027-04-02' };
    const qs = ['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'];
    const rows = qs.map((q) => ivoQuarterReports([x], q));
    expect(rows.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    const ids = new Set(rows.map(([r]) => `${r.decisionId}/${r.kind}/${r.since}`));
    expect([...ids]).toEqual(['beslut-17/beslut/2026-05-20']);
    expect(rows.map(([r], i) => reportRound(x, r, qs[i]))).toEqual(['first', 'follow_up', 'follow_up', 'follow_up']);
    expect(rows.map(([r]) => r.outcome)).toEqual([null, null, null, { kind: 'verkställt', date: '2027-04-02' }]);
    expect(ivoQuarterReports([x], '2027-Q3')).toEqual([]);
  });

  it('declined offers keep it reportable, and the free text says so with every offer', () => {
    const x: IvoDecisionInput = { id: 'd', decisionDate: '2026-06-01', reportable: true };
    expect(ivoQuarterReports([x], '2026-Q4')).toHaveLength(1);
    const f = facts({
      offers: [
        { date: '2026-06-10', response: 'declined', responseDate: '2026-06-12', closedReason: 'declined', closedDate: '2026-06-12' },
        { date: '2026-09-01', response: 'accepted', responseDate: '2026-09-03', closedReason: 'no_chemistry', closedDate: '2026-09-20' },
        { date: '2026-11-02', response: 'pending', responseDate: null, closedReason: null, closedDate: null },
      ],
    });
    expect(ivoReasons(f)).toEqual(['declined', 'no_chemistry']);
    expect(ivoFreeText(f)).toBe(
      'Orsak: Den enskilde har tackat nej till erbjudande; Ingen kemi vid matchningsmötet. Erbjudanden: 2026-06-10 (personen tackade nej 2026-06-12), 2026-09-01 (ingen kemi vid matchningsmötet 2026-09-20), 2026-11-02 (inget svar än).',
    );
  });

  it('fast-check: every interruption appears exactly once per quarter from its first due quarter until its outcome report', () => {
    const day = (n: number) => addDays('2025-01-01', n);
    const qs = ['2025', '2026', '2027', '2028'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 700 }), fc.option(fc.integer({ min: 1, max: 400 })), (from, after) => {
        const x: IvoDecisionInput = { id: 'x', decisionDate: '2024-12-01', executedDate: '2024-12-15', reportable: true, interruptions: [{ from: day(from), resumed: after === null ? null : day(from + after) }] };
        const reported = qs.map((q) => ivoQuarterReports([x], q).filter((r) => r.kind === 'avbrott'));
        for (const r of reported) expect(r.length).toBeLessThanOrEqual(1);
        const idx = reported.map((r, i) => (r.length ? i : -1)).filter((i) => i >= 0);
        for (let i = 1; i < idx.length; i++) expect(idx[i]).toBe(idx[i - 1] + 1);
        for (const i of idx.slice(0, -1)) expect(reported[i][0].outcome).toBeNull();
        for (const i of idx) expect(reported[i][0].since).toBe(day(from));
      }),
      { numRuns: 300 },
    );
  });
});

describe('standInId', () => {
  it('writes ÅÅÅÅMMDD-T + 3 digits with the sex in the third position after the dash, the first one free', () => {
    expect(standInId('2010-03-14', 'female', new Set())).toBe('20100314-T100');
    expect(standInId('2010-03-14', 'male', new Set())).toBe('20100314-T110');
    expect(standInId('2010-03-14', 'female', new Set(['20100314-T100', '20100314-T101']))).toBe('20100314-T102');
    expect(standInSex('20100314-T123')).toBe('female');
    expect(standInSex('20100314-TF10')).toBe('male');
  });

  it('moves to the TF form when the T numbers of the day and sex are used up, and keeps the sex digit', () => {
    const taken = new Set<string>();
    for (let a = 1; a <= 9; a++) for (const s of [1, 3, 5, 7, 9]) for (let c = 0; c <= 9; c++) taken.add(`20100314-T${a}${s}${c}`);
    expect(standInId('2010-03-14', 'male', taken)).toBe('20100314-TF10');
    fc.assert(
      fc.property(fc.constantFrom<'female' | 'male'>('female', 'male'), fc.integer({ min: 0, max: 300 }), (sex, used) => {
        const t = new Set<string>();
        for (let i = 0; i < used; i++) t.add(standInId('2001-01-01', sex, t)!);
        const id = standInId('2001-01-01', sex, t)!;
        expect(id).toMatch(/^20010101-T(\d{3}|F\d{2})$/);
        expect(t.has(id)).toBe(false);
        expect(standInSex(id)).toBe(sex);
      }),
      { numRuns: 50 },
    );
  });
});

describe('reasons and free text', () => {
  it('no offer at all: no suitable contact person; the protected identity and the follow-ups are told', () => {
    const f = facts({ protectedIdentity: true, followUps: [{ date: '2026-10-01', result: 'Fortsätter', note: 'Söker vidare.' }], extraReason: 'circumstances' });
    expect(ivoReasons(f)).toEqual(['no_contact_person', 'circumstances']);
    expect(ivoFreeText(f)).toBe(
      'Orsak: Ingen lämplig kontaktperson; Den enskildes situation. Inga erbjudanden har lämnats. Uppföljningar: 2026-10-01 (Fortsätter: Söker vidare.). Personen har skyddad identitet.',
    );
  });

  it('an interruption tells its reason; partly executed when fewer contact persons run than granted', () => {
    const f = facts({ kind: 'avbrott', interruptionReason: 'Kontaktpersonen\nflyttade', granted: 2, running: 1, offers: [{ date: '2026-01-02', response: 'accepted', responseDate: '2026-01-03', closedReason: null, closedDate: null }] });
    expect(ivoReasons(f)).toEqual(['other']);
    expect(ivoFreeText(f)).toContain('Avbrottet: Kontaktpersonen flyttade.');
    expect(partlyExecuted(f)).toBe('Ja: 1 av 2 kontaktpersoner är på plats, 1 saknas.');
    expect(partlyExecuted({ granted: 1, running: 1 })).toBeNull();
    expect(partlyExecuted({ granted: 2, running: 0 })).toBeNull();
  });

  it('the insatser under the wait, noted on the report, come last before the protected identity, as one sentence', () => {
    const f = facts({ protectedIdentity: true, interimSupport: 'Ledsagning en gång i veckan\ntills vidare.' });
    expect(ivoFreeText(f)).toBe(
      'Orsak: Ingen lämplig kontaktperson. Inga erbjudanden har lämnats. Insatser under väntetiden: Ledsagning en gång i veckan tills vidare. Personen har skyddad identitet.',
    );
    expect(ivoFreeText(facts({ interimSupport: '  ' }))).not.toContain('väntetiden');
  });
});

describe('submission', () => {
  it('needs consequences, an open report and quarter, and a date from the quarter’s last day to today', () => {
    expect(submitRefusal({ consequences: ' ', submittedDate: null }, false)).toBe('IVO_CONSEQUENCES_MISSING');
    expect(submitRefusal({ consequences: 'Ensam.', submittedDate: '2027-01-02' }, false)).toBe('IVO_REPORT_SUBMITTED');
    expect(submitRefusal({ consequences: 'Ensam.', submittedDate: null }, true)).toBe('IVO_QUARTER_FROZEN');
    expect(submitRefusal({ consequences: 'Ensam.', submittedDate: null }, false)).toBeNull();
    expect(submittedDateProblem('2026-12-31', '2026-Q4', '2027-01-10')).toBeNull();
    expect(submittedDateProblem('2026-12-30', '2026-Q4', '2027-01-10')).toMatch(/2026-12-31/);
    expect(submittedDateProblem('2027-01-11', '2026-Q4', '2027-01-10')).toMatch(/i dag/);
  });
});

describe('councilStatistics', () => {
  it('counts what is still unexecuted on the last day per insats, with the days since, longest first', () => {
    const lines = councilStatistics(
      [
        { insats: 'Kontaktperson (LSS)', kind: 'beslut', since: '2026-05-02', outcome: null },
        { insats: 'Kontaktperson (LSS)', kind: 'avbrott', since: '2026-08-20', outcome: null },
        { insats: 'Kontaktperson (LSS)', kind: 'beslut', since: '2026-07-01', outcome: { kind: 'verkställt', date: '2026-11-20' } },
        { insats: 'Kontaktperson (SoL)', kind: 'beslut', since: '2026-06-01', outcome: null },
      ],
      '2026-Q4',
    );
    expect(lines).toEqual([
      { insats: 'Kontaktperson (LSS)', decisions: 1, interruptions: 1, days: [ { kind: 'beslut', since: '2026-05-02', days: 243 }, { kind: 'avbrott', since: '2026-08-20', days: 133 } ] },
      { insats: 'Kontaktperson (SoL)', decisions: 1, interruptions: 0, days: [{ kind: 'beslut', since: '2026-06-01', days: 213 }] },
    ]);
  });
});
