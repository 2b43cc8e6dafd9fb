// Loggkontroll: the administrator's limits of a mass read (more than N persons within M minutes). One row, versioned.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { massReadSettings } from './audit-unusual';
import { auditReviewSettings } from './tables';
import type { massReadSettingsBody, massReadSettingsOut } from './schema';

type Out = z.output<typeof massReadSettingsOut>;

/** The row every deployment starts with (20 persons in 10 minutes). */
export async function seedAuditReviewSettings(db: Queryable): Promise<void> {
  await db.insert(auditReviewSettings).values({ id: 1 }).onConflictDoNothing();
}

export function getMassReadSettings(ctx: UseCaseContext): Promise<Out> {
  return readUseCase(ctx, (db) => massReadSettings(db));
}

export function updateMassReadSettings(ctx: UseCaseContext, body: z.output<typeof massReadSettingsBody>): Promise<Out> {
  return writeUseCase(ctx, async (tx) => {
    const before = await massReadSettings(tx);
    const [row] = await tx
      .update(auditReviewSettings)
      .set({ massReadPersons: body.persons, massReadMinutes: body.minutes, version: sql`${auditReviewSettings.version} + 1`, updatedAt: ctx.clock.now() })
      .where(sql`${eq(auditReviewSettings.id, 1)} and ${auditReviewSettings.version} = ${body.version}`)
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    const fields = [...(before.persons !== body.persons ? ['persons'] : []), ...(before.minutes !== body.minutes ? ['minutes'] : [])];
    await recordAudit(tx, ctx, { action: 'admin.audit_review_settings', entityType: 'audit_review_settings', entityId: '1', details: { fields } });
    return { persons: row.massReadPersons, minutes: row.massReadMinutes, version: row.version };
  });
}
