// The frame every letter to a person shares: sender and date/case number, the recipient's address block, the
// title, the sections, the case officer's signature and the footer. Each letter writes only its own words.
import type { PdfContent, PdfDocument } from './pdf';

/** A part of a letter: an optional heading and its paragraphs. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
}

export interface LetterFrame {
  municipality: { name: string; postalAddress: string | null };
  unitName: string;
  caseNumber: string;
  /** The date printed on the letter. */
  date: string;
  caseOfficer: string;
  /** The address is left out when the reader may not see it (skyddad identitet). */
  person: { firstName: string; lastName: string; address: { street: string | null; postalCode: string | null; city: string | null } | null };
  title: string;
  /** The PDF's subject (metadata). */
  subject: string;
}

/** A postal address typed on several lines, written on one line in running text. */
export function oneLine(address: string): string {
  return address
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/,$/, ''))
    .filter(Boolean)
    .join(', ');
}

/** A letter's sections as PDF blocks. */
export function sectionBlocks(sections: readonly LetterSection[]): PdfContent[] {
  return sections.flatMap((s) => [...(s.heading ? [{ text: s.heading, style: 'heading' }] : []), ...s.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 8] }))]);
}

/** The whole letter: the frame around `body` (the letter's own blocks, e.g. `sectionBlocks(sections)`). */
export function letterPdf(f: LetterFrame, body: PdfContent[]): PdfDocument {
  const a = f.person.address;
  const recipient = [`${f.person.firstName} ${f.person.lastName}`, ...(a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')] : [])].filter(
    (l): l is string => Boolean(l),
  );
  return {
    info: { title: `${f.title} – ${f.caseNumber}`, author: f.municipality.name, subject: f.subject },
    pageMargins: [60, 60, 60, 70],
    content: [
      {
        columns: [
          { stack: [{ text: f.municipality.name, style: 'sender' }, ...(f.municipality.postalAddress ? [{ text: f.municipality.postalAddress, style: 'small' }] : [])] },
          { stack: [{ text: `Datum: ${f.date}`, style: 'small' }, { text: `Ärende: ${f.caseNumber}`, style: 'small' }], alignment: 'right' },
        ],
      },
      { text: recipient.join('\n'), margin: [0, 30, 0, 30] },
      { text: f.title, style: 'title' },
      ...body,
      { text: 'Med vänliga hälsningar', margin: [0, 16, 0, 0] },
      { text: f.caseOfficer },
      { text: `Handläggare, ${f.unitName}, ${f.municipality.name}` },
    ],
    footer: { text: `${f.municipality.name} · ${f.caseNumber}`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: {
      sender: { fontSize: 13, bold: true },
      small: { fontSize: 9, color: '#333333' },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}
