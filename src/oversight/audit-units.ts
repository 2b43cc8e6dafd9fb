// Loggkontroll: the units to search the log by (the enhetschef's own unit; every unit for the revisor). No personal data.
import { asc, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { scopeOf } from '../platform/policy/permissions';
import { units } from '../platform/tables';

export function listAuditUnits(ctx: UseCaseContext): Promise<{ items: { id: string; name: string }[] }> {
  return readUseCase(ctx, async (db) => {
    const own = scopeOf(ctx.actor, 'audit:read') === 'unit';
    const items = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(own ? eq(units.id, ctx.actor.unitId ?? '00000000-0000-0000-0000-000000000000') : undefined)
      .orderBy(asc(units.name));
    return { items };
  });
}
