// The register extract as a PDF for the person (GDPR art. 15): a short letter in plain Swedish (LIX ≤ 40, tested in
// gdpr-letter.test.ts) followed by tables of what Kontakt holds about them. Pure: builds the document definition.
import type { PdfContent, PdfDocument } from '../platform/documents/pdf';
import { AUDIT_ACTIONS } from '../platform/audit/actions';
import { roleLabel, routeLabel } from '../platform/rules';
import { formatIdentityNumber, type IdKind } from '../people/identity-number';
import { representativeKindLabel } from '../people/schema';
import { appealOutcomeLabel, decisionOutcomeLabel, followUpResultLabel } from '../decisions/rules';
import { offerResponseLabel } from '../assignments/rules';
import { reportStatusLabel } from '../portal/rules';
import type { LetterSection } from '../platform/documents/letter';

type Row = Record<string, unknown>;

export interface RegisterExtract {
  producedAt: string;
  municipality: string;
  person: Row;
  /** Each section's rows as stored (column names as in the database), plus names that make them readable. */
  sections: Record<string, Row[]>;
}

export interface ExtractLetterInput {
  municipality: { name: string; postalAddress: string | null };
  /** The date the extract was made. */
  date: string;
  extract: RegisterExtract;
}

const str = (v: unknown): string => (v === null || v === undefined || v === '' ? '–' : String(v));
const label = <K extends string>(labels: Record<K, string>, v: unknown): string => (typeof v === 'string' && v in labels ? labels[v as K] : str(v));

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
/** A stored moment as Swedish local time: 2026-03-16 10:00. */
export function localTime(v: unknown): string {
  if (typeof v !== 'string') return '–';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : stockholm.format(d);
}

/** The letter's own words (what LIX is measured on): who it is for, what it holds, why, and what the person can do. */
export function registerExtractText(i: ExtractLetterInput): { greeting: string; sections: LetterSection[] } {
  const p = i.extract.person;
  const intro = [
    'Du har bett att få veta vilka uppgifter om dig som finns hos oss. Här får du ett utdrag ur vårt register.',
    `Det gäller de uppgifter som finns i Kontakt. Det är det system där vi sköter ärenden om kontaktperson. Utdraget är gjort ${i.date}.`,
  ];
  if (p.protected_identity) intro.push('Du har skyddade uppgifter. Därför står inte din adress, ditt telefonnummer eller din e-post i utdraget.');
  return {
    greeting: `Hej ${str(p.first_name)} ${str(p.last_name)}!`,
    sections: [
      { paragraphs: intro },
      {
        heading: 'Vad står i utdraget?',
        paragraphs: [
          'Först kommer dina egna uppgifter, som namn och adress. Sedan kommer dina ärenden, utredningar och beslut.',
          'Efter det kommer de brev vi har skrivit och vad som har hänt när du har fått en kontaktperson.',
          'Sist ser du vem hos oss som har läst eller ändrat dina uppgifter, och när det hände.',
        ],
      },
      {
        heading: 'Varför har vi uppgifterna?',
        paragraphs: [
          'Vi behöver uppgifterna för att kunna ge dig stöd. Lagen säger att vi ska skriva ner det som är viktigt i ditt ärende.',
          'Vi sparar uppgifterna så länge lagen säger. Sedan tar vi bort dem.',
        ],
      },
      {
        heading: 'Vad kan du göra?',
        paragraphs: [
          'Om något är fel kan du be oss att rätta det. Du kan också klaga hos Integritetsskyddsmyndigheten, IMY.',
          `Har du frågor? Kontakta ${i.municipality.name}.`,
        ],
      },
    ],
  };
}

/** A table with a header row, or a line saying there is nothing. */
function table(heading: string, header: string[], rows: string[][]): PdfContent[] {
  return [
    { text: heading, style: 'heading' },
    rows.length === 0
      ? { text: 'Inga uppgifter.', margin: [0, 0, 0, 8] }
      : {
          table: { headerRows: 1, widths: header.map(() => '*'), body: [header.map((h) => ({ text: h, bold: true })), ...rows] },
          layout: 'lightHorizontalLines',
          fontSize: 9,
          margin: [0, 0, 0, 8],
        },
  ];
}

/** The data part: every section of the extract as a table. */
function dataBlocks(e: RegisterExtract): PdfContent[] {
  const s = (k: string): Row[] => e.sections[k] ?? [];
  const p = e.person;
  const address = [p.street_address, [p.postal_code, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const caseNo = new Map(s('cases').map((c) => [c.id, str(c.case_number)]));
  return [
    ...table(
      'Dina uppgifter',
      ['Uppgift', 'Det här står hos oss'],
      [
        ['Namn', `${str(p.first_name)} ${str(p.last_name)}`],
        ['Personnummer', typeof p.identity_number === 'string' ? formatIdentityNumber(p.identity_number, p.id_kind as IdKind) : '–'],
        ['Adress', p.protected_identity ? 'Visas inte (skyddade uppgifter)' : address || '–'],
        ['Telefon', p.protected_identity ? 'Visas inte' : str(p.phone)],
        ['E-post', p.protected_identity ? 'Visas inte' : str(p.email)],
      ],
    ),
    ...table('Företrädare', ['Sort', 'Namn'], s('representatives').map((r) => [label(representativeKindLabel, r.kind), str(r.name)])),
    ...table(
      'Ärenden',
      ['Ärende', 'Lag', 'Kom in', 'Enhet', 'Handläggare'],
      s('cases').map((c) => [str(c.case_number), label(routeLabel, c.route), str(c.received_date), str(c.unit_name), str(c.responsible_name)]),
    ),
    ...table('Utredningar', ['Ärende', 'Började', 'Klar'], s('investigations').map((r) => [str(r.case_number), str(r.started_date), str(r.completed_date)])),
    ...table(
      'Beslut',
      ['Ärende', 'Datum', 'Beslut', 'Lagrum', 'Gäller'],
      s('decisions').map((d) => [
        str(d.case_number),
        str(d.decision_date),
        label(decisionOutcomeLabel, d.outcome),
        [d.legal_basis_law, d.legal_basis_paragraph].filter(Boolean).join(' ') || '–',
        d.start_date ? `${str(d.start_date)} – ${d.end_date ? str(d.end_date) : 'tills vidare'}` : '–',
      ]),
    ),
    ...table('Överklaganden', ['Kom in', 'Utfall', 'Datum'], s('appeals').map((a) => [str(a.received_date), a.outcome ? label(appealOutcomeLabel, a.outcome) : 'Inte klart', str(a.outcome_date)])),
    ...table('Uppföljningar', ['Datum', 'Resultat'], s('followUps').map((f) => [str(f.date), label(followUpResultLabel, f.result)])),
    ...table(
      'Beställningar',
      ['Ärende', 'Skickad', 'Till', 'Bekräftad'],
      s('orders').map((o) => [str(o.case_number), str(o.sent_date), str(o.provider_unit_name), str(o.confirmed_date)]),
    ),
    ...table('Erbjudanden om kontaktperson', ['Ärende', 'Erbjuden', 'Svar'], s('offers').map((o) => [caseNo.get(o.case_id) ?? '–', str(o.offered_date), label(offerResponseLabel, o.response)])),
    ...table(
      'Uppdrag',
      ['Ärende', 'Avtal gäller', 'Började', 'Slutade'],
      s('assignments').map((a) => [str(a.case_number), `${str(a.period_from)} – ${a.period_to ? str(a.period_to) : 'tills vidare'}`, str(a.start_date), str(a.end_date)]),
    ),
    ...table('Avbrott i uppdrag', ['Från', 'Startade igen'], s('assignmentInterruptions').map((r) => [str(r.from_date), str(r.resumed_date)])),
    ...table('Månadsrapporter från kontaktperson', ['Månad', 'Status'], s('monthlyReports').map((r) => [str(r.month), label(reportStatusLabel, r.status)])),
    ...table('Brev och dokument', ['Datum', 'Dokument'], s('documents').map((d) => [localTime(d.occurred_at), label(AUDIT_ACTIONS, d.action)])),
    ...table(
      'Vem har läst eller ändrat dina uppgifter',
      ['Tidpunkt', 'Vem', 'Roll och enhet', 'Vad'],
      s('log').map((l) => [localTime(l.occurred_at), str(l.user_name ?? 'Systemet'), [l.user_role ? label(roleLabel, l.user_role) : null, l.unit_name].filter(Boolean).join(', ') || '–', label(AUDIT_ACTIONS, l.action)]),
    ),
  ];
}

export function registerExtractPdf(i: ExtractLetterInput): PdfDocument {
  const t = registerExtractText(i);
  return {
    info: { title: 'Utdrag ur registret', author: i.municipality.name, subject: 'Registerutdrag enligt dataskyddsförordningen artikel 15' },
    pageMargins: [50, 50, 50, 60],
    content: [
      {
        columns: [
          { stack: [{ text: i.municipality.name, style: 'sender' }, ...(i.municipality.postalAddress ? [{ text: i.municipality.postalAddress, style: 'small' }] : [])] },
          { text: `Datum: ${i.date}`, style: 'small', alignment: 'right' },
        ],
      },
      { text: 'Utdrag ur registret', style: 'title', margin: [0, 24, 0, 12] },
      { text: t.greeting, margin: [0, 0, 0, 8] },
      ...t.sections.flatMap((s) => [...(s.heading ? [{ text: s.heading, style: 'heading' }] : []), ...s.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 8] }))]),
      ...dataBlocks(i.extract),
    ],
    footer: { text: `${i.municipality.name} · Utdrag ur registret ${i.date}`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: {
      sender: { fontSize: 13, bold: true },
      small: { fontSize: 9, color: '#333333' },
      title: { fontSize: 18, bold: true },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}
