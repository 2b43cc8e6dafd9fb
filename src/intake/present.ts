// What a case looks like to staff who may read it. Fields are listed; nothing leaves by accident.
import { canOnCase, type Actor } from '../platform/policy/permissions';
import { formatIdentityNumber } from '../people/identity-number';
import { factsOf, statusOf } from './case-status';
import type { CaseWithNames } from './repo';
import { canAcknowledge, canDownloadLetter, canRecordApplication, canRecordDocumentation, caseWarnings, daysSinceReceived } from './rules';
import type { CaseOut, CaseSummaryOut } from './schema';
import type { MunicipalitySettings } from '../platform/settings';

/** The municipality's limits the warnings are measured against. */
export type Limits = Pick<MunicipalitySettings, 'acknowledgeWithinWorkingDays' | 'documentationWithinWorkingDays' | 'orderConfirmWithinWorkingDays'>;


export function presentCaseSummary(r: CaseWithNames, today: string, m: Limits): CaseSummaryOut {
  const c = r.c;
  const s = statusOf(factsOf(r.facts), today);
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
    warnings: caseWarnings(s.status, { ...c, orderedDate: r.facts.orderedDate, orderConfirmedDate: r.facts.orderConfirmedDate }, today, {
      ackWithinWorkingDays: m.acknowledgeWithinWorkingDays,
      documentationWithinWorkingDays: m.documentationWithinWorkingDays,
      orderConfirmWithinWorkingDays: m.orderConfirmWithinWorkingDays,
    }),
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
    // The same rules the use cases check (rules.ts), with the actor's permission: an ability is true exactly when
    // the action would be accepted (intake-abilities.db.test.ts).
    abilities: {
      canEdit,
      canAssign: canOnCase(actor, 'case:assign', c),
      canAcknowledge: canEdit && canAcknowledge(c),
      canRecordDocumentation: canEdit && canRecordDocumentation(c),
      canRecordApplication: canEdit && canRecordApplication(c),
      canDownloadLetter: canDownloadLetter(c),
    },
  };
}
