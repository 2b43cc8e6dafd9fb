// The IVO report's two hand-written steps (issue 13 item 1): the handläggare or enhetschef writes the consequences for
// the person (and a reason the record cannot show), with the version they read (stale → 409); the enhetschef marks
// a report submitted with the date it was entered in IVO's e-tjänst. When the last report of the unit's quarter is
// marked, the quarter is frozen: its snapshot is stored and every later read and export is made from it.
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/types';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { units } from '../platform/tables';
import { submitRefusal, submittedDateProblem } from './ivo-rules';
import { computeQuarter, frozenQuarter } from './ivo-quarter';
import { ivoQuarters, ivoReports } from './tables';
import type { ivoReportBody, ivoSubmitBody } from './ivo-schema';

/** The report, locked, in the actor's unit (another unit's: 404, as if it did not exist). */
async function lockedReport(ctx: UseCaseContext, tx: Tx, id: string) {
  const [r] = await tx.select().from(ivoReports).where(eq(ivoReports.id, id)).for('update');
  if (!r || r.unitId !== ctx.actor.unitId) throw new AppError('IVO_REPORT_NOT_FOUND');
  const frozen = await frozenQuarter(tx, r.unitId, r.quarter);
  return { r, frozen: frozen !== null };
}

export function updateIvoReport(ctx: UseCaseContext, id: string, input: z.output<typeof ivoReportBody>) {
  return writeUseCase(ctx, async (tx) => {
    const { r, frozen } = await lockedReport(ctx, tx, id);
    if (frozen) throw new AppError('IVO_QUARTER_FROZEN');
    if (r.submittedDate) throw new AppError('IVO_REPORT_SUBMITTED');
    if (r.version !== input.version) throw new AppError('IVO_REPORT_VERSION_CONFLICT');
    const fields = [...(input.consequences !== r.consequences ? ['consequences'] : []), ...(input.interimSupport !== r.interimSupport ? ['interimSupport'] : []), ...(input.extraReason !== r.extraReason ? ['extraReason'] : [])];
    const [u] = await tx
      .update(ivoReports)
      .set({ consequences: input.consequences, interimSupport: input.interimSupport, extraReason: input.extraReason, version: r.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.clock.now() })
      .where(and(eq(ivoReports.id, id), eq(ivoReports.version, input.version)))
      .returning();
    if (!u) throw new AppError('IVO_REPORT_VERSION_CONFLICT');
    const person = await personOf(tx, r.decisionId);
    await recordAudit(tx, ctx, { action: 'ivo.report_update', entityType: 'ivo_report', entityId: id, personId: person, details: { quarter: r.quarter, fields } });
    return { id, version: u.version, frozen: false };
  });
}

export function submitIvoReport(ctx: UseCaseContext, id: string, input: z.output<typeof ivoSubmitBody>) {
  return writeUseCase(ctx, async (tx) => {
    const { r, frozen } = await lockedReport(ctx, tx, id);
    const refusal = submitRefusal(r, frozen);
    if (refusal) throw new AppError(refusal);
    if (r.version !== input.version) throw new AppError('IVO_REPORT_VERSION_CONFLICT');
    const problem = submittedDateProblem(input.submittedDate, r.quarter, ctx.clock.today());
    if (problem) throw fieldError('submittedDate', problem);
    const [u] = await tx
      .update(ivoReports)
      .set({ submittedDate: input.submittedDate, submittedBy: ctx.actor.id, version: r.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.clock.now() })
      .where(eq(ivoReports.id, id))
      .returning();
    const person = await personOf(tx, r.decisionId);
    await recordAudit(tx, ctx, { action: 'ivo.report_submit', entityType: 'ivo_report', entityId: id, personId: person, details: { quarter: r.quarter, submittedDate: input.submittedDate } });
    const didFreeze = await freezeIfDone(ctx, tx, r.unitId, r.quarter);
    return { id, version: u.version, frozen: didFreeze };
  });
}

/**
 * Freezes the unit's quarter when every report the record selects now is submitted: the snapshot is the quarter as
 * computed in this transaction (so it holds the submission dates just written).
 */
async function freezeIfDone(ctx: UseCaseContext, tx: Tx, unitId: string, quarter: string): Promise<boolean> {
  // One freezer per unit and quarter at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ivo_quarter:${unitId}:${quarter}`}))`);
  const [open] = await tx
    .select({ id: ivoReports.id })
    .from(ivoReports)
    .where(and(eq(ivoReports.unitId, unitId), eq(ivoReports.quarter, quarter), isNull(ivoReports.submittedDate)))
    .limit(1);
  if (open) return false;
  const [unit] = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
  const data = await computeQuarter(tx, unit, quarter, ctx.actor.id);
  // A report the record selects now but nobody has seen yet (a late entry in the record) keeps the quarter open.
  if (data.reports.some((r) => !r.submittedDate)) return false;
  const snapshot = JSON.stringify(data);
  const sha256 = createHash('sha256').update(snapshot).digest('hex');
  await tx.insert(ivoQuarters).values({ unitId, quarter, frozenAt: ctx.clock.now(), frozenBy: ctx.actor.id, snapshot, sha256, reports: data.reports.length });
  await recordAudit(tx, ctx, { action: 'ivo.quarter_freeze', entityType: 'ivo_quarter', entityId: null, details: { quarter, unitId, reports: data.reports.length, sha256 } });
  return true;
}

async function personOf(tx: Tx, decisionId: string): Promise<string | null> {
  const r = (await tx.execute(sql`select c.person_id from decisions d join cases c on c.id = d.case_id where d.id = ${decisionId}`)) as unknown as { rows: { person_id: string }[] };
  return r.rows[0]?.person_id ?? null;
}
