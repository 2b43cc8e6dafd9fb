// Administrator: the municipality's name, case-number pattern and acknowledgement limit.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { readUseCase } from '../platform/db/transaction';
import { rememberSettings, settingsOf, type MunicipalitySettings } from '../platform/settings';
import { municipality } from '../platform/tables';
import { AppError } from '../platform/errors';
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
  solMinAge: m.solMinAge,
  solCriteria: m.solCriteria,
  solExclusions: m.solExclusions,
  decisionMaxMonths: m.decisionMaxMonths,
  delegationMaxHoursPerMonth: m.delegationMaxHoursPerMonth,
  delegationMaxContactPersons: m.delegationMaxContactPersons,
  monthlyHoursPerWeeklyMeetingMin: m.monthlyHoursPerWeeklyMeetingMin,
  monthlyHoursPerWeeklyMeetingMax: m.monthlyHoursPerWeeklyMeetingMax,
  scopeLevels: m.scopeLevels,
  orderConfirmWithinWorkingDays: m.orderConfirmWithinWorkingDays,
  followUpMonths: m.followUpMonths,
  endingWindowDays: m.endingWindowDays,
  version: m.version,
});

export function readMunicipalitySettings(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => present(await settingsOf(ctx, q)));
}

export function updateMunicipalitySettings(ctx: UseCaseContext, input: z.output<typeof municipalityBody>) {
  const { version, ...given } = input;
  // A routine field left out of the form keeps its value.
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given;
  return changeVersioned(ctx, {
    table: municipality,
    id: 1,
    version,
    check: () => {
      const min = set.monthlyHoursPerWeeklyMeetingMin;
      const max = set.monthlyHoursPerWeeklyMeetingMax;
      if (min !== undefined && max !== undefined && min > max)
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'monthlyHoursPerWeeklyMeetingMax', message: 'Det högsta antalet timmar kan inte vara lägre än det lägsta.' }] });
    },
    apply: () => set,
    audit: () => ({ action: 'admin.municipality', entityType: 'municipality', entityId: '1', details: { fields: Object.keys(set) } }),
    present: (m) => {
      rememberSettings(ctx, m);
      return present(m);
    },
  });
}
