// Loggkontroll: searching the audit log.
import { z } from 'zod';
import { dateString, pagingBody, safeString, uuid } from '../platform/validation';

// POST body, not a query string: a personnummer must never end up in a URL or an access log.
export const auditSearchBody = pagingBody.extend({
  personId: uuid.optional(),
  identityNumber: safeString().trim().max(20, { message: 'Numret är för långt.' }).optional(),
  userId: uuid.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  action: safeString().max(60).optional(),
});

export const auditEntryOut = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string().nullable(), displayName: z.string().nullable() }),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  person: z.object({ id: z.string(), name: z.string(), identityNumber: z.string() }).nullable(),
  requestId: z.string().nullable(),
});
export const auditListOut = z.object({ items: z.array(auditEntryOut), total: z.number(), page: z.number(), pageSize: z.number() });
