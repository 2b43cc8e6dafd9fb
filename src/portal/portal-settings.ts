// The portal's settings (one row, seeded with its defaults): by which day of the following month a month's report is
// due. The administrator changes it (admin:settings); each change is audited.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { DEFAULT_REPORT_DUE_DAY } from './rules';
import type { portalSettingsBody } from './schema';
import { portalSettings } from './tables';

/** The settings row with its defaults, once (area seedDefaults). */
export async function seedPortalSettings(db: Queryable): Promise<void> {
  await db.insert(portalSettings).values({ id: 1 }).onConflictDoNothing();
}

export function getPortalSettings(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => {
    const [row] = await q.select().from(portalSettings).where(eq(portalSettings.id, 1));
    return { reportDueDay: row?.reportDueDay ?? DEFAULT_REPORT_DUE_DAY, version: row?.version ?? 1 };
  });
}

export function savePortalSettings(ctx: UseCaseContext, input: z.output<typeof portalSettingsBody>) {
  return writeUseCase(ctx, async (tx) => {
    await tx.insert(portalSettings).values({ id: 1 }).onConflictDoNothing();
    const [row] = await tx.select().from(portalSettings).where(eq(portalSettings.id, 1)).for('update');
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const [u] = await tx
      .update(portalSettings)
      .set({ reportDueDay: input.reportDueDay, version: row.version + 1 })
      .where(eq(portalSettings.id, 1))
      .returning();
    await recordAudit(tx, ctx, { action: 'admin.portal_settings', entityType: 'portal_settings', details: { fields: row.reportDueDay !== u.reportDueDay ? ['reportDueDay'] : [] } });
    return { reportDueDay: u.reportDueDay, version: u.version };
  });
}
