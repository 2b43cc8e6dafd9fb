// The administrator's list of imports and one import (job rows only: no person's data, so no read audit).
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { presentJob } from './present';
import { progressOf } from './progress';
import { jobById, listJobs } from './repo';

export function listImports(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => ({ items: (await listJobs(q)).map(presentJob) }));
}

export function getImport(ctx: UseCaseContext, id: string) {
  return readUseCase(ctx, async (q) => {
    const job = await jobById(q, id);
    if (!job) throw new AppError('NOT_FOUND');
    return presentJob(job);
  });
}

/** How far the caller's running dry run or commit has come (null when none runs under that token). */
export function importProgress(ctx: UseCaseContext, token: string) {
  const p = progressOf(token, ctx.actor.id);
  return p ? { running: true, phase: p.phase, percent: Math.min(100, Math.floor((100 * p.done) / Math.max(1, p.total))), rows: p.rows } : { running: false, phase: null, percent: 0, rows: 0 };
}
