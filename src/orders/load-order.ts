// Load an order its reader may use. The provider side: in the actor's scope by the order's provider unit, else it
// "does not exist" (404). The handläggare side: through the order's case (loadCase: 404 outside, 403 not writable).
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import type { Permission } from '../platform/policy/permissions';
import { loadCase } from '../intake/load-case';
import type { CaseWithNames } from '../intake/repo';
import { orderInScope } from './present';
import { findOrder, type OrderRow } from './repo';

export const ORDER_NOT_FOUND_MESSAGE = 'Beställningen finns inte, eller så har du inte behörighet att se den.';

export async function loadProviderOrder(q: Queryable, ctx: UseCaseContext, id: string, permission: 'order:read' | 'order:confirm'): Promise<OrderRow> {
  const o = await findOrder(q, id);
  if (!o || !orderInScope(ctx.actor, permission, o)) throw new AppError('NOT_FOUND', { message: ORDER_NOT_FOUND_MESSAGE });
  return o;
}

export async function loadCaseOrder(q: Queryable, ctx: UseCaseContext, id: string, permission: Permission): Promise<{ o: OrderRow; c: CaseWithNames }> {
  const o = await findOrder(q, id);
  if (!o) throw new AppError('NOT_FOUND', { message: ORDER_NOT_FOUND_MESSAGE });
  const c = await loadCase(q, ctx, o.caseId, permission);
  return { o, c };
}
