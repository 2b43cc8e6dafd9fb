// Load an order, offer or assignment its reader may use: within the actor's scope by the order's provider unit,
// else it "does not exist" (404, ADR 003). The kontaktsekreterare reads no case; the handläggare reads the execution
// through the case (get-case-execution.ts).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { cases } from '../intake/tables';
import { inProviderScope } from './present';
import { findAssignment, findOffer, orderHead, type AssignmentRow, type OfferRow, type OrderHead } from './repo';

type Access = 'assignment:read' | 'assignment:write';

const OFFER_NOT_FOUND = 'Erbjudandet finns inte, eller så har du inte behörighet att se det.';
const ASSIGNMENT_NOT_FOUND = 'Uppdraget finns inte, eller så har du inte behörighet att se det.';
const ORDER_NOT_FOUND = 'Beställningen finns inte, eller så har du inte behörighet att se den.';

export async function loadOrderHead(q: Queryable, ctx: UseCaseContext, orderId: string, permission: Access): Promise<OrderHead> {
  const head = await orderHead(q, orderId);
  if (!head || !inProviderScope(ctx.actor, permission, { providerUnitId: head.o.providerUnitId, createdBy: head.o.sentBy })) {
    throw new AppError('NOT_FOUND', { message: ORDER_NOT_FOUND });
  }
  return head;
}

export async function loadOffer(q: Queryable, ctx: UseCaseContext, id: string, permission: Access): Promise<OfferRow> {
  const f = await findOffer(q, id);
  if (!f || !inProviderScope(ctx.actor, permission, f)) throw new AppError('NOT_FOUND', { message: OFFER_NOT_FOUND });
  return f;
}

export async function loadAssignment(q: Queryable, ctx: UseCaseContext, id: string, permission: Access): Promise<AssignmentRow> {
  const a = await findAssignment(q, id);
  if (!a || !inProviderScope(ctx.actor, permission, a)) throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
  return a;
}

/** The person of a case (for the audit entry). */
export async function personOfCase(q: Queryable, caseId: string): Promise<string> {
  const [row] = await q.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
  return row.personId;
}
