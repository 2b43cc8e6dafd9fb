// The IVO quarter as files (issue 13 item 1): CSV for Excel (semicolon, UTF-8 with BOM, CRLF, formula guard, as the
// payroll file), .xlsx (exceljs, dated by the freeze so a frozen quarter gives the same bytes), a printable PDF of
// the sheets, and the council's statistics report (LSS 28 h §, SoL 34 kap. 3 §) as CSV and PDF. Built only from the
// quarter's data (the frozen snapshot once submitted).
import ExcelJS from 'exceljs';
import { toCsv } from '../assignments/payroll-csv';
import { fixZipTimes } from '../payroll/payroll-file';
import type { PdfContent, PdfDocument } from '../platform/documents/pdf';
import { councilStatistics } from './ivo-rules';
import type { QuarterData } from './ivo-quarter';

export const IVO_COLUMNS = [
  'Period',
  'Rapport',
  'Enhet',
  'Ärende',
  'Personnummer',
  'Insats',
  'Lagrum',
  'Beslutsdatum',
  'Avbrottsdatum',
  'Verkställt datum',
  'Avslutat datum',
  'Orsak till avslut',
  'Delvis verkställt',
  'Fritext',
  'Konsekvenser för den enskilde',
  'Inrapporterad',
] as const;

function rowsOf(data: QuarterData): (string | null)[][] {
  return data.reports.map((r) => [
    data.quarter,
    r.roundLabel,
    data.unit.name,
    r.caseNumber,
    r.person.idNumber,
    r.insats,
    r.legalBasis,
    r.decisionDate,
    r.interruptionDate,
    r.executedDate,
    r.endedDate,
    r.endedReason,
    r.partlyExecuted,
    r.freeText,
    r.consequences,
    r.submittedDate,
  ]);
}

export function ivoCsv(data: QuarterData): Buffer {
  return Buffer.from(toCsv(IVO_COLUMNS, rowsOf(data)), 'utf8');
}

/** The time the file says it was made: the freeze, or noon of the quarter's last day for a quarter still open. */
export function fileTime(data: QuarterData, frozenAt: string | null): Date {
  return new Date(frozenAt ?? `${data.last}T12:00:00Z`);
}

export async function ivoXlsx(data: QuarterData, at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kontakt';
  wb.lastModifiedBy = 'Kontakt';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet(`IVO ${data.quarter}`);
  ws.columns = IVO_COLUMNS.map((h, i) => ({ header: h, key: `c${i}`, width: i === 13 || i === 14 ? 60 : 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rowsOf(data)) ws.addRow(r);
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), at);
}

const field = (label: string, value: string | null): PdfContent[] => [
  { text: label, style: 'label' },
  { text: value?.trim() ? value : '–', margin: [0, 0, 0, 6] },
];

/** The sheets, one per report, laid out as IVO's form (Rapportuppgifter, individen, beslutet). */
export function ivoPdf(data: QuarterData, at: Date): PdfDocument & { info: { creationDate: Date } } {
  const content: PdfContent[] = [
    { text: `Ej verkställda beslut, ${data.unit.name}`, style: 'h1' },
    { text: `Period ${data.quarter} (${data.first} – ${data.last}). ${data.reports.length === 0 ? 'Inget att rapportera.' : `${data.reports.length} rapporter.`}`, margin: [0, 0, 0, 12] },
  ];
  data.reports.forEach((r, i) => {
    content.push(
      { text: `${i + 1}. ${r.roundLabel}: ärende ${r.caseNumber}`, style: 'h2', pageBreak: i === 0 ? undefined : 'before' },
      { text: 'Rapportuppgifter', style: 'h3' },
      ...field('Rapporteringsperiod', `${data.quarter} (referensdatum ${data.last})`),
      ...field('Första eller uppföljande rapport', r.roundLabel),
      ...field('Enhet', data.unit.name),
      ...field('Kontaktperson på enheten', r.responsible),
      { text: 'Uppgifter om individen', style: 'h3' },
      ...field(r.person.idNumberKind === 'personnummer' ? 'Personnummer' : 'Ersättnings-id', r.person.idNumber ?? r.person.idNumberProblem),
      { text: 'Uppgifter om beslutet', style: 'h3' },
      ...field('Insats och lagrum', `${r.insats}, ${r.legalBasis}`),
      ...field('Beslutsdatum', r.decisionDate),
      ...field('Datum för avbrott', r.interruptionDate),
      ...field('Verkställt datum', r.executedDate),
      ...field('Avslutat datum och orsak', r.endedDate ? `${r.endedDate}: ${r.endedReason ?? ''}` : null),
      ...field('Delvis verkställt', r.partlyExecuted),
      ...field('Fritext', r.freeText),
      ...field('Konsekvenser för den enskilde', r.consequences),
      ...field('Inrapporterad till IVO', r.submittedDate),
    );
  });
  return {
    info: { title: `Ej verkställda beslut ${data.quarter}`, author: 'Kontakt', creationDate: at },
    content,
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 13, bold: true, margin: [0, 0, 0, 6] }, h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] }, label: { fontSize: 9, color: '#444444' } },
  };
}

export const STATISTICS_COLUMNS = ['Period', 'Insats', 'Ej verkställda beslut', 'Avbrott', 'Typ', 'Sedan', 'Dagar till periodens slut'] as const;

/** The council's statistics as rows: a total line per insats, then each decision or interruption with its days. */
export function statisticsRows(data: QuarterData): (string | number | null)[][] {
  const lines = councilStatistics(
    data.reports.map((r) => ({ insats: r.insats, kind: r.kind, since: r.kind === 'avbrott' ? (r.interruptionDate ?? r.decisionDate) : r.decisionDate, outcome: r.executedDate ? { kind: 'verkställt' as const, date: r.executedDate } : r.endedDate ? { kind: 'avslutat' as const, date: r.endedDate } : null })),
    data.quarter,
  );
  return lines.flatMap((l) => [
    [data.quarter, l.insats, l.decisions, l.interruptions, 'Summa', null, null],
    ...l.days.map((d) => [data.quarter, l.insats, null, null, d.kind === 'beslut' ? 'Beslut' : 'Avbrott', d.since, d.days]),
  ]);
}

export function statisticsCsv(data: QuarterData): Buffer {
  return Buffer.from(toCsv(STATISTICS_COLUMNS, statisticsRows(data)), 'utf8');
}

export function statisticsPdf(data: QuarterData, at: Date): PdfDocument & { info: { creationDate: Date } } {
  const rows = statisticsRows(data);
  return {
    info: { title: `Statistikrapport ${data.quarter}`, author: 'Kontakt', creationDate: at },
    content: [
      { text: `Statistikrapport till nämnden: ej verkställda beslut, ${data.unit.name}`, style: 'h1' },
      { text: `Period ${data.quarter}, läget ${data.last} (LSS 28 h §, SoL 34 kap. 3 §).`, margin: [0, 0, 0, 12] },
      rows.length === 0
        ? { text: 'Inga ej verkställda beslut eller avbrott vid periodens slut.' }
        : {
            table: {
              headerRows: 1,
              widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
              body: [STATISTICS_COLUMNS.slice(1).map((h) => ({ text: h, bold: true })), ...rows.map((r) => r.slice(1).map((c) => (c === null ? '' : String(c))))],
            },
          },
    ],
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] } },
  };
}
