// The municipality's districts and interests, for the coordinator's filters and profile form.
import { asc, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { cpSettingsOf } from './repo';
import { cpDistricts } from './tables';

export function listDistricts(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => ({
    items: await q.select({ id: cpDistricts.id, name: cpDistricts.name }).from(cpDistricts).where(eq(cpDistricts.active, true)).orderBy(asc(cpDistricts.name)),
    interests: (await cpSettingsOf(q)).interests,
  }));
}
