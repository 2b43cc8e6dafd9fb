// Administrator: units (enheter).
import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { readUseCase, writeUseCase, type UniqueField } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { units } from '../platform/tables';
import type { unitBody, unitUpdateBody } from './schema';

const present = (u: typeof units.$inferSelect) => ({ id: u.id, name: u.name, route: u.route, active: u.active, version: u.version });

export function listUnits(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => ({ items: (await q.select().from(units).orderBy(asc(units.name))).map(present) }));
}

const uniqueName: UniqueField = { column: units.name, code: 'UNIT_NAME_TAKEN', path: 'name', message: 'Det finns redan en enhet med det namnet.' };

export function createUnit(ctx: UseCaseContext, input: z.output<typeof unitBody>) {
  return writeUseCase(
    ctx,
    async (tx) => {
      const [u] = await tx.insert(units).values({ ...input, createdAt: ctx.clock.now() }).returning();
      await recordAudit(tx, ctx, { action: 'admin.unit', entityType: 'unit', entityId: u.id, details: { op: 'create' } });
      return present(u);
    },
    { unique: [uniqueName] },
  );
}

export function updateUnit(ctx: UseCaseContext, id: string, input: z.output<typeof unitUpdateBody>) {
  const { version, ...set } = input;
  return changeVersioned(ctx, {
    table: units,
    id,
    version,
    apply: () => set,
    audit: (_, u) => ({ action: 'admin.unit', entityType: 'unit', entityId: u.id, details: { op: 'update', fields: Object.keys(set) } }),
    present,
    unique: [uniqueName],
  });
}
