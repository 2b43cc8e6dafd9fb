// What the administrator sees of an import job: counts, the capped error list, never the file's content beyond
// the errors' row numbers, columns and messages.
import type { importJobs } from './tables';
import type { RowError } from './rules';

export function presentJob(j: typeof importJobs.$inferSelect) {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    sha256: j.sha256,
    sizeBytes: j.sizeBytes,
    encoding: j.encoding,
    separator: j.separator,
    status: j.status,
    rowCount: j.rowCount,
    errorCount: j.errorCount,
    errors: j.errors as RowError[],
    importedCount: j.importedCount,
    checkedAt: j.checkedAt.toISOString(),
    committedAt: j.committedAt?.toISOString() ?? null,
  };
}
