// The shape of every edit of an order (confirm, return with a question, answer): load within the reader's scope,
// refuse a stale version (409), check the rules, update, log the event and the audit entry, present — one transaction.
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import type { Tx } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { cases } from '../intake/tables';
import { loadCaseOrder, loadProviderOrder } from './load-order';
import { presentOrder } from './present';
import { orderDetail, type OrderRow } from './repo';
import type { OrderEventKind, OrderRefusal } from './rules';
import type { OrderOut } from './schema';
import { orderEvents, orders } from './tables';

type OrderSet = Partial<typeof orders.$inferInsert>;

/** What the edit has at hand: the order, its person (for the audit entry) and the confirm limit in working days. */
export interface OrderCurrent {
  o: OrderRow;
  personId: string;
  withinWorkingDays: number;
}

export interface ChangeOrder {
  orderId: string;
  version: number;
  /** The provider's permission on the order's unit, or the handläggare's on the order's case. */
  side: { provider: 'order:confirm' } | { case: 'order:send' };
  refusal: (o: OrderRow) => OrderRefusal | null;
  /** Field problems of the input (throw an AppError). */
  check?: (o: OrderRow, today: string) => void;
  apply: (o: OrderRow, today: string) => OrderSet;
  event: { kind: OrderEventKind; date: (o: OrderRow, today: string) => string; text: string | null };
  audit: (current: OrderCurrent, set: OrderSet) =>
    | { action: 'order.confirm'; details: { fields: string[]; overdue: boolean } }
    | { action: 'order.return' | 'order.answer'; details: { fields: string[] } };
}

export function changeOrder(ctx: UseCaseContext, opts: ChangeOrder): Promise<OrderOut> {
  const today = ctx.clock.today();
  return changeVersioned<typeof orders, OrderOut, OrderCurrent>(ctx, {
    table: orders,
    id: opts.orderId,
    version: opts.version,
    load: async (tx: Tx) => {
      const o = 'provider' in opts.side ? await loadProviderOrder(tx, ctx, opts.orderId, opts.side.provider) : (await loadCaseOrder(tx, ctx, opts.orderId, opts.side.case)).o;
      const [{ personId }] = await tx.select({ personId: cases.personId }).from(cases).where(eq(cases.id, o.caseId));
      return { o, personId, withinWorkingDays: (await settingsOf(ctx, tx)).orderConfirmWithinWorkingDays };
    },
    versionOf: (c) => c.o.version,
    check: ({ o }) => {
      const refusal = opts.refusal(o);
      if (refusal) throw new AppError(refusal.code);
      opts.check?.(o, today);
    },
    apply: ({ o }) => opts.apply(o, today),
    afterUpdate: async (updated, tx, { o }) => {
      await tx.insert(orderEvents).values({ orderId: updated.id, kind: opts.event.kind, date: opts.event.date(o, today), text: opts.event.text, byUser: ctx.actor.id });
    },
    audit: (current, _updated, set) => ({ ...opts.audit(current, set), entityType: 'order', entityId: current.o.id, personId: current.personId }),
    present: async (updated, tx, current) => presentOrder(ctx.actor, (await orderDetail(tx, updated.id))!, today, current.withinWorkingDays),
  });
}
