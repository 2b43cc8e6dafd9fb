import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { scopeWhere } from '../platform/policy/scope';
import { orders } from '../orders/tables';
import { daysLeft, priorityPoints, proposeAssignment, unmatchedWhyLabel, type ProposalOrder } from './rules';
import { matchConfigOf } from './load';
import { neededOf, personOf, waitingFactsOf } from './present';
import { profilesOf, waitingOrders } from './repo';
import { candidatePool } from './candidate-pool';
import type { ProposalOut } from './schema';

/**
 * The best assignment of the whole waiting list in scope: an exact maximum of match quality plus the orders'
 * priority (waited, deadline), within capacities and hard constraints. Only a proposal: nothing is booked.
 */
export function proposeWaitingList(ctx: UseCaseContext): Promise<ProposalOut> {
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    const where = scopeWhere(ctx.actor, 'assignment:read', { unitId: orders.providerUnitId, responsibleUserId: orders.sentBy });
    const rows = await waitingOrders(q, where, today);
    const cfg = await matchConfigOf(q);
    const profiles = await profilesOf(q, rows, today);
    const { cps } = await candidatePool(q, ctx.db, today, cfg);
    const started = performance.now();
    const input: ProposalOrder[] = rows.map((r) => ({ profile: profiles.get(r.orderId)!, need: neededOf(r), priority: priorityPoints(waitingFactsOf(r), today, cfg.weights) }));
    const p = proposeAssignment({ orders: input, candidates: cps, cfg });
    const millis = Math.round(performance.now() - started);
    const byOrder = new Map(rows.map((r) => [r.orderId, r] as const));
    const byCp = new Map(cps.map((c) => [c.id, c] as const));
    const pairs = p.pairs
      .map((x) => {
        const r = byOrder.get(x.orderId)!;
        const c = byCp.get(x.contactPersonId)!;
        return {
          orderId: x.orderId,
          caseNumber: r.caseNumber,
          person: personOf(r),
          daysLeft: daysLeft(waitingFactsOf(r), today),
          contactPerson: { id: c.id, name: `${c.firstName} ${c.lastName}` },
          score: x.score,
          reasons: x.reasons,
        };
      })
      .sort((a, b) => a.daysLeft - b.daysLeft || a.caseNumber.localeCompare(b.caseNumber));
    const unmatched = p.unmatched
      .map((u) => {
        const r = byOrder.get(u.orderId)!;
        return { orderId: u.orderId, caseNumber: r.caseNumber, person: personOf(r), daysLeft: daysLeft(waitingFactsOf(r), today), missing: u.missing, why: u.why, whyLabel: unmatchedWhyLabel[u.why] };
      })
      .sort((a, b) => a.daysLeft - b.daysLeft);
    await recordAudit(q, ctx, [
      { action: 'matching.proposal', entityType: 'order', details: { orders: rows.length, pairs: pairs.length, unmatched: unmatched.length } },
      ...rows.map((r) => ({ action: 'matching.proposal' as const, entityType: 'order' as const, entityId: r.orderId, personId: r.personId })),
      ...pairs.map((x) => ({ action: 'matching.proposal' as const, entityType: 'contact_person' as const, entityId: x.contactPerson.id })),
    ]);
    return { pairs, unmatched, objective: p.objective, orders: rows.length, covered: rows.filter((r) => neededOf(r) === 0).length, candidates: cps.length, millis };
  });
}
