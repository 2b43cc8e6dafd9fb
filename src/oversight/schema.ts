// Loggkontroll: searching the audit log.
import { z } from 'zod';
import { dateString, pagingBody, safeString, uuid } from '../platform/validation';
import { AUDIT_ACTION_NAMES } from '../platform/audit/actions';

// POST body, not a query string: a personnummer must never end up in a URL or an access log.
export const auditSearchBody = pagingBody.extend({
  personId: uuid.optional(),
  identityNumber: safeString().trim().max(20, { message: 'Numret är för långt.' }).optional(),
  userId: uuid.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  /** One kind of event, e.g. person.protected_contact_revealed (every reveal of skyddad identitet). */
  action: z.enum(AUDIT_ACTION_NAMES, { error: 'Välj en händelse i listan.' }).optional(),
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

// The IVO report of unexecuted decisions (issue 13 item 1).
export * from './ivo-schema';
