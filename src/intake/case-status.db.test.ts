// The status rule lives twice by necessity: `deriveCaseStatus` (rules.ts) for one case, `case_status(case_facts,
// today)` (migration 0004) for lists that sort and filter in the database. These properties prove they agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { buildStaff, contextFor, personBody, setupHarness, type Harness } from '../../test/support/harness';
import { persons } from '../people/tables';
import { caseFacts, caseFactsColumns, caseStatusSql, factsOf } from './case-status';
import { listCases } from './list-cases';
import { CASE_STATUS_ORDER, deriveCaseStatus, type CaseFacts, type CaseStatus } from './rules';
import { cases } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let personId: string;
let seq = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-15T10:00:00+02:00' });
  staff = await buildStaff(h);
  const [p] = await h.db.insert(persons).values({ ...personBody(1), idKind: 'personnummer' }).returning();
  personId = p.id;
});
afterAll(() => h.close());

const day = (from: string, to: string) =>
  fc.integer({ min: 0, max: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) }).map((d) => new Date(Date.parse(from) + d * 86_400_000).toISOString().slice(0, 10));
const date = day('2025-11-01', '2026-12-31');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 2 });

/** Facts of every stage, in any combination (the rule must agree even on combinations no stage writes yet). */
const allFacts: fc.Arbitrary<CaseFacts> = fc.record({
  applicationDate: maybe(date),
  acknowledgedDate: maybe(date),
  investigationStartedDate: maybe(date),
  decision: maybe(fc.record({ outcome: fc.constantFrom('granted' as const, 'partly_granted' as const, 'rejected' as const), date, endDate: maybe(date) })),
  orderedDate: maybe(date),
  orderConfirmedDate: maybe(date),
  matchingStartedDate: maybe(date),
  executedDate: maybe(date),
  interruptedSince: maybe(date),
  endedDate: maybe(date),
});

async function sqlStatus(f: CaseFacts, today: string): Promise<CaseStatus> {
  const d = f.decision ?? null;
  // A row of the facts table's type, column by column in its order (unit, responsible and name last: not facts of the status).
  const row = sql`row(gen_random_uuid(), ${'2026-01-01'}::date, ${f.applicationDate}::date, ${f.acknowledgedDate}::date,
    ${f.investigationStartedDate ?? null}::date, ${d?.outcome ?? null}::text, ${d?.date ?? null}::date, ${d?.endDate ?? null}::date,
    ${f.orderedDate ?? null}::date, ${f.orderConfirmedDate ?? null}::date, ${f.matchingStartedDate ?? null}::date,
    ${f.executedDate ?? null}::date, ${f.interruptedSince ?? null}::date, ${f.endedDate ?? null}::date,
    gen_random_uuid(), gen_random_uuid(), 'Efternamn', 'Förnamn')::case_facts`;
  const r = (await h.db.execute(sql`select case_status(${row}, ${today}::date) as s`)) as unknown as { rows: { s: CaseStatus }[] };
  return r.rows[0].s;
}

/** Intake's facts as the use cases write them: a referral may get an application, an application an acknowledgement. */
const intakeCase = fc
  .record({ route: fc.constantFrom('LSS' as const, 'SOL' as const), receivedDate: day('2026-01-01', '2026-06-15'), applied: fc.constantFrom('at once', 'later', 'not yet'), acknowledged: fc.boolean() })
  .map((c) => {
    const applicationDate = c.applied === 'at once' ? c.receivedDate : c.applied === 'later' ? '2026-06-15' : null;
    return { route: c.route, receivedDate: c.receivedDate, applicationDate, acknowledgedDate: applicationDate && c.acknowledged ? '2026-06-15' : null };
  });

async function insertCase(c: { route: 'LSS' | 'SOL'; receivedDate: string; applicationDate: string | null; acknowledgedDate: string | null }) {
  const [row] = await h.db
    .insert(cases)
    .values({
      caseNumber: `PROP-${++seq}`,
      personId,
      route: c.route,
      unitId: staff.lss.id,
      responsibleUserId: staff.hl.id,
      requester: c.applicationDate ? 'person' : 'relative',
      requesterName: c.applicationDate ? null : 'Anhörig',
      channel: 'phone',
      receivedDate: c.receivedDate,
      applicationDate: c.applicationDate,
      acknowledgedDate: c.acknowledgedDate,
      acknowledgementMethod: c.acknowledgedDate ? 'phone' : null,
      personkretsDocumentation: c.acknowledgedDate && c.route === 'LSS' ? 'present' : null,
    })
    .returning();
  return row;
}

describe('case_status(case_facts, today) and deriveCaseStatus', () => {
  it('agree on generated facts of every stage, for any day', async () => {
    await fc.assert(
      fc.asyncProperty(allFacts, date, async (f, today) => {
        expect(await sqlStatus(f, today)).toBe(deriveCaseStatus(f, today));
      }),
      { numRuns: 300 },
    );
  });

  it('agree on generated cases inserted into the database and read through the view', async () => {
    await fc.assert(
      fc.asyncProperty(intakeCase, date, async (c, today) => {
        const { id } = await insertCase(c);
        const [r] = await h.db
          .select({ facts: caseFactsColumns, status: caseStatusSql(today) })
          .from(caseFacts)
          .where(eq(caseFacts.caseId, id));
        expect(r.status).toBe(deriveCaseStatus(c, today));
        expect(r.status).toBe(deriveCaseStatus(factsOf(r.facts), today));
      }),
      { numRuns: 60 },
    );
  });

  it('ranks statuses in CASE_STATUS_ORDER', async () => {
    const r = (await h.db.execute(
      sql`select s, case_status_rank(s) as rank from unnest(${`{${CASE_STATUS_ORDER.join(',')}}`}::text[]) as s`,
    )) as unknown as { rows: { s: string; rank: number }[] };
    expect(r.rows.map((x) => [x.s, Number(x.rank)])).toEqual(CASE_STATUS_ORDER.map((s, i) => [s, i + 1]));
  });

  it('sorts and filters the case list by the status the page shows, for the clock’s today', async () => {
    const ctx = contextFor(h, staff.hl);
    const all = await listCases(ctx, { scope: 'mine', sort: 'status', order: 'asc', page: 1, pageSize: 100 });
    expect(all.total).toBeGreaterThan(3);
    const ranks = all.items.map((c) => CASE_STATUS_ORDER.indexOf(c.status as CaseStatus));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const status of ['referral', 'requested', 'acknowledged', 'granted'] as const) {
      const only = await listCases(ctx, { scope: 'mine', sort: 'receivedDate', order: 'desc', page: 1, pageSize: 100, status });
      expect(only.items.every((c) => c.status === status)).toBe(true);
      expect(only.total).toBe(all.items.filter((c) => c.status === status).length);
    }
  });

  it('read the later stages from their tables: the investigation, the latest decided decision, the latest order, an ending follow-up', async () => {
    const basisId = ((await h.db.execute(sql`select id from legal_bases where code = 'LSS_9_4'`)) as unknown as { rows: { id: string }[] }).rows[0].id;
    const decisionArb = fc.record({
      state: fc.constantFrom('draft' as const, 'awaiting_approval' as const, 'decided' as const),
      outcome: fc.constantFrom('granted' as const, 'partly_granted' as const, 'rejected' as const),
      date: day('2026-02-01', '2026-06-15'),
      endDate: maybe(day('2026-03-01', '2027-06-30')),
      order: maybe(fc.record({ sent: day('2026-02-01', '2026-06-15'), confirmed: fc.boolean() })),
      ended: maybe(day('2026-03-01', '2026-06-15')),
    });
    await fc.assert(
      fc.asyncProperty(fc.option(day('2026-01-15', '2026-06-15'), { nil: null }), fc.array(decisionArb, { maxLength: 3 }), date, async (started, ds, today) => {
        const c = await insertCase({ route: 'LSS', receivedDate: '2026-01-10', applicationDate: '2026-01-10', acknowledgedDate: '2026-01-12' });
        if (started) await h.db.execute(sql`insert into investigations (case_id, started_date) values (${c.id}, ${started})`);
        let previous: string | null = null;
        const written: { id: string; state: string; outcome: string; date: string; endDate: string | null; n: number }[] = [];
        const orders: { sent: string; confirmed: string | null; n: number }[] = [];
        const ends: { decisionId: string; date: string }[] = [];
        for (const [n, d] of ds.entries()) {
          const r = (await h.db.execute(sql`insert into decisions (case_id, previous_decision_id, succession, state, outcome, reasons, legal_basis_id, decision_date, end_date, created_at)
            values (${c.id}, ${previous}, ${previous ? 'renewal' : null}, ${d.state}, ${d.outcome}, 'Skäl', ${basisId}, ${d.date}, ${d.endDate}, now() + ${`${n} seconds`}::interval) returning id`)) as unknown as { rows: { id: string }[] };
          const id = r.rows[0].id;
          previous = id;
          written.push({ id, state: d.state, outcome: d.outcome, date: d.date, endDate: d.endDate, n });
          if (d.order) {
            const confirmed = d.order.confirmed ? d.order.sent : null;
            await h.db.execute(sql`insert into orders (decision_id, case_id, provider_unit_id, sent_date, confirmed_date, created_at)
              values (${id}, ${c.id}, ${staff.lss.id}, ${d.order.sent}, ${confirmed}, now() + ${`${n} seconds`}::interval)`);
            orders.push({ sent: d.order.sent, confirmed, n });
          }
          if (d.ended) {
            await h.db.execute(sql`insert into follow_ups (decision_id, date, result) values (${id}, ${d.ended}, 'end')`);
            ends.push({ decisionId: id, date: d.ended });
          }
        }
        // What the view promises (migration 0006), computed here independently.
        const current = written.filter((d) => d.state === 'decided').sort((a, b) => (a.date === b.date ? b.n - a.n : a.date < b.date ? 1 : -1))[0];
        const order = [...orders].sort((a, b) => (a.sent === b.sent ? b.n - a.n : a.sent < b.sent ? 1 : -1))[0];
        const expected: CaseFacts = {
          applicationDate: '2026-01-10',
          acknowledgedDate: '2026-01-12',
          investigationStartedDate: started,
          decision: current ? { outcome: current.outcome as 'granted', date: current.date, endDate: current.endDate } : null,
          orderedDate: order?.sent ?? null,
          orderConfirmedDate: order?.confirmed ?? null,
          matchingStartedDate: null,
          executedDate: null,
          interruptedSince: null,
          endedDate: current ? (ends.filter((e) => e.decisionId === current.id).map((e) => e.date).sort()[0] ?? null) : null,
        };
        const [r] = await h.db
          .select({ facts: caseFactsColumns, status: caseStatusSql(today) })
          .from(caseFacts)
          .where(eq(caseFacts.caseId, c.id));
        expect(factsOf(r.facts)).toEqual(expected);
        expect(r.status).toBe(deriveCaseStatus(expected, today));
      }),
      { numRuns: 60 },
    );
  });
});
