// Administrator: the municipality's name, case-number pattern and acknowledgement limit.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { getMunicipality, type MunicipalitySettings } from '../platform/settings';
import { municipality } from '../platform/tables';
import type { municipalityBody } from './schema';

const present = (m: MunicipalitySettings) => ({
  name: m.name,
  caseNumberPattern: m.caseNumberPattern,
  acknowledgeWithinWorkingDays: m.acknowledgeWithinWorkingDays,
  documentationWithinWorkingDays: m.documentationWithinWorkingDays,
  postalAddress: m.postalAddress,
  phone: m.phone,
  email: m.email,
  privacyInfo: m.privacyInfo,
  version: m.version,
});

export async function readMunicipalitySettings(ctx: UseCaseContext) {
  return present(await getMunicipality(ctx.db));
}

export function updateMunicipalitySettings(ctx: UseCaseContext, input: z.output<typeof municipalityBody>) {
  return inTransaction(ctx.db, async (tx) => {
    const { version, ...set } = input;
    const [m] = await tx
      .update(municipality)
      .set({ ...set, version: sql`${municipality.version} + 1` })
      .where(and(eq(municipality.id, 1), eq(municipality.version, version)))
      .returning();
    if (!m) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'admin.municipality', entityType: 'municipality', entityId: '1', details: { fields: Object.keys(set) } });
    return present(m);
  });
}
