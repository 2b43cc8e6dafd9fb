// Import from the old system, pure: the files' columns (Swedish names, as docs/import.md lists them), how a file's
// encoding and separator are recognised, and the small readings of a cell (ja/nej). No I/O, no clock.

export const IMPORT_KINDS = ['persons', 'contact_persons', 'decisions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const importKindLabel: Record<ImportKind, string> = {
  persons: 'Personer',
  contact_persons: 'Kontaktpersoner',
  decisions: 'Gällande beslut',
};

/** One column of an import file: its Swedish header and whether a file must have it. */
export interface ImportColumn {
  header: string;
  required: boolean;
}

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  persons: [
    { header: 'personnummer', required: true },
    { header: 'reservnummer', required: false },
    { header: 'förnamn', required: true },
    { header: 'efternamn', required: true },
    { header: 'skyddad_identitet', required: false },
    { header: 'adress', required: false },
    { header: 'postnummer', required: false },
    { header: 'ort', required: false },
    { header: 'telefon', required: false },
    { header: 'epost', required: false },
  ],
  contact_persons: [
    { header: 'personnummer', required: true },
    { header: 'förnamn', required: true },
    { header: 'efternamn', required: true },
    { header: 'epost', required: false },
    { header: 'telefon', required: false },
    { header: 'adress', required: false },
    { header: 'postnummer', required: false },
    { header: 'ort', required: false },
    { header: 'antal_uppdrag', required: false },
    { header: 'ansökningsdatum', required: true },
    { header: 'godkänd_datum', required: false },
  ],
  decisions: [
    { header: 'personnummer', required: true },
    { header: 'reservnummer', required: false },
    { header: 'enhet', required: true },
    { header: 'handläggare', required: true },
    { header: 'lagrum', required: true },
    { header: 'ansökningsdatum', required: false },
    { header: 'beslutsdatum', required: true },
    { header: 'startdatum', required: false },
    { header: 'slutdatum', required: false },
    { header: 'periodskäl', required: false },
    { header: 'omfattning', required: true },
    { header: 'omfattning_enhet', required: true },
    { header: 'nivå', required: false },
    { header: 'antal_kontaktpersoner', required: false },
    { header: 'hemtjänsttaxa', required: false },
    { header: 'skäl', required: false },
  ],
};

/** The most rows a dry run's answer lists; every error is still counted. */
export const IMPORT_ERROR_CAP = 200;
/** The largest file accepted (bytes): 100 000 persons take about 10 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Rows per INSERT statement at commit. */
export const IMPORT_BATCH = 5000;

export type Encoding = 'utf-8' | 'windows-1252';

/**
 * The file's text: strict UTF-8 first (a byte-order mark is dropped), Windows-1252 when the bytes are not UTF-8.
 * A Windows-1252 file with Swedish letters is never valid UTF-8 (å = 0xE5 cannot start a UTF-8 sequence followed by
 * an ASCII byte), and a pure ASCII file reads the same either way.
 */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** Semicolon (Swedish Excel) or comma: whichever occurs more often outside quotes in the first non-empty line. */
export function detectSeparator(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
    if (c !== '\n' && c !== '\r' && c.trim() !== '') seen = true;
  }
  return comma > semi ? ',' : ';';
}

/** A header cell as a column name: trimmed, lower case, spaces and hyphens as underscores. */
export function normalizeHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export interface HeaderProblem {
  column: string;
  message: string;
}

/** Which cell holds which column, or what is wrong with the header row (a missing required column, an unknown or repeated one). */
export function readHeader(kind: ImportKind, cells: string[]): { index: Map<string, number>; problems: HeaderProblem[] } {
  const columns = IMPORT_COLUMNS[kind];
  const known = new Set(columns.map((c) => c.header));
  const index = new Map<string, number>();
  const problems: HeaderProblem[] = [];
  cells.forEach((raw, i) => {
    const h = normalizeHeader(raw);
    if (h === '') return;
    if (!known.has(h)) problems.push({ column: raw.trim(), message: `Kolumnen ”${raw.trim()}” finns inte i den här sortens fil. Ta bort den eller rätta namnet.` });
    else if (index.has(h)) problems.push({ column: h, message: `Kolumnen ”${h}” finns två gånger.` });
    else index.set(h, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.header)) problems.push({ column: c.header, message: `Kolumnen ”${c.header}” saknas. Den måste finnas.` });
  }
  return { index, problems };
}

/** ja/nej as the old system wrote it; an empty cell is `empty`; anything else is not a yes or no. */
export function readYesNo(cell: string | undefined, empty: boolean): boolean | 'invalid' {
  const v = (cell ?? '').trim().toLowerCase();
  if (v === '') return empty;
  if (['ja', 'j', '1', 'sant', 'true', 'x'].includes(v)) return true;
  if (['nej', 'n', '0', 'falskt', 'false'].includes(v)) return false;
  return 'invalid';
}

/** A row's error as the dry run reports it. Row 1 is the header; a row's number is its line in the file. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}
