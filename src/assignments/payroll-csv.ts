// CSV for Excel (domain.md §5): semicolon-separated, UTF-8 with a byte-order mark, CRLF line ends, decimal comma.
// A text cell that a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe.

const BOM = '\uFEFF';

/** One cell: numbers are written as given (already with decimal comma); text is quoted when it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file: a header row and the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
