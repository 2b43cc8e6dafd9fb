// The administrator's weights for matching (one row; the defaults until first saved). Each change is audited.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { WEIGHT_KEYS } from './rules';
import { weightsOf } from './repo';
import type { matchingSettingsBody, MatchingSettingsOut } from './schema';
import { matchingSettings } from './tables';

export function getMatchingSettings(ctx: UseCaseContext): Promise<MatchingSettingsOut> {
  return readUseCase(ctx, (q) => weightsOf(q));
}

export function saveMatchingSettings(ctx: UseCaseContext, input: z.output<typeof matchingSettingsBody>): Promise<MatchingSettingsOut> {
  return writeUseCase(ctx, async (tx) => {
    const current = await weightsOf(tx);
    const [locked] = await tx.select({ version: matchingSettings.version }).from(matchingSettings).where(eq(matchingSettings.id, 1)).for('update');
    if ((locked?.version ?? current.version) !== input.version) throw new AppError('VERSION_CONFLICT');
    const { version: _v, ...values } = input;
    const fields = WEIGHT_KEYS.filter((k) => current[k] !== values[k]);
    const [row] = locked
      ? await tx
          .update(matchingSettings)
          .set({ ...values, version: locked.version + 1 })
          .where(eq(matchingSettings.id, 1))
          .returning()
      : await tx
          .insert(matchingSettings)
          .values({ id: 1, ...values })
          .returning();
    await recordAudit(tx, ctx, { action: 'admin.matching_settings', entityType: 'matching_settings', details: { fields: [...fields] } });
    const { id: _id, ...out } = row;
    return out;
  });
}
