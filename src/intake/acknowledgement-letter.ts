// The letter that confirms a request (bekräftelsebrev). Pure: builds the text and the PDF
// definition from the record; rendering happens in platform/documents/pdf.ts.
// Written for the person: short sentences, everyday words (LIX ≤ 40, tested).
import { letterPdf, oneLine, sectionBlocks, type LetterSection } from '../platform/documents/letter';
import type { PdfDocument } from '../platform/documents/pdf';
import type { Route } from '../platform/rules';

export interface AcknowledgementLetterInput {
  municipality: { name: string; postalAddress: string | null; phone: string | null; email: string | null; privacyInfo: string | null };
  /** The unit that handles the case (its name is written in the letter). */
  unitName: string;
  caseNumber: string;
  route: Route;
  receivedDate: string;
  letterDate: string;
  /** When the intyg is missing: the day it should arrive by (`documentationDeadline` in rules.ts); otherwise null. */
  documentationDueDate: string | null;
  person: { firstName: string; lastName: string; address: { street: string | null; postalCode: string | null; city: string | null } | null };
  caseOfficer: string;
}

/** Where to read about personal data when the municipality has not set its own text or address. */
export const DEFAULT_PRIVACY_INFO = 'kommunens webbplats';


/** The letter's own words, section by section (used for the PDF and the LIX test). */
export function acknowledgementLetterText(i: AcknowledgementLetterInput): { title: string; sections: LetterSection[] } {
  // The handläggare by name; the first name reads naturally after "Din handläggare heter …".
  const officer = i.caseOfficer.trim();
  const officerFirst = officer ? officer.split(/\s+/)[0] : 'Din handläggare';
  const sections: LetterSection[] = [
    {
      paragraphs: [
        `Hej ${i.person.firstName}!`,
        `Vi har fått din ansökan om kontaktperson. Den kom till oss ${i.receivedDate}. Ditt ärende har nummer ${i.caseNumber}. Skriv gärna numret när du hör av dig till oss.`,
      ],
    },
    {
      heading: 'Vad händer nu?',
      paragraphs: [
        `Ditt ärende finns hos ${i.unitName} i ${i.municipality.name}. ${officer ? `Din handläggare heter ${officer}. ` : ''}${officerFirst} ringer eller skriver till dig för att boka ett möte.`,
        'På mötet pratar vi om hur du har det och vad du vill ha hjälp med. Du får också säga vad du önskar av en kontaktperson. Sedan fattar vi ett beslut. Du får beslutet på papper.',
      ],
    },
  ];
  if (i.documentationDueDate) {
    sections.push({
      heading: 'Vi behöver ett intyg från dig',
      paragraphs: [
        'Du har sökt stöd enligt LSS. Då behöver vi ett intyg från en läkare eller något annat underlag som visar din funktionsnedsättning. Vi har inte fått något sådant underlag än.',
        `Skicka en kopia av intyget till oss senast ${i.documentationDueDate}. Du kan också be din läkare att skicka det. Skriv ärendenumret ${i.caseNumber} på det du skickar.`,
        `Om vi inte får något intyg fattar vi ändå ett beslut. Då kan du få avslag, för vi kan inte se om du har rätt till stöd enligt LSS. Behöver du mer tid? Säg till ${officer ? officerFirst : 'oss'} före ${i.documentationDueDate}.`,
      ],
    });
  }
  const contact = [i.municipality.phone ? `telefon ${i.municipality.phone}` : null, i.municipality.email ? `e-post ${i.municipality.email}` : null].filter(Boolean);
  const address = i.municipality.postalAddress ? oneLine(i.municipality.postalAddress) : null;
  sections.push({
    heading: 'Har du frågor?',
    paragraphs: [
      `Hör av dig till ${officer ? officerFirst : 'din handläggare'}${contact.length ? `: ${contact.join(' eller ')}` : ''}. ${address ? `Du kan också skriva till oss. Vår adress är ${address}. ` : ''}Du kan också be någon du litar på att ringa åt dig.`,
    ],
  });
  sections.push({
    heading: 'Dina uppgifter',
    paragraphs: [`Vi skyddar dina uppgifter och använder dem bara i arbetet med ditt ärende. Läs mer på ${i.municipality.privacyInfo?.trim() || DEFAULT_PRIVACY_INFO}.`],
  });
  return { title: 'Vi har fått din ansökan', sections };
}

export function acknowledgementLetterPdf(i: AcknowledgementLetterInput): PdfDocument {
  const { title, sections } = acknowledgementLetterText(i);
  return letterPdf({ ...i, date: i.letterDate, title, subject: 'Bekräftelse av ansökan om kontaktperson' }, sectionBlocks(sections));
}
