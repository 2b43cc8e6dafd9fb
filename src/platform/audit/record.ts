// Writing the audit log. Always inside the use case's transaction, so a change that rolls back
// leaves no audit row and an audit row always has its change.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { auditLog } from './tables';
import type { AuditAction, AuditDetails } from './actions';

export { AUDIT_ACTIONS } from './actions';

type EntityType = 'person' | 'case' | 'representative' | 'user' | 'unit' | 'legal_basis' | 'municipality' | 'session' | 'audit_log' | 'order' | 'decision' | 'appeal' | 'contact_person' | 'cp_check_rule' | 'offer' | 'assignment' | 'rate_year' | 'rate_level' | 'implementation_plan' | 'matching_settings' | 'email_outbox' | 'cp_meeting' | 'cp_report' | 'cp_report_receipt' | 'portal_settings' | 'payroll_month' | 'payroll_settings' | 'payment_change' | 'ivo_quarter' | 'ivo_report' | 'disposal_run' | 'disposal_rule' | 'audit_signoff' | 'audit_review_settings' | 'import_job';

/** `details` is required when the action has details, optional when they may be left out, absent when it has none. */
type DetailsOf<D> = [D] extends [undefined] ? { details?: undefined } : undefined extends D ? { details?: D } : { details: D };

/** One entry of action A: its details are typed by `AuditDetails[A]` (never personal data: ids, field names, counts). */
type AuditEntryOf<A extends AuditAction> = {
  action: A;
  entityType: EntityType;
  entityId?: string | null;
  personId?: string | null;
} & DetailsOf<AuditDetails[A]>;

export type AuditEntry = { [A in AuditAction]: AuditEntryOf<A> }[AuditAction];

export interface AuditWho {
  actor: { id: string; username: string } | null;
  requestId: string;
  clock: { now(): Date };
}

/**
 * Append entries. Many entries (the reads of a result list) go in one statement with one JSON
 * parameter: a multi-row VALUES list would bind nine parameters per row, several times slower.
 */
export async function recordAudit(tx: Queryable, who: AuditWho, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = who.clock.now().toISOString();
  const rows = list.map((e) => ({
    occurred_at: at,
    actor_user_id: who.actor?.id ?? null,
    actor_username: who.actor?.username ?? null,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId ?? null,
    person_id: e.personId ?? null,
    request_id: who.requestId,
    details: e.details ?? null,
  }));
  await tx.execute(sql`
    insert into ${auditLog} (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
    select occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      occurred_at timestamptz, actor_user_id uuid, actor_username text, action text, entity_type text,
      entity_id text, person_id uuid, request_id text, details jsonb)`);
}

/** One entry per row a list shows: the same action for each, the row's id (and person) from the page's own rows. */
export type ListAudit = { who: AuditWho } & { [A in AuditAction]: { action: A; entityType: EntityType } & DetailsOf<AuditDetails[A]> }[AuditAction];

/**
 * The audit entries of a list's page as a data-modifying CTE of the statement that reads the page: `from` names the
 * page's CTE and `entityId`/`personId` are expressions on it (and on whatever `from` joins). PostgreSQL runs the
 * INSERT once, on the same rows the statement returns (a CTE used twice is materialized once), so every row shown is
 * logged and nothing else, without a round trip of its own. Add it with `q.with(page, auditOf(...))`.
 */
export function auditListCte(q: Queryable, a: ListAudit, rows: { from: SQL; entityId: SQL; personId?: SQL }) {
  return q.$with('audited', { n: sql<number>`n` }).as(sql`
    insert into ${auditLog} (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
    select ${a.who.clock.now().toISOString()}::timestamptz, ${a.who.actor?.id ?? null}::uuid, ${a.who.actor?.username ?? null}::text, ${a.action}::text,
      ${a.entityType}::text, (${rows.entityId})::text, ${rows.personId ?? sql`null`}::uuid, ${a.who.requestId}::text, ${a.details == null ? null : JSON.stringify(a.details)}::jsonb
    from ${rows.from}
    returning 1 as n`);
}

/**
 * One entry per row of `rows.from` (a table or subquery), in one INSERT … SELECT: for the reads of a whole file
 * (a payroll month's 50 000 contact persons), where one JSON object per entry sent from here would cost more than the
 * file. `details` is a jsonb expression on the rows with the action's detail fields.
 */
export async function recordAuditOfRows(
  tx: Queryable,
  who: AuditWho,
  a: { action: AuditAction; entityType: EntityType },
  rows: { from: SQL; entityId: SQL; personId?: SQL; details: SQL; orderBy?: SQL },
): Promise<void> {
  await tx.execute(sql`
    insert into ${auditLog} (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
    select ${who.clock.now().toISOString()}::timestamptz, ${who.actor?.id ?? null}::uuid, ${who.actor?.username ?? null}::text, ${a.action}::text,
      ${a.entityType}::text, (${rows.entityId})::text, ${rows.personId ?? sql`null`}::uuid, ${who.requestId}::text, ${rows.details}
    from ${rows.from}
    ${rows.orderBy ? sql`order by ${rows.orderBy}` : sql``}`);
}
