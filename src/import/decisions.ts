// Active decisions from the old system: each row becomes a case (registered as an application on its
// ansökningsdatum) with one decided, granted decision — checked by the decide form's own schema (decisionBody) and
// rules (decisionProblems), the legal-basis catalogue in force on the decision date, and responsibleProblem for the
// handläggare, as the UI checks a decision. The catalogue (units, users, legal bases, the municipality's settings) is
// read once per file; persons are looked up per batch. The case_facts table follows by its triggers (ADR 008/009).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db/connect';
import type { AuditWho } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import type { MunicipalitySettings } from '../platform/settings';
import type { Route } from '../platform/rules';
import { parseIdentityNumber } from '../people/identity-number';
import { pastDateProblem, responsibleProblem, formatCaseNumber } from '../intake/rules';
import { dateString } from '../platform/validation';
import { decisionBody } from '../decisions/schema';
import { decisionProblems, type ScopeUnit } from '../decisions/rules';
import { readYesNo } from './rules';

export interface CellProblem {
  column: string;
  message: string;
}
type Cells = (header: string) => string | undefined;
type Ok<T> = { ok: true; value: T } | { ok: false; problems: CellProblem[] };

export interface DecisionCatalogue {
  units: Map<string, { id: string; name: string; route: Route }>;
  users: Map<string, { id: string; active: boolean; unitId: string | null; role: string }>;
  bases: Map<string, { id: string; code: string; route: Route; validFrom: string; validTo: string | null }>;
  decisionMaxMonths: number;
  levelCodes: string[];
  caseNumberPattern: string;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const key = (s: string) => s.trim().toLowerCase();

/** The units, users and legal bases a file may name, and the settings the decide form checks against. */
export async function loadDecisionCatalogue(q: Queryable, m: MunicipalitySettings): Promise<DecisionCatalogue> {
  const units = rowsOf<{ id: string; name: string; route: Route }>(await q.execute(sql`select id, name, route from units where active`));
  const users = rowsOf<{ id: string; username: string; active: boolean; unit_id: string | null; role: string }>(
    await q.execute(sql`select id, username, active, unit_id, role from users where role in ('handlaggare', 'enhetschef')`),
  );
  const bases = rowsOf<{ id: string; code: string; route: Route; valid_from: string; valid_to: string | null }>(
    await q.execute(sql`select id, code, route, valid_from::text, valid_to::text from legal_bases`),
  );
  return {
    units: new Map(units.map((u) => [key(u.name), u])),
    users: new Map(users.map((u) => [key(u.username), { id: u.id, active: u.active, unitId: u.unit_id, role: u.role }])),
    bases: new Map(bases.map((b) => [key(b.code), { id: b.id, code: b.code, route: b.route, validFrom: b.valid_from, validTo: b.valid_to }])),
    decisionMaxMonths: m.decisionMaxMonths,
    levelCodes: (m.scopeLevels ?? []).map((l) => l.code),
    caseNumberPattern: m.caseNumberPattern,
  };
}

export interface DecisionRow {
  identityNumber: string;
  /** Filled by the batch's look-up of the person. */
  personId: string | null;
  route: Route;
  unitId: string;
  responsibleUserId: string;
  applicationDate: string;
  input: z.output<typeof decisionBody>;
}

/** The scope units as the file writes them. */
export const SCOPE_UNIT_CELLS: Record<string, ScopeUnit> = {
  träffar_per_vecka: 'meetings_per_week',
  träffar_per_månad: 'meetings_per_month',
  timmar_per_månad: 'hours_per_month',
};

const DECISION_COLUMN: Record<string, string> = {
  reasons: 'skäl',
  legalBasisId: 'lagrum',
  decisionDate: 'beslutsdatum',
  scopeUnit: 'omfattning_enhet',
  scopeAmount: 'omfattning',
  level: 'nivå',
  contactPersonCount: 'antal_kontaktpersoner',
  startDate: 'startdatum',
  endDate: 'slutdatum',
  periodReason: 'periodskäl',
  homeCareTariff: 'hemtjänsttaxa',
};

/** The reasons a migrated decision gets when the file has none (the decision's own text stays in the old system). */
export const IMPORTED_REASONS = 'Beslutet är överfört från det tidigare verksamhetssystemet. Skälen finns i beslutet där.';

/** A whole number as text becomes a number for the schema; anything else goes through as typed, for its message. */
function numberCell(s: string | undefined): unknown {
  const t = (s ?? '').trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

const YES_NO = 'Skriv ja eller nej (eller lämna tomt).';
const NO_BASIS = '00000000-0000-4000-8000-000000000000';

export function validateDecisionRow(cell: Cells, today: string, cat: DecisionCatalogue): Ok<DecisionRow> {
  const problems: CellProblem[] = [];
  const add = (column: string, message: string) => {
    if (!problems.some((p) => p.column === column)) problems.push({ column, message });
  };
  const reserve = readYesNo(cell('reservnummer'), false);
  if (reserve === 'invalid') add('reservnummer', YES_NO);
  const id = parseIdentityNumber(cell('personnummer') ?? '', today, reserve === true);
  if (!id.ok) add('personnummer', id.message);

  const unitName = (cell('enhet') ?? '').trim();
  const unit = cat.units.get(key(unitName));
  if (!unitName) add('enhet', 'Skriv enhetens namn som det står i Kontakt.');
  else if (!unit) add('enhet', `Enheten ”${unitName}” finns inte i Kontakt (eller är inte aktiv). Skriv namnet som under Administration → Enheter.`);

  const username = (cell('handläggare') ?? '').trim();
  const user = username ? cat.users.get(key(username)) : undefined;
  if (!username) add('handläggare', 'Skriv handläggarens användarnamn i Kontakt.');
  else {
    const p = responsibleProblem('handläggare', user ?? null, unit?.id);
    if (p) add('handläggare', user ? p.message : `Det finns ingen handläggare med användarnamnet ”${username}” i Kontakt.`);
  }

  const code = (cell('lagrum') ?? '').trim();
  const basis = code ? cat.bases.get(key(code)) : undefined;
  if (!code) add('lagrum', 'Skriv koden för den rättsliga grunden (lagrummet), till exempel LSS_9_4.');
  else if (!basis) add('lagrum', `Lagrummet ”${code}” finns inte i katalogen över rättsliga grunder. Skriv koden som under Administration → Rättsliga grunder.`);
  else if (unit && basis.route !== unit.route)
    add('lagrum', `Lagrummet ${basis.code} gäller ${basis.route === 'SOL' ? 'SoL' : 'LSS'}, men enheten ${unit.name} handlägger ${unit.route === 'SOL' ? 'SoL' : 'LSS'}.`);

  const unitCell = key(cell('omfattning_enhet') ?? '');
  const scopeUnit = SCOPE_UNIT_CELLS[unitCell] ?? null;
  if (!scopeUnit) add('omfattning_enhet', `Skriv ${Object.keys(SCOPE_UNIT_CELLS).join(', ').replace(/, ([^,]*)$/, ' eller $1')}.`);
  const homeCare = readYesNo(cell('hemtjänsttaxa'), false);
  if (homeCare === 'invalid') add('hemtjänsttaxa', YES_NO);

  const decisionDate = (cell('beslutsdatum') ?? '').trim();
  const applicationCell = (cell('ansökningsdatum') ?? '').trim();
  const applied = dateString.safeParse(applicationCell || decisionDate);
  if (applicationCell && !applied.success) add('ansökningsdatum', applied.error.issues[0].message);
  else if (applicationCell && applied.success) {
    const p = pastDateProblem('ansökningsdatum', applied.data, today);
    if (p) add('ansökningsdatum', p.message);
  }

  const parsed = decisionBody.safeParse({
    outcome: 'granted',
    requested: null,
    reasons: (cell('skäl') ?? '').trim() || IMPORTED_REASONS,
    legalBasisId: basis?.id ?? NO_BASIS,
    decisionDate,
    scopeUnit,
    scopeAmount: numberCell(cell('omfattning')),
    level: (cell('nivå') ?? '').trim() || null,
    contactPersonCount: numberCell(cell('antal_kontaktpersoner')) ?? 1,
    startDate: (cell('startdatum') ?? '').trim() || decisionDate,
    endDate: (cell('slutdatum') ?? '').trim() || null,
    periodReason: (cell('periodskäl') ?? '').trim() || null,
    homeCareTariff: homeCare === true,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const column = DECISION_COLUMN[String(i.path[0])] ?? String(i.path[0] ?? '');
      // A start date left empty is the decision date: its problem is the decision date's.
      add(column === 'startdatum' && !(cell('startdatum') ?? '').trim() ? 'beslutsdatum' : column, i.message);
    }
  } else {
    const input = parsed.data;
    for (const p of decisionProblems(input, {
      today,
      applicationDate: applied.success ? applied.data : null,
      decisionMaxMonths: cat.decisionMaxMonths,
      levelCodes: cat.levelCodes,
    })) {
      add(DECISION_COLUMN[p.path] ?? p.path, p.message);
    }
    if (basis && !(basis.validFrom <= input.decisionDate && (basis.validTo === null || basis.validTo >= input.decisionDate)))
      add('lagrum', `Lagrummet ${basis.code} gäller inte på beslutsdatumet ${input.decisionDate}. Välj en rättslig grund som gäller för ärendets lag på beslutsdatumet.`);
    // Only decisions still in force: one that has run out belongs to the old system's archive.
    if (input.endDate && input.endDate < today) add('slutdatum', `Beslutet har redan upphört (slutdatum ${input.endDate}). Importera bara beslut som gäller.`);
  }
  if (problems.length > 0 || !parsed.success || !id.ok || !unit || !user || !basis || !applied.success) return { ok: false, problems };
  return {
    ok: true,
    value: {
      identityNumber: id.normalized,
      personId: null,
      route: unit.route,
      unitId: unit.id,
      responsibleUserId: user.id,
      applicationDate: applied.data,
      input: parsed.data,
    },
  };
}

/** The persons (by identity number) of a batch: number → id; merged records are not a target. */
export async function personIdsByNumber(q: Queryable, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const r = rowsOf<{ n: string; id: string }>(
    await q.execute(sql`select identity_number as n, id from persons where identity_number = any(${sql.param(numbers)}::text[]) and merged_into_id is null`),
  );
  return new Map(r.map((x) => [x.n, x.id]));
}

const col = <T>(rows: T[], f: (r: T) => unknown) => sql.param(rows.map(f));

/**
 * One batch: a block of case numbers from this year's counter (as a registered request takes its number), the
 * cases, their decisions, their case facts and one audit row per decision. Returns how many decisions.
 */
export async function insertDecisions(
  q: Queryable,
  who: AuditWho & { actor: { id: string } },
  jobId: string,
  rows: DecisionRow[],
  cat: DecisionCatalogue,
  today: string,
  firstBatch: boolean,
): Promise<number> {
  if (rows.length === 0) return 0;
  const year = Number(today.slice(0, 4));
  const at = who.clock.now().toISOString();
  const [{ last }] = rowsOf<{ last: number }>(
    await q.execute(sql`insert into case_number_counters (year, last_number) values (${year}, ${rows.length})
      on conflict (year) do update set last_number = case_number_counters.last_number + ${rows.length} returning last_number as last`),
  );
  const first = Number(last) - rows.length + 1;
  const caseIds = rows.map(() => crypto.randomUUID());
  const decisionIds = rows.map(() => crypto.randomUUID());
  const numbers = rows.map((_, i) => formatCaseNumber(cat.caseNumberPattern, year, first + i));
  // The case facts refreshed once for the batch's cases after both inserts, not after each (migration 0013, ADR 009),
  // then the per-statement refresh is back on for the rest of the transaction.
  await q.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
  await q.execute(sql`
    insert into cases (id, case_number, person_id, route, unit_id, responsible_user_id, requester, channel, received_date, application_date,
      description, created_by, created_at, updated_at)
    select u.id, u.case_number, u.person_id, u.route, u.unit_id, u.responsible_user_id, 'person', 'letter', u.applied, u.applied,
      'Överfört från det tidigare verksamhetssystemet.', ${who.actor.id}::uuid, ${at}::timestamptz, ${at}::timestamptz
    from unnest(${sql.param(caseIds)}::uuid[], ${sql.param(numbers)}::text[], ${col(rows, (r) => r.personId)}::uuid[], ${col(rows, (r) => r.route)}::text[],
      ${col(rows, (r) => r.unitId)}::uuid[], ${col(rows, (r) => r.responsibleUserId)}::uuid[], ${col(rows, (r) => r.applicationDate)}::date[])
      as u(id, case_number, person_id, route, unit_id, responsible_user_id, applied)`);
  const d = (f: (i: z.output<typeof decisionBody>) => unknown) => col(rows, (r) => f(r.input));
  await q.execute(sql`
    insert into decisions (id, case_id, state, outcome, reasons, legal_basis_id, decision_date, scope_unit, scope_amount, level,
      contact_person_count, start_date, end_date, period_reason, home_care_tariff, needs_approval, decided_by, created_by, created_at, updated_at)
    select u.id, u.case_id, 'decided', 'granted', u.reasons, u.legal_basis_id, u.decision_date, u.scope_unit, u.scope_amount, u.level,
      u.contact_person_count, u.start_date, u.end_date, u.period_reason, u.home_care_tariff, false, u.decided_by, ${who.actor.id}::uuid,
      ${at}::timestamptz, ${at}::timestamptz
    from unnest(${sql.param(decisionIds)}::uuid[], ${sql.param(caseIds)}::uuid[], ${d((i) => i.reasons)}::text[], ${d((i) => i.legalBasisId)}::uuid[],
      ${d((i) => i.decisionDate)}::date[], ${d((i) => i.scopeUnit)}::text[], ${d((i) => i.scopeAmount)}::int[], ${d((i) => i.level)}::text[],
      ${d((i) => i.contactPersonCount)}::int[], ${d((i) => i.startDate)}::date[], ${d((i) => i.endDate)}::date[], ${d((i) => i.periodReason)}::text[],
      ${d((i) => i.homeCareTariff)}::boolean[], ${col(rows, (r) => r.responsibleUserId)}::uuid[])
      as u(id, case_id, reasons, legal_basis_id, decision_date, scope_unit, scope_amount, level, contact_person_count, start_date, end_date,
        period_reason, home_care_tariff, decided_by)`);
  // Statistics after the first batch (as scripts/generate-cases.ts does): planned on the tables' old statistics,
  // refresh_case_facts' look-ups grew with every batch (100 000 decisions: 86 s, most of it here). ANALYZE in the
  // transaction sees its own rows; a role that may not analyze a table gets a warning, never an error.
  if (firstBatch) await q.execute(sql`analyze cases, decisions, case_facts`);
  await q.execute(sql`select refresh_case_facts(${sql.param(caseIds)}::uuid[]), set_config('kontakt.defer_case_facts', 'off', true)`);
  await q.execute(sql`
    insert into ${auditLog} (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, person_id, request_id, details)
    select ${at}::timestamptz, ${who.actor?.id ?? null}::uuid, ${who.actor?.username ?? null}::text, 'decision.import', 'decision', u.id::text, u.person_id,
      ${who.requestId}::text, jsonb_build_object('jobId', ${jobId}::text, 'caseId', u.case_id::text)
    from unnest(${sql.param(decisionIds)}::uuid[], ${sql.param(caseIds)}::uuid[], ${col(rows, (r) => r.personId)}::uuid[]) as u(id, case_id, person_id)`);
  return rows.length;
}
