// The one pass over a file that both the dry run and the commit make: header, every row through the form's
// validation, duplicates within the file and against what is registered (one query per batch), and — at commit —
// each batch of valid rows handed to the insert, which runs while the next batch is checked. Errors are counted in
// full and kept up to IMPORT_ERROR_CAP.
import type { Queryable } from '../platform/db/connect';
import type { CsvFile } from './csv';
import { existingIdentityNumbers } from './repo';
import { IMPORT_BATCH, IMPORT_ERROR_CAP, readHeader, type ImportKind, type RowError } from './rules';
import { validateRow, type ContactPersonRow, type PersonRow } from './validate';
import { personIdsByNumber, type DecisionCatalogue, type DecisionRow } from './decisions';

export interface ScanResult {
  rowCount: number;
  errorCount: number;
  errors: RowError[];
}

type Valid = PersonRow | ContactPersonRow | DecisionRow;

const NO_PERSON = 'Det finns ingen person med det här numret i Kontakt. Importera personen först (filen Personer).';

const DUPLICATE_IN_DB: Record<Exclude<ImportKind, 'decisions'>, string> = {
  persons: 'Det finns redan en person med det här numret i Kontakt. Ta bort raden eller rätta numret.',
  contact_persons: 'Det finns redan en kontaktperson med det här personnumret i Kontakt. Ta bort raden eller rätta numret.',
};

export interface ScanTimings {
  /** Milliseconds spent waiting for the database (duplicate look-ups and inserts); the rest is reading and checking. */
  databaseMs: number;
}

export async function scanFile(
  q: Queryable,
  kind: ImportKind,
  file: CsvFile,
  today: string,
  opts: {
    onProgress: (done: number, rows: number) => void;
    insert?: (rows: Valid[]) => Promise<void>;
    timings?: ScanTimings;
    /** For a file of decisions: the units, users and legal bases it may name. */
    catalogue?: DecisionCatalogue | null;
  },
): Promise<ScanResult> {
  const result: ScanResult = { rowCount: 0, errorCount: 0, errors: [] };
  const timings = opts.timings ?? { databaseMs: 0 };
  const report = (e: RowError) => {
    result.errorCount++;
    if (result.errors.length < IMPORT_ERROR_CAP) result.errors.push(e);
  };
  const firstLine = new Map<string, number>();
  let index: Map<string, number> | null = null;
  let batch: { line: number; value: Valid }[] = [];
  // The insert of the last batch runs while the next batch is read and checked; it is awaited before the next
  // statement, so the transaction's one connection never has two queries at once.
  let pending: Promise<void> | null = null;
  const settle = async () => {
    if (!pending) return;
    const t = performance.now();
    const p = pending;
    pending = null;
    await p;
    timings.databaseMs += performance.now() - t;
  };
  let cells: string[] = [];
  const cell = (h: string) => {
    const i = (index as Map<string, number>).get(h);
    return i === undefined ? undefined : cells[i];
  };

  const flush = async () => {
    if (batch.length === 0) return;
    await settle();
    const t = performance.now();
    const numbers = new Array<string>(batch.length);
    for (let i = 0; i < batch.length; i++) numbers[i] = batch[i].value.identityNumber;
    if (kind === 'decisions') {
      // A decision needs its person in Kontakt (a person may have several decisions).
      const ids = await personIdsByNumber(q, numbers);
      timings.databaseMs += performance.now() - t;
      for (const b of batch) {
        const id = ids.get(b.value.identityNumber);
        if (id === undefined) report({ row: b.line, column: 'personnummer', message: NO_PERSON });
        else (b.value as DecisionRow).personId = id;
      }
    } else {
      const existing = await existingIdentityNumbers(q, kind, numbers);
      timings.databaseMs += performance.now() - t;
      for (const b of batch) if (existing.has(b.value.identityNumber)) report({ row: b.line, column: 'personnummer', message: DUPLICATE_IN_DB[kind] });
    }
    // A commit inserts only while nothing is wrong; the first error ends it (the caller rolls back).
    if (opts.insert && result.errorCount === 0) {
      const values = batch.map((b) => b.value);
      const p = opts.insert(values);
      // Held until settle() awaits it; a failure is not "unhandled" meanwhile.
      p.catch(() => {});
      pending = p;
    }
    batch = [];
  };

  try {
    for await (const row of file.rows) {
      if (index === null) {
        const header = readHeader(kind, row.cells);
        for (const p of header.problems) report({ row: row.line, column: p.column, message: p.message });
        if (header.problems.length > 0) return result;
        index = header.index;
        continue;
      }
      result.rowCount++;
      cells = row.cells;
      const v = validateRow(kind, cell, today, opts.catalogue ?? null);
      if (!v.ok) {
        for (const p of v.problems) report({ row: row.line, column: p.column, message: p.message });
      } else {
        const seen = kind === 'decisions' ? undefined : firstLine.get(v.value.identityNumber);
        if (seen !== undefined) {
          report({ row: row.line, column: 'personnummer', message: `Numret finns redan på rad ${seen} i filen.` });
        } else {
          firstLine.set(v.value.identityNumber, row.line);
          batch.push({ line: row.line, value: v.value });
        }
      }
      if (opts.insert && result.errorCount > 0) return result;
      if (batch.length >= IMPORT_BATCH) await flush();
      if (result.rowCount % 1000 === 0) opts.onProgress(row.position, result.rowCount);
    }
    await flush();
  } finally {
    await settle();
  }
  if (index === null) report({ row: 1, column: '', message: 'Filen är tom. Den första raden ska ha kolumnernas namn, sedan en rad per post.' });
  opts.onProgress(file.length, result.rowCount);
  return result;
}
