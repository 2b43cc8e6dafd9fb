import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dosDateTime, payrollCsv, payrollXlsx, type FileLine } from './payroll-file';

const lines: FileLine[] = [
  {
    identityNumber: '19700101-1234',
    name: 'Andersson, Kim',
    caseNumber: 'KP-2026-0001',
    levelName: 'Nivå 1',
    arvode: 98_700,
    omkostnad: 49_300,
    expenses: 12_550,
    payCodes: { arvode: 'ARV', omkostnad: 'OMK', utlagg: 'UTL' },
    costCentre: '4711',
    forMonth: '2026-03',
    kind: 'regular',
  },
  {
    identityNumber: '19800202-5678',
    name: 'Berg; "Sam"',
    caseNumber: 'KP-2026-0002',
    levelName: '=Nivå 2',
    arvode: -51_758,
    omkostnad: 0,
    expenses: 5,
    payCodes: { arvode: 'KORR', omkostnad: 'KORR', utlagg: 'KORR' },
    costCentre: '',
    forMonth: '2026-02',
    kind: 'correction',
  },
];

describe('payrollCsv', () => {
  it('is UTF-8 with BOM, semicolons, CRLF, decimal comma; text quoted and guarded, amounts never', () => {
    const bytes = payrollCsv(lines);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\uFEFFPersonnummer;Namn;Uppdrag;Nivå;Arvode;Omkostnad;Extra utlägg;Löneart arvode;Löneart omkostnad;Löneart utlägg;Kostnadsställe;Avser månad;Typ\r\n' +
        '19700101-1234;Andersson, Kim;KP-2026-0001;Nivå 1;987,00;493,00;125,50;ARV;OMK;UTL;4711;2026-03;Ordinarie\r\n' +
        '19800202-5678;"Berg; ""Sam""";KP-2026-0002;\'=Nivå 2;-517,58;0,00;0,05;KORR;KORR;KORR;;2026-02;Rättelse\r\n',
    );
  });
  it('has only a header for a month without lines', () => {
    expect(payrollCsv([]).toString('utf8').split('\r\n')).toHaveLength(2);
  });
});

describe('payrollXlsx', () => {
  const lockedAt = new Date('2026-04-02T08:15:30Z');

  it('is byte for byte the same for the same month, whenever it is made', async () => {
    const a = await payrollXlsx('2026-03', lines, lockedAt);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second clock
    const b = await payrollXlsx('2026-03', lines, lockedAt);
    expect(b.equals(a)).toBe(true);
  });

  it('stamps every zip entry and the document properties with the lock time', async () => {
    const x = await payrollXlsx('2026-03', lines, lockedAt);
    const { time, date } = dosDateTime(lockedAt);
    let entries = 0;
    for (let i = 0; i < x.length - 4; i++) {
      if (x.readUInt32LE(i) === 0x04034b50) {
        expect([x.readUInt16LE(i + 10), x.readUInt16LE(i + 12)]).toEqual([time, date]);
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x as unknown as ArrayBuffer);
    expect(wb.created.toISOString()).toBe(lockedAt.toISOString());
    expect(wb.modified.toISOString()).toBe(lockedAt.toISOString());
  });

  it('has the columns of domain.md §5 and amounts as numbers in kronor', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await payrollXlsx('2026-03', lines, lockedAt)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Lön 2026-03');
    if (!ws) throw new Error('no sheet "Lön 2026-03"');
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['Personnummer', 'Namn', 'Uppdrag', 'Nivå', 'Arvode', 'Omkostnad', 'Extra utlägg', 'Löneart arvode', 'Löneart omkostnad', 'Löneart utlägg', 'Kostnadsställe', 'Avser månad', 'Typ']);
    expect(row(2)).toEqual(['19700101-1234', 'Andersson, Kim', 'KP-2026-0001', 'Nivå 1', 987, 493, 125.5, 'ARV', 'OMK', 'UTL', '4711', '2026-03', 'Ordinarie']);
    expect(row(3).slice(4, 7)).toEqual([-517.58, 0, 0.05]);
  });
});
