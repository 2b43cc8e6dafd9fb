// The summons to the investigation meeting (kallelse). Pure: builds the text and the PDF definition from the
// booking; rendering happens in platform/documents/pdf.ts. Written for the person: short sentences, everyday
// words (LIX ≤ 40, tested per variant in summons-letter.test.ts).
import { letterPdf, sectionBlocks, type LetterSection } from '../platform/documents/letter';
import type { PdfDocument } from '../platform/documents/pdf';
import type { BookingKind } from './rules';

export interface SummonsLetterInput {
  municipality: { name: string; postalAddress: string | null; phone: string | null; email: string | null };
  unitName: string;
  caseNumber: string;
  letterDate: string;
  booking: {
    kind: BookingKind;
    date: string;
    time: string;
    durationMinutes: number;
    place: string | null;
    interpreterLanguage: string | null;
    representative: string | null;
    /** This booking replaces an earlier one (the letter says the time is new). */
    rebooked: boolean;
  };
  /** The address is null when it may not be printed (skyddad identitet, as the acknowledgement letter). */
  person: { firstName: string; lastName: string; address: { street: string | null; postalCode: string | null; city: string | null } | null };
  caseOfficer: string;
}


const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

/** 2026-03-18 → "onsdag 2026-03-18". */
export function withWeekday(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${date}`;
}

function duration(min: number): string {
  if (min % 60 === 0) return min === 60 ? 'en timme' : `${min / 60} timmar`;
  return `${min} minuter`;
}

export function summonsLetterText(i: SummonsLetterInput): { title: string; sections: LetterSection[] } {
  const b = i.booking;
  const officer = i.caseOfficer.trim();
  const officerFirst = officer ? officer.split(/\s+/)[0] : 'Din handläggare';
  const when = `${withWeekday(b.date)} klockan ${b.time}`;
  const where =
    b.kind === 'office'
      ? `Mötet är ${when}. Vi ses på ${b.place ?? 'vårt kontor'}.`
      : b.kind === 'home'
        ? `Mötet är ${when}. ${officerFirst} kommer hem till dig.${b.place ? ` Plats: ${b.place}.` : ''}`
        : `Mötet är ${when}. Det sker per telefon. ${officerFirst} ringer upp dig.${b.place ? ` Vi ringer ${b.place}.` : ''}`;
  const sections: LetterSection[] = [
    {
      paragraphs: [
        `Hej ${i.person.firstName}!`,
        b.rebooked
          ? `Du har sökt kontaktperson. Vi har bytt tid för vårt möte. Här är den nya tiden. Ditt ärende har nummer ${i.caseNumber}.`
          : `Du har sökt kontaktperson. Nu vill vi träffa dig för att prata om det. Ditt ärende har nummer ${i.caseNumber}.`,
      ],
    },
    {
      heading: 'När och var?',
      paragraphs: [`${where} Mötet tar ungefär ${duration(b.durationMinutes)}.`],
    },
    {
      heading: 'Vad gör vi på mötet?',
      paragraphs: [
        'Vi pratar om hur du har det och vad du vill ha hjälp med. Vi frågar om du har stöd från andra, till exempel familj eller vänner. Du får också säga vad du önskar av en kontaktperson.',
        'Sedan fattar vi ett beslut. Du får beslutet på papper.',
      ],
    },
  ];
  const bring: string[] = [];
  if (b.interpreterLanguage) bring.push(`Vi har bokat en tolk på ${b.interpreterLanguage.toLowerCase()}. Tolken har tystnadsplikt.`);
  bring.push(
    b.representative
      ? `${b.representative} är också med. Du får gärna ta med någon mer som du litar på.`
      : 'Du får gärna ta med någon som du litar på, till exempel en anhörig eller god man.',
  );
  sections.push({ heading: 'Vem är med?', paragraphs: [bring.join(' ')] });
  const contact = [i.municipality.phone ? `telefon ${i.municipality.phone}` : null, i.municipality.email ? `e-post ${i.municipality.email}` : null].filter(Boolean);
  sections.push({
    heading: 'Passar inte tiden?',
    paragraphs: [`Hör av dig till ${officer ? officerFirst : 'oss'} så snart du kan${contact.length ? `: ${contact.join(' eller ')}` : ''}. Då bokar vi en ny tid.`],
  });
  return { title: b.rebooked ? 'Ny tid för möte om kontaktperson' : 'Välkommen till möte om kontaktperson', sections };
}

export function summonsLetterPdf(i: SummonsLetterInput): PdfDocument {
  const { title, sections } = summonsLetterText(i);
  return letterPdf({ ...i, date: i.letterDate, title, subject: 'Kallelse till utredning om kontaktperson' }, sectionBlocks(sections));
}
