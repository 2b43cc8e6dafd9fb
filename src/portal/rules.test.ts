import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonthsTo,
  dueReports,
  editRefusal,
  expectedMeetings,
  expenseAmountProblem,
  meetingDeviation,
  monthLabel,
  receiptProblem,
  reminderText,
  reportableMonths,
  reportDeadline,
  reportLate,
  reportMonthProblem,
  reportProblems,
  returnProblems,
  reviewRefusal,
  runningDaysIn,
  statusAfterSave,
  submitProblems,
  type DueAssignment,
  type ReportStatus,
} from './rules';

const running = (startDate: string | null, endDate: string | null = null, interruptions: { from: string; resumed: string | null }[] = []) => ({
  startDate,
  endDate,
  endReason: endDate ? ('other' as const) : null,
  interruptions,
});

describe('deadline and lateness', () => {
  it.each([
    ['2026-03', 5, '2026-04-05'],
    ['2026-12', 5, '2027-01-05'],
    ['2026-01', 3, '2026-02-03'],
    ['2026-02', 28, '2026-03-28'],
  ] as const)('the report for %s with due day %i is due %s', (month, day, deadline) => {
    expect(reportDeadline(month, day)).toBe(deadline);
  });

  it.each([
    // month, first submitted, today, late
    ['2026-03', '2026-04-05', '2026-04-20', false],
    ['2026-03', '2026-04-06', '2026-04-20', true],
    ['2026-03', '2026-03-31', '2026-05-01', false],
    ['2026-03', null, '2026-04-05', false],
    ['2026-03', null, '2026-04-06', true],
  ] as const)('%s first submitted %s, today %s → late %s', (month, firstSubmittedOn, today, late) => {
    expect(reportLate({ month, firstSubmittedOn }, 5, today)).toBe(late);
  });

  it('names the month in Swedish', () => {
    expect(monthLabel('2026-03')).toBe('mars 2026');
    expect(monthLabel('2027-12')).toBe('december 2027');
  });
});

describe('which months can be reported', () => {
  it.each([
    // start, end, month, today, ok
    ['2026-02-10', null, '2026-02', '2026-03-16', true],
    ['2026-02-10', null, '2026-03', '2026-03-16', true],
    ['2026-02-10', null, '2026-01', '2026-03-16', false],
    ['2026-02-10', null, '2026-04', '2026-03-16', false],
    ['2026-02-10', '2026-02-20', '2026-03', '2026-03-16', false],
    ['2026-02-10', '2026-02-20', '2026-02', '2026-03-16', true],
    [null, null, '2026-03', '2026-03-16', false],
    ['2026-02-10', null, '2026-13', '2026-03-16', false],
  ] as const)('start %s end %s: %s on %s → %s', (start, end, month, today, ok) => {
    expect(reportMonthProblem(running(start, end), month, today) === null).toBe(ok);
  });

  it('lists the reportable months newest first, from the start to today or the end', () => {
    expect(reportableMonths(running('2026-01-20'), '2026-03-16')).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(reportableMonths(running('2025-11-20', '2026-01-05'), '2026-03-16')).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(reportableMonths(running(null), '2026-03-16')).toEqual([]);
    expect(reportableMonths(running('2020-01-01'), '2026-03-16', 3)).toEqual(['2026-03', '2026-02', '2026-01']);
  });
});

describe('what a report may hold', () => {
  const a = running('2026-03-05', '2026-03-25');
  const ok = { date: '2026-03-10', minutes: 90, activity: 'Bio' };
  it.each([
    ['a meeting in the month', { meetings: [ok], cancellations: [], expenses: [] }, []],
    ['a meeting in another month', { meetings: [{ ...ok, date: '2026-04-01' }], cancellations: [], expenses: [] }, ['meetings.0.date']],
    ['a meeting before the start', { meetings: [{ ...ok, date: '2026-03-04' }], cancellations: [], expenses: [] }, ['meetings.0.date']],
    ['a meeting after the end', { meetings: [{ ...ok, date: '2026-03-26' }], cancellations: [], expenses: [] }, ['meetings.0.date']],
    ['a meeting in the future', { meetings: [{ ...ok, date: '2026-03-20' }], cancellations: [], expenses: [] }, ['meetings.0.date']],
    ['no minutes', { meetings: [{ ...ok, minutes: 0 }], cancellations: [], expenses: [] }, ['meetings.0.minutes']],
    ['too many minutes', { meetings: [{ ...ok, minutes: 1441 }], cancellations: [], expenses: [] }, ['meetings.0.minutes']],
    ['no activity', { meetings: [{ ...ok, activity: '  ' }], cancellations: [], expenses: [] }, ['meetings.0.activity']],
    ['a cancellation in another month', { meetings: [], cancellations: [{ date: '2026-02-28', cancelledBy: 'person' as const }], expenses: [] }, ['cancellations.0.date']],
    ['a negative amount', { meetings: [], cancellations: [], expenses: [{ amountOre: -100, description: 'Bio' }] }, ['expenses.0.amountOre']],
    ['a zero amount', { meetings: [], cancellations: [], expenses: [{ amountOre: 0, description: 'Bio' }] }, ['expenses.0.amountOre']],
    ['an absurd amount', { meetings: [], cancellations: [], expenses: [{ amountOre: 5_000_001, description: 'Bil' }] }, ['expenses.0.amountOre']],
    ['the largest amount', { meetings: [], cancellations: [], expenses: [{ amountOre: 5_000_000, description: 'Resa' }] }, []],
    ['no description', { meetings: [], cancellations: [], expenses: [{ amountOre: 100, description: '' }] }, ['expenses.0.description']],
  ])('%s', (_what, lines, paths) => {
    expect(reportProblems(lines, '2026-03', a, '2026-03-16').map((p) => p.path)).toEqual(paths);
  });

  it('amount messages are Swedish', () => {
    expect(expenseAmountProblem(-1)).toMatch(/större än 0 kr/);
    expect(expenseAmountProblem(6_000_000)).toMatch(/50 000 kr/);
    expect(expenseAmountProblem(1.5)).toMatch(/kronor/);
    expect(expenseAmountProblem(12_050)).toBeNull();
  });

  it('submitting needs the attestation; returning needs a comment', () => {
    expect(submitProblems({ attest: true })).toEqual([]);
    expect(submitProblems({ attest: false }).map((p) => p.path)).toEqual(['attest']);
    expect(submitProblems({}).map((p) => p.path)).toEqual(['attest']);
    expect(returnProblems({ comment: '  ' }).map((p) => p.path)).toEqual(['comment']);
    expect(returnProblems({ comment: 'Kvitto saknas.' })).toEqual([]);
  });

  it.each<[ReportStatus, boolean, ReportStatus]>([
    ['draft', false, 'draft'],
    ['draft', true, 'submitted'],
    ['submitted', false, 'draft'],
    ['submitted', true, 'submitted'],
    ['returned', false, 'returned'],
    ['returned', true, 'submitted'],
  ])('a %s report saved (submit %s) becomes %s; editable until approved', (status, submit, after) => {
    expect(statusAfterSave(status, submit)).toBe(after);
    expect(editRefusal(status)).toBeNull();
  });

  it('only a submitted report can be reviewed; an approved one cannot be edited', () => {
    expect(editRefusal('approved')).toBe('REPORT_APPROVED');
    expect(reviewRefusal('submitted')).toBeNull();
    for (const s of ['draft', 'returned', 'approved'] as const) expect(reviewRefusal(s)).toBe('REPORT_NOT_SUBMITTED');
  });
});

describe('deviation from the agreed meetings', () => {
  it.each([
    // held, agreed per month, running days, days in month, deviation
    [4, 4, 31, 31, null],
    [2, 4, 31, 31, null], // exactly 50 %
    [1, 4, 31, 31, 'fewer'],
    [6, 4, 31, 31, null], // exactly 150 %
    [7, 4, 31, 31, 'more'],
    [0, 4, 31, 31, 'fewer'],
    [1, 4, 8, 31, null], // pro rata: 4 × 8/31 ≈ 1.03 expected
    [2, 4, 8, 31, 'more'], // 2 of ≈ 1.03 expected: 194 %
    [0, 4, 0, 31, null], // did not run: nothing expected
    [3, null, 31, 31, null], // no agreed number
    [1, 0, 31, 31, 'more'],
    [0, 0, 31, 31, null],
  ] as const)('%i held, %s agreed, %i of %i days → %s', (held, perMonth, days, dim, deviation) => {
    expect(meetingDeviation(held, { meetingsPerMonth: perMonth, runningDays: days, daysInMonth: dim })).toBe(deviation);
  });

  it('expected meetings are pro rata with one decimal', () => {
    expect(expectedMeetings(4, 31, 31)).toBe(4);
    expect(expectedMeetings(4, 16, 31)).toBe(2.1);
    expect(expectedMeetings(4, 0, 30)).toBe(0);
  });

  it('property: holding exactly the agreed meetings of a full month never deviates; the band is monotone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 28, max: 31 }), (perMonth, dim) => {
        expect(meetingDeviation(perMonth, { meetingsPerMonth: perMonth, runningDays: dim, daysInMonth: dim })).toBeNull();
        let seenMore = false;
        let leftFewer = false;
        for (let held = 0; held <= perMonth * 3; held++) {
          const d = meetingDeviation(held, { meetingsPerMonth: perMonth, runningDays: dim, daysInMonth: dim });
          if (d !== 'fewer') leftFewer = true;
          if (leftFewer) expect(d).not.toBe('fewer');
          if (d === 'more') seenMore = true;
          else if (seenMore) throw new Error('not monotone');
        }
      }),
    );
  });
});

describe('running days', () => {
  it('counts the days the assignment ran, without interruptions (resumed = first day back)', () => {
    expect(runningDaysIn('2026-03', running('2026-03-10'))).toBe(22);
    expect(runningDaysIn('2026-03', running('2026-01-01', '2026-03-05'))).toBe(5);
    expect(runningDaysIn('2026-03', running('2026-01-01', null, [{ from: '2026-03-10', resumed: '2026-03-20' }]))).toBe(21);
    expect(runningDaysIn('2026-03', running('2026-01-01', null, [{ from: '2026-02-10', resumed: null }]))).toBe(0);
    expect(runningDaysIn('2026-03', running(null))).toBe(0);
  });
});

describe('dueReports', () => {
  const a = (id: string, startDate: string, endDate: string | null = null, interruptions: { from: string; resumed: string | null }[] = []): DueAssignment => ({
    id,
    contactPersonId: `cp-${id}`,
    ...running(startDate, endDate, interruptions),
  });
  const today = '2026-04-10';

  it('lists ended months without a submitted or approved report, with deadline and overdue', () => {
    const due = dueReports([a('A', '2026-02-15')], [{ assignmentId: 'A', month: '2026-02', status: 'approved' }], today, { dueDay: 5 });
    expect(due).toEqual([{ assignmentId: 'A', contactPersonId: 'cp-A', month: '2026-03', deadline: '2026-04-05', overdue: true, status: 'none' }]);
  });

  it.each<[string, ReportStatus | null, boolean]>([
    ['none', null, true],
    ['draft', 'draft', true],
    ['returned', 'returned', true],
    ['submitted', 'submitted', false],
    ['approved', 'approved', false],
  ])('a month whose report is %s is due: %s', (_n, status, isDue) => {
    const reports = status ? [{ assignmentId: 'A', month: '2026-03', status }] : [];
    const due = dueReports([a('A', '2026-03-01')], reports, today, { dueDay: 5 });
    expect(due.map((d) => d.month)).toEqual(isDue ? ['2026-03'] : []);
    if (isDue) expect(due[0].status).toBe(status ?? 'none');
  });

  it('skips the running month, months before the start, after the end, and wholly interrupted months', () => {
    expect(dueReports([a('A', '2026-04-01')], [], today, { dueDay: 5 })).toEqual([]);
    expect(dueReports([a('A', '2026-01-20', '2026-02-10')], [], today, { dueDay: 5 }).map((d) => d.month)).toEqual(['2026-01', '2026-02']);
    expect(dueReports([a('A', '2026-01-01', null, [{ from: '2026-02-01', resumed: '2026-03-01' }])], [], today, { dueDay: 5 }).map((d) => d.month)).toEqual(['2026-01', '2026-03']);
  });

  it('a month not yet past its deadline is due but not overdue; the day is a setting', () => {
    const due = dueReports([a('A', '2026-03-01')], [], '2026-04-03', { dueDay: 5 });
    expect(due[0]).toMatchObject({ month: '2026-03', deadline: '2026-04-05', overdue: false });
    expect(dueReports([a('A', '2026-03-01')], [], '2026-04-03', { dueDay: 2 })[0].overdue).toBe(true);
  });

  it('looks back a limited number of months', () => {
    expect(dueReports([a('A', '2020-01-01')], [], today, { dueDay: 5, lookBackMonths: 2 }).map((d) => d.month)).toEqual(['2026-02', '2026-03']);
  });

  it('property: every due month ended, lies in the assignment, and has no submitted or approved report', () => {
    const month = fc.integer({ min: 0, max: 30 }).map((n) => addMonthsTo('2024-01', n));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(month, fc.integer({ min: 1, max: 28 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null })), { maxLength: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), month, fc.constantFrom<ReportStatus>('draft', 'submitted', 'returned', 'approved')), { maxLength: 10 }),
        (specs, reps) => {
          const list = specs.map(([m, day, months], i) => a(String(i), `${m}-${String(day).padStart(2, '0')}`, months === null ? null : `${addMonthsTo(m, months)}-28`));
          const reports = reps.map(([i, m, status]) => ({ assignmentId: String(i), month: m, status }));
          const todayP = '2026-03-15';
          const due = dueReports(list, reports, todayP, { dueDay: 5 });
          for (const d of due) {
            const as = list.find((x) => x.id === d.assignmentId)!;
            expect(d.month < '2026-03').toBe(true);
            expect(d.month >= as.startDate!.slice(0, 7)).toBe(true);
            if (as.endDate) expect(d.month <= as.endDate.slice(0, 7)).toBe(true);
            const st = reports.filter((r) => r.assignmentId === d.assignmentId && r.month === d.month).map((r) => r.status);
            // The last row for a month wins in the rule's map: none of the listed months is submitted or approved there.
            if (st.length) expect(['submitted', 'approved']).not.toContain(st[st.length - 1]);
          }
        },
      ),
    );
  });

  it('writes the reminder for the contact person', () => {
    expect(reminderText({ month: '2026-03', deadline: '2026-04-05', overdue: false, status: 'none' })).toBe('Rapporten för mars 2026 är inte inskickad. Skicka in den senast 2026-04-05.');
    expect(reminderText({ month: '2026-03', deadline: '2026-04-05', overdue: true, status: 'returned' })).toMatch(/återsänd.*skulle ha skickats in senast 2026-04-05/);
  });
});

describe('receipts', () => {
  it.each([
    ['image/jpeg', 1000, null],
    ['image/png', 10 * 1024 * 1024, null],
    ['image/heic', 5000, null],
    ['application/pdf', 5000, null],
    ['image/gif', 5000, 'bild'],
    ['application/zip', 5000, 'bild'],
    [undefined, 5000, 'bild'],
    ['toString', 5000, 'bild'],
    ['image/jpeg', 10 * 1024 * 1024 + 1, '10 MB'],
    ['image/jpeg', 50 * 1024 * 1024, '10 MB'],
    ['image/jpeg', 0, 'tom'],
  ] as const)('%s of %i bytes', (mime, size, problem) => {
    const p = receiptProblem(mime, size);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
