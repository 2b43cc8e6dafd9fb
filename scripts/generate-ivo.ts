// Decisions for the IVO report (issue 13 item 1), generated in SQL (INSERT … SELECT generate_series, deterministic for
// a seed): a person, a case and a favourable decision per row, decided in the two years before `today`; `lateShare`
// of them (default 5 %) not executed within three months (some never, some later, a few ended after the deadline),
// the rest executed in time; a tenth on a legal basis without the IVO flag.
//   - mode 'record' (tests): the real chain — order, contact person, offer, assignment with its start, interruptions
//     (a fifth of the executed ones, some resumed), follow-ups that end the decision — with the case facts kept by
//     the triggers, as the application writes them;
//   - mode 'bulk' (the bench, a million rows): persons, cases and decisions only, the case facts' refresh deferred
//     (migration 0013) and their execution and end dates written straight into `case_facts`, which the report reads.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/connect';

export interface IvoGenerateOptions {
  n: number;
  seed: number;
  today: string;
  unitId: string;
  userId: string;
  /** A basis with the IVO flag and one without (a tenth of the decisions). */
  reportableBasisId: string;
  otherBasisId: string;
  lateShare?: number;
  mode: 'record' | 'bulk';
  /** Index of the first row (several batches into one database). */
  start?: number;
}

export async function generateIvoDecisions(db: Db, o: IvoGenerateOptions): Promise<void> {
  const s = `${o.seed}:`;
  const late = Math.round((o.lateShare ?? 0.05) * 10000);
  const first = o.start ?? 1;
  const last = first + o.n - 1;
  const h = (k: string) => sql.raw(`abs(hashtext('${s}${k}:' || g))`);
  const id = (prefix: string) => sql.raw(`md5('${s}${prefix}-' || g)::uuid`);
  await db.transaction(async (tx) => {
    if (o.mode === 'bulk') await tx.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
    // The timeline of each row, once.
    await tx.execute(sql`create temp table ivo_gen on commit drop as
      select g, dd, late,
        case
          when late and ${h('never')} % 3 = 0 then null
          when late then nullif(least((dd + interval '3 months')::date + 1 + ${h('x')} % 150, ${o.today}::date + 1), ${o.today}::date + 1)
          else dd + ${h('x')} % 85
        end as executed,
        case when late and ${h('end')} % 10 = 0 and (dd + interval '3 months')::date + 10 <= ${o.today}::date then (dd + interval '3 months')::date + 10 end as ended,
        ${h('basis')} % 10 <> 0 as reportable
      from (select g, ${o.today}::date - (${h('d')} % 730) as dd, ${h('late')} % 10000 < ${late} as late from generate_series(${first}::int, ${last}::int) g) x`);
    await tx.execute(sql`insert into persons (id, identity_number, id_kind, first_name, last_name, sex, birth_date, fictitious)
      select ${id('p')}, case when g % 50 = 0 then 'R' || lpad(g::text, 11, '0') else lpad((1500000000 + g)::text, 12, '19') end,
        case when g % 50 = 0 then 'reservnummer' else 'personnummer' end, 'Ivo', 'Bänk' || g,
        case when g % 2 = 0 then 'female' else 'male' end, date '1990-01-01' + (g % 5000), true
      from ivo_gen`);
    await tx.execute(sql`insert into cases (id, case_number, person_id, route, unit_id, responsible_user_id, requester, channel, received_date)
      select ${id('c')}, 'IVO-' || ${String(o.seed)} || '-' || g, ${id('p')}, 'LSS', ${o.unitId}, ${o.userId}, 'person', 'phone', dd - 30 from ivo_gen`);
    await tx.execute(sql`insert into decisions (id, case_id, state, outcome, reasons, legal_basis_id, decision_date, scope_unit, scope_amount, contact_person_count)
      select ${id('d')}, ${id('c')}, 'decided', 'granted', 'Genererat beslut.', case when reportable then ${o.reportableBasisId}::uuid else ${o.otherBasisId}::uuid end,
        dd, 'meetings_per_week', 1, 1
      from ivo_gen`);
    if (o.mode === 'bulk') {
      await tx.execute(sql`insert into case_facts (case_id, received_date, decision_outcome, decision_date, executed_date, ended_date, unit_id, responsible_user_id)
        select ${id('c')}, dd - 30, 'granted', dd, executed, ended, ${o.unitId}, ${o.userId} from ivo_gen`);
      return;
    }
    await tx.execute(sql`insert into contact_persons (id, identity_number, first_name, last_name, source, applied_date, approved_date, capacity)
      select ${id('k')}, lpad((1400000000 + g)::text, 12, '19'), 'Bänk', 'Kontaktperson' || g, 'staff', date '2020-01-01', date '2020-02-01', 3 from ivo_gen`);
    const cp = id('k');
    await tx.execute(sql`insert into orders (id, case_id, decision_id, provider_unit_id, sent_date, sent_by, confirmed_date)
      select ${id('o')}, ${id('c')}, ${id('d')}, ${o.unitId}, dd, ${o.userId}, dd from ivo_gen`);
    // Every case has an offer; the late ones a declined one first.
    await tx.execute(sql`insert into offers (order_id, decision_id, case_id, provider_unit_id, contact_person_id, offered_date, response, response_date, closed_reason, closed_date)
      select ${id('o')}, ${id('d')}, ${id('c')}, ${o.unitId}, ${cp}, dd + 1, 'declined', dd + 2, 'declined', dd + 2 from ivo_gen where late`);
    await tx.execute(sql`insert into offers (id, order_id, decision_id, case_id, provider_unit_id, contact_person_id, offered_date, response, response_date)
      select ${id('f')}, ${id('o')}, ${id('d')}, ${id('c')}, ${o.unitId}, ${cp}, coalesce(executed, ${o.today}::date) - 1, 'accepted', coalesce(executed, ${o.today}::date) - 1
      from ivo_gen where executed is not null`);
    await tx.execute(sql`insert into assignments (id, offer_id, order_id, decision_id, case_id, provider_unit_id, contact_person_id, rate_level, period_from, start_date)
      select ${id('a')}, ${id('f')}, ${id('o')}, ${id('d')}, ${id('c')}, ${o.unitId}, ${cp}, 'niva1', executed, executed from ivo_gen where executed is not null`);
    await tx.execute(sql`insert into assignment_interruptions (assignment_id, from_date, reason, resumed_date)
      select ${id('a')}, i.from_date, 'Kontaktpersonen är sjuk (genererat).',
        case when ${h('res')} % 3 <> 0 and i.from_date + 1 + ${h('rd')} % 150 <= ${o.today}::date then i.from_date + 1 + ${h('rd')} % 150 end
      from (select g, executed + 10 + ${h('if')} % 200 as from_date from ivo_gen where executed is not null and ${h('int')} % 5 = 0) i
      where i.from_date <= ${o.today}::date`);
    await tx.execute(sql`insert into follow_ups (decision_id, date, result, note) select ${id('d')}, ended, 'end', 'Behovet upphörde (genererat).' from ivo_gen where ended is not null`);
  });
}
