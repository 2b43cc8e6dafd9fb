// The generator (scripts/generate.ts, issue 14) on a small scale: its rows obey the same invariants as the
// application's — case facts equal to their source, no contact person over capacity, every case state present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setupHarness, type Harness } from '../../test/support/harness';
import { generateContactPersons, generatePersons } from '../../scripts/generate';
import { generateCases } from '../../scripts/generate-cases';
import { generateExecution } from '../../scripts/generate-execution';

let h: Harness;
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));

beforeAll(async () => {
  h = await setupHarness({ now: '2026-12-03T10:00:00+01:00' });
  const p = await generatePersons(h.db, 400, 5);
  await generateCases(h.db, { personIds: p.ids, n: 600, seed: 5, today: '2026-12-03', extraUnits: 2, handlaggarePerUnit: 2 });
  await generateContactPersons(h.db, 150, 5);
  await generateExecution(h.db, { seed: 5, today: '2026-12-03' });
}, 120_000);
afterAll(() => h.close());

describe('generated execution data', () => {
  it('keeps case_facts equal to its source', async () => {
    const [{ n }] = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from case_facts f where f.* is distinct from (select s from case_facts_source s where s.case_id = f.case_id)`),
    );
    expect(n).toBe(0);
  });

  it('never puts a contact person over capacity, and the load equals the open offers', async () => {
    const [r] = rowsOf<{ over: number; wrong: number; load: number }>(
      await h.db.execute(sql`select count(*) filter (where current_load > capacity)::int as over,
        count(*) filter (where current_load <> (select count(*) from offers o where o.contact_person_id = cp.id and o.closed_reason is null))::int as wrong,
        coalesce(sum(current_load), 0)::int as load from contact_persons cp`),
    );
    expect(r).toMatchObject({ over: 0, wrong: 0 });
    expect(r.load).toBeGreaterThan(0);
  });

  it('has cases waiting, in matching, executed, interrupted and ended', async () => {
    const statuses = rowsOf<{ s: string }>(await h.db.execute(sql`select distinct case_status(f, '2026-12-03'::date) as s from case_facts f`)).map((r) => r.s);
    expect(statuses).toEqual(expect.arrayContaining(['order_confirmed', 'matching', 'executed', 'interrupted', 'ended']));
  });
});
