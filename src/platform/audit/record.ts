// Writing the audit log. Always inside the use case's transaction, so a change that rolls back
// leaves no audit row and an audit row always has its change.
import type { Queryable } from '../db/connect';
import { auditLog } from './tables';

export const AUDIT_ACTIONS = {
  'auth.login': 'Loggade in',
  'auth.login_failed': 'Misslyckad inloggning',
  'auth.logout': 'Loggade ut',
  'person.search': 'Sökte person',
  'person.read': 'Läste personuppgifter',
  'person.create': 'Registrerade person',
  'person.update': 'Ändrade personuppgifter',
  'representative.create': 'Lade till företrädare',
  'representative.update': 'Ändrade företrädare',
  'representative.delete': 'Tog bort företrädare',
  'case.list': 'Visade ärendelista',
  'case.read': 'Läste ärende',
  'case.create': 'Registrerade ansökan eller aktualisering',
  'case.acknowledge': 'Bekräftade ansökan',
  'case.documentation_received': 'Registrerade mottaget underlag',
  'case.application_recorded': 'Registrerade ansökan efter aktualisering',
  'case.assign': 'Bytte ansvarig handläggare',
  'letter.acknowledgement': 'Skapade bekräftelsebrev',
  'audit.search': 'Sökte i loggen',
  'admin.unit': 'Ändrade enhet',
  'admin.user': 'Ändrade användare',
  'admin.legal_basis': 'Ändrade rättslig grund',
  'admin.municipality': 'Ändrade kommunens inställningar',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  action: AuditAction;
  entityType: 'person' | 'case' | 'representative' | 'user' | 'unit' | 'legal_basis' | 'municipality' | 'session' | 'audit_log';
  entityId?: string | null;
  personId?: string | null;
  /** Never personal data here: ids, field names, counts. */
  details?: Record<string, unknown>;
}

export interface AuditWho {
  actor: { id: string; username: string } | null;
  requestId: string;
  clock: { now(): Date };
}

/** Append entries (one INSERT for many: reads of a result list are batched per request). */
export async function recordAudit(tx: Queryable, who: AuditWho, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = who.clock.now();
  await tx.insert(auditLog).values(
    list.map((e) => ({
      occurredAt: at,
      actorUserId: who.actor?.id ?? null,
      actorUsername: who.actor?.username ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      personId: e.personId ?? null,
      requestId: who.requestId,
      details: e.details ?? null,
    })),
  );
}
