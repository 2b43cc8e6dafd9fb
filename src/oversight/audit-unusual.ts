// Loggkontroll: the unusual reads of a period for the enhetschef to review (issue 13 item 4). The database gives the
// reads (the partial index audit_person_reads_idx covers them) and what is known about the readers and the persons;
// the pure rules in audit-rules.ts say what is unusual; the sign-offs say what has been reviewed.
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { AUDIT_ACTIONS, recordAudit } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import { AppError } from '../platform/errors';
import { scopeOf } from '../platform/policy/permissions';
import { units, users } from '../platform/tables';
import { addDays, daysBetween } from '../platform/calendar';
import { formatIdentityNumber } from '../people/identity-number';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { orders } from '../orders/tables';
import { fieldError } from '../platform/errors';
import { READ_ACTIONS, UNUSUAL_LABELS, unusualAccess, DEFAULT_MASS_READ, type AccessRead, type MassReadSettings, type UnusualFinding } from './audit-rules';
import { periodProblem } from './rules';
import { auditReviewSettings, auditSignoffs } from './tables';
import type { unusualListOut, unusualSearchBody } from './schema';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The mass-read limits (the settings row, or the defaults before it exists). */
export async function massReadSettings(q: Queryable): Promise<MassReadSettings & { version: number }> {
  const [s] = await q.select().from(auditReviewSettings).where(eq(auditReviewSettings.id, 1));
  return s ? { persons: s.massReadPersons, minutes: s.massReadMinutes, version: s.version } : { ...DEFAULT_MASS_READ, version: 0 };
}

/** The start of a Swedish calendar day as a timestamp (SQL). */
export const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Stockholm'`;

/**
 * Which reads the actor may review: everything with audit:read 'all' (the revisor); for the enhetschef the reads by
 * their unit's staff and the reads of persons with a case in their unit.
 */
export function reviewScope(ctx: UseCaseContext): SQL | undefined {
  if (scopeOf(ctx.actor, 'audit:read') !== 'unit') return undefined;
  const unitId = ctx.actor.unitId ?? NOBODY;
  return or(
    sql`${auditLog.actorUserId} in (select ${users.id} from ${users} where ${users.unitId} = ${unitId})`,
    sql`${auditLog.personId} in (select ${cases.personId} from ${cases} where ${cases.unitId} = ${unitId})`,
  );
}

/**
 * The reads that can be part of a finding, among those matching `where`: a superset the pure rules then decide on
 * (audit-rules.ts), found in one set-based statement instead of handing a year's reads to JavaScript —
 * - outside the unit: the person has a case, and neither a case of theirs (its unit or handläggare) nor an order for
 *   one (its provider unit) is the reader's (exactly `isOutsideUnit`);
 * - skyddad identitet: the person has it;
 * - mass reads: every read within `minutes` (and a second, for the milliseconds' rounding) before a read whose window
 *   holds more than `persons` reads, and the read after each such one. The rule counts different persons, never more
 *   than the reads, so a read whose window holds no more reads is in no burst; every read that can be in a burst comes
 *   with its whole window, and the first read after it with it, so `massReads` over these reads finds the same bursts
 *   as over all of them (proven on generated reads in audit-review.db.test.ts).
 */
function unusualCandidates(base: SQL, settings: MassReadSettings): SQL {
  const span = sql.raw(`interval '${Math.trunc(settings.minutes)} minutes 1 second'`);
  return sql`
    with r as materialized (select id, occurred_at, actor_user_id, person_id from ${auditLog} where ${base}),
    actor as (select r.id, r.person_id, r.actor_user_id, u.unit_id from r left join ${users} u on u.id = r.actor_user_id),
    held as (
      select c.person_id, c.unit_id from ${cases} c
      union
      select c.person_id, o.provider_unit_id from ${orders} o join ${cases} c on c.id = o.case_id),
    w1 as (
      select id, actor_user_id, occurred_at,
        count(*) over (partition by actor_user_id order by occurred_at range between ${span} preceding and current row) > ${settings.persons} as hot
      from r),
    w2 as (
      select id,
        bool_or(hot) over (partition by actor_user_id order by occurred_at range between current row and ${span} following) as near_hot,
        lag(hot) over (partition by actor_user_id order by occurred_at, id) as after_hot
      from w1)
    select a.id from actor a
      where exists (select 1 from ${cases} c where c.person_id = a.person_id)
        and not exists (select 1 from ${cases} c where c.person_id = a.person_id and c.responsible_user_id = a.actor_user_id)
        and not exists (select 1 from held h where h.person_id = a.person_id and h.unit_id = a.unit_id)
    union
    select r.id from r join ${persons} p on p.id = r.person_id and p.protected_identity
    union
    select id from w2 where near_hot or after_hot`;
}

/**
 * The reads matching `where` (a condition on audit_log), with what the rules need about the reader and the person;
 * with `unusualOnly`, only those that can be part of a finding under these mass-read settings (unusualCandidates).
 */
export async function loadAccessReads(
  q: Queryable,
  where: SQL | undefined,
  o: { unusualOnly?: MassReadSettings } = {},
): Promise<{ reads: AccessRead[]; actions: Map<number, string> }> {
  const base = and(sql`${auditLog.personId} is not null and ${auditLog.actorUserId} is not null`, inArray(auditLog.action, [...READ_ACTIONS]), where)!;
  // The candidates are reads matching `base` already: looked up by id, not by scanning the period again.
  const filter = o.unusualOnly ? sql`${auditLog.id} in (${unusualCandidates(base, o.unusualOnly)})` : base;
  // Plain numbers and text (no Date objects): a year's reads are many rows.
  const res = await q.execute(sql`
    select id::float8 as id, (extract(epoch from occurred_at) * 1000)::float8 as at, actor_user_id::text as actor, person_id::text as person, action
    from ${auditLog}
    where ${filter}`);
  const rows = (res as unknown as { rows: { id: number; at: number; actor: string; person: string; action: string }[] }).rows;
  if (rows.length === 0) return { reads: [], actions: new Map() };
  const personIds = [...new Set(rows.map((r) => r.person))];
  const actorIds = [...new Set(rows.map((r) => r.actor))];
  // One array parameter each, however many (a year's reads may name more persons than a statement has parameters).
  const idList = (ids: string[]) => sql`(select unnest(${`{${ids.join(',')}}`}::uuid[]))`;
  // Units that hold each person: the units of their cases and the provider units of the orders for those cases.
  const held = await q.execute(sql`
    select c.person_id::text as person_id, c.unit_id::text as unit_id, c.responsible_user_id::text as responsible
    from ${cases} c where c.person_id in ${idList(personIds)}
    union
    select c.person_id::text, o.provider_unit_id::text, null
    from ${orders} o join ${cases} c on c.id = o.case_id where c.person_id in ${idList(personIds)}`);
  const unitsOf = new Map<string, Set<string>>();
  const responsibleOf = new Map<string, Set<string>>();
  for (const r of (held as unknown as { rows: { person_id: string; unit_id: string; responsible: string | null }[] }).rows) {
    (unitsOf.get(r.person_id) ?? unitsOf.set(r.person_id, new Set()).get(r.person_id)!).add(r.unit_id);
    if (r.responsible) (responsibleOf.get(r.person_id) ?? responsibleOf.set(r.person_id, new Set()).get(r.person_id)!).add(r.responsible);
  }
  const prot = await q.select({ id: persons.id }).from(persons).where(and(sql`${persons.id} in ${idList(personIds)}`, eq(persons.protectedIdentity, true)));
  const protectedIds = new Set(prot.map((p) => p.id));
  const actorUnits = new Map((await q.select({ id: users.id, unitId: users.unitId }).from(users).where(sql`${users.id} in ${idList(actorIds)}`)).map((u) => [u.id, u.unitId]));
  const reads = rows.map(
    (r): AccessRead => ({
      id: Number(r.id),
      at: Number(r.at),
      actorUserId: r.actor!,
      actorUnitId: actorUnits.get(r.actor!) ?? null,
      personId: r.person!,
      personUnitIds: [...(unitsOf.get(r.person!) ?? [])],
      responsibleUserIds: [...(responsibleOf.get(r.person!) ?? [])],
      personProtected: protectedIds.has(r.person!),
    }),
  );
  return { reads, actions: new Map(rows.map((r) => [Number(r.id), r.action])) };
}

type Out = z.output<typeof unusualListOut>;

export function listUnusualAccess(ctx: UseCaseContext, q: z.output<typeof unusualSearchBody>): Promise<Out> {
  return readUseCase(ctx, async (db) => {
    const period = periodProblem(q.from, q.to);
    if (period) throw fieldError(period.path, period.message);
    if (daysBetween(q.from, q.to) > 365) throw new AppError('AUDIT_PERIOD_TOO_LONG', { fields: [{ path: 'to', message: 'Perioden får vara högst ett år (366 dagar).' }] });
    const settings = await massReadSettings(db);
    const { reads, actions } = await loadAccessReads(db, and(gte(auditLog.occurredAt, dayStart(q.from)), lt(auditLog.occurredAt, dayStart(addDays(q.to, 1))), reviewScope(ctx)), {
      unusualOnly: settings,
    });
    const found = unusualAccess(reads, settings);
    const signed = found.length
      ? await db
          .select({ kind: auditSignoffs.kind, auditId: auditSignoffs.auditId, at: auditSignoffs.signedAt, comment: auditSignoffs.comment, by: users.displayName })
          .from(auditSignoffs)
          .innerJoin(users, eq(users.id, auditSignoffs.signedBy))
          .where(sql`${auditSignoffs.auditId} = any(${`{${[...new Set(found.map((f) => f.auditId))].join(',')}}`}::bigint[])`)
      : [];
    const signOffOf = new Map(signed.map((s) => [`${s.kind}:${s.auditId}`, s]));
    const key = (f: UnusualFinding) => `${f.kind}:${f.auditId}`;
    const shown = found.filter((f) => (!q.kind || f.kind === q.kind) && (q.status === 'all' || (q.status === 'signed') === signOffOf.has(key(f))));
    const page = shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const people = page.length
      ? await db.select({ id: persons.id, first: persons.firstName, last: persons.lastName, no: persons.identityNumber, kind: persons.idKind, prot: persons.protectedIdentity }).from(persons).where(inArray(persons.id, [...new Set(page.map((f) => f.personId))]))
      : [];
    const personOf = new Map(people.map((p) => [p.id, p]));
    const staff = page.length
      ? await db.select({ id: users.id, name: users.displayName, unit: units.name }).from(users).leftJoin(units, eq(units.id, users.unitId)).where(inArray(users.id, [...new Set(page.map((f) => f.actorUserId))]))
      : [];
    const staffOf = new Map(staff.map((s) => [s.id, s]));
    await recordAudit(db, ctx, { action: 'audit.unusual_list', entityType: 'audit_log', details: { from: q.from, to: q.to, found: found.length } });
    return {
      items: page.map((f) => {
        const p = personOf.get(f.personId);
        const s = staffOf.get(f.actorUserId);
        const so = signOffOf.get(key(f));
        const action = actions.get(f.auditId) ?? '';
        return {
          kind: f.kind,
          kindLabel: UNUSUAL_LABELS[f.kind],
          auditId: f.auditId,
          from: new Date(f.from).toISOString(),
          to: new Date(f.to).toISOString(),
          actionLabel: AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] ?? action,
          actor: { id: f.actorUserId, displayName: s?.name ?? null, unitName: s?.unit ?? null },
          person: p ? { id: p.id, name: `${p.first} ${p.last}`, identityNumber: formatIdentityNumber(p.no, p.kind), protectedIdentity: p.prot } : null,
          persons: f.persons,
          reads: f.reads,
          signOff: so ? { by: so.by, at: so.at.toISOString(), comment: so.comment } : null,
        };
      }),
      total: shown.length,
      page: q.page,
      pageSize: q.pageSize,
      settings: { persons: settings.persons, minutes: settings.minutes },
    };
  });
}
