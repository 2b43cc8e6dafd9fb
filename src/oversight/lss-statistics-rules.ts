// Socialstyrelsen's LSS register (issue 13 item 8; domain.md §6): the state on 1 October, one row per person with a
// current favourable LSS decision — personnummer, personkrets, one column per 9 § insats, boendekommun. The file's
// layout is configuration (LSS_STATISTICS_LAYOUT below; its source and what is not known are in
// docs/lss-statistics.md). Pure: the database layer hands over the persons.

/** The 9 § insatser, in the law's order (LSS 9 § 1–10). Kontakt knows only 9 § 4 (kontaktperson). */
export const LSS_INSATSER = ['9_1', '9_2', '9_3', '9_4', '9_5', '9_6', '9_7', '9_8', '9_9', '9_10'] as const;
export type LssInsats = (typeof LSS_INSATSER)[number];

/** One person in the register on the reference day. */
export interface LssStatisticsPerson {
  /** 12 digits, no separator. */
  identityNumber: string;
  /** Personkrets 1–3 as documented in the investigation (null: not documented). */
  personkrets: number | null;
  /** The insatser Kontakt has a current favourable decision for (always 9_4 today). */
  insatser: readonly LssInsats[];
}

export type LssColumn =
  | { header: string; value: 'identityNumber' }
  | { header: string; value: 'personkrets' }
  | { header: string; value: 'insats'; insats: LssInsats }
  | { header: string; value: 'municipalityCode' }
  | { header: string; value: 'empty' };

export interface LssStatisticsLayout {
  /** Where the layout comes from (shown on the page and in docs/lss-statistics.md). */
  source: string;
  separator: string;
  lineEnd: string;
  header: boolean;
  /** How an insats column is written when the person has it, and when not. */
  yes: string;
  no: string;
  columns: readonly LssColumn[];
}

/** The layout as configured (docs/lss-statistics.md says where each column comes from and what is unverified). */
export const LSS_STATISTICS_LAYOUT: LssStatisticsLayout = {
  source:
    'Socialstyrelsens föreskrifter om uppgiftsskyldighet för LSS-insatser (SOSFS 2005:21, ändrad genom HSLF-FS 2016:48) med bilaga; variablerna enligt bilagan, ordning och kodning enligt kommunens senaste filbeskrivning från Socialstyrelsen.',
  separator: ';',
  lineEnd: '\r\n',
  header: true,
  yes: '1',
  no: '0',
  columns: [
    { header: 'Personnummer', value: 'identityNumber' },
    { header: 'Personkrets', value: 'personkrets' },
    { header: 'Radgivning_9_1', value: 'insats', insats: '9_1' },
    { header: 'Personlig_assistans_9_2', value: 'insats', insats: '9_2' },
    { header: 'Ledsagarservice_9_3', value: 'insats', insats: '9_3' },
    { header: 'Kontaktperson_9_4', value: 'insats', insats: '9_4' },
    { header: 'Avlosarservice_9_5', value: 'insats', insats: '9_5' },
    { header: 'Korttidsvistelse_9_6', value: 'insats', insats: '9_6' },
    { header: 'Korttidstillsyn_9_7', value: 'insats', insats: '9_7' },
    { header: 'Boende_barn_9_8', value: 'insats', insats: '9_8' },
    { header: 'Boende_vuxna_9_9', value: 'insats', insats: '9_9' },
    { header: 'Daglig_verksamhet_9_10', value: 'insats', insats: '9_10' },
    { header: 'Boendekommun', value: 'municipalityCode' },
  ],
};

/** The reference day (1 October) and due day (25 October) of a year's file. */
export function lssStatisticsDates(year: number): { referenceDate: string; dueDate: string } {
  return { referenceDate: `${year}-10-01`, dueDate: `${year}-10-25` };
}

/** A kommunkod is four digits (SCB's municipality codes, e.g. 0180). */
export function municipalityCodeProblem(code: string): string | null {
  return /^\d{4}$/.test(code) ? null : 'Kommunkoden ska vara fyra siffror, till exempel 0180.';
}

/** The file: one row per person (sorted by personnummer, so the same record gives the same bytes). */
export function lssStatisticsFile(persons: readonly LssStatisticsPerson[], municipalityCode: string, layout: LssStatisticsLayout = LSS_STATISTICS_LAYOUT): string {
  const cell = (p: LssStatisticsPerson, c: LssColumn): string => {
    switch (c.value) {
      case 'identityNumber':
        return p.identityNumber;
      case 'personkrets':
        return p.personkrets === null ? '' : String(p.personkrets);
      case 'insats':
        return p.insatser.includes(c.insats) ? layout.yes : layout.no;
      case 'municipalityCode':
        return municipalityCode;
      default:
        return '';
    }
  };
  const rows = [...persons].sort((a, b) => (a.identityNumber < b.identityNumber ? -1 : a.identityNumber > b.identityNumber ? 1 : 0)).map((p) => layout.columns.map((c) => cell(p, c)).join(layout.separator));
  const lines = layout.header ? [layout.columns.map((c) => c.header).join(layout.separator), ...rows] : rows;
  return lines.map((l) => `${l}${layout.lineEnd}`).join('');
}

/** One row per person: a person with several cases (two decisions) is one row with every insats and the lowest documented personkrets. */
export function mergePersons(rows: readonly LssStatisticsPerson[]): LssStatisticsPerson[] {
  const by = new Map<string, LssStatisticsPerson>();
  for (const r of rows) {
    const had = by.get(r.identityNumber);
    if (!had) by.set(r.identityNumber, { ...r, insatser: [...new Set(r.insatser)] });
    else
      by.set(r.identityNumber, {
        identityNumber: r.identityNumber,
        personkrets: had.personkrets === null ? r.personkrets : r.personkrets === null ? had.personkrets : Math.min(had.personkrets, r.personkrets),
        insatser: LSS_INSATSER.filter((i) => had.insatser.includes(i) || r.insatser.includes(i)),
      });
  }
  return [...by.values()];
}
