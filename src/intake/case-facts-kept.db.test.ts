// The case facts table is kept equal to its definition (the view case_facts_source) by triggers (ADR 009): on every
// change of a table the source reads, in the same transaction, also when two transactions change one case at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, personBody, setupHarness, type Harness } from '../../test/support/harness';
import { engine } from '../../test/support/db';
import { persons } from '../people/tables';
import { cases } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let personId: string;
let basisId: string;
let seq = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-15T10:00:00+02:00' });
  staff = await buildStaff(h);
  const [p] = await h.db.insert(persons).values({ ...personBody(1), idKind: 'personnummer' }).returning();
  personId = p.id;
  basisId = ((await h.db.execute(sql`select id from legal_bases where code = 'LSS_9_4'`)) as unknown as { rows: { id: string }[] }).rows[0].id;
});
afterAll(() => h.close());

async function newCase(): Promise<string> {
  const [c] = await h.db
    .insert(cases)
    .values({
      caseNumber: `KEPT-${++seq}`,
      personId,
      route: 'LSS',
      unitId: staff.lss.id,
      responsibleUserId: staff.hl.id,
      requester: 'person',
      channel: 'phone',
      receivedDate: '2026-05-01',
      applicationDate: '2026-05-01',
    })
    .returning();
  return c.id;
}

/** Rows where the table and its definition differ (both directions). */
async function differences(): Promise<number> {
  const r = (await h.db.execute(sql`select count(*)::int as n from (
    (select * from case_facts except select * from case_facts_source)
    union all
    (select * from case_facts_source except select * from case_facts)) d`)) as unknown as { rows: { n: number }[] };
  return r.rows[0].n;
}

describe('case_facts kept current', () => {
  it('follows inserts, updates and deletes of every source table', async () => {
    const id = await newCase();
    await h.db.execute(sql`update cases set acknowledged_date = '2026-05-02' where id = ${id}`);
    await h.db.execute(sql`insert into investigations (case_id, started_date) values (${id}, '2026-05-05')`);
    const d = (await h.db.execute(sql`insert into decisions (case_id, state, outcome, reasons, legal_basis_id, decision_date)
      values (${id}, 'draft', 'granted', 'Skäl', ${basisId}, '2026-05-20') returning id`)) as unknown as { rows: { id: string }[] };
    const decisionId = d.rows[0].id;
    expect(await differences()).toBe(0);
    await h.db.execute(sql`update decisions set state = 'decided' where id = ${decisionId}`);
    await h.db.execute(sql`insert into orders (decision_id, case_id, provider_unit_id, sent_date) values (${decisionId}, ${id}, ${staff.lss.id}, '2026-05-21')`);
    await h.db.execute(sql`insert into follow_ups (decision_id, date, result) values (${decisionId}, '2026-06-01', 'end')`);
    const facts = (await h.db.execute(sql`select * from case_facts where case_id = ${id}`)) as unknown as { rows: Record<string, unknown>[] };
    expect(facts.rows[0]).toMatchObject({ decision_outcome: 'granted', ordered_date: '2026-05-21', ended_date: '2026-06-01' });
    await h.db.execute(sql`delete from follow_ups where decision_id = ${decisionId}`);
    await h.db.execute(sql`delete from orders where decision_id = ${decisionId}`);
    expect(await differences()).toBe(0);
    const after = (await h.db.execute(sql`select ordered_date, ended_date from case_facts where case_id = ${id}`)) as unknown as { rows: Record<string, unknown>[] };
    expect(after.rows[0]).toEqual({ ordered_date: null, ended_date: null });
  });

  it('a renamed person re-sorts their cases', async () => {
    const id = await newCase();
    await h.db.execute(sql`update persons set last_name = 'Åberg' where id = ${personId}`);
    const f = (await h.db.execute(sql`select person_last_name from case_facts where case_id = ${id}`)) as unknown as { rows: Record<string, unknown>[] };
    expect(f.rows[0]).toEqual({ person_last_name: 'Åberg' });
    expect(await differences()).toBe(0);
  });

  it('a bulk load may defer the refresh to the end of its own transaction (the generator)', async () => {
    const id = await newCase();
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('kontakt.defer_case_facts', 'on', true)`);
      await tx.execute(sql`insert into investigations (case_id, started_date) values (${id}, '2026-05-05')`);
      const before = (await tx.execute(sql`select investigation_started_date from case_facts where case_id = ${id}`)) as unknown as { rows: Record<string, unknown>[] };
      expect(before.rows[0]).toEqual({ investigation_started_date: null });
      await tx.execute(sql`select refresh_case_facts(${`{${id}}`}::uuid[])`);
    });
    expect(await differences()).toBe(0);
    // The setting ended with the transaction: the next change refreshes at once again.
    await h.db.execute(sql`update investigations set started_date = '2026-05-06' where case_id = ${id}`);
    expect(await differences()).toBe(0);
  });

  it('a rolled-back change leaves the facts as they were', async () => {
    const id = await newCase();
    await h.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into investigations (case_id, started_date) values (${id}, '2026-05-05')`);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await differences()).toBe(0);
  });

  it.skipIf(engine !== 'postgres')('two transactions changing one case at once: the later commit does not put back older facts', async () => {
    for (let round = 0; round < 10; round++) {
      const id = await newCase();
      const d = (await h.db.execute(sql`insert into decisions (case_id, state, outcome, reasons, legal_basis_id, decision_date)
        values (${id}, 'draft', 'granted', 'Skäl', ${basisId}, '2026-05-20') returning id`)) as unknown as { rows: { id: string }[] };
      const decisionId = d.rows[0].id;
      let releaseFirst!: () => void;
      const firstWrote = new Promise<void>((r) => {
        releaseFirst = r;
      });
      // T1 decides and holds its transaction open; T2 sends the order meanwhile and must wait for T1's facts.
      const t1 = h.db.transaction(async (tx) => {
        await tx.execute(sql`update decisions set state = 'decided' where id = ${decisionId}`);
        releaseFirst();
        await new Promise((r) => setTimeout(r, 50));
      });
      await firstWrote;
      const t2 = h.db.transaction(async (tx) => {
        await tx.execute(sql`insert into orders (decision_id, case_id, provider_unit_id, sent_date) values (${decisionId}, ${id}, ${staff.lss.id}, '2026-05-21')`);
      });
      await Promise.all([t1, t2]);
      const f = (await h.db.execute(sql`select decision_outcome, ordered_date from case_facts where case_id = ${id}`)) as unknown as { rows: Record<string, unknown>[] };
      expect(f.rows[0]).toEqual({ decision_outcome: 'granted', ordered_date: '2026-05-21' });
    }
    expect(await differences()).toBe(0);
  });
});
