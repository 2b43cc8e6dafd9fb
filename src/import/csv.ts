// Reading an import file as a stream of rows: the bytes decoded (UTF-8 or Windows-1252, rules.ts), the separator
// detected, then csv-parse fed in 64 KB pieces so only a few rows are in memory at a time.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../platform/errors';
import { decodeFile, detectSeparator, type Encoding } from './rules';

export interface CsvRow {
  /** The row's line in the file (the header is line 1 when it is the first line). */
  line: number;
  cells: string[];
  /** Characters read so far, for progress. */
  position: number;
}

export interface CsvFile {
  encoding: Encoding;
  separator: ';' | ',';
  length: number;
  rows: AsyncIterable<CsvRow>;
}

function* pieces(text: string, size = 65536) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export function readCsv(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeFile(bytes);
  const separator = detectSeparator(text);
  const parser = Readable.from(pieces(text), { objectMode: false }).pipe(
    parse({ delimiter: separator, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
        // An "empty" line of only separators (Excel writes them) is empty too.
        if (r.record.every((c) => c.trim() === '')) continue;
        yield { line: r.info.lines, cells: r.record, position: r.info.bytes };
      }
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      throw new AppError('IMPORT_BAD_FILE', {
        message: `Filen kunde inte läsas som CSV${line ? ` på rad ${line}` : ''}: kontrollera citattecknen (") där. Ett fält med citattecken måste sluta med ett citattecken.`,
      });
    }
  }
  return { encoding, separator, length: text.length, rows: rows() };
}
