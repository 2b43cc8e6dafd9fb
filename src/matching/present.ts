// What the coordinator sees of a waiting order: the person's name (skyddad identitet flagged, never an address),
// the clock (days waited, the execution deadline, days left), the wishes, how many contact persons were granted,
// run and are still needed, and the offers made.
import { offerCloseReasonLabel, offerResponseLabel, type OfferCloseReason, type OfferResponse } from '../assignments/rules';
import { wishedGenderLabel } from '../investigation/rules';
import { daysLeft, daysWaited, pastDeadline, priorityPoints, waitingDeadline, type MatchWeights, type WaitingFacts } from './rules';
import type { offersOf, WaitingRow } from './repo';
import type { WaitingItemOut } from './schema';

type OfferRow = Awaited<ReturnType<typeof offersOf>>[number];

export function waitingFactsOf(r: Pick<WaitingRow, 'decisionDate' | 'interruptedSince'>): WaitingFacts {
  return { waitingSince: r.interruptedSince ?? r.decisionDate };
}

/** Contact persons still needed: granted, less the places held by open offers (running assignments keep theirs). */
export function neededOf(r: Pick<WaitingRow, 'granted' | 'openOffers'>): number {
  return Math.max(0, (r.granted ?? 1) - Number(r.openOffers));
}

export function personOf(r: Pick<WaitingRow, 'firstName' | 'lastName' | 'protectedIdentity'>) {
  return { name: `${r.firstName} ${r.lastName}`, protectedIdentity: r.protectedIdentity };
}

export function presentWaiting(r: WaitingRow, offers: readonly OfferRow[], today: string, w: MatchWeights): WaitingItemOut {
  const f = waitingFactsOf(r);
  return {
    orderId: r.orderId,
    caseNumber: r.caseNumber,
    route: r.route,
    person: personOf(r),
    decisionDate: r.decisionDate,
    waitingSince: f.waitingSince,
    replacement: r.interruptedSince !== null,
    daysWaited: daysWaited(f, today),
    executionDeadline: waitingDeadline(f),
    daysLeft: daysLeft(f, today),
    pastDeadline: pastDeadline(f, today),
    priority: priorityPoints(f, today, w),
    wishes: {
      gender: r.wishedGender ? wishedGenderLabel[r.wishedGender] : null,
      genderRequired: r.wishedGenderRequired ?? false,
      ageMin: r.wishedAgeMin,
      ageMax: r.wishedAgeMax,
      interests: r.wishedInterests ?? [],
      languages: r.wishedLanguages ?? [],
      other: r.wishesOther,
    },
    granted: r.granted ?? 1,
    started: Number(r.running),
    needed: neededOf(r),
    offers: offers.map((o) => ({
      id: o.id,
      contactPerson: { id: o.contactPersonId, name: `${o.firstName} ${o.lastName}` },
      offeredDate: o.offeredDate,
      response: o.response,
      responseLabel: offerResponseLabel[o.response as OfferResponse],
      responseDate: o.responseDate,
      closedDate: o.closedDate,
      closedReason: o.closedReason,
      closedLabel: o.closedReason ? offerCloseReasonLabel[o.closedReason as OfferCloseReason] : null,
    })),
  };
}
