// Cases for the generator (scripts/generate.ts --cases N): every stage of issue 9 with plausible dates —
// requested, referral, acknowledged, booked, investigated, awaiting approval, decided each way, appealed,
// ordered, order confirmed — spread over units and handläggare the way a large municipality has them.
// Deterministic for a seed. Rows go in as one JSON parameter per statement (json_populate_recordset),
// like the persons, so the same code is fast on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/connect';
import { prng } from '../src/people/fictitious';
import { addDays, addMonths, addWorkingDays } from '../src/platform/calendar';
import { formatCaseNumber } from '../src/intake/rules';
import { OTHER_SOURCES } from '../src/investigation/rules';

const ROWS_PER_STATEMENT = 1000;

/** How far a generated case has come (its last fact), with its share of all cases. */
const STAGES = [
  ['referral', 0.03],
  ['requested', 0.03],
  ['acknowledged', 0.06],
  ['booked', 0.06],
  ['investigated', 0.04],
  ['awaiting_approval', 0.01],
  ['rejected', 0.08],
  ['granted', 0.04],
  ['ordered', 0.03],
  ['order_confirmed', 0.62],
] as const;
type Stage = (typeof STAGES)[number][0];
const ORDER: Stage[] = STAGES.map(([s]) => s);
const reached = (stage: Stage, s: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);

export interface GenerateCasesOptions {
  /** Persons to hang cases on (ids from generatePersons); some get more than one case. */
  personIds: string[];
  n: number;
  seed: number;
  /** The day the data is "as of" (YYYY-MM-DD): received dates fall in the 24 months before it. */
  today: string;
  /** Units beside the demo units, and handläggare per unit (demo users count in their unit). */
  extraUnits?: number;
  handlaggarePerUnit?: number;
  onProgress?: (done: number) => void;
}

export interface GeneratedCases {
  cases: number;
  decisions: number;
  orders: number;
  units: number;
  handlaggare: number;
}

type Row = Record<string, string | number | boolean | null | object>;

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

async function insertJson(db: Db, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))}) select ${sql.raw(cols.join(', '))} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

/** Staff for the generated cases: the demo units and users, plus `extra` units with their handläggare. */
async function staff(db: Db, extra: number, perUnit: number, rand: () => number) {
  const units = rowsOf<{ id: string; route: 'LSS' | 'SOL'; name: string }>(await db.execute(sql`select id, route, name from units where active order by name`));
  const have = new Set(units.map((u) => u.name));
  const newUnits: Row[] = [];
  for (let i = 1; i <= extra; i++) {
    const route = i % 2 ? 'SOL' : 'LSS';
    const name = `${route === 'LSS' ? 'LSS-enhet' : 'Omsorgsenhet'} ${String(i).padStart(2, '0')} (genererad)`;
    if (!have.has(name)) newUnits.push({ name, route, active: true });
  }
  await insertJson(db, 'units', newUnits);
  const all = rowsOf<{ id: string; route: 'LSS' | 'SOL' }>(await db.execute(sql`select id, route from units where active order by name`));
  const users: Row[] = [];
  for (const u of all) {
    const existing = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users where unit_id = ${u.id} and role = 'handlaggare'`))[0].n;
    for (let k = existing; k < perUnit; k++) {
      users.push({
        username: `gen.${u.id.slice(0, 8)}.${k}`,
        display_name: `Handläggare ${k + 1} ${Math.floor(rand() * 1000)}`,
        role: 'handlaggare',
        unit_id: u.id,
        active: true,
        // Not a scrypt hash: nobody can sign in as a generated user.
        password_hash: '!generated',
      });
    }
  }
  await insertJson(db, 'users', users);
  const byUnit = new Map<string, { route: 'LSS' | 'SOL'; handlaggare: string[] }>();
  for (const u of all) byUnit.set(u.id, { route: u.route, handlaggare: [] });
  for (const h of rowsOf<{ id: string; unit_id: string }>(await db.execute(sql`select id, unit_id from users where role = 'handlaggare' and active order by username`))) {
    byUnit.get(h.unit_id)?.handlaggare.push(h.id);
  }
  return [...byUnit.entries()].filter(([, v]) => v.handlaggare.length > 0).map(([id, v]) => ({ id, ...v }));
}

/** Insert `n` cases with the facts of issue 9's stages. Reruns add more (case numbers continue the counters). */
export async function generateCases(db: Db, o: GenerateCasesOptions): Promise<GeneratedCases> {
  const rand = prng(o.seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const units = await staff(db, o.extraUnits ?? 10, o.handlaggarePerUnit ?? 15, rand);
  const [{ pattern }] = rowsOf<{ pattern: string }>(await db.execute(sql`select case_number_pattern as pattern from municipality`));
  const bases = rowsOf<{ id: string; code: string; route: 'LSS' | 'SOL'; valid_from: string; valid_to: string | null }>(
    await db.execute(sql`select id, code, route, valid_from::text, valid_to::text from legal_bases`),
  );
  const basisFor = (route: 'LSS' | 'SOL', date: string, discretionary: boolean) => {
    const inForce = bases.filter((b) => b.route === route && b.valid_from <= date && (!b.valid_to || b.valid_to >= date));
    const wanted = inForce.filter((b) => (route === 'LSS' ? true : discretionary === /_(4_2|11_4)$/.test(b.code)));
    return (wanted[0] ?? inForce[0]).id;
  };
  const counters = new Map<number, number>(
    rowsOf<{ year: number; last_number: number }>(await db.execute(sql`select year, last_number from case_number_counters`)).map((r) => [r.year, r.last_number]),
  );
  const stageOf = () => {
    let x = rand();
    for (const [s, p] of STAGES) {
      x -= p;
      if (x < 0) return s;
    }
    return 'order_confirmed' as Stage;
  };
  const out: GeneratedCases = { cases: 0, decisions: 0, orders: 0, units: units.length, handlaggare: units.reduce((n, u) => n + u.handlaggare.length, 0) };
  const TX_CASES = 10_000;
  for (let done = 0; done < o.n; done += TX_CASES) {
    const count = Math.min(TX_CASES, o.n - done);
    const cases: Row[] = [];
    const investigations: Row[] = [];
    const bookings: Row[] = [];
    const decisions: Row[] = [];
    const orders: Row[] = [];
    const appeals: Row[] = [];
    for (let k = 0; k < count; k++) {
      const unit = pick(units);
      const responsible = pick(unit.handlaggare);
      const received = addDays(o.today, -between(0, 730));
      // A case's stage is limited by how long ago it came in: nothing in the future.
      let stage = stageOf();
      const ack = addWorkingDays(received, between(0, 4));
      const started = addDays(ack, between(3, 20));
      const completed = addDays(started, between(10, 40));
      const decided = addDays(completed, between(1, 10));
      const ordered = addWorkingDays(decided, between(0, 3));
      const confirmed = addWorkingDays(ordered, between(0, 4));
      const chain: [Stage, string][] = [
        ['acknowledged', ack],
        ['booked', started],
        ['investigated', completed],
        ['rejected', decided],
        ['ordered', ordered],
        ['order_confirmed', confirmed],
      ];
      for (const [s, d] of chain) if (reached(stage, s) && d > o.today) stage = ORDER[Math.max(0, ORDER.indexOf(s) - 1)];
      if (stage === 'referral' && unit.route === 'LSS') stage = 'requested';
      const year = Number(received.slice(0, 4));
      const number = (counters.get(year) ?? 0) + 1;
      counters.set(year, number);
      const caseId = crypto.randomUUID();
      const isReferral = stage === 'referral';
      const acknowledged = reached(stage, 'acknowledged') && !isReferral;
      cases.push({
        id: caseId,
        case_number: formatCaseNumber(pattern, year, number),
        person_id: o.personIds[Math.floor(rand() * o.personIds.length)],
        route: unit.route,
        unit_id: unit.id,
        responsible_user_id: responsible,
        requester: isReferral ? 'relative' : rand() < 0.8 ? 'person' : 'legal_representative',
        requester_name: null,
        channel: pick(['phone', 'letter', 'e_service', 'visit']),
        received_date: received,
        application_date: isReferral ? null : received,
        acknowledged_date: acknowledged ? ack : null,
        acknowledgement_method: acknowledged ? pick(['phone', 'letter']) : null,
        personkrets_documentation: unit.route === 'LSS' && acknowledged ? (rand() < 0.85 ? 'present' : 'missing') : null,
        personkrets_group: unit.route === 'LSS' && acknowledged ? between(1, 3) : null,
        created_by: responsible,
      });
      out.cases++;
      if (isReferral || !reached(stage, 'booked')) continue;
      const investigationDone = reached(stage, 'investigated');
      bookings.push({
        case_id: caseId,
        kind: pick(['office', 'home', 'home', 'phone']),
        date: addDays(started, between(2, 14)) > o.today && !investigationDone ? addDays(o.today, between(1, 14)) : addDays(started, between(2, 14)),
        time: pick(['09:00', '10:30', '13:00', '14:30']),
        duration_minutes: 60,
        place: null,
        person_takes_part: true,
        state: investigationDone ? 'held' : 'booked',
        booked_by: responsible,
      });
      investigations.push({
        case_id: caseId,
        started_date: started,
        need_in_own_words: null,
        other_sources: investigationDone ? Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: pick(['no', 'no', 'partly', 'yes']) }])) : {},
        living_situation: pick(['own_home', 'own_home', 'own_home', 'group_home', 'service_home', 'other']),
        household_members: [],
        personkrets_group: unit.route === 'LSS' ? between(1, 3) : null,
        sol_criteria: {},
        sol_exclusions: [],
        wished_gender: pick(['woman', 'man', 'any', 'any']),
        wished_gender_required: rand() < 0.1,
        wished_interests: [],
        wished_languages: [],
        warning_reasons: {},
        completed_date: investigationDone ? completed : null,
        updated_by: responsible,
      });
      if (!reached(stage, 'awaiting_approval')) continue;
      const outcome = stage === 'rejected' ? 'rejected' : stage === 'awaiting_approval' ? 'granted' : rand() < 0.85 ? 'granted' : 'partly_granted';
      const decisionId = crypto.randomUUID();
      const start = outcome === 'rejected' ? null : addDays(decided, between(0, 14));
      const perWeek = rand() < 0.7;
      decisions.push({
        id: decisionId,
        case_id: caseId,
        previous_decision_id: null,
        succession: null,
        state: stage === 'awaiting_approval' ? 'awaiting_approval' : 'decided',
        outcome,
        reasons: 'Genererat beslut.',
        legal_basis_id: basisFor(unit.route, decided, rand() < 0.2),
        decision_date: decided,
        scope_unit: outcome === 'rejected' ? null : perWeek ? 'meetings_per_week' : 'meetings_per_month',
        scope_amount: outcome === 'rejected' ? null : perWeek ? between(1, 2) : between(2, 6),
        contact_person_count: outcome === 'rejected' ? null : rand() < 0.95 ? 1 : 2,
        start_date: start,
        end_date: null,
        home_care_tariff: false,
        needs_approval: stage === 'awaiting_approval',
        decided_by: stage === 'awaiting_approval' ? null : responsible,
        sent_date: stage === 'awaiting_approval' ? null : decided,
        notified_date: stage === 'awaiting_approval' ? null : addDays(decided, between(1, 4)),
        created_by: responsible,
      });
      out.decisions++;
      // Most decisions that would have run out were renewed in time: a new decision linked to the old one.
      let prev = { id: decisionId, end: start ? addDays(addMonths(start, 12), -1) : null };
      if (prev.end) decisions[decisions.length - 1].end_date = prev.end;
      while (prev.end && stage !== 'awaiting_approval' && prev.end < o.today && rand() < 0.85) {
        const renewedOn = addDays(prev.end, -between(14, 45));
        const id = crypto.randomUUID();
        const end = addDays(addMonths(addDays(prev.end, 1), 12), -1);
        decisions.push({
          ...decisions[decisions.length - 1],
          id,
          previous_decision_id: prev.id,
          succession: 'renewal',
          decision_date: renewedOn,
          legal_basis_id: basisFor(unit.route, renewedOn, false),
          start_date: addDays(prev.end, 1),
          end_date: end,
          sent_date: renewedOn,
          notified_date: addDays(renewedOn, 2),
        });
        out.decisions++;
        prev = { id, end };
      }
      if (outcome === 'rejected' && rand() < 0.25) {
        const notified = addDays(decided, 2);
        const receivedAppeal = addDays(notified, between(3, 25));
        if (receivedAppeal <= o.today) {
          appeals.push({ decision_id: decisionId, received_date: receivedAppeal, forwarded_date: addDays(receivedAppeal, between(1, 7)) > o.today ? null : addDays(receivedAppeal, between(1, 7)), created_by: responsible });
        }
      }
      if (!reached(stage, 'ordered') || outcome === 'rejected') continue;
      orders.push({
        decision_id: decisionId,
        case_id: caseId,
        provider_unit_id: unit.id,
        sent_date: ordered,
        sent_by: responsible,
        information: null,
        confirmed_date: stage === 'order_confirmed' ? confirmed : null,
      });
      out.orders++;
    }
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // Refresh the case facts once for the batch, at the end of this transaction, not after every statement
      // (migration 0013): the setting lasts until the transaction ends.
      await tx.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
      await insertJson(t, 'cases', cases);
      await insertJson(t, 'investigations', investigations);
      await insertJson(t, 'investigation_bookings', bookings);
      await insertJson(t, 'decisions', decisions);
      await insertJson(t, 'appeals', appeals);
      await insertJson(t, 'orders', orders);
      await tx.execute(sql`select refresh_case_facts(${`{${cases.map((c) => c.id).join(',')}}`}::uuid[])`);
      for (const [year, last] of counters) {
        await tx.execute(sql`insert into case_number_counters (year, last_number) values (${year}, ${last}) on conflict (year) do update set last_number = greatest(case_number_counters.last_number, excluded.last_number)`);
      }
    });
    // Statistics after the first batch: the case-facts triggers plan their lookups on them (empty tables otherwise).
    if (done === 0) await db.execute(sql`analyze cases, investigations, investigation_bookings, decisions, orders, appeals`);
    o.onProgress?.(done + count);
  }
  return out;
}
