// The uppdragsavtal (between the person and the contact person, with the municipality that pays) and the
// förordnande (the nämnd appoints the contact person). Plain words, short sentences: LIX ≤ 40 on their own text
// (agreement-document.test.ts). Amounts from the rate table of the period's start, shown with formatKronor.
import type { PdfContent, PdfDocument } from '../platform/documents/pdf';
import { oneLine, sectionBlocks, type LetterSection } from '../platform/documents/letter';
import { formatKronor } from '../payments/rules';

export interface AgreementInput {
  municipality: { name: string; postalAddress: string | null };
  unitName: string;
  caseNumber: string;
  /** The date printed on the document. */
  date: string;
  route: 'LSS' | 'SOL';
  person: { firstName: string; lastName: string };
  contactPerson: { firstName: string; lastName: string };
  meetingsPerMonth: number | null;
  frequencyText: string | null;
  activities: string | null;
  periodFrom: string;
  periodTo: string | null;
  /** The level's amounts per full month in force on the period's start (öre). */
  rate: { name: string; year: number; arvode: number; omkostnad: number } | null;
}

const LAW: Record<AgreementInput['route'], string> = { LSS: '9 § 4 LSS', SOL: 'socialtjänstlagen' };

function name(p: { firstName: string; lastName: string }) {
  return `${p.firstName} ${p.lastName}`;
}

function period(i: AgreementInput): string {
  return i.periodTo ? `Uppdraget gäller från ${i.periodFrom} till ${i.periodTo}.` : `Uppdraget gäller från ${i.periodFrom} och tills vidare.`;
}

/** The agreement's own words, section by section. */
export function agreementText(i: AgreementInput): { title: string; sections: LetterSection[] } {
  const p = name(i.person);
  const k = name(i.contactPerson);
  const often = [
    i.meetingsPerMonth !== null ? `Ni ses ${i.meetingsPerMonth} ${i.meetingsPerMonth === 1 ? 'gång' : 'gånger'} i månaden.` : null,
    i.frequencyText ? `${i.frequencyText.replace(/\.?$/, '.')}` : null,
    'Ni bestämmer själva när ni ses.',
  ].filter((x): x is string => x !== null);
  return {
    title: 'Avtal om uppdrag som kontaktperson',
    sections: [
      { heading: 'Vilka avtalet gäller', paragraphs: [`Avtalet gäller mellan ${p} och ${k}. ${k} blir kontaktperson för ${p}. ${i.municipality.name} betalar för uppdraget. Det sker enligt ${LAW[i.route]}.`] },
      { heading: 'Hur ofta ni ses', paragraphs: often },
      { heading: 'Vad ni gör', paragraphs: [i.activities ? i.activities : 'Ni gör saker som ni båda tycker om. Ni kan till exempel gå ut, fika eller prata.'] },
      { heading: 'Hur länge', paragraphs: [`${period(i)} Uppdraget slutar också om beslutet om stöd slutar gälla.`] },
      {
        heading: 'Pengar till dig som är kontaktperson',
        paragraphs: i.rate
          ? [
              `Du får ${formatKronor(i.rate.arvode)} i arvode per månad. Arvodet är en lön. Du betalar skatt på det.`,
              `Du får också ${formatKronor(i.rate.omkostnad)} per månad för det du lägger ut. Det heter omkostnad. Du betalar inte skatt på den.`,
              `Beloppen gäller för hela månader år ${i.rate.year} (${i.rate.name}). Börjar eller slutar du mitt i en månad får du för de dagar du har haft uppdraget. Beloppen kan ändras när ett nytt år börjar.`,
            ]
          : ['Kommunen meddelar hur mycket du får i arvode och omkostnad.'],
      },
      {
        heading: 'Tystnadsplikt',
        paragraphs: [`Du har tystnadsplikt. Du får inte berätta för andra om ${i.person.firstName} eller hur ${i.person.firstName} har det. Det gäller också när uppdraget är slut.`],
      },
      {
        heading: 'Försäkring',
        paragraphs: [`${i.municipality.name} har en försäkring för skador. Den gäller om någon skadas eller om något går sönder när ni ses. Säg till oss direkt om något händer.`],
      },
      {
        heading: 'Om ni vill sluta',
        paragraphs: [
          'Ni kan båda säga upp avtalet. Säg till oss en månad innan. Vi kan avsluta uppdraget direkt om det finns skäl till det.',
          'Ring oss om något inte fungerar. Vi hjälper er gärna.',
        ],
      },
    ],
  };
}

/** The förordnande's own words. */
export function appointmentText(i: AgreementInput): { title: string; sections: LetterSection[] } {
  const p = name(i.person);
  const k = name(i.contactPerson);
  return {
    title: 'Förordnande som kontaktperson',
    sections: [
      { paragraphs: [`${i.municipality.name} utser ${k} till kontaktperson för ${p}. Det sker enligt ${LAW[i.route]}.`, period(i)] },
      { heading: 'Det här gäller för dig', paragraphs: ['Du har tystnadsplikt. Du följer det avtal som du har skrivit på. Hör av dig till oss om något ändras.'] },
    ],
  };
}

function signatureBlock(lines: string[]): PdfContent[] {
  return [
    { text: 'Underskrifter', style: 'heading' },
    ...lines.map((l) => ({ text: `${l}\n\n_______________________________    Datum: ______________`, margin: [0, 14, 0, 0] })),
  ];
}

function documentPdf(i: AgreementInput, t: { title: string; sections: LetterSection[] }, signatures: string[], subject: string): PdfDocument {
  return {
    info: { title: `${t.title} – ${i.caseNumber}`, author: i.municipality.name, subject },
    pageMargins: [60, 60, 60, 70],
    content: [
      {
        columns: [
          { stack: [{ text: i.municipality.name, style: 'sender' }, ...(i.municipality.postalAddress ? [{ text: oneLine(i.municipality.postalAddress), style: 'small' }] : [])] },
          { stack: [{ text: `Datum: ${i.date}`, style: 'small' }, { text: `Ärende: ${i.caseNumber}`, style: 'small' }], alignment: 'right' },
        ],
      },
      { text: t.title, style: 'title', margin: [0, 30, 0, 12] },
      ...sectionBlocks(t.sections),
      ...signatureBlock(signatures),
    ],
    footer: { text: `${i.municipality.name} · ${i.unitName} · ${i.caseNumber}`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: {
      sender: { fontSize: 13, bold: true },
      small: { fontSize: 9, color: '#333333' },
      title: { fontSize: 18, bold: true },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}

export function agreementPdf(i: AgreementInput): PdfDocument {
  return documentPdf(i, agreementText(i), [name(i.person), `${name(i.contactPerson)} (kontaktperson)`, `För ${i.municipality.name}, ${i.unitName}`], 'Uppdragsavtal');
}

export function appointmentPdf(i: AgreementInput): PdfDocument {
  return documentPdf(i, appointmentText(i), [`För nämnden i ${i.municipality.name}`], 'Förordnande');
}
