import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { loadCase } from '../intake/load-case';
import { presentOrder } from './present';
import { currentDecision, orderDetail, orderOfDecision, providerUnits } from './repo';
import { sendRefusal } from './rules';
import type { OrderOut, sendOrderBody } from './schema';
import { orderEvents, orders } from './tables';

export const PROVIDER_UNIT_MESSAGE = 'Välj den enhet som ska ta emot beställningen. Den måste ha minst en aktiv kontaktsekreterare.';

/**
 * The provider unit an order goes to when the handläggare names none: the case's own unit if it has an active
 * kontaktsekreterare, else the only unit that has one, else none (the handläggare must choose).
 */
export function defaultProviderUnit(caseUnitId: string, candidates: readonly { id: string }[]): string | null {
  if (candidates.some((u) => u.id === caseUnitId)) return caseUnitId;
  return candidates.length === 1 ? candidates[0].id : null;
}

/**
 * Send the order (beställning) for the case's current favourable decision to a provider unit. One order per decision:
 * a second send — after the first or racing it — is 409 ORDER_ALREADY_SENT (the unique decision_id decides the race).
 */
export function sendOrder(ctx: UseCaseContext, caseId: string, input: z.output<typeof sendOrderBody>): Promise<OrderOut> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const c = await loadCase(tx, ctx, caseId, 'order:send');
      const current = await currentDecision(tx, c.c.id);
      if (current && current.d.id !== input.decisionId) {
        throw fieldError('decisionId', 'Beslutet är inte längre ärendets gällande beslut. Ladda om sidan.');
      }
      const refusal = sendRefusal(current?.d ?? null, current ? (await orderOfDecision(tx, current.d.id)) !== null : false);
      if (refusal) throw new AppError(refusal.code);
      const decision = current!.d;
      const candidates = await providerUnits(tx);
      const unitId = input.providerUnitId ?? defaultProviderUnit(c.c.unitId, candidates);
      if (!unitId || !candidates.some((u) => u.id === unitId)) throw fieldError('providerUnitId', PROVIDER_UNIT_MESSAGE);
      const today = ctx.clock.today();
      const [o] = await tx
        .insert(orders)
        .values({ decisionId: decision.id, caseId: c.c.id, providerUnitId: unitId, sentDate: today, sentBy: ctx.actor.id, information: input.information })
        .returning();
      await tx.insert(orderEvents).values({ orderId: o.id, kind: 'sent', date: today, byUser: ctx.actor.id });
      await recordAudit(tx, ctx, {
        action: 'order.send',
        entityType: 'order',
        entityId: o.id,
        personId: c.c.personId,
        details: { caseId: c.c.id, decisionId: decision.id, providerUnitId: unitId },
      });
      const m = await settingsOf(ctx, tx);
      return presentOrder(ctx.actor, (await orderDetail(tx, o.id))!, today, m.orderConfirmWithinWorkingDays);
    },
    { unique: [{ column: orders.decisionId, code: 'ORDER_ALREADY_SENT', path: 'decisionId', message: 'Beställningen för beslutet är redan skickad.' }] },
  );
}
