// Demo step of orders: for every favourable decided decision the earlier steps left without an order (the decisions
// stage's demo makes them), send the order through the same use case staff use; one is left overdue, one is
// confirmed by the kontaktsekreterare, the rest wait in the inbox. With no such decisions it does nothing.
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { addDays } from '../platform/calendar';
import { users } from '../platform/tables';
import { cases } from '../intake/tables';
import { decisions } from '../decisions/tables';
import { confirmOrder } from './confirm-order';
import { providerUnits } from './repo';
import { defaultProviderUnit, sendOrder } from './send-order';
import { orders } from './tables';

export async function seedOrdersDemo(demo: DemoContext): Promise<void> {
  const today = demo.clock.today();
  const pending = await demo.db
    .select({ caseId: cases.id, decisionId: decisions.id, decisionDate: decisions.decisionDate, username: users.username })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(users, eq(users.id, cases.responsibleUserId))
    .where(
      and(
        eq(decisions.state, 'decided'),
        inArray(decisions.outcome, ['granted', 'partly_granted']),
        notExists(demo.db.select({ one: sql`1` }).from(orders).where(eq(orders.decisionId, decisions.id))),
        // Only the case's current decision (its latest decided one) is ordered.
        sql`${decisions.id} = (select d2.id from ${decisions} d2 where d2.case_id = ${decisions.caseId} and d2.state = 'decided' order by d2.decision_date desc, d2.created_at desc limit 1)`,
        eq(users.active, true),
      ),
    )
    .orderBy(asc(decisions.decisionDate), asc(cases.caseNumber));
  const [ks] = await demo.db.select({ unitId: users.unitId }).from(users).where(and(eq(users.username, 'kontaktsekreterare'), eq(users.active, true)));
  for (const [i, p] of pending.entries()) {
    // The first one was sent a week ago and is still not confirmed (red on both sides), when the decision allows it.
    const weekAgo = addDays(today, -7);
    const sendDay = i === 0 && p.decisionDate <= weekAgo ? weekAgo : today;
    const ctx = { ...demo.as(p.username), clock: { today: () => sendDay, now: () => demo.clock.now() } };
    const candidates = await providerUnits(demo.db);
    const [c] = await demo.db.select({ unitId: cases.unitId }).from(cases).where(eq(cases.id, p.caseId));
    const providerUnitId = defaultProviderUnit(c.unitId, candidates) ?? candidates[0]?.id;
    if (!providerUnitId) return; // no unit has a kontaktsekreterare: nothing can be ordered
    const o = await sendOrder(ctx, p.caseId, {
      decisionId: p.decisionId,
      providerUnitId,
      information: 'Personen vill gärna träffas på eftermiddagar. Ring före första besöket.',
    });
    if ((i === 1 || i === 2) && ks && o.providerUnit.id === ks.unitId) await confirmOrder(demo.as('kontaktsekreterare'), o.id, { version: o.version, confirmedDate: today });
  }
}
