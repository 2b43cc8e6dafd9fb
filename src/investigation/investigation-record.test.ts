import { describe, expect, it } from 'vitest';
import { investigationRecordPdf, investigationRecordSections, type InvestigationRecordInput } from './investigation-record';
import { DEFAULT_SOL_CRITERIA, DEFAULT_SOL_EXCLUSIONS } from './rules';

const input: InvestigationRecordInput = {
  municipalityName: 'Demo kommun',
  unitName: 'LSS-enheten',
  caseNumber: 'KP-2026-0007',
  route: 'LSS',
  person: { name: 'Sara Lind', identityNumber: '19900412-1234' },
  caseOfficer: 'Hanna Berg',
  printedDate: '2026-03-16',
  startedDate: '2026-03-10',
  completedDate: null,
  needInOwnWords: 'Vill gå på bio.',
  assessment: null,
  otherSources: { relatives: { answer: 'yes', note: 'Syster' } },
  livingSituation: 'group_home',
  livingSituationNote: null,
  householdMembers: [{ name: 'Bo Lind', relation: 'Bror' }],
  personkretsGroup: null,
  personkretsDocumentation: null,
  personkretsDocumentationDate: null,
  solCriteria: { items: DEFAULT_SOL_CRITERIA, answers: {} },
  solExclusions: { items: DEFAULT_SOL_EXCLUSIONS, chosen: [] },
  wishes: { gender: 'woman', genderRequired: true, ageMin: 25, ageMax: null, interests: ['bio'], languages: [], other: null },
  warnings: [
    { code: 'lss_residence', message: 'Personen bor i gruppbostad. Individuell prövning krävs.' },
    { code: 'need_met_otherwise', message: 'Behovet kan vara tillgodosett på annat sätt: anhöriga.' },
  ],
  warningReasons: { lss_residence: 'Ingen fritid utanför boendet.' },
  bookings: [{ kind: 'office', date: '2026-03-12', time: '10:00', state: 'rebooked', changeReason: 'Sjuk' }],
};

const rows = (i: InvestigationRecordInput) => Object.fromEntries(investigationRecordSections(i).map((s) => [s.heading, s.rows]));

describe('investigation record', () => {
  it('prints every warning with its reason, or says the reason is missing', () => {
    expect(rows(input)['Varningar inför beslut']).toEqual([
      ['Varning', 'Personen bor i gruppbostad. Individuell prövning krävs.'],
      ['Motivering', 'Ingen fritid utanför boendet.'],
      ['Varning', 'Behovet kan vara tillgodosett på annat sätt: anhöriga.'],
      ['Motivering', 'Motivering saknas'],
    ]);
    expect(rows({ ...input, warnings: [] })['Varningar inför beslut']).toEqual([['Varningar', 'Inga']]);
  });

  it('answers every source, unanswered ones too', () => {
    const s = rows(input)['Tillgodoses behovet på annat sätt?'];
    expect(s).toHaveLength(6);
    expect(s[0]).toEqual(['Anhöriga', 'Ja. Syster']);
    expect(s[1]).toEqual(['Föreningar', 'Inte besvarat']);
  });

  it('shows LSS personkrets or the SoL criteria, by route', () => {
    expect(rows(input)['Personkrets (1 § LSS)']).toBeDefined();
    const sol = rows({ ...input, route: 'SOL', solCriteria: { items: DEFAULT_SOL_CRITERIA, answers: { isolated: { answer: 'yes' } } }, solExclusions: { items: DEFAULT_SOL_EXCLUSIONS, chosen: ['dementia'] } });
    expect(sol['Personkrets (1 § LSS)']).toBeUndefined();
    expect(sol['Kommunens kriterier']).toContainEqual(['Behöver sällskap eller känner sig isolerad', 'Ja']);
    expect(sol['Kommunens kriterier']).toContainEqual(['Hinder som gäller', 'Demenssjukdom']);
  });

  it('keeps the booking history and prints no address', () => {
    expect(rows(input).Utredningsmöten).toEqual([['2026-03-12 10:00', 'Besök på kontoret, ombokad. Sjuk']]);
    expect(JSON.stringify(investigationRecordPdf(input))).not.toMatch(/gatan/i);
  });
});
