// The commit: the same file as the dry run (same SHA-256), which found no errors, read and checked again (the
// register may have changed since) and inserted in batches — all of it in one transaction, so a bad row anywhere,
// even the last, leaves nothing. One audit row per created person or contact person, and one for the import.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { persons } from '../people/tables';
import { settingsOf } from '../platform/settings';
import { readCsv } from './csv';
import { insertDecisions, loadDecisionCatalogue, type DecisionCatalogue, type DecisionRow } from './decisions';
import { presentJob } from './present';
import { endProgress, startProgress } from './progress';
import { insertContactPersons, insertPersons, jobById } from './repo';
import { scanFile, type ScanTimings } from './scan';
import { importJobs } from './tables';
import type { ContactPersonRow, PersonRow } from './validate';

export async function commitImport(ctx: UseCaseContext, input: { jobId: string; bytes: Buffer; token?: string; timings?: ScanTimings }) {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const file = readCsv(input.bytes);
  const onProgress = startProgress(input.token, { actorId: ctx.actor.id, phase: 'committing', done: 0, total: file.length, rows: 0 });
  try {
    return await writeUseCase(
      ctx,
      async (tx) => {
        const job = await jobById(tx, input.jobId, true);
        if (!job) throw new AppError('NOT_FOUND');
        if (job.status === 'committed') throw new AppError('IMPORT_ALREADY_COMMITTED');
        if (job.errorCount > 0) throw new AppError('IMPORT_HAS_ERRORS');
        if (job.sha256 !== sha256) throw new AppError('IMPORT_FILE_CHANGED');
        let imported = 0;
        const today = ctx.clock.today();
        const catalogue = job.kind === 'decisions' ? await loadDecisionCatalogue(tx, await settingsOf(ctx, tx)) : null;
        const insert = async (rows: (PersonRow | ContactPersonRow | DecisionRow)[]) => {
          if (job.kind === 'persons') imported += await insertPersons(tx, ctx, job.id, rows as PersonRow[]);
          else if (job.kind === 'contact_persons') imported += await insertContactPersons(tx, ctx, job.id, rows as ContactPersonRow[]);
          else imported += await insertDecisions(tx, ctx, job.id, rows as DecisionRow[], catalogue as DecisionCatalogue, today, imported === 0);
        };
        const found = await scanFile(tx, job.kind, file, today, { onProgress, insert, timings: input.timings, catalogue });
        if (found.errorCount > 0) {
          const first = found.errors[0];
          throw new AppError('IMPORT_HAS_ERRORS', {
            message: `Filen har fel sedan provkörningen (till exempel rad ${first.row}, ${first.column}: ${first.message}). Inget är importerat. Gör en ny provkörning.`,
          });
        }
        const [done] = await tx
          .update(importJobs)
          .set({ status: 'committed', importedCount: imported, committedBy: ctx.actor.id, committedAt: ctx.clock.now() })
          .where(eq(importJobs.id, job.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'import.commit',
          entityType: 'import_job',
          entityId: job.id,
          details: { kind: job.kind, sha256, rows: found.rowCount, imported },
        });
        return presentJob(done);
      },
      // Someone registered the same person between the dry run and now, in another transaction.
      { unique: [{ column: persons.identityNumber, code: 'IMPORT_HAS_ERRORS', path: 'file', message: 'En person i filen har registrerats i Kontakt efter provkörningen. Inget är importerat. Gör en ny provkörning.' }] },
    );
  } finally {
    endProgress(input.token);
  }
}
