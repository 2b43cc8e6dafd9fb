// What every matching use case loads: the configuration (weights, the registerkontroll rules and scope, the
// interests' labels) and one waiting order in the actor's scope (by the order's provider unit; outside → 404).
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { scopeCovers, scopeOf, type Permission } from '../platform/policy/permissions';
import { findOrder } from '../orders/repo';
import { ORDER_NOT_FOUND_MESSAGE } from '../orders/load-order';
import { checkRulesOf, cpSettingsOf } from '../contact-persons/repo';
import type { MatchConfig, MatchWeights } from './rules';
import { waitingOrder, weightsOf, type WaitingRow } from './repo';

export async function matchConfigOf(q: Queryable): Promise<MatchConfig & { weights: MatchWeights & { version: number } }> {
  // One after another: `q` may be a transaction (one connection), as when an offer is checked.
  const [weights, checkRules, s] = [await weightsOf(q), await checkRulesOf(q), await cpSettingsOf(q)];
  return { weights, checkRules, checkScope: s.registerCheckScope, interestLabels: Object.fromEntries(s.interests.map((i) => [i.code, i.label])) };
}

/**
 * One order for matching: in scope (404 otherwise), confirmed (409), and its decision still waiting for a
 * contact person (409).
 */
export async function loadWaitingOrder(q: Queryable, ctx: UseCaseContext, orderId: string, permission: Permission): Promise<WaitingRow> {
  const o = await findOrder(q, orderId);
  if (!o || !scopeCovers(ctx.actor, scopeOf(ctx.actor, permission), { unitId: o.providerUnitId, responsibleUserId: null })) {
    throw new AppError('NOT_FOUND', { message: ORDER_NOT_FOUND_MESSAGE });
  }
  if (!o.confirmedDate) throw new AppError('OFFER_ORDER_NOT_CONFIRMED');
  const row = await waitingOrder(q, orderId, ctx.clock.today());
  if (!row) throw new AppError('OFFER_ORDER_NOT_WAITING');
  return row;
}
