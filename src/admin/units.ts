// Administrator: units (enheter).
import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { inTransaction } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { AppError, uniqueViolation } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { units } from '../platform/tables';
import type { unitBody, unitUpdateBody } from './schema';

const present = (u: typeof units.$inferSelect) => ({ id: u.id, name: u.name, route: u.route, active: u.active, version: u.version });

export async function listUnits(ctx: UseCaseContext) {
  const rows = await ctx.db.select().from(units).orderBy(asc(units.name));
  return { items: rows.map(present) };
}

async function guardName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError('UNIT_NAME_TAKEN', { fields: [{ path: 'name', message: 'Det finns redan en enhet med det namnet.' }] });
    throw e;
  }
}

export function createUnit(ctx: UseCaseContext, input: z.output<typeof unitBody>) {
  return guardName(() =>
    inTransaction(ctx.db, async (tx) => {
      const [u] = await tx.insert(units).values({ ...input, createdAt: ctx.clock.now() }).returning();
      await recordAudit(tx, ctx, { action: 'admin.unit', entityType: 'unit', entityId: u.id, details: { op: 'create' } });
      return present(u);
    }),
  );
}

export function updateUnit(ctx: UseCaseContext, id: string, input: z.output<typeof unitUpdateBody>) {
  return guardName(() =>
    inTransaction(ctx.db, async (tx) => {
      const { version, ...set } = input;
      const u = await updateVersioned(tx, units, id, version, set);
      await recordAudit(tx, ctx, { action: 'admin.unit', entityType: 'unit', entityId: u.id, details: { op: 'update', fields: Object.keys(set) } });
      return present(u);
    }),
  );
}
