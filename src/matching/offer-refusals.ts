// The matching stage's hard constraints for making an offer (assignments/make-offer.ts takes them as a function,
// since assignments comes before matching): the same pure check as the ranking, capacity aside (make-offer
// compares the locked row itself, so a lost race is 409 OFFER_NO_PLACE).
import type { OfferRefusals } from '../assignments/make-offer';
import { AppError } from '../platform/errors';
import { explainCandidate } from './rules';
import { matchConfigOf } from './load';
import { candidateProfile, profilesOf, waitingOrder } from './repo';

export const offerRefusals: OfferRefusals = async (tx, ctx, order, contactPersonId) => {
  const today = ctx.clock.today();
  const row = await waitingOrder(tx, order.id, today);
  if (!row) throw new AppError('OFFER_ORDER_NOT_WAITING');
  const found = (await candidateProfile(tx, contactPersonId, today))!;
  const why: string[] = [];
  if (!found.approved) why.push('Är inte godkänd som kontaktperson.');
  if (found.ended) why.push('Är avslutad i registret.');
  const profile = (await profilesOf(tx, [row], today)).get(order.id)!;
  const r = explainCandidate(profile, found.profile, await matchConfigOf(tx));
  for (const e of r.exclusions) if (e.kind !== 'full') why.push(e.reason);
  return why;
};
