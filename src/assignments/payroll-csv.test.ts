import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv } from './payroll-csv';
import { payrollNoticesCsv } from './payroll-notice-pdf';
import type { PayrollNoticeOut } from './plan-pay/schema';

/** A minimal reader of our CSV (semicolon, quotes doubled), to check that every cell survives. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV for Excel', () => {
  it.each([
    ['Anna', 'Anna'],
    ['Lund; Malmö', '"Lund; Malmö"'],
    ['Säg "hej"', '"Säg ""hej"""'],
    ['rad1\nrad2', '"rad1\nrad2"'],
    ['=SUMMA(A1)', "'=SUMMA(A1)"],
    ['-1', "'-1"],
    [null, ''],
    [32, '32'],
  ] as const)('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2,50']])).toBe('\uFEFFa;b\r\n1;2,50\r\n');
  });

  it('keeps every text cell through a round trip (formula-like cells get one apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const back = parse(toCsv(table[0], table.slice(1)).slice(1));
        expect(back).toEqual(table.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
    );
  });

  it('writes amounts with decimal comma and the bank columns only when shown', () => {
    const n: PayrollNoticeOut = {
      assignmentId: 'a',
      sentDate: '2026-03-16',
      caseNumber: 'KP-2026-0001',
      providerUnit: 'LSS-enheten',
      contactPerson: { id: 'c', name: 'Kim Kontakt', identityNumber: '19700101-1234', streetAddress: 'Vägen 1', postalCode: '123 45', city: 'Demoby' },
      payment: { bankName: 'Swedbank', clearingNumber: '8327', accountNumber: '123', taxTable: 32, taxColumn: 1 },
      paymentShown: true,
      level: { code: 'niva1', name: 'Nivå 1', year: 2026 },
      arvode: 98_667,
      omkostnad: 49_300,
      startDate: '2026-03-14',
      periodTo: null,
      meetingsPerMonth: 4,
    };
    const [h, r] = parse(payrollNoticesCsv([n], true).slice(1));
    expect(h).toHaveLength(r.length);
    expect(r[h.indexOf('Arvode per månad (kr)')]).toBe('986,67');
    expect(r[h.indexOf('Omkostnad per månad (kr)')]).toBe('493,00');
    expect(r[h.indexOf('Kontonummer')]).toBe('123');
    const [h2] = parse(payrollNoticesCsv([{ ...n, payment: null, paymentShown: false }], false).slice(1));
    expect(h2).not.toContain('Kontonummer');
  });
});
