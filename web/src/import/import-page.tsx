// Import från det gamla systemet (/admin/import): the administrator chooses the kind of file and the file, runs a
// dry run (every row's errors: row, column, problem), fixes the file, runs it again, and imports it — the same file,
// all or nothing. While the server works the page polls the progress (GET /api/import/progress/:token).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { IMPORT_COLUMNS, IMPORT_KINDS, MAX_IMPORT_BYTES, importKindLabel, type ImportKind } from '../../../src/import/rules';
import type { ImportJobOut, ImportProgressOut } from '../../../src/import/schema';
import { ApiError, api } from '../platform/api';
import { Page } from '../platform/page';
import { DataTable } from '../platform/table';
import { Button, Notice, Section, SummaryList } from '../platform/ui';

async function send(url: string, file: File, token: string): Promise<ImportJobOut> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'x-file-name': encodeURIComponent(file.name), 'x-import-token': token },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Det gick inte att nå Kontakt. Kontrollera nätverket och försök igen.');
  }
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `HTTP_${res.status}`, data.message ?? 'Filen kunde inte skickas. Försök igen.');
  return data as ImportJobOut;
}

/** Run `work`, polling its progress every half second until it ends. */
function useProgress() {
  const [progress, setProgress] = useState<ImportProgressOut | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current !== null && window.clearInterval(timer.current)), []);
  async function run<T>(work: (token: string) => Promise<T>): Promise<T> {
    const token = crypto.randomUUID();
    setProgress({ running: true, phase: null, percent: 0, rows: 0 });
    timer.current = window.setInterval(() => {
      api<ImportProgressOut>(`/import/progress/${token}`)
        .then((p) => p.running && setProgress(p))
        .catch(() => {});
    }, 500);
    try {
      return await work(token);
    } finally {
      if (timer.current !== null) window.clearInterval(timer.current);
      timer.current = null;
      setProgress(null);
    }
  }
  return { progress, run };
}

export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>('persons');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJobOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { progress, run } = useProgress();
  const result = useRef<HTMLDivElement>(null);
  const busy = progress !== null;

  useEffect(() => {
    if (job || error) result.current?.focus();
  }, [job, error]);

  async function check(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setJob(null);
    if (!file) return setFileError('Välj en fil.');
    if (file.size > MAX_IMPORT_BYTES) return setFileError(`Filen är för stor. Den får vara högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Dela upp den i flera filer.`);
    setFileError(null);
    try {
      setJob(await run((token) => send(`/api/import/check?kind=${kind}`, file, token)));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Något gick fel.');
    }
  }

  async function commit() {
    if (!file || !job) return;
    setError(null);
    try {
      setJob(await run((token) => send(`/api/import/jobs/${job.id}/commit`, file, token)));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Något gick fel.');
    }
  }

  return (
    <Page
      title="Import från det gamla systemet"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Läs in personer eller kontaktpersoner från en CSV-fil. Först provkörs filen: varje rad kontrolleras som i Kontakts egna formulär och inget sparas. När provkörningen inte hittar några fel importerar du samma fil. Antingen importeras alla rader eller ingen."
    >
      <Section title="Välj fil" id="file">
        <form onSubmit={(e) => void check(e)} noValidate>
          <div className="field">
            <label className="label" htmlFor="import-kind">
              Sorts fil
            </label>
            <select id="import-kind" className="input" value={kind} disabled={busy} onChange={(e) => setKind(e.target.value as ImportKind)}>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {importKindLabel[k]}
                </option>
              ))}
            </select>
          </div>
          <p id="import-columns-hint" className="hint">
            Kolumner: {IMPORT_COLUMNS[kind].map((c) => `${c.header}${c.required ? ' (måste finnas)' : ''}`).join(', ')}. Semikolon eller komma, UTF-8 eller Windows-1252. Högst{' '}
            {MAX_IMPORT_BYTES / 1024 / 1024} MB.
          </p>
          <div className="field">
            <label className="label" htmlFor="import-file">
              CSV-fil
            </label>
            {fileError && (
              <p id="import-file-error" className="field-error">
                {fileError}
              </p>
            )}
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              className="input"
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-error import-columns-hint' : 'import-columns-hint'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setJob(null);
              }}
            />
          </div>
          <Button type="submit" isDisabled={busy}>
            Provkör filen
          </Button>
        </form>
      </Section>

      {progress && (
        <div role="status" className="import-progress">
          <label htmlFor="import-progress-bar">{progress.phase === 'committing' ? 'Importerar' : 'Provkör'}: {progress.rows} rader lästa</label>{' '}
          <progress id="import-progress-bar" max={100} value={progress.percent}>
            {progress.percent} %
          </progress>
        </div>
      )}

      <div ref={result} tabIndex={-1}>
        {error && (
          <Notice tone="error" live title="Det gick inte">
            <p>{error}</p>
          </Notice>
        )}
        {job && job.status === 'committed' && (
          <Notice tone="success" live title="Importen är klar">
            <p>
              {job.importedCount} {job.kind === 'persons' ? 'personer' : job.kind === 'contact_persons' ? 'kontaktpersoner' : 'beslut (med sina ärenden)'} importerades från {job.fileName}.
            </p>
          </Notice>
        )}
        {job && job.status === 'checked' && job.errorCount === 0 && (
          <Notice tone="success" live title="Provkörningen hittade inga fel">
            <p>
              {job.rowCount} rader kan importeras. Inget är sparat ännu.
            </p>
          </Notice>
        )}
        {job && job.status === 'checked' && job.errorCount > 0 && (
          <Notice tone="warning" live title={`Provkörningen hittade ${job.errorCount} fel`}>
            <p>Rätta felen i filen, välj den igen och provkör. Inget är sparat.</p>
          </Notice>
        )}
      </div>

      {job && (
        <Section title="Provkörning" id="result">
          <SummaryList
            rows={[
              ['Fil', job.fileName],
              ['Rader', String(job.rowCount)],
              ['Fel', String(job.errorCount)],
              ['Teckenkodning', job.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'],
              ['Avgränsare', job.separator === ';' ? 'semikolon' : 'komma'],
              ['Kontrollsumma (SHA-256)', <code key="sha">{job.sha256}</code>],
            ]}
          />
          {job.errorCount > 0 && (
            <>
              {job.errorCount > job.errors.length && (
                <p>
                  Listan visar de första {job.errors.length} av {job.errorCount} fel.
                </p>
              )}
              <DataTable
                label="Fel i filen"
                columns={[
                  { id: 'row', label: 'Rad', isRowHeader: true, align: 'end', render: (e) => String(e.row) },
                  { id: 'column', label: 'Kolumn', render: (e) => e.column || '–' },
                  { id: 'message', label: 'Fel', render: (e) => e.message },
                ]}
                rows={job.errors.map((e, i) => ({ ...e, id: String(i) }))}
                empty="Inga fel."
              />
            </>
          )}
          {job.status === 'checked' && job.errorCount === 0 && (
            <Button onPress={() => void commit()} isDisabled={busy}>
              Importera {job.rowCount} rader
            </Button>
          )}
        </Section>
      )}
    </Page>
  );
}
