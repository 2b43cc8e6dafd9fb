// Load a case the actor may use. Outside the read scope the case "does not exist" (404): even
// that a case exists is secret. Readable but not writable → 403.
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { canOnCase, type Permission } from '../platform/policy/permissions';
import { CASE_NOT_FOUND_MESSAGE } from './labels';
import { findCase, type CaseWithNames } from './repo';

export async function loadCase(db: Queryable, ctx: UseCaseContext, id: string, permission: Permission = 'case:read'): Promise<CaseWithNames> {
  const r = await findCase(db, id);
  if (!r || !canOnCase(ctx.actor, 'case:read', r.c)) throw new AppError('NOT_FOUND', { message: CASE_NOT_FOUND_MESSAGE });
  if (permission !== 'case:read' && !canOnCase(ctx.actor, permission, r.c)) throw new AppError('FORBIDDEN');
  return r;
}
