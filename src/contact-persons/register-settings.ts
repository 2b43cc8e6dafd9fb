// The administrator's configuration of the register: which requirements apply (and how long they are valid),
// references needed, when a registerkontroll is required, the interests list, reminder windows, disposal, the
// public form's limits; and the municipality's districts. Each change is audited with its field names.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { updateVersioned } from '../platform/db/versioned';
import { cpSettingsOf } from './repo';
import type { cpSettingsBody, districtBody, districtUpdateBody } from './schema';
import { cpDistricts, cpSettings } from './tables';

function present(s: Awaited<ReturnType<typeof cpSettingsOf>>) {
  const { formSecret: _secret, id: _id, ...rest } = s;
  return rest;
}

export function getRegisterSettings(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => present(await cpSettingsOf(q)));
}

export function saveRegisterSettings(ctx: UseCaseContext, input: z.output<typeof cpSettingsBody>) {
  const codes = input.interests.map((i) => i.code);
  if (new Set(codes).size !== codes.length) throw fieldError('interests', 'Två intressen har samma kod.');
  const kinds = input.requirements.map((r) => r.kind);
  if (new Set(kinds).size !== kinds.length) throw fieldError('requirements', 'Ett krav finns två gånger.');
  return writeUseCase(ctx, async (tx) => {
    const current = await cpSettingsOf(tx);
    const [existing] = await tx.select({ version: cpSettings.version }).from(cpSettings).for('update');
    if ((existing?.version ?? null) !== (input.version ?? null) && existing) throw new AppError('VERSION_CONFLICT');
    const { version: _v, ...values } = input;
    const fields = Object.keys(values).filter((k) => JSON.stringify((current as Record<string, unknown>)[k]) !== JSON.stringify((values as Record<string, unknown>)[k]));
    const [row] = existing
      ? await tx
          .update(cpSettings)
          .set({ ...values, version: existing.version + 1 })
          .where(eq(cpSettings.id, 1))
          .returning()
      : await tx
          .insert(cpSettings)
          .values({ id: 1, ...values })
          .returning();
    await recordAudit(tx, ctx, { action: 'admin.contact_person_settings', entityType: 'municipality', details: { fields } });
    return present(row);
  });
}

export function listAllDistricts(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => ({ items: await q.select().from(cpDistricts).orderBy(asc(cpDistricts.name)) }));
}

const uniqueName = [{ column: cpDistricts.name, code: 'VALIDATION_FAILED' as const, path: 'name', message: 'Det finns redan ett område med det namnet.' }];

export function createDistrict(ctx: UseCaseContext, input: z.output<typeof districtBody>) {
  return writeUseCase(
    ctx,
    async (tx) => {
      const [row] = await tx.insert(cpDistricts).values(input).returning();
      await recordAudit(tx, ctx, { action: 'admin.cp_district', entityType: 'municipality', entityId: row.id, details: { op: 'create' } });
      return row;
    },
    { unique: uniqueName },
  );
}

export function updateDistrict(ctx: UseCaseContext, id: string, input: z.output<typeof districtUpdateBody>) {
  return writeUseCase(
    ctx,
    async (tx) => {
      const row = await updateVersioned(tx, cpDistricts, id, input.version, { name: input.name, active: input.active });
      await recordAudit(tx, ctx, { action: 'admin.cp_district', entityType: 'municipality', entityId: id, details: { op: 'update' } });
      return row;
    },
    { unique: uniqueName },
  );
}
