import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessInvestigation,
  bookingKindProblem,
  bookingProblems,
  completionProblems,
  DEFAULT_SOL_CRITERIA,
  DEFAULT_SOL_EXCLUSIONS,
  draftProblems,
  eligibilityAge,
  eligibilityWarnings,
  investigationConfig,
  investigationRefusal,
  isPersonKnown,
  LIVING_SITUATIONS,
  missingWarningReasons,
  OTHER_SOURCES,
  unansweredOtherSources,
  type BookingInput,
  type EligibilityInput,
  type EligibilityWarningCode,
  type LivingSituation,
  type OtherSourceAnswers,
} from './rules';

const config = { solMinAge: 19, solExclusions: DEFAULT_SOL_EXCLUSIONS };
const base: EligibilityInput = {
  route: 'LSS',
  age: 30,
  livingSituation: 'own_home',
  personkretsGroup: 1,
  personkretsDocumentationDate: '2026-03-01',
  solExclusions: [],
  otherSources: {},
};
const codes = (i: Partial<EligibilityInput>, c = config) => eligibilityWarnings({ ...base, ...i }, c).map((w) => w.code);

describe('eligibilityWarnings: named cases', () => {
  it.each<[string, Partial<EligibilityInput>, EligibilityWarningCode[]]>([
    ['LSS, documented, own home: none', {}, []],
    ['LSS without a group', { personkretsGroup: null }, ['lss_personkrets_undocumented']],
    ['LSS with a group but no documentation date', { personkretsDocumentationDate: null }, ['lss_personkrets_undocumented']],
    ['LSS in a gruppbostad', { livingSituation: 'group_home' }, ['lss_residence']],
    ['LSS in a serviceboende', { livingSituation: 'service_home' }, ['lss_residence']],
    ['LSS in "other" living', { livingSituation: 'other' }, []],
    ['LSS, living not yet known', { livingSituation: null }, []],
    ['LSS ignores the SoL age and exclusions', { age: 10, solExclusions: ['dementia'] }, []],
    ['SoL at exactly the minimum age', { route: 'SOL', age: 19 }, []],
    ['SoL one year below', { route: 'SOL', age: 18 }, ['sol_under_age']],
    ['SoL with unknown age', { route: 'SOL', age: null }, []],
    ['SoL ignores LSS facts', { route: 'SOL', personkretsGroup: null, livingSituation: 'group_home' }, []],
    ['SoL with an exclusion', { route: 'SOL', solExclusions: ['substance_abuse'] }, ['sol_exclusion']],
    ['SoL with an exclusion not configured', { route: 'SOL', solExclusions: ['not_configured'] }, []],
    ['need met by relatives', { otherSources: { relatives: { answer: 'yes' } } }, ['need_met_otherwise']],
    ['need partly met: no warning', { otherSources: { relatives: { answer: 'partly' } } }, []],
    ['everything at once (LSS)', { personkretsGroup: null, livingSituation: 'group_home', otherSources: { network: { answer: 'yes' } } }, ['lss_personkrets_undocumented', 'lss_residence', 'need_met_otherwise']],
    ['everything at once (SoL)', { route: 'SOL', age: 17, solExclusions: ['dementia'], otherSources: { school: { answer: 'yes' } } }, ['sol_under_age', 'sol_exclusion', 'need_met_otherwise']],
  ])('%s', (_n, i, expected) => {
    expect(codes(i)).toEqual(expected);
  });

  it('writes the messages the handläggare reads', () => {
    const w = (i: Partial<EligibilityInput>) => eligibilityWarnings({ ...base, ...i }, config)[0].message;
    expect(w({ livingSituation: 'group_home' })).toBe('Personen bor i gruppbostad. Individuell prövning krävs.');
    expect(w({ livingSituation: 'service_home' })).toBe('Personen bor i serviceboende. Individuell prövning krävs.');
    expect(w({ route: 'SOL', age: 18 })).toMatch(/under 19 år/);
    expect(w({ route: 'SOL', solExclusions: ['dementia', 'housing_support'] })).toBe('Demenssjukdom, Beviljat boendestöd: hemtjänst kan vara rätt insats.');
    expect(w({ otherSources: { relatives: { answer: 'yes' }, residence_staff: { answer: 'yes' } } })).toBe('Behovet kan vara tillgodosett på annat sätt: anhöriga, personal på boendet.');
  });

  it('follows the configured age and exclusions', () => {
    expect(codes({ route: 'SOL', age: 18 }, { solMinAge: 18, solExclusions: [] })).toEqual([]);
    expect(codes({ route: 'SOL', age: 20 }, { solMinAge: 21, solExclusions: [] })).toEqual(['sol_under_age']);
    expect(codes({ route: 'SOL', solExclusions: ['dementia'] }, { solMinAge: 19, solExclusions: [] })).toEqual([]);
    expect(codes({ route: 'SOL', solExclusions: ['x'] }, { solMinAge: 19, solExclusions: [{ code: 'x', label: 'Annat hinder' }] })).toEqual(['sol_exclusion']);
  });
});

describe('eligibilityWarnings: every combination', () => {
  // An independent statement of domain.md §3, checked against the rule over the whole grid of inputs.
  const ages = [null, 0, 18, 19, 20, 80];
  const livings: Array<LivingSituation | null> = [null, ...LIVING_SITUATIONS];
  const groups = [null, 1, 2, 3];
  const docDates = [null, '2026-03-01'];
  const exclusions = [[], ['dementia'], ['psychiatric', 'housing_support'], ['unknown_code']];
  const sources: OtherSourceAnswers[] = [{}, { relatives: { answer: 'yes' } }, { school: { answer: 'partly' }, network: { answer: 'no' } }, Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'yes' }]))];
  const expected = (i: EligibilityInput): EligibilityWarningCode[] => {
    const out: EligibilityWarningCode[] = [];
    if (i.route === 'LSS' && (i.personkretsGroup === null || i.personkretsDocumentationDate === null)) out.push('lss_personkrets_undocumented');
    if (i.route === 'LSS' && (i.livingSituation === 'group_home' || i.livingSituation === 'service_home')) out.push('lss_residence');
    if (i.route === 'SOL' && i.age !== null && i.age < 19) out.push('sol_under_age');
    if (i.route === 'SOL' && i.solExclusions.some((c) => DEFAULT_SOL_EXCLUSIONS.some((e) => e.code === c))) out.push('sol_exclusion');
    if (Object.values(i.otherSources).some((a) => a?.answer === 'yes')) out.push('need_met_otherwise');
    return out;
  };
  it('agrees with the statement of the rule for all 2 × 6 × 5 × 4 × 2 × 4 × 4 inputs', () => {
    let n = 0;
    for (const route of ['LSS', 'SOL'] as const)
      for (const age of ages)
        for (const livingSituation of livings)
          for (const personkretsGroup of groups)
            for (const personkretsDocumentationDate of docDates)
              for (const solExclusions of exclusions)
                for (const otherSources of sources) {
                  const i: EligibilityInput = { route, age, livingSituation, personkretsGroup, personkretsDocumentationDate, solExclusions, otherSources };
                  expect(eligibilityWarnings(i, config).map((w) => w.code), JSON.stringify(i)).toEqual(expected(i));
                  n++;
                }
    expect(n).toBe(2 * 6 * 5 * 4 * 2 * 4 * 4);
  });

  it('never warns twice with the same code, and every warning has a Swedish message', () => {
    fc.assert(
      fc.property(
        fc.record({
          route: fc.constantFrom('LSS' as const, 'SOL' as const),
          age: fc.option(fc.integer({ min: 0, max: 110 })),
          livingSituation: fc.option(fc.constantFrom(...LIVING_SITUATIONS)),
          personkretsGroup: fc.option(fc.integer({ min: 1, max: 3 })),
          personkretsDocumentationDate: fc.option(fc.constant('2026-01-01')),
          solExclusions: fc.subarray(['dementia', 'psychiatric', 'substance_abuse', 'housing_support', 'x']),
          otherSources: fc.dictionary(fc.constantFrom(...OTHER_SOURCES), fc.record({ answer: fc.constantFrom('yes' as const, 'partly' as const, 'no' as const) })),
        }),
        (i) => {
          const ws = eligibilityWarnings(i, config);
          expect(new Set(ws.map((w) => w.code)).size).toBe(ws.length);
          for (const w of ws) expect(w.message).toMatch(/[a-zåäö]{3}/);
        },
      ),
    );
  });
});

describe('sources and reasons', () => {
  it('lists the unanswered sources in the routine order', () => {
    expect(unansweredOtherSources({})).toEqual([...OTHER_SOURCES]);
    expect(unansweredOtherSources({ relatives: { answer: 'no' }, network: { answer: 'partly' } })).toEqual(['associations', 'school', 'other_activities', 'residence_staff']);
    expect(unansweredOtherSources(Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'yes' }])))).toEqual([]);
  });

  it.each<[string, Record<string, string>, EligibilityWarningCode[]]>([
    ['no reasons', {}, ['lss_residence', 'need_met_otherwise']],
    ['blank reason counts as missing', { lss_residence: '   ', need_met_otherwise: 'Bor långt bort.' }, ['lss_residence']],
    ['all written', { lss_residence: 'Ja.', need_met_otherwise: 'Nej.' }, []],
    ['a reason for a warning not shown is ignored', { sol_exclusion: 'x' }, ['lss_residence', 'need_met_otherwise']],
  ])('missing reasons: %s', (_n, reasons, expected) => {
    const ws = eligibilityWarnings({ ...base, livingSituation: 'group_home', otherSources: { relatives: { answer: 'yes' } } }, config);
    expect(missingWarningReasons(ws, reasons)).toEqual(expected);
  });

  it('assesses an investigation not yet started as an empty form', () => {
    expect(assessInvestigation(null, 'LSS', 30, config)).toEqual({
      warnings: [{ code: 'lss_personkrets_undocumented', message: expect.any(String) }],
      unansweredSources: [...OTHER_SOURCES],
      missingReasons: ['lss_personkrets_undocumented'],
    });
    expect(assessInvestigation(null, 'SOL', 30, config).warnings).toEqual([]);
  });
});

describe('booking', () => {
  it.each<[boolean, string, 'office' | 'home' | 'phone', string | null]>([
    [true, 'phone known', 'phone', null],
    [false, 'phone unknown', 'phone', 'Telefon går bara'],
    [false, 'office unknown', 'office', null],
    [false, 'home unknown', 'home', null],
  ])('bookingKindProblem (%s: %s)', (known, _n, kind, problem) => {
    const p = bookingKindProblem(kind, known);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it.each<[number, 'phone' | 'letter' | null, boolean]>([
    [0, 'letter', false],
    [0, null, false],
    [0, 'phone', true],
    [1, 'letter', true],
    [3, null, true],
  ])('isPersonKnown(other cases %i, acknowledged by %s) = %s', (otherCasesInUnit, acknowledgementMethod, known) => {
    expect(isPersonKnown({ otherCasesInUnit, acknowledgementMethod })).toBe(known);
  });

  const ok: BookingInput = { kind: 'office', date: '2026-03-20', time: '09:30', place: 'Rum 1' };
  it.each<[string, Partial<BookingInput>, boolean, string[]]>([
    ['valid', {}, false, []],
    ['today is fine', { date: '2026-03-16' }, false, []],
    ['yesterday', { date: '2026-03-15' }, false, ['date']],
    ['the last allowed day', { date: '2027-03-16' }, false, []],
    ['after the last allowed day', { date: '2027-03-17' }, false, ['date']],
    ['time 24:00', { time: '24:00' }, false, ['time']],
    ['time 9:30', { time: '9:30' }, false, ['time']],
    ['office without a place', { place: '  ' }, false, ['place']],
    ['home without a place', { kind: 'home', place: '' }, false, []],
    ['phone, unknown, without a place', { kind: 'phone', place: '' }, false, ['kind']],
    ['phone, known', { kind: 'phone', place: '' }, true, []],
    ['several at once', { kind: 'phone', date: '2020-01-01', time: 'x' }, false, ['kind', 'date', 'time']],
  ])('bookingProblems: %s', (_n, i, known, paths) => {
    expect(bookingProblems({ ...ok, ...i }, '2026-03-16', known, '2027-03-16').map((p) => p.path)).toEqual(paths);
  });

  it.each<[string, { applicationDate: string | null; acknowledgedDate: string | null; decided: boolean }, string | null]>([
    ['acknowledged application', { applicationDate: '2026-03-01', acknowledgedDate: '2026-03-02', decided: false }, null],
    ['referral without application', { applicationDate: null, acknowledgedDate: null, decided: false }, 'CASE_NOT_ACKNOWLEDGED'],
    ['not acknowledged', { applicationDate: '2026-03-01', acknowledgedDate: null, decided: false }, 'CASE_NOT_ACKNOWLEDGED'],
    ['decided', { applicationDate: '2026-03-01', acknowledgedDate: '2026-03-02', decided: true }, 'CASE_ALREADY_DECIDED'],
  ])('investigationRefusal: %s', (_n, c, code) => {
    expect(investigationRefusal(c)?.code ?? null).toBe(code);
  });
});

describe('the form', () => {
  const cfg = investigationConfig({ solMinAge: 19, solCriteria: null, solExclusions: null });
  it('uses the defaults when the municipality has configured nothing, and its own lists otherwise', () => {
    expect(cfg.solCriteria).toBe(DEFAULT_SOL_CRITERIA);
    expect(cfg.solExclusions).toBe(DEFAULT_SOL_EXCLUSIONS);
    const own = investigationConfig({ solMinAge: 18, solCriteria: [{ code: 'a', label: 'A' }], solExclusions: [] });
    expect(own).toEqual({ solMinAge: 18, solCriteria: [{ code: 'a', label: 'A' }], solExclusions: [] });
  });

  it.each<[string, Parameters<typeof draftProblems>[0], string[]]>([
    ['empty', {}, []],
    ['documentation today', { personkretsDocumentationDate: '2026-03-16' }, []],
    ['documentation tomorrow', { personkretsDocumentationDate: '2026-03-17' }, ['personkretsDocumentationDate']],
    ['ages in order', { wishedAgeMin: 20, wishedAgeMax: 20 }, []],
    ['ages reversed', { wishedAgeMin: 40, wishedAgeMax: 20 }, ['wishedAgeMax']],
    ['only a minimum', { wishedAgeMin: 40 }, []],
    ['configured criterion', { solCriteria: { isolated: {} } }, []],
    ['unknown criteria, once', { solCriteria: { x: {}, y: {} } }, ['solCriteria']],
    ['unknown exclusion', { solExclusions: ['dementia', 'x'] }, ['solExclusions']],
  ])('draftProblems: %s', (_n, i, paths) => {
    expect(draftProblems(i, '2026-03-16', cfg).map((p) => p.path)).toEqual(paths);
  });

  it('completionProblems: sources, SoL criteria and reasons, in that order', () => {
    const all = Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'no' as const }]));
    const none = { otherSources: {}, solCriteria: {}, warningReasons: {} };
    expect(completionProblems(none, 'LSS', [], cfg.solCriteria).map((p) => p.path)).toEqual(OTHER_SOURCES.map((s) => `otherSources.${s}`));
    expect(completionProblems({ ...none, otherSources: all }, 'LSS', [], cfg.solCriteria)).toEqual([]);
    expect(completionProblems({ ...none, otherSources: all }, 'SOL', [], cfg.solCriteria).map((p) => p.path)).toEqual(DEFAULT_SOL_CRITERIA.map((c) => `solCriteria.${c.code}`));
    const criteria = Object.fromEntries(DEFAULT_SOL_CRITERIA.map((c) => [c.code, { answer: 'yes' as const }]));
    const warnings = [{ code: 'sol_under_age' as const, message: 'x' }];
    expect(completionProblems({ otherSources: all, solCriteria: criteria, warningReasons: {} }, 'SOL', warnings, cfg.solCriteria)).toEqual([
      { path: 'warningReasons.sol_under_age', message: 'Skriv varför du går vidare trots varningen.' },
    ]);
    expect(completionProblems({ otherSources: all, solCriteria: criteria, warningReasons: { sol_under_age: 'Skäl.' } }, 'SOL', warnings, cfg.solCriteria)).toEqual([]);
    expect(completionProblems(none, 'LSS', [], cfg.solCriteria)[0].message).toBe('Svara på om behovet tillgodoses av anhöriga.');
  });

  it.each<[Parameters<typeof eligibilityAge>[0], number | null]>([
    [{ kind: 'exact', years: 44 }, 44],
    [{ kind: 'range', min: 18, max: 19 }, 18],
    [{ kind: 'unknown' }, null],
  ])('eligibilityAge(%o) = %s (the youngest possible age)', (a, age) => {
    expect(eligibilityAge(a)).toBe(age);
  });
});
