// The payroll file of a locked month (domain.md §5): one row per line — personnummer, name, the assignment (case
// number only), level, arvode, omkostnad, extra expenses, the lönearter, cost centre, the month the work was done
// and whether it is a correction. CSV for Excel (semicolon, UTF-8 with BOM, CRLF, decimal comma, formula guard) and
// .xlsx (exceljs). Built only from the frozen lines and the lock time, so the same month gives the same bytes.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { csvCell } from '../assignments/payroll-csv';
import { kronorForSpreadsheet } from '../payments/rules';

/** What a frozen line gives the file. */
export interface FileLine {
  identityNumber: string;
  name: string;
  caseNumber: string;
  levelName: string;
  arvode: number;
  omkostnad: number;
  expenses: number;
  payCodes: { arvode: string; omkostnad: string; utlagg: string };
  costCentre: string;
  forMonth: string;
  kind: 'regular' | 'correction';
}

const FILE_HEADER = [
  'Personnummer',
  'Namn',
  'Uppdrag',
  'Nivå',
  'Arvode',
  'Omkostnad',
  'Extra utlägg',
  'Löneart arvode',
  'Löneart omkostnad',
  'Löneart utlägg',
  'Kostnadsställe',
  'Avser månad',
  'Typ',
] as const;

const kindLabel = { regular: 'Ordinarie', correction: 'Rättelse' } as const;

/** The CSV: amounts are written as numbers with a decimal comma (never quoted or guarded, also when negative). */
export function payrollCsv(lines: readonly FileLine[]): Buffer {
  const text = (s: string) => csvCell(s);
  const rows = lines.map((l) =>
    [
      text(l.identityNumber),
      text(l.name),
      text(l.caseNumber),
      text(l.levelName),
      kronorForSpreadsheet(l.arvode),
      kronorForSpreadsheet(l.omkostnad),
      kronorForSpreadsheet(l.expenses),
      text(l.payCodes.arvode),
      text(l.payCodes.omkostnad),
      text(l.payCodes.utlagg),
      text(l.costCentre),
      text(l.forMonth),
      text(kindLabel[l.kind]),
    ].join(';'),
  );
  return Buffer.from(`\uFEFF${[FILE_HEADER.map(text).join(';'), ...rows].join('\r\n')}\r\n`, 'utf8');
}

/**
 * The .xlsx: one sheet, amounts as numbers in kronor with two decimals, dated by the lock. Written by exceljs'
 * streaming writer (each row committed as it is added, strings inline), so 50 000 lines never sit in memory as a
 * workbook model; only the zipped bytes are collected.
 */
export async function payrollXlsx(month: string, lines: readonly FileLine[], lockedAt: Date): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = finished(sink);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  // Fixed metadata: exceljs would otherwise stamp the current time into docProps/core.xml.
  wb.creator = 'Kontakt';
  wb.lastModifiedBy = 'Kontakt';
  wb.created = lockedAt;
  wb.modified = lockedAt;
  const ws = wb.addWorksheet(`Lön ${month}`);
  ws.columns = FILE_HEADER.map((h, i) => ({ header: h, key: `c${i}`, width: i === 1 ? 28 : i < 4 ? 16 : 12, style: i >= 4 && i <= 6 ? { numFmt: '#,##0.00' } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const l of lines) {
    ws.addRow([
      l.identityNumber,
      l.name,
      l.caseNumber,
      l.levelName,
      l.arvode / 100,
      l.omkostnad / 100,
      l.expenses / 100,
      l.payCodes.arvode,
      l.payCodes.omkostnad,
      l.payCodes.utlagg,
      l.costCentre,
      l.forMonth,
      kindLabel[l.kind],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return fixZipTimes(Buffer.concat(chunks), lockedAt);
}

/** MS-DOS time and date of a UTC instant (2-second steps), as zip headers store them. */
export function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets every entry's modification time in a zip (the local headers and the central directory) to `at`: the zip
 * library stamps the time of writing, which would make two exports of the same month differ. Only the time fields
 * change (the CRCs cover the contents, not the headers).
 */
export function fixZipTimes(zip: Buffer, at: Date): Buffer {
  const { time, date } = dosDateTime(at);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('zip central directory is damaged');
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('zip local header is damaged');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
