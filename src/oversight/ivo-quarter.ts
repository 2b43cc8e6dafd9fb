// A unit's IVO quarter (issue 13 item 1, domain.md §6): the reports `ivoQuarterReports` selects from the record,
// each as the sheet IVO's form asks for — or, once every report is submitted, the frozen snapshot. Reading it is
// logged per person. The first read of a report makes its row (for the hand-written consequences) and the stand-in
// id of a person without a personnummer (assigned once, kept for the series).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import type { Tx } from '../platform/db/types';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit, type AuditEntry } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { can, scopeOf } from '../platform/policy/permissions';
import { units } from '../platform/tables';
import { daysBetween } from '../platform/calendar';
import { formatIdentityNumber } from '../people/identity-number';
import { followUpResultLabel, type FollowUpResult } from '../decisions/rules';
import { ivoQuarterReports, quarterBounds } from './rules';
import { ivoFreeText, ivoReasonLabel, ivoReasons, partlyExecuted, reportRound, reportRoundLabel, standInId, type IvoOffer } from './ivo-rules';
import { loadIvoCandidates, type IvoCandidate } from './ivo-repo';
import { ivoQuarters, ivoReports, ivoStandIns } from './tables';
import type { IvoQuarterOut, IvoSheetOut } from './ivo-schema';

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

/** What is frozen: the quarter as the sheets show it. */
export interface QuarterData {
  quarter: string;
  first: string;
  last: string;
  unit: { id: string; name: string };
  reports: IvoSheetOut[];
}

/** The unit the actor sees the IVO report of: their own, or (scope all: the auditors) the one they ask for. */
export async function ivoUnitOf(ctx: UseCaseContext, q: Queryable, requested: string | undefined): Promise<{ id: string; name: string }> {
  const scope = scopeOf(ctx.actor, 'ivo:read');
  const unitId = scope === 'all' ? (requested ?? ctx.actor.unitId) : ctx.actor.unitId;
  if (!unitId) throw new AppError('IVO_UNIT_MISSING');
  if (scope !== 'all' && requested && requested !== unitId) throw new AppError('FORBIDDEN');
  const [u] = await q.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

interface DetailRow {
  decision_id: string;
  case_id: string;
  case_number: string;
  person_id: string;
  first_name: string;
  last_name: string;
  identity_number: string;
  id_kind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
  birth_date: string | null;
  sex: 'female' | 'male' | null;
  protected_identity: boolean;
  route: string;
  paragraph: string;
  basis_name: string;
  contact_person_count: number | null;
  responsible: string | null;
  running: number;
}

/** The reports of a unit's quarter, computed from the record now (rows and stand-ins made where missing). */
export async function computeQuarter(tx: Tx, unit: { id: string; name: string }, quarter: string, actorId: string): Promise<QuarterData> {
  const { first, last } = quarterBounds(quarter);
  const candidates = await loadIvoCandidates(tx, { quarter, unitId: unit.id });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const selected = ivoQuarterReports(candidates, quarter);
  if (selected.length === 0) return { quarter, first, last, unit, reports: [] };
  const ids = [...new Set(selected.map((r) => r.decisionId))];
  const idArray = `{${ids.join(',')}}`;
  const details = rowsOf<DetailRow>(
    await tx.execute(sql`
      select d.id as decision_id, c.id as case_id, c.case_number, p.id as person_id, p.first_name, p.last_name, p.identity_number, p.id_kind,
        p.birth_date::text, p.sex, p.protected_identity, lb.route, lb.paragraph, lb.name as basis_name, d.contact_person_count,
        u.display_name as responsible,
        (select count(*)::int from assignments a where a.case_id = c.id and a.start_date <= ${last}::date
           and (a.end_date is null or a.end_date >= ${last}::date)) as running
      from decisions d join cases c on c.id = d.case_id join persons p on p.id = c.person_id
      join legal_bases lb on lb.id = d.legal_basis_id left join users u on u.id = c.responsible_user_id
      where d.id = any(${idArray}::uuid[])`),
  );
  const detail = new Map(details.map((d) => [d.decision_id, d]));
  const offers = rowsOf<IvoOffer & { case_id: string }>(
    await tx.execute(sql`
      select f.case_id, f.offered_date::text as date, f.response, f.response_date::text as "responseDate", f.closed_reason as "closedReason", f.closed_date::text as "closedDate"
      from offers f where f.case_id = any(${`{${details.map((d) => d.case_id).join(',')}}`}::uuid[]) and f.offered_date <= ${last}::date
      order by f.offered_date, f.created_at`),
  );
  const followUps = rowsOf<{ decision_id: string; date: string; result: FollowUpResult; note: string | null }>(
    await tx.execute(sql`select decision_id, date::text, result, note from follow_ups where decision_id = any(${idArray}::uuid[]) and date <= ${last}::date order by date, created_at`),
  );

  // The rows for the hand-written parts, and the stand-ins, made once.
  await tx
    .insert(ivoReports)
    .values(selected.map((r) => ({ unitId: unit.id, quarter, decisionId: r.decisionId, kind: r.kind, since: r.since, updatedBy: actorId })))
    .onConflictDoNothing();
  const stored = await tx.select().from(ivoReports).where(and(eq(ivoReports.quarter, quarter), inArray(ivoReports.decisionId, ids)));
  const storedOf = (r: { decisionId: string; kind: string; since: string }) => stored.find((s) => s.decisionId === r.decisionId && s.kind === r.kind && s.since === r.since)!;
  const standIns = await ensureStandIns(tx, details);

  const reports = selected.map((r): IvoSheetOut => {
    const c = byId.get(r.decisionId) as IvoCandidate;
    const d = detail.get(r.decisionId)!;
    const s = storedOf(r);
    const interruption = r.kind === 'avbrott' ? c.interruptions.find((i) => i.from === r.since) : undefined;
    const facts = {
      kind: r.kind,
      offers: offers.filter((o) => o.case_id === d.case_id && o.date >= r.since),
      followUps: followUps.filter((f) => f.decision_id === r.decisionId).map((f) => ({ date: f.date, result: followUpResultLabel[f.result], note: f.note })),
      interruptionReason: interruption?.reason ?? null,
      protectedIdentity: d.protected_identity,
      granted: d.contact_person_count ?? 1,
      running: d.running,
      extraReason: s.extraReason,
      interimSupport: s.interimSupport,
    };
    const round = reportRound(c, r, quarter);
    const hasNumber = d.id_kind === 'personnummer';
    const standIn = standIns.get(d.person_id) ?? null;
    return {
      id: s.id,
      version: s.version,
      seriesId: `${d.case_number}/${r.kind}/${r.since}`,
      round,
      roundLabel: reportRoundLabel[round],
      kind: r.kind,
      caseId: d.case_id,
      caseNumber: d.case_number,
      decisionId: r.decisionId,
      person: {
        id: d.person_id,
        name: `${d.first_name} ${d.last_name}`,
        idNumber: hasNumber ? formatIdentityNumber(d.identity_number, d.id_kind) : standIn,
        idNumberKind: hasNumber ? 'personnummer' : 'stand_in',
        idNumberProblem: hasNumber || standIn ? null : 'Personens kön och födelsedatum behövs för ett ersättnings-id. Komplettera personuppgifterna.',
        protectedIdentity: d.protected_identity,
      },
      responsible: d.responsible ?? '',
      insats: d.basis_name,
      legalBasis: `${d.route === 'LSS' ? 'LSS' : 'SoL'} ${d.paragraph}`,
      decisionDate: c.decisionDate,
      interruptionDate: r.kind === 'avbrott' ? r.since : null,
      executedDate: r.outcome?.kind === 'verkställt' ? r.outcome.date : null,
      endedDate: r.outcome?.kind === 'avslutat' ? r.outcome.date : null,
      endedReason: r.outcome?.kind === 'avslutat' ? (c.endedReason ?? null) : null,
      partlyExecuted: r.kind === 'beslut' && !r.outcome ? partlyExecuted(facts) : null,
      reasons: ivoReasons(facts).map((x) => ivoReasonLabel[x]),
      freeText: ivoFreeText(facts),
      consequences: s.consequences,
      interimSupport: s.interimSupport,
      extraReason: s.extraReason,
      submittedDate: s.submittedDate,
      daysSince: daysBetween(r.since, last),
    };
  });
  return { quarter, first, last, unit, reports };
}

/** Stand-ins for the persons without a personnummer (kept once made). */
async function ensureStandIns(tx: Tx, details: readonly DetailRow[]): Promise<Map<string, string>> {
  const without = details.filter((d) => d.id_kind !== 'personnummer');
  const out = new Map<string, string>();
  if (!without.length) return out;
  const personIds = [...new Set(without.map((d) => d.person_id))];
  for (const r of await tx.select().from(ivoStandIns).where(inArray(ivoStandIns.personId, personIds))) out.set(r.personId, r.standIn);
  for (const d of without) {
    if (out.has(d.person_id)) continue;
    const birth = d.birth_date ?? (/^\d{8}/.test(d.identity_number) ? `${d.identity_number.slice(0, 4)}-${d.identity_number.slice(4, 6)}-${d.identity_number.slice(6, 8)}` : null);
    if (!birth || !d.sex) continue;
    // One stand-in per birth date at a time: the lock serialises two readers assigning the same date.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ivo_stand_in:${birth}`}))`);
    const taken = new Set(
      (await tx.select({ s: ivoStandIns.standIn }).from(ivoStandIns).where(sql`${ivoStandIns.standIn} like ${`${birth.replace(/-/g, '')}-%`}`)).map((r) => r.s),
    );
    const id = standInId(birth, d.sex, taken);
    if (!id) continue;
    await tx.insert(ivoStandIns).values({ personId: d.person_id, standIn: id }).onConflictDoNothing();
    const [row] = await tx.select().from(ivoStandIns).where(eq(ivoStandIns.personId, d.person_id));
    out.set(d.person_id, row.standIn);
  }
  return out;
}

/** The frozen snapshot of a unit's quarter, or null. */
export async function frozenQuarter(q: Queryable, unitId: string, quarter: string) {
  const [f] = await q.select().from(ivoQuarters).where(and(eq(ivoQuarters.unitId, unitId), eq(ivoQuarters.quarter, quarter)));
  return f ? { row: f, data: JSON.parse(f.snapshot) as QuarterData } : null;
}

/** The quarter's data: frozen, or computed now. */
export async function quarterData(tx: Tx, unit: { id: string; name: string }, quarter: string, actorId: string) {
  const frozen = await frozenQuarter(tx, unit.id, quarter);
  if (frozen) return { data: frozen.data, frozen: { at: frozen.row.frozenAt.toISOString(), sha256: frozen.row.sha256 } };
  return { data: await computeQuarter(tx, unit, quarter, actorId), frozen: null };
}

/** One audit entry per report read (the person's data). */
export function readEntries(action: 'ivo.quarter_read' | 'ivo.export', data: QuarterData, extra: { format?: string } = {}): AuditEntry[] {
  return data.reports.map((r): AuditEntry => {
    const base = { entityType: 'decision' as const, entityId: r.decisionId, personId: r.person.id };
    return action === 'ivo.export'
      ? { ...base, action, details: { quarter: data.quarter, kind: r.kind, format: extra.format ?? '' } }
      : { ...base, action, details: { quarter: data.quarter, kind: r.kind } };
  });
}

export function getIvoQuarter(ctx: UseCaseContext, quarter: string, unitId: string | undefined): Promise<IvoQuarterOut> {
  return writeUseCase(ctx, async (tx) => {
    const unit = await ivoUnitOf(ctx, tx, unitId);
    const { data, frozen } = await quarterData(tx, unit, quarter, ctx.actor.id);
    const history = rowsOf<{ quarter: string; reports: number; submitted: number; frozen: boolean }>(
      await tx.execute(sql`
        select r.quarter, count(*)::int as reports, count(r.submitted_date)::int as submitted,
          exists (select 1 from ivo_quarters f where f.unit_id = r.unit_id and f.quarter = r.quarter) as frozen
        from ivo_reports r where r.unit_id = ${unit.id} and r.quarter <> ${quarter}
        group by r.unit_id, r.quarter order by r.quarter desc limit 12`),
    );
    await recordAudit(tx, ctx, [
      { action: 'ivo.quarter_read', entityType: 'ivo_quarter', entityId: null, details: { quarter, unitId: unit.id, reports: data.reports.length } },
      ...readEntries('ivo.quarter_read', data),
    ]);
    const editable = !frozen && scopeOf(ctx.actor, 'ivo:write') !== null;
    return {
      ...data,
      frozen,
      history,
      abilities: { canEdit: editable, canSubmit: !frozen && can(ctx.actor, 'ivo:submit') },
    };
  });
}
