// The payroll configuration (lön): what happens to a line without an approved report, whether a report's approver
// may lock the month that pays it, the lönearter per kind and the cost centre per unit. A change is audited with its
// field names and applies to months not yet locked (a locked month keeps the codes it was frozen with).
import { asc, eq, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can } from '../platform/policy/permissions';
import { units } from '../platform/tables';
import type { Queryable } from '../platform/db/connect';
import { payrollSettingsOf } from './repo';
import type { PayrollSettingsOut, payrollSettingsBody } from './schema';
import { payrollCostCentres, payrollSettings } from './tables';

async function present(q: Queryable, ctx: UseCaseContext): Promise<PayrollSettingsOut> {
  const s = await payrollSettingsOf(q);
  const rows = await q
    .select({ unitId: units.id, unitName: units.name, costCentre: payrollCostCentres.costCentre })
    .from(units)
    .leftJoin(payrollCostCentres, eq(payrollCostCentres.unitId, units.id))
    .where(eq(units.active, true))
    .orderBy(asc(units.name));
  return {
    version: s.version === 0 ? null : s.version,
    unreportedPolicy: s.unreportedPolicy,
    approverMayLock: s.approverMayLock,
    payCodeArvode: s.payCodeArvode,
    payCodeOmkostnad: s.payCodeOmkostnad,
    payCodeUtlagg: s.payCodeUtlagg,
    payCodeCorrection: s.payCodeCorrection,
    defaultCostCentre: s.defaultCostCentre,
    costCentres: rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, costCentre: r.costCentre ?? '' })),
    canEdit: can(ctx.actor, 'payroll:manage'),
  };
}

export function getPayrollSettings(ctx: UseCaseContext) {
  return readUseCase(ctx, (q) => present(q, ctx));
}

export function savePayrollSettings(ctx: UseCaseContext, input: z.output<typeof payrollSettingsBody>) {
  const unitIds = input.costCentres.map((c) => c.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw fieldError('costCentres', 'En enhet finns två gånger.');
  return writeUseCase(ctx, async (tx) => {
    const [existing] = await tx.select().from(payrollSettings).where(eq(payrollSettings.id, 1)).for('update');
    if ((existing?.version ?? null) !== input.version) throw new AppError('VERSION_CONFLICT');
    if (unitIds.length > 0) {
      const known = await tx.select({ id: units.id }).from(units);
      const ids = new Set(known.map((u) => u.id));
      const unknown = unitIds.findIndex((id) => !ids.has(id));
      if (unknown >= 0) throw fieldError(`costCentres.${unknown}.unitId`, 'Enheten finns inte.');
    }
    const { version: _v, costCentres, ...values } = input;
    const before = await payrollSettingsOf(tx);
    const fields: string[] = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]);
    if (existing) await tx.update(payrollSettings).set({ ...values, version: existing.version + 1, updatedAt: ctx.clock.now() }).where(eq(payrollSettings.id, 1));
    else await tx.insert(payrollSettings).values({ id: 1, ...values });
    // Cost centres: the units listed keep theirs (an empty one is removed), the others are removed.
    const kept = costCentres.filter((c) => c.costCentre !== '');
    const current = await tx.select().from(payrollCostCentres);
    const changedUnits = kept.filter((c) => current.find((r) => r.unitId === c.unitId)?.costCentre !== c.costCentre).length + current.filter((r) => !kept.some((c) => c.unitId === r.unitId)).length;
    if (kept.length === 0) await tx.delete(payrollCostCentres);
    else await tx.delete(payrollCostCentres).where(notInArray(payrollCostCentres.unitId, kept.map((c) => c.unitId)));
    for (const c of kept) {
      await tx
        .insert(payrollCostCentres)
        .values({ unitId: c.unitId, costCentre: c.costCentre })
        .onConflictDoUpdate({ target: payrollCostCentres.unitId, set: { costCentre: c.costCentre, updatedAt: ctx.clock.now() } });
    }
    if (changedUnits > 0) fields.push('costCentres');
    await recordAudit(tx, ctx, { action: 'payroll.settings', entityType: 'payroll_settings', details: { fields } });
    return present(tx, ctx);
  });
}
