// What a case looks like to staff who may read it. Fields are listed; nothing leaves by accident.
import { canOnCase, type Actor } from '../platform/policy/permissions';
import { formatIdentityNumber } from '../people/identity-number';
import type { CaseRow, CaseWithNames } from './repo';
import { caseStatusLabel, caseWarnings, daysSinceReceived, deriveCaseStatus, documentationMissing } from './rules';
import type { CaseOut, CaseSummaryOut } from './schema';
import type { MunicipalitySettings } from '../platform/settings';

/** The municipality's limits the warnings are measured against. */
export type Limits = Pick<MunicipalitySettings, 'acknowledgeWithinWorkingDays' | 'documentationWithinWorkingDays'>;

export function statusOf(c: Pick<CaseRow, 'applicationDate' | 'acknowledgedDate'>, today: string) {
  const status = deriveCaseStatus({ applicationDate: c.applicationDate, acknowledgedDate: c.acknowledgedDate }, today);
  return { status, statusLabel: caseStatusLabel[status] };
}

export function presentCaseSummary(r: CaseWithNames, today: string, m: Limits): CaseSummaryOut {
  const c = r.c;
  const s = statusOf(c, today);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    route: c.route,
    person: {
      id: c.personId,
      name: `${r.personFirstName} ${r.personLastName}`,
      identityNumber: formatIdentityNumber(r.personIdentityNumber, r.personIdKind),
      protectedIdentity: r.personProtected,
    },
    responsible: { id: c.responsibleUserId, name: r.responsibleName },
    unit: { id: c.unitId, name: r.unitName },
    receivedDate: c.receivedDate,
    isReferral: c.applicationDate === null,
    ...s,
    daysSinceReceived: daysSinceReceived(c.receivedDate, today),
    warnings: caseWarnings(s.status, c, today, { ackWithinWorkingDays: m.acknowledgeWithinWorkingDays, documentationWithinWorkingDays: m.documentationWithinWorkingDays }),
  };
}

export function presentCase(actor: Actor, r: CaseWithNames, today: string, m: Limits): CaseOut {
  const c = r.c;
  const canEdit = canOnCase(actor, 'case:write', c);
  return {
    ...presentCaseSummary(r, today, m),
    requester: c.requester,
    requesterName: c.requesterName,
    channel: c.channel,
    applicationDate: c.applicationDate,
    acknowledgedDate: c.acknowledgedDate,
    acknowledgementMethod: c.acknowledgementMethod,
    personkretsDocumentation: c.personkretsDocumentation,
    personkretsGroup: c.personkretsGroup,
    documentationReceivedDate: c.documentationReceivedDate,
    description: c.description,
    version: c.version,
    abilities: {
      canEdit,
      canAssign: canOnCase(actor, 'case:assign', c),
      canAcknowledge: canEdit && c.acknowledgedDate === null && c.applicationDate !== null,
      canRecordDocumentation: canEdit && documentationMissing(c),
      canRecordApplication: canEdit && c.applicationDate === null,
      canDownloadLetter: c.acknowledgedDate !== null,
    },
  };
}
