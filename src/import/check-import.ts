// The dry run: read the whole file, check every row as the forms do, write nothing but the job row (what was found,
// the file's SHA-256) and its audit entry. The commit later refuses a different file or one with errors.
import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { settingsOf } from '../platform/settings';
import { readCsv } from './csv';
import { loadDecisionCatalogue } from './decisions';
import { presentJob } from './present';
import { endProgress, startProgress } from './progress';
import type { ImportKind } from './rules';
import { scanFile, type ScanTimings } from './scan';
import { importJobs } from './tables';

export async function checkImport(ctx: UseCaseContext, input: { kind: ImportKind; fileName: string; bytes: Buffer; token?: string; timings?: ScanTimings }) {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const file = readCsv(input.bytes);
  const onProgress = startProgress(input.token, { actorId: ctx.actor.id, phase: 'checking', done: 0, total: file.length, rows: 0 });
  try {
    const found = await readUseCase(ctx, async (q) => {
      const catalogue = input.kind === 'decisions' ? await loadDecisionCatalogue(q, await settingsOf(ctx, q)) : null;
      return scanFile(q, input.kind, file, ctx.clock.today(), { onProgress, timings: input.timings, catalogue });
    });
    return await writeUseCase(ctx, async (tx) => {
      const [job] = await tx
        .insert(importJobs)
        .values({
          kind: input.kind,
          fileName: input.fileName,
          sha256,
          sizeBytes: input.bytes.length,
          encoding: file.encoding,
          separator: file.separator,
          status: 'checked',
          rowCount: found.rowCount,
          errorCount: found.errorCount,
          errors: found.errors,
          checkedBy: ctx.actor.id,
          checkedAt: ctx.clock.now(),
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'import.check',
        entityType: 'import_job',
        entityId: job.id,
        details: { kind: input.kind, sha256, rows: found.rowCount, errors: found.errorCount },
      });
      return presentJob(job);
    });
  } finally {
    endProgress(input.token);
  }
}
