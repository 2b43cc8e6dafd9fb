// Administrator: the municipality's name, case-number pattern and acknowledgement limit.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { readUseCase } from '../platform/db/transaction';
import { rememberSettings, settingsOf, type MunicipalitySettings } from '../platform/settings';
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

export function readMunicipalitySettings(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => present(await settingsOf(ctx, q)));
}

export function updateMunicipalitySettings(ctx: UseCaseContext, input: z.output<typeof municipalityBody>) {
  const { version, ...set } = input;
  return changeVersioned(ctx, {
    table: municipality,
    id: 1,
    version,
    apply: () => set,
    audit: () => ({ action: 'admin.municipality', entityType: 'municipality', entityId: '1', details: { fields: Object.keys(set) } }),
    present: (m) => {
      rememberSettings(ctx, m);
      return present(m);
    },
  });
}
