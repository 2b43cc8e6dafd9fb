// The shape of every edit of an offer (the person's answer, closing it, the matchningsmöte and its outcome, making
// the assignment): load within the provider's scope, refuse a stale version (409), check the rules, update (the
// version is bumped, so two coordinators cannot both act on what they saw), further writes, audit, present the
// order's offers again — one transaction.
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import type { Tx } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import type { AuditEntry } from '../platform/audit/record';
import { offersPage } from './list-offers';
import { loadOffer, loadOrderHead, personOfCase } from './load-assignment';
import { assignmentOfOffer, currentMeeting, type AssignmentRow, type MeetingRow, type OfferRow } from './repo';
import type { AssignmentRefusal } from './rules';
import type { OrderOffersOut } from './schema';
import { offers } from './tables';

export interface OfferCurrent {
  f: OfferRow;
  meeting: MeetingRow | null;
  assignment: AssignmentRow | null;
  personId: string;
}

type OfferSet = Partial<typeof offers.$inferInsert>;
/** An audit entry without its entity (the helper adds the offer and its person). */
export type EntryOf<E> = E extends unknown ? Omit<E, 'entityType' | 'entityId' | 'personId'> : never;

/** Refusal → its 409; field problems → 400 with the fields. */
export function throwIfAny(refusal: AssignmentRefusal | null, fields: ReadonlyArray<{ path: string; message: string }> = []): void {
  if (refusal) throw new AppError(refusal.code);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields: [...fields] });
}

export function changeOffer(
  ctx: UseCaseContext,
  opts: {
    offerId: string;
    version: number;
    check: (c: OfferCurrent, today: string) => void;
    apply: (c: OfferCurrent, today: string) => OfferSet;
    afterUpdate?: (tx: Tx, c: OfferCurrent, today: string) => Promise<void>;
    audit: (c: OfferCurrent) => EntryOf<AuditEntry>;
  },
): Promise<OrderOffersOut> {
  const today = ctx.clock.today();
  return changeVersioned<typeof offers, OrderOffersOut, OfferCurrent>(ctx, {
    table: offers,
    id: opts.offerId,
    version: opts.version,
    load: async (tx) => {
      const f = await loadOffer(tx, ctx, opts.offerId, 'assignment:write');
      return { f, meeting: await currentMeeting(tx, f.id), assignment: await assignmentOfOffer(tx, f.id), personId: await personOfCase(tx, f.caseId) };
    },
    versionOf: (c) => c.f.version,
    check: (c) => opts.check(c, today),
    apply: (c) => opts.apply(c, today),
    afterUpdate: opts.afterUpdate ? (_u, tx, c) => opts.afterUpdate!(tx, c, today) : undefined,
    audit: (c) => ({ ...opts.audit(c), entityType: 'offer', entityId: c.f.id, personId: c.personId }) as AuditEntry,
    present: async (_u, tx, c) => offersPage(tx, ctx, await loadOrderHead(tx, ctx, c.f.orderId, 'assignment:read')),
  });
}
