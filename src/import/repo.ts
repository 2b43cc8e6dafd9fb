// Queries of the import: which identity numbers already exist, the batched inserts (unnest: one statement and a
// fixed number of parameters per few thousand rows) with one audit row per created person in the same statement,
// and the job rows.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import type { AuditWho } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import { persons } from '../people/tables';
import { contactPersons } from '../contact-persons/tables';
import type { ImportKind } from './rules';
import { importJobs } from './tables';
import type { ContactPersonRow, PersonRow } from './validate';

/** Of `numbers`, those already registered (persons, or contact persons in the register). */
export async function existingIdentityNumbers(q: Queryable, kind: Exclude<ImportKind, 'decisions'>, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const table = kind === 'persons' ? persons : contactPersons;
  const rows = (await q.execute(
    sql`select distinct ${table.identityNumber} as n from ${table} where ${table.identityNumber} = any(${sql.param(numbers)}::text[])`,
  )) as unknown as { rows: { n: string }[] };
  return new Set(rows.rows.map((r) => r.n));
}

const col = <T>(rows: T[], f: (r: T) => unknown) => sql.param(rows.map(f));

function auditCte(who: AuditWho, action: 'person.import' | 'contact_person.import', jobId: string) {
  const entityType = action === 'person.import' ? 'person' : 'contact_person';
  return sql`insert into ${auditLog} (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
    select ${who.clock.now().toISOString()}::timestamptz, ${who.actor?.id ?? null}::uuid, ${who.actor?.username ?? null}::text, ${action}::text,
      ${entityType}::text, id::text, ${action === 'person.import' ? sql`id` : sql`null::uuid`}, ${who.requestId}::text, ${JSON.stringify({ jobId })}::jsonb
    from ins returning 1`;
}

/** Insert one batch of persons and audit each in the same statement. Returns how many were inserted. */
export async function insertPersons(q: Queryable, who: AuditWho & { actor: { id: string; unitId: string | null } }, jobId: string, rows: PersonRow[]): Promise<number> {
  const at = who.clock.now().toISOString();
  const r = (await q.execute(sql`
    with ins as (
      insert into ${persons} (identity_number, id_kind, birth_date, birth_date_partial, sex, first_name, last_name, protected_identity,
        street_address, postal_code, city, phone, email, registered_by, registered_unit_id, created_at, updated_at)
      select u.identity_number, u.id_kind, u.birth_date, u.birth_date_partial, u.sex, u.first_name, u.last_name, u.protected_identity,
        u.street_address, u.postal_code, u.city, u.phone, u.email, ${who.actor.id}::uuid, ${who.actor.unitId}::uuid, ${at}::timestamptz, ${at}::timestamptz
      from unnest(${col(rows, (x) => x.identityNumber)}::text[], ${col(rows, (x) => x.idKind)}::text[], ${col(rows, (x) => x.birthDate)}::date[],
        ${col(rows, (x) => x.birthDatePartial)}::text[], ${col(rows, (x) => x.sex)}::text[], ${col(rows, (x) => x.firstName)}::text[],
        ${col(rows, (x) => x.lastName)}::text[], ${col(rows, (x) => x.protectedIdentity)}::boolean[], ${col(rows, (x) => x.streetAddress)}::text[],
        ${col(rows, (x) => x.postalCode)}::text[], ${col(rows, (x) => x.city)}::text[], ${col(rows, (x) => x.phone)}::text[], ${col(rows, (x) => x.email)}::text[])
        as u(identity_number, id_kind, birth_date, birth_date_partial, sex, first_name, last_name, protected_identity, street_address, postal_code, city, phone, email)
      returning id
    ), audited as (${auditCte(who, 'person.import', jobId)})
    select (select count(*) from ins)::int as n, (select count(*) from audited)::int as a`)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

/** Insert one batch of contact persons (entered by staff, as the register's own "ny kontaktperson"), each audited. */
export async function insertContactPersons(q: Queryable, who: AuditWho & { actor: { id: string } }, jobId: string, rows: ContactPersonRow[]): Promise<number> {
  const r = (await q.execute(sql`
    with ins as (
      insert into ${contactPersons} (identity_number, first_name, last_name, email, phone, street_address, postal_code, city, capacity,
        applied_date, approved_date, approved_by, source)
      select u.identity_number, u.first_name, u.last_name, u.email, u.phone, u.street_address, u.postal_code, u.city, u.capacity,
        u.applied_date, u.approved_date, case when u.approved_date is null then null else ${who.actor.id}::uuid end, 'staff'
      from unnest(${col(rows, (x) => x.identityNumber)}::text[], ${col(rows, (x) => x.firstName)}::text[], ${col(rows, (x) => x.lastName)}::text[],
        ${col(rows, (x) => x.email)}::text[], ${col(rows, (x) => x.phone)}::text[], ${col(rows, (x) => x.streetAddress)}::text[],
        ${col(rows, (x) => x.postalCode)}::text[], ${col(rows, (x) => x.city)}::text[], ${col(rows, (x) => x.capacity)}::int[],
        ${col(rows, (x) => x.appliedDate)}::date[], ${col(rows, (x) => x.approvedDate)}::date[])
        as u(identity_number, first_name, last_name, email, phone, street_address, postal_code, city, capacity, applied_date, approved_date)
      returning id
    ), audited as (${auditCte(who, 'contact_person.import', jobId)})
    select (select count(*) from ins)::int as n, (select count(*) from audited)::int as a`)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

export async function jobById(q: Queryable, id: string, forUpdate = false) {
  const base = q.select().from(importJobs).where(eq(importJobs.id, id));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export async function listJobs(q: Queryable) {
  return q.select().from(importJobs).orderBy(sql`${importJobs.checkedAt} desc`).limit(50);
}
