// The printable genomförandeplan. The person reads it, so its own words are plain (LIX ≤ 40, plan-document.test.ts);
// what was written together with the person is printed as it was written.
import type { LetterSection } from '../platform/documents/letter';
import { sectionBlocks } from '../platform/documents/letter';
import type { PdfDocument } from '../platform/documents/pdf';
import type { PlanOut } from './plan-pay/schema';

export interface PlanDocumentInput {
  municipality: string;
  caseNumber: string;
  person: string;
  /** The decision's scope in words ("1 träff i veckan"), when it has one. */
  scope: string | null;
  plan: PlanOut;
}

/** The plan's own words around what was written: the parts of the PDF in order. */
export function planText(i: PlanDocumentInput): { intro: string[]; sections: LetterSection[] } {
  const p = i.plan;
  const none = 'Inget skrivet.';
  return {
    intro: [
      `Det här är din plan för hur du får stöd av din kontaktperson. Vi skrev den tillsammans ${p.writtenDate}.`,
      ...(i.scope ? [`I beslutet står att du får ${i.scope}.`] : []),
      'Du kan be om att få ändra planen när du vill. Då skriver vi en ny version.',
    ],
    sections: [
      {
        heading: 'Det här vill du nå',
        paragraphs: p.goals.map((g, n) => `${n + 1}. ${g.goal}${g.fromDecision ? ` (Från beslutet: ${g.fromDecision})` : ''}`),
      },
      { heading: 'Det här gör ni', paragraphs: [p.activities ?? none] },
      { heading: 'Så ofta och när ni ses', paragraphs: [p.schedule ?? none] },
      { heading: 'Så vill du ha det', paragraphs: [p.personWishes ?? none] },
      {
        heading: 'Så följer vi upp planen',
        paragraphs: [p.followUpHow ?? none, ...(p.followUpDate ? [`Vi ses för att följa upp planen senast ${p.followUpDate}.`] : [])],
      },
    ],
  };
}

export function planPdf(i: PlanDocumentInput): PdfDocument {
  const t = planText(i);
  return {
    info: { title: `Genomförandeplan – ${i.caseNumber}`, author: i.municipality, subject: 'Genomförandeplan för kontaktperson' },
    pageMargins: [60, 60, 60, 70],
    content: [
      {
        columns: [
          { text: i.municipality, style: 'sender' },
          { stack: [{ text: `Version ${i.plan.planVersion}`, style: 'small' }, { text: `Ärende: ${i.caseNumber}`, style: 'small' }], alignment: 'right' },
        ],
      },
      { text: 'Genomförandeplan', style: 'title', margin: [0, 30, 0, 4] },
      { text: i.person, margin: [0, 0, 0, 12] },
      ...t.intro.map((x) => ({ text: x, margin: [0, 0, 0, 8] })),
      ...sectionBlocks(t.sections),
    ],
    footer: { text: `${i.municipality} · ${i.caseNumber} · version ${i.plan.planVersion}`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: {
      sender: { fontSize: 13, bold: true },
      small: { fontSize: 9, color: '#333333' },
      title: { fontSize: 18, bold: true },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}
