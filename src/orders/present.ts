// What an order looks like to its readers (the provider's kontaktsekreterare, the case's handläggare): fields listed,
// only what execution needs. A person with skyddad identitet never has contact details in an order: the order says
// "Kontakt via handläggaren" (the kontaktsekreterare reads no cases, so the skyddad identitet rule never opens them;
// the handläggare sees the order as it was sent).
import { canOnCase, scopeCovers, scopeOf, type Actor } from '../platform/policy/permissions';
import { formatIdentityNumber } from '../people/identity-number';
import { representativeKindLabel } from '../people/schema';
import { decisionOutcomeLabel } from '../decisions/rules';
import { wishedGenderLabel } from '../investigation/rules';
import type { InboxRow, OrderDetail, OrderRow } from './repo';
import { answerRefusal, orderConfirmDeadline, orderOverdue, orderState, orderStateLabel, orderEventLabel, providerActionRefusal, scopeText } from './rules';
import type { OrderOut, OrderSummaryOut } from './schema';

export const PROTECTED_CONTACT_NOTE = 'Personen har skyddad identitet. Kontakt via handläggaren.';

/** The provider's scope on an order: its provider unit (and, for an "own" grant, the orders one sent). */
export function orderInScope(actor: Actor, permission: 'order:read' | 'order:confirm', o: Pick<OrderRow, 'providerUnitId' | 'sentBy'>): boolean {
  return scopeCovers(actor, scopeOf(actor, permission), { unitId: o.providerUnitId, responsibleUserId: o.sentBy });
}

function clock(o: OrderRow, today: string, withinWorkingDays: number) {
  const state = orderState(o);
  return {
    sentDate: o.sentDate,
    confirmDeadline: orderConfirmDeadline(o.sentDate, withinWorkingDays),
    overdue: orderOverdue(o, today, withinWorkingDays),
    state,
    stateLabel: orderStateLabel[state],
  };
}

export function presentOrderSummary(r: InboxRow, today: string, withinWorkingDays: number): OrderSummaryOut {
  return {
    id: r.o.id,
    caseNumber: r.caseNumber,
    route: r.route,
    person: { name: `${r.firstName} ${r.lastName}`, protectedIdentity: r.protectedIdentity },
    providerUnit: { id: r.o.providerUnitId, name: r.providerUnitName },
    ...clock(r.o, today, withinWorkingDays),
  };
}

export function presentOrder(actor: Actor, r: OrderDetail, today: string, withinWorkingDays: number): OrderOut {
  const p = r.person;
  const hidden = p.protectedIdentity;
  const d = r.d;
  const caseRef = { unitId: r.caseUnitId, responsibleUserId: r.responsibleUserId };
  return {
    id: r.o.id,
    caseId: r.o.caseId,
    caseNumber: r.caseNumber,
    route: r.route,
    person: {
      name: `${p.firstName} ${p.lastName}`,
      identityNumber: formatIdentityNumber(p.identityNumber, p.idKind),
      protectedIdentity: p.protectedIdentity,
      contact: hidden ? null : { streetAddress: p.streetAddress, postalCode: p.postalCode, city: p.city, phone: p.phone, email: p.email },
      contactNote: hidden ? PROTECTED_CONTACT_NOTE : null,
      representatives: r.representatives.map((x) => ({
        kind: x.kind,
        kindLabel: representativeKindLabel[x.kind],
        name: x.name,
        phone: hidden ? null : x.phone,
        email: hidden ? null : x.email,
      })),
    },
    handlaggare: { name: r.responsibleName, unitName: r.caseUnitName },
    providerUnit: { id: r.o.providerUnitId, name: r.providerUnitName },
    decision: {
      id: d.id,
      outcomeLabel: decisionOutcomeLabel[d.outcome],
      decisionDate: d.decisionDate,
      legalBasis: `${r.law} ${r.paragraph}`,
      scope: scopeText(d.scopeUnit, d.scopeAmount, d.level),
      contactPersonCount: d.contactPersonCount,
      startDate: d.startDate,
      endDate: d.endDate,
    },
    wishes: {
      gender: r.wishedGender ? wishedGenderLabel[r.wishedGender] : null,
      genderRequired: r.wishedGenderRequired ?? false,
      ageMin: r.wishedAgeMin,
      ageMax: r.wishedAgeMax,
      interests: r.wishedInterests ?? [],
      languages: r.wishedLanguages ?? [],
      other: r.wishesOther,
    },
    information: r.o.information,
    confirmedDate: r.o.confirmedDate,
    returnQuestion: r.o.returnQuestion,
    events: r.events.map((e) => ({ kind: e.kind, label: orderEventLabel[e.kind], date: e.date, text: e.text, byName: e.byName })),
    version: r.o.version,
    ...clock(r.o, today, withinWorkingDays),
    // The same rules the use cases check, with the actor's permission and scope.
    abilities: {
      canConfirm: orderInScope(actor, 'order:confirm', r.o) && providerActionRefusal(r.o) === null,
      canReturn: orderInScope(actor, 'order:confirm', r.o) && providerActionRefusal(r.o) === null,
      canAnswer: canOnCase(actor, 'order:send', caseRef) && answerRefusal(r.o) === null,
    },
  };
}
