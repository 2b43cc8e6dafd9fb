// Making an offer (erbjudande) of a contact person for a confirmed order. One transaction: the order (in scope by
// its provider unit, confirmed), the contact person's row locked FOR UPDATE (two coordinators taking the last
// place serialise here: the second sees current_load = capacity and gets 409 OFFER_NO_PLACE), the hard constraints
// (the matching stage hands its pure check in: this stage may not import a later one), the insert (the trigger of
// migration 0014 then raises current_load), the audit entry.
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { scopeCovers, scopeOf } from '../platform/policy/permissions';
import { cases } from '../intake/tables';
import { findOrder, type OrderRow } from '../orders/repo';
import { ORDER_NOT_FOUND_MESSAGE } from '../orders/load-order';
import { insertOffer, lockPlace } from './repo';
import { offers } from './tables';

export interface MakeOfferInput {
  contactPersonId: string;
  offeredDate: string;
}

/** Why this contact person may not be offered for this order (capacity aside), as sentences; empty = may be offered. */
export type OfferRefusals = (tx: Tx, ctx: UseCaseContext, order: OrderRow, contactPersonId: string) => Promise<string[]>;

export function makeOffer(ctx: UseCaseContext, orderId: string, input: MakeOfferInput, refusals: OfferRefusals) {
  const today = ctx.clock.today();
  if (input.offeredDate > today) throw fieldError('offeredDate', 'Datumet för erbjudandet kan inte vara senare än i dag.');
  return writeUseCase(
    ctx,
    async (tx) => {
      const o = await findOrder(tx, orderId);
      if (!o || !scopeCovers(ctx.actor, scopeOf(ctx.actor, 'assignment:write'), { unitId: o.providerUnitId, responsibleUserId: null })) {
        throw new AppError('NOT_FOUND', { message: ORDER_NOT_FOUND_MESSAGE });
      }
      if (!o.confirmedDate) throw new AppError('OFFER_ORDER_NOT_CONFIRMED');
      if (input.offeredDate < o.confirmedDate) throw fieldError('offeredDate', `Datumet kan inte vara före ${o.confirmedDate}, då beställningen bekräftades.`);
      await lockPlace(tx, input.contactPersonId);
      const why = await refusals(tx, ctx, o, input.contactPersonId);
      if (why.length > 0) throw new AppError('OFFER_EXCLUDED', { message: `Kontaktpersonen kan inte erbjudas för den här beställningen: ${why.join(' ')}`, fields: [{ path: 'contactPersonId', message: why.join(' ') }] });
      const row = await insertOffer(tx, { orderId: o.id, contactPersonId: input.contactPersonId, offeredDate: input.offeredDate, createdBy: ctx.actor.id });
      const [c] = await tx.select({ personId: cases.personId }).from(cases).where(eq(cases.id, o.caseId));
      await recordAudit(tx, ctx, { action: 'offer.create', entityType: 'offer', entityId: row.id, personId: c.personId, details: { orderId: o.id, contactPersonId: row.contactPersonId } });
      return { id: row.id, orderId: row.orderId, contactPersonId: row.contactPersonId, offeredDate: row.offeredDate };
    },
    { unique: [{ column: offers.contactPersonId, constraint: 'offers_open_uq', code: 'OFFER_ALREADY_OPEN', path: 'contactPersonId', message: 'Kontaktpersonen är redan erbjuden för den här beställningen.' }] },
  );
}
