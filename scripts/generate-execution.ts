// Execution for the generator (issue 11): for each confirmed order, the offers, matching meetings, assignments
// (running, interrupted, ended with each reason, replaced) and interruptions a municipality would have after two
// years — or nothing yet (the waiting list). Running and interrupted assignments and open offers take the contact
// persons' places, never more than their capacity; ended ones do not. Deterministic for a seed (apart from ids).
// Rows go in as one JSON parameter per statement, like the cases; the case facts and the contact persons' load are
// refreshed once per transaction (migrations 0013, 0014).
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/connect';
import { prng } from '../src/people/fictitious';
import { addDays } from '../src/platform/calendar';
import { ASSIGNMENT_END_REASONS, endEndsDecision } from '../src/assignments/rules';

type Row = Record<string, string | number | boolean | null | object>;

function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);
}

async function insertJson(db: Db, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // Every key of any row: a column missing from the first row would otherwise be dropped from all of them.
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))}) select ${sql.raw(cols.join(', '))} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

export interface GeneratedExecution {
  offers: number;
  assignments: number;
  interruptions: number;
  waiting: number;
}

/** The fate of one confirmed order, with its share. */
const FATES = [
  ['waiting', 0.14], // no offer yet
  ['waiting_declined', 0.05], // an offer the person declined (or no chemistry), none open
  ['offered', 0.05], // an open offer: pending, or accepted with a matchningsmöte booked
  ['running', 0.46],
  ['interrupted', 0.05],
  ['ended', 0.2],
  ['replaced', 0.05], // the first contact person stopped, a second one runs
] as const;
type Fate = (typeof FATES)[number][0];

export async function generateExecution(db: Db, o: { seed: number; today: string }): Promise<GeneratedExecution> {
  const rand = prng(o.seed * 104_729 + 7);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const fateOf = (): Fate => {
    let x = rand();
    for (const [f, p] of FATES) {
      x -= p;
      if (x < 0) return f;
    }
    return 'running';
  };
  const orderRows = rowsOf<{ id: string; case_id: string; decision_id: string; provider_unit_id: string; confirmed_date: string; start_date: string | null; level: string | null }>(
    await db.execute(sql`select o.id, o.case_id, o.decision_id, o.provider_unit_id, o.confirmed_date::text, d.start_date::text, d.level
      from orders o join decisions d on d.id = o.decision_id
      where o.confirmed_date is not null and d.outcome <> 'rejected'
        and not exists (select 1 from offers f where f.order_id = o.id)
      order by o.confirmed_date, o.id`),
  );
  const cpRows = rowsOf<{ id: string; free: number; approved_date: string }>(
    await db.execute(sql`select id, capacity - current_load as free, approved_date::text from contact_persons
      where approved_date is not null and ended_date is null and capacity > current_load order by id`),
  );
  const coordinator = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'kontaktsekreterare' order by username limit 1`))[0]?.id ?? null;
  const allCps = cpRows.map((c) => c.id);
  const free = new Map(cpRows.map((c) => [c.id, Number(c.free)]));
  let cursor = 0;
  /** The next contact person with a free place (round robin), or null when every place is taken. */
  const takePlace = (): string | null => {
    for (let tries = 0; tries < allCps.length; tries++) {
      const id = allCps[cursor++ % allCps.length];
      const f = free.get(id)!;
      if (f > 0) {
        free.set(id, f - 1);
        return id;
      }
    }
    return null;
  };
  const anyCp = () => (allCps.length ? allCps[Math.floor(rand() * allCps.length)] : null);
  const out: GeneratedExecution = { offers: 0, assignments: 0, interruptions: 0, waiting: 0 };
  const TX_ORDERS = 10_000;
  for (let done = 0; done < orderRows.length; done += TX_ORDERS) {
    const batch = orderRows.slice(done, done + TX_ORDERS);
    const offers: Row[] = [];
    const meetings: Row[] = [];
    const assignments: Row[] = [];
    const interruptions: Row[] = [];
    const touchedCps = new Set<string>();
    for (const ord of batch) {
      let fate = fateOf();
      const offered = addDays(ord.confirmed_date, between(3, 40));
      if (offered > o.today || allCps.length === 0) fate = 'waiting';
      const offer = (cpId: string, date: string, closed: null | { date: string; reason: string }, response: 'pending' | 'accepted' | 'declined', responseDate: string | null) => {
        const id = crypto.randomUUID();
        touchedCps.add(cpId);
        offers.push({
          id,
          order_id: ord.id,
          decision_id: ord.decision_id,
          case_id: ord.case_id,
          provider_unit_id: ord.provider_unit_id,
          contact_person_id: cpId,
          offered_date: date,
          response,
          response_date: responseDate,
          closed_date: closed?.date ?? null,
          closed_reason: closed?.reason ?? null,
          created_by: coordinator,
        });
        out.offers++;
        return id;
      };
      const assignment = (offerId: string, cpId: string, start: string, end: null | { date: string; reason: string }) => {
        const id = crypto.randomUUID();
        assignments.push({
          id,
          offer_id: offerId,
          order_id: ord.id,
          decision_id: ord.decision_id,
          case_id: ord.case_id,
          provider_unit_id: ord.provider_unit_id,
          contact_person_id: cpId,
          rate_level: rand() < 0.7 ? 'niva1' : 'niva2',
          meetings_per_month: rand() < 0.7 ? 4 : 8,
          activities: 'Promenader, fika och aktiviteter personen väljer.',
          period_from: start,
          agreement_date: addDays(start, -7),
          person_signed_date: addDays(start, -5),
          contact_person_signed_date: addDays(start, -5),
          appointed_date: addDays(start, -5),
          payroll_notice_date: addDays(start, -4),
          start_date: start,
          end_date: end?.date ?? null,
          end_reason: end?.reason ?? null,
          created_by: coordinator,
        });
        out.assignments++;
        return id;
      };
      if (fate === 'waiting_declined') {
        const cp = anyCp()!;
        const reason = rand() < 0.6 ? 'declined' : 'no_chemistry';
        const answered = addDays(offered, between(2, 10));
        if (answered > o.today) fate = 'waiting';
        else offer(cp, offered, { date: answered, reason }, reason === 'declined' ? 'declined' : 'accepted', answered);
      }
      if (fate === 'offered') {
        const cp = takePlace();
        if (!cp) fate = 'waiting';
        else {
          const accepted = rand() < 0.5 && addDays(offered, 3) <= o.today;
          const id = offer(cp, offered, null, accepted ? 'accepted' : 'pending', accepted ? addDays(offered, 3) : null);
          if (accepted) meetings.push({ offer_id: id, date: addDays(o.today, between(1, 20)), time: '14:00', place: 'Kontaktpersonsenheten', participants: 'Personen, kontaktpersonen, kontaktsekreteraren', created_by: coordinator });
        }
      }
      if (fate === 'running' || fate === 'interrupted' || fate === 'ended' || fate === 'replaced') {
        const start = addDays(offered, between(14, 45));
        if (start > o.today) fate = 'offered';
        let first = fate === 'ended' || fate === 'replaced' ? anyCp() : takePlace();
        if (!first && rand() < 0.7) {
          // Every place is taken: most such orders were served earlier and have ended since (a real register turns
          // over); the rest wait.
          fate = 'ended';
          first = anyCp();
        }
        if (!first) {
          fate = 'waiting';
        } else if (fate === 'offered') {
          // Started in the future: an accepted offer with its meeting held, waiting for the start.
          const id = offer(first, offered, null, 'accepted', addDays(offered, 3));
          meetings.push({ offer_id: id, date: addDays(offered, 7), time: '14:00', place: 'Kontaktpersonsenheten', outcome: 'go_ahead', outcome_date: addDays(offered, 7), created_by: coordinator });
        } else {
          const endDate = addDays(start, between(60, 500));
          const ends = fate === 'ended' || fate === 'replaced' ? (endDate < o.today ? endDate : addDays(o.today, -1)) : null;
          // Most ends end the decision too (the person's wish, moved, the decision ended, deceased); the rest leave a
          // gap that counts as an avbrott until a replacement starts.
          const finalReasons = ASSIGNMENT_END_REASONS.filter(endEndsDecision);
          const reason =
            fate === 'replaced'
              ? 'contact_person_stopped'
              : rand() < 0.85
                ? finalReasons[Math.floor(rand() * finalReasons.length)]
                : ASSIGNMENT_END_REASONS[Math.floor(rand() * ASSIGNMENT_END_REASONS.length)];
          // An assignment that ended has an end on or after its start (one that started today ends today).
          // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
          const ended = ends ? { date: ends >= start ? ends : start, reason } : null;
          const offerId = offer(first, offered, ended ? { date: ended.date, reason: 'ended' } : null, 'accepted', addDays(offered, 3));
          meetings.push({ offer_id: offerId, date: addDays(offered, 7), time: '14:00', place: 'Kontaktpersonsenheten', outcome: 'go_ahead', outcome_date: addDays(offered, 7), created_by: coordinator });
          const aId = assignment(offerId, first, start, ended);
          if (fate === 'interrupted') {
            const from = addDays(o.today, -between(5, 150));
            if (from > start) {
              interruptions.push({ assignment_id: aId, from_date: from, reason: 'Personen är på korttidsvistelse.', created_by: coordinator });
              out.interruptions++;
            }
          } else if (fate === 'running' && rand() < 0.1) {
            const from = addDays(start, between(20, 60));
            const resumed = addDays(from, between(7, 40));
            if (resumed < o.today) {
              interruptions.push({ assignment_id: aId, from_date: from, reason: 'Kontaktpersonen var sjuk.', resumed_date: resumed, created_by: coordinator });
              out.interruptions++;
            }
          }
          if (fate === 'replaced' && ended && !endEndsDecision('contact_person_stopped')) {
            const second = takePlace();
            const again = addDays(ended.date, between(10, 60));
            const restart = addDays(again, between(10, 20));
            if (second && second !== first && restart <= o.today) {
              const o2 = offer(second, again, null, 'accepted', addDays(again, 2));
              assignment(o2, second, restart, null);
            } else if (second) {
              free.set(second, free.get(second)! + 1);
            }
          }
        }
      }
      if (fate === 'waiting' || fate === 'waiting_declined') out.waiting++;
    }
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await tx.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
      await insertJson(t, 'offers', offers);
      await insertJson(t, 'matching_meetings', meetings);
      await insertJson(t, 'assignments', assignments);
      await insertJson(t, 'assignment_interruptions', interruptions);
      const caseIds = [...new Set(batch.map((b) => b.case_id))];
      await tx.execute(sql`select refresh_case_facts(${`{${caseIds.join(',')}}`}::uuid[])`);
      await tx.execute(sql`select refresh_contact_person_load(${`{${[...touchedCps].join(',')}}`}::uuid[])`);
    });
  }
  return out;
}
