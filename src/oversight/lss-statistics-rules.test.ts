import { describe, expect, it } from 'vitest';
import { LSS_STATISTICS_LAYOUT, lssStatisticsDates, lssStatisticsFile, mergePersons, municipalityCodeProblem } from './lss-statistics-rules';

describe('Socialstyrelsen LSS register file', () => {
  it('one row per person: personnummer, personkrets, 9 § 1–10 with only 9 § 4 set, boendekommun; header; CRLF', () => {
    const file = lssStatisticsFile(
      [
        { identityNumber: '201003142385', personkrets: null, insatser: ['9_4'] },
        { identityNumber: '198503141234', personkrets: 1, insatser: ['9_4'] },
      ],
      '0180',
    );
    expect(file.split('\r\n')).toEqual([
      'Personnummer;Personkrets;Radgivning_9_1;Personlig_assistans_9_2;Ledsagarservice_9_3;Kontaktperson_9_4;Avlosarservice_9_5;Korttidsvistelse_9_6;Korttidstillsyn_9_7;Boende_barn_9_8;Boende_vuxna_9_9;Daglig_verksamhet_9_10;Boendekommun',
      '198503141234;1;0;0;0;1;0;0;0;0;0;0;0180',
      '201003142385;;0;0;0;1;0;0;0;0;0;0;0180',
      '',
    ]);
  });

  it('follows the configured layout (separator, codes, no header)', () => {
    const layout = { ...LSS_STATISTICS_LAYOUT, separator: '\t', header: false, yes: 'J', no: 'N', lineEnd: '\n', columns: LSS_STATISTICS_LAYOUT.columns.filter((c) => c.value !== 'insats' || c.insats === '9_4') };
    expect(lssStatisticsFile([{ identityNumber: '198503141234', personkrets: 2, insatser: ['9_4'] }], '2480', layout)).toBe('198503141234\t2\tJ\t2480\n');
  });

  it('merges a person with two cases into one row', () => {
    expect(
      mergePersons([
        { identityNumber: '1', personkrets: null, insatser: ['9_4'] },
        { identityNumber: '1', personkrets: 3, insatser: ['9_4'] },
        { identityNumber: '2', personkrets: 2, insatser: ['9_4'] },
      ]),
    ).toEqual([
      { identityNumber: '1', personkrets: 3, insatser: ['9_4'] },
      { identityNumber: '2', personkrets: 2, insatser: ['9_4'] },
    ]);
  });

  it('dates and kommunkod', () => {
    expect(lssStatisticsDates(2026)).toEqual({ referenceDate: '2026-10-01', dueDate: '2026-10-25' });
    expect(municipalityCodeProblem('0180')).toBeNull();
    expect(municipalityCodeProblem('180')).toBe('Kommunkoden ska vara fyra siffror, till exempel 0180.');
  });
});
