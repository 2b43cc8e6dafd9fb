// The decision letter (beslutsbrev). Pure: builds the text and the PDF definition from the stored decision and its
// legal basis; rendering happens in platform/documents/pdf.ts. Written for the person: short sentences, everyday
// words (LIX ≤ 40 on its own text, tested per variant: outcome × appeal route × home-care tariff). The law's own
// wording (the basis's print text) and the handläggare's reasons are quoted as they are.
import { letterPdf, oneLine, sectionBlocks, type LetterSection } from '../platform/documents/letter';
import type { PdfDocument } from '../platform/documents/pdf';
import type { DecisionOutcome } from './rules';

export interface DecisionLetterInput {
  municipality: { name: string; postalAddress: string | null; phone: string | null; email: string | null };
  unitName: string;
  caseNumber: string;
  applicationDate: string;
  decisionDate: string;
  person: { firstName: string; lastName: string; address: { street: string | null; postalCode: string | null; city: string | null } | null };
  caseOfficer: string;
  outcome: DecisionOutcome;
  /** What the person asked for, in the handläggare's words (null: a kontaktperson). */
  requested: string | null;
  reasons: string;
  /** For bifall and delvis bifall: "2 träffar i veckan", "ungefär 16–20 timmar i månaden", the count and the period. */
  scope: { text: string; hours: string; contactPersonCount: number; startDate: string; endDate: string | null } | null;
  homeCareTariff: boolean;
  basis: { printText: string; appealRoute: 'forvaltningsbesvar' | 'laglighetsprovning' };
}

const REASONS_HEADING = 'Varför vi har beslutat så';

/** The appeal instructions of the basis's route: förvaltningsbesvär (FL 44 §) or laglighetsprövning (KL 13 kap.). */
export function appealSection(i: Pick<DecisionLetterInput, 'municipality' | 'caseNumber' | 'basis'>): LetterSection {
  const address = i.municipality.postalAddress ? oneLine(i.municipality.postalAddress) : null;
  if (i.basis.appealRoute === 'forvaltningsbesvar') {
    return {
      heading: 'Om du inte håller med',
      paragraphs: [
        'Du kan överklaga beslutet. Det kallas förvaltningsbesvär. Då får en domstol se på beslutet igen.',
        `Skriv ett brev till nämnden i ${i.municipality.name}${address ? `. Adressen är ${address}` : ''}. Skriv vilket beslut du menar och hur du vill att det ska ändras. Skriv ärendenumret ${i.caseNumber}. Du behöver inte skriva något mer.`,
        'Brevet ska ha kommit till oss inom tre veckor från den dag du fick del av beslutet. Kommer det för sent kan vi inte ta upp det.',
        'Vi ser först om vi kan ändra beslutet själva. Om vi inte gör det skickar vi ditt brev vidare till förvaltningsrätten. Det kostar inget. Vill du ha hjälp att skriva? Hör av dig till oss.',
      ],
    };
  }
  return {
    heading: 'Om du inte håller med',
    paragraphs: [
      'Det här beslutet kan du inte överklaga på vanligt sätt. Men du kan be en domstol pröva om beslutet följer lagen. Det kallas laglighetsprövning. Det står i kommunallagen, 13 kap.',
      `Skriv ett brev till förvaltningsrätten. Skriv vilket beslut du menar och varför du tycker att det är fel. Skriv ärendenumret ${i.caseNumber}.`,
      'Brevet ska ha kommit till rätten inom tre veckor från den dag då det sattes upp ett meddelande om protokollet på kommunens anslagstavla. Där står beslutet.',
      'Rätten ser bara på om beslutet har kommit till på rätt sätt. Den kan inte ge dig ett nytt beslut. Vill du veta mer? Hör av dig till oss.',
    ],
  };
}

/** The letter's own words, section by section (used for the PDF and the LIX test). */
export function decisionLetterText(i: DecisionLetterInput): { title: string; sections: LetterSection[]; lawText: string } {
  const asked = i.requested?.trim() ? i.requested.trim().replace(/\.$/, '') : 'stöd av en kontaktperson';
  const sections: LetterSection[] = [
    { paragraphs: [`Hej ${i.person.firstName}!`, `Du har sökt ${asked}. Din ansökan kom till oss ${i.applicationDate}. Här får du vårt beslut.`] },
  ];
  const who = i.scope && i.scope.contactPersonCount > 1 ? `${i.scope.contactPersonCount} kontaktpersoner` : 'en kontaktperson';
  const decided =
    i.outcome === 'granted'
      ? [`Du får ${who}. Vi säger ja till det du har sökt.`]
      : i.outcome === 'partly_granted'
        ? [`Du får ${who}, men inte allt det du har sökt. Vi säger ja till en del och nej till en del.`]
        : ['Vi säger nej till det du har sökt. Du får inte en kontaktperson.'];
  sections.push({ heading: 'Vårt beslut', paragraphs: decided });
  if (i.scope) {
    const period = i.scope.endDate ? `Beslutet gäller från ${i.scope.startDate} till ${i.scope.endDate}.` : `Beslutet gäller från ${i.scope.startDate}. Det har inget slutdatum.`;
    sections.push({
      heading: 'Hur mycket och hur länge',
      paragraphs: [
        `Du får träffa ${i.scope.contactPersonCount > 1 ? 'dina kontaktpersoner' : 'din kontaktperson'} ${i.scope.text}. Det är ungefär ${i.scope.hours}.`,
        period,
        'Nu letar vi efter en kontaktperson som passar dig. Vi hör av oss när vi har hittat någon.',
      ],
    });
  }
  sections.push({ heading: REASONS_HEADING, paragraphs: [i.reasons] });
  if (i.scope) {
    sections.push({
      heading: 'Vad kostar det?',
      paragraphs: [
        'Det kostar inget att ha en kontaktperson.',
        ...(i.homeCareTariff ? ['Du har också annan hjälp från oss. För den hjälpen betalar du som förut, efter taxan för hemtjänst.'] : []),
      ],
    });
  }
  if (i.outcome !== 'granted') sections.push(appealSection(i));
  const contact = [i.municipality.phone ? `telefon ${i.municipality.phone}` : null, i.municipality.email ? `e-post ${i.municipality.email}` : null].filter(Boolean);
  const officer = i.caseOfficer.trim();
  sections.push({
    heading: 'Har du frågor?',
    paragraphs: [
      `Hör av dig till ${officer ? officer.split(/\s+/)[0] : 'din handläggare'}${contact.length ? `: ${contact.join(' eller ')}` : ''}. Du kan också be någon du litar på att höra av sig åt dig.`,
    ],
  });
  const title =
    i.outcome === 'granted' ? 'Beslut: du får en kontaktperson' : i.outcome === 'partly_granted' ? 'Beslut: du får en del av det du sökt' : 'Beslut: du får inte en kontaktperson';
  return { title, sections, lawText: i.basis.printText };
}

export function decisionLetterPdf(i: DecisionLetterInput): PdfDocument {
  const { title, sections, lawText } = decisionLetterText(i);
  // The law's text goes after the reasons, under its own heading.
  const reasonsAt = sections.findIndex((s) => s.heading === REASONS_HEADING) + 1;
  return letterPdf({ ...i, date: i.decisionDate, title, subject: 'Beslut om kontaktperson' }, [
    ...sectionBlocks(sections.slice(0, reasonsAt)),
    { text: 'Lagen vi har använt', style: 'heading' },
    { text: lawText, margin: [0, 0, 0, 8] },
    ...sectionBlocks(sections.slice(reasonsAt)),
  ]);
}
