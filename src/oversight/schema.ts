// Loggkontroll: searching the audit log.
import { z } from 'zod';
import { dateString, int4, pagingBody, requiredText, safeString, uuid, version } from '../platform/validation';
import { AUDIT_ACTION_NAMES } from '../platform/audit/actions';

// POST body, not a query string: a personnummer must never end up in a URL or an access log.
export const auditSearchBody = pagingBody.extend({
  personId: uuid.optional(),
  identityNumber: safeString().trim().max(20, { message: 'Numret är för långt.' }).optional(),
  userId: uuid.optional(),
  /** The users of a unit (what its staff did). */
  unitId: uuid.optional(),
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
/** The same filter for the CSV export (every matching entry, up to AUDIT_EXPORT_LIMIT). */
export const auditExportBody = auditSearchBody.omit({ page: true, pageSize: true });
export const AUDIT_EXPORT_LIMIT = 100_000;

export const auditUnitsOut = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

// ---- Unusual reads (issue 13 item 4) ------------------------------------------------------------

export const UNUSUAL_KIND_NAMES = ['outside_unit', 'protected_identity', 'mass_read'] as const;
const unusualKind = z.enum(UNUSUAL_KIND_NAMES, { error: 'Välj en sorts avvikelse i listan.' });

export const unusualSearchBody = pagingBody.extend({
  from: dateString,
  to: dateString,
  kind: unusualKind.optional(),
  /** open: not signed off yet (the default); signed: signed off; all: both. */
  status: z.enum(['open', 'signed', 'all'], { error: 'Välj om du vill se ej granskade, granskade eller alla.' }).default('open'),
});

export const unusualFindingOut = z.object({
  kind: z.enum(UNUSUAL_KIND_NAMES),
  kindLabel: z.string(),
  auditId: z.number(),
  from: z.string(),
  to: z.string(),
  actionLabel: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string().nullable(), unitName: z.string().nullable() }),
  person: z.object({ id: z.string(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }).nullable(),
  persons: z.number(),
  reads: z.number(),
  signOff: z.object({ by: z.string(), at: z.string(), comment: z.string() }).nullable(),
});
export const unusualListOut = z.object({
  items: z.array(unusualFindingOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  settings: z.object({ persons: z.number(), minutes: z.number() }),
});

export const signOffBody = z.object({
  kind: unusualKind,
  auditId: int4({ min: 1 }),
  comment: requiredText(2000, 'Kommentaren', { multiline: true }),
});
export const signOffOut = z.object({ id: z.string(), signedAt: z.string() });

export const massReadSettingsOut = z.object({ persons: z.number(), minutes: z.number(), version: z.number() });
export const massReadSettingsBody = z.object({
  persons: int4({ min: 2, max: 10_000 }),
  minutes: int4({ min: 1, max: 1440 }),
  version,
});

// ---- Register extract (GDPR art. 15, issue 13 item 5) -------------------------------------------

export const registerExtractParams = z.object({ id: uuid });
