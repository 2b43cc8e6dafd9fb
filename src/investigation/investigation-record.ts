// The investigation as a record (utredning, PDF): what was found, the eligibility warnings and the handläggare's
// reason to go on for each. Pure: builds the text and the PDF definition; rendering is platform/documents/pdf.ts.
// No address is printed (the record is read inside the case; skyddad identitet needs nothing special here).
import type { PdfDocument } from '../platform/documents/pdf';
import { routeLabel, type Route } from '../platform/rules';
import {
  bookingKindLabel,
  bookingStateLabel,
  livingSituationLabel,
  OTHER_SOURCES,
  otherSourceLabel,
  sourceAnswerLabel,
  wishedGenderLabel,
  type BookingKind,
  type BookingState,
  type ConfiguredItem,
  type CriterionAnswers,
  type EligibilityWarning,
  type HouseholdMember,
  type LivingSituation,
  type OtherSourceAnswers,
  type WarningReasons,
  type WishedGender,
} from './rules';

export interface InvestigationRecordInput {
  municipalityName: string;
  unitName: string;
  caseNumber: string;
  route: Route;
  person: { name: string; identityNumber: string };
  caseOfficer: string;
  printedDate: string;
  startedDate: string | null;
  completedDate: string | null;
  needInOwnWords: string | null;
  assessment: string | null;
  otherSources: OtherSourceAnswers;
  livingSituation: LivingSituation | null;
  livingSituationNote: string | null;
  residenceName?: string | null;
  householdMembers: HouseholdMember[];
  personkretsGroup: number | null;
  personkretsDocumentation: string | null;
  personkretsDocumentationDate: string | null;
  solCriteria: { items: readonly ConfiguredItem[]; answers: CriterionAnswers };
  solExclusions: { items: readonly ConfiguredItem[]; chosen: readonly string[] };
  wishes: { gender: WishedGender | null; genderRequired: boolean; ageMin: number | null; ageMax: number | null; interests: string[]; languages: string[]; other: string | null };
  warnings: EligibilityWarning[];
  warningReasons: WarningReasons;
  bookings: { kind: BookingKind; date: string; time: string; state: BookingState; changeReason: string | null }[];
}

export interface RecordSection {
  heading: string;
  rows: Array<[string, string]>;
}

const orMissing = (s: string | null | undefined) => (s?.trim() ? s : 'Uppgift saknas');

/** The record's sections, label and value per row (the PDF and the tests read the same). */
export function investigationRecordSections(i: InvestigationRecordInput): RecordSection[] {
  const sections: RecordSection[] = [
    {
      heading: 'Ärendet',
      rows: [
        ['Ärende', i.caseNumber],
        ['Person', `${i.person.name}, ${i.person.identityNumber}`],
        ['Lag', routeLabel[i.route]],
        ['Handläggare', i.caseOfficer],
        ['Utredningen påbörjad', orMissing(i.startedDate)],
        ['Utredningen klar', i.completedDate ?? 'Inte klar (utkast)'],
      ],
    },
    {
      heading: 'Behovet',
      rows: [
        ['Med personens egna ord', orMissing(i.needInOwnWords)],
        ['Handläggarens bedömning', orMissing(i.assessment)],
      ],
    },
    {
      heading: 'Tillgodoses behovet på annat sätt?',
      rows: OTHER_SOURCES.map((s) => {
        const a = i.otherSources[s];
        return [otherSourceLabel[s], a ? `${sourceAnswerLabel[a.answer]}${a.note ? `. ${a.note}` : ''}` : 'Inte besvarat'];
      }),
    },
    {
      heading: 'Boende och hushåll',
      rows: [
        ['Boende', i.livingSituation ? `${livingSituationLabel[i.livingSituation]}${i.residenceName ? ` (${i.residenceName})` : ''}${i.livingSituationNote ? `. ${i.livingSituationNote}` : ''}` : 'Uppgift saknas'],
        [
          'I hushållet',
          i.householdMembers.length ? i.householdMembers.map((m) => [m.name, m.relation, m.identityNumber].filter(Boolean).join(', ')).join('; ') : 'Ingen annan',
        ],
      ],
    },
  ];
  if (i.route === 'LSS') {
    sections.push({
      heading: 'Personkrets (1 § LSS)',
      rows: [
        ['Grupp', i.personkretsGroup ? `Grupp ${i.personkretsGroup}` : 'Inte bedömd'],
        ['Underlag', orMissing(i.personkretsDocumentation)],
        ['Underlaget kom in', orMissing(i.personkretsDocumentationDate)],
      ],
    });
  } else {
    sections.push({
      heading: 'Kommunens kriterier',
      rows: [
        ...i.solCriteria.items.map((c): [string, string] => {
          const a = i.solCriteria.answers[c.code];
          return [c.label, a ? `${a.answer === 'yes' ? 'Ja' : 'Nej'}${a.note ? `. ${a.note}` : ''}` : 'Inte besvarat'];
        }),
        ['Hinder som gäller', i.solExclusions.items.filter((e) => i.solExclusions.chosen.includes(e.code)).map((e) => e.label).join(', ') || 'Inga'],
      ],
    });
  }
  const w = i.wishes;
  sections.push({
    heading: 'Önskemål om kontaktperson',
    rows: [
      ['Kön', w.gender ? `${wishedGenderLabel[w.gender]}${w.genderRequired ? ' (krav)' : ''}` : 'Inget önskemål'],
      ['Ålder', w.ageMin !== null || w.ageMax !== null ? `${w.ageMin ?? '–'} till ${w.ageMax ?? '–'} år` : 'Inget önskemål'],
      ['Intressen', w.interests.join(', ') || 'Inga angivna'],
      ['Språk', w.languages.join(', ') || 'Inga angivna'],
      ['Annat', orMissing(w.other)],
    ],
  });
  sections.push({
    heading: 'Varningar inför beslut',
    rows: i.warnings.length
      ? i.warnings.flatMap((x): Array<[string, string]> => [
          ['Varning', x.message],
          ['Motivering', i.warningReasons[x.code]?.trim() || 'Motivering saknas'],
        ])
      : [['Varningar', 'Inga']],
  });
  sections.push({
    heading: 'Utredningsmöten',
    rows: i.bookings.length
      ? i.bookings.map((b): [string, string] => [`${b.date} ${b.time}`, `${bookingKindLabel[b.kind]}, ${bookingStateLabel[b.state].toLowerCase()}${b.changeReason ? `. ${b.changeReason}` : ''}`])
      : [['Möten', 'Inga bokade']],
  });
  return sections;
}

export function investigationRecordPdf(i: InvestigationRecordInput): PdfDocument {
  const title = `Utredning om kontaktperson – ${i.caseNumber}`;
  return {
    info: { title, author: i.municipalityName, subject: 'Utredning om kontaktperson' },
    pageMargins: [60, 60, 60, 70],
    content: [
      {
        columns: [
          { stack: [{ text: i.municipalityName, style: 'sender' }, { text: i.unitName, style: 'small' }] },
          { stack: [{ text: `Utskrivet: ${i.printedDate}`, style: 'small' }, { text: `Ärende: ${i.caseNumber}`, style: 'small' }], alignment: 'right' },
        ],
      },
      { text: 'Utredning om kontaktperson', style: 'title', margin: [0, 24, 0, 12] },
      ...investigationRecordSections(i).flatMap((s) => [
        { text: s.heading, style: 'heading' },
        { table: { widths: [150, '*'], body: s.rows.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
      ]),
    ],
    footer: { text: `${i.municipalityName} · ${i.caseNumber} · Sekretess enligt 26 kap. offentlighets- och sekretesslagen`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: {
      sender: { fontSize: 13, bold: true },
      small: { fontSize: 9, color: '#333333' },
      title: { fontSize: 18, bold: true },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}
