// The dashboard's figures on generated data (scripts/generate.ts), each checked against SQL written here
// independently: percentile_cont for median and p90, the deadline as the date three months on (interval arithmetic,
// which clamps to the month's end like executionDeadline), plain counts for the rest. Plus scope and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { buildUser, login, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { generateContactPersons, generatePersons } from '../../scripts/generate';
import { generateCases } from '../../scripts/generate-cases';
import { generateExecution } from '../../scripts/generate-execution';
import type { DashboardOut } from './dashboard-schema';

const TODAY = '2026-12-03';
let h: Harness;
let unitId: string;
let otherUnitId: string;
let ec: ApiClient;
let hl: ApiClient;
let lon: ApiClient;

async function rows<T>(q: SQL): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  h = await setupHarness({ now: `${TODAY}T10:00:00+01:00` });
  const p = await generatePersons(h.db, 500, 7);
  await generateCases(h.db, { personIds: p.ids, n: 900, seed: 7, today: TODAY, extraUnits: 2, handlaggarePerUnit: 2 });
  await generateContactPersons(h.db, 150, 7);
  await generateExecution(h.db, { seed: 7, today: TODAY });
  const units = await rows<{ id: string; n: number }>(sql`select unit_id as id, count(*)::int as n from case_facts group by 1 order by 2 desc`);
  unitId = units[0].id;
  otherUnitId = units[1].id;
  const chef = await buildUser(h.db, { role: 'enhetschef', unitId });
  const handlaggare = await buildUser(h.db, { role: 'handlaggare', unitId });
  const payroll = await buildUser(h.db, { role: 'lon' });
  ec = await login(h.app, chef.username);
  hl = await login(h.app, handlaggare.username);
  lon = await login(h.app, payroll.username);
}, 180_000);
afterAll(() => h.close());

async function dashboard(api: ApiClient, query = ''): Promise<DashboardOut> {
  const r = await api.get(`/api/oversight/dashboard${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as DashboardOut;
}

const FROM = '2025-01-01';
const TO = TODAY;
const unitCases = () => sql`cf.unit_id = ${unitId}::uuid`;

describe('dashboard figures equal SQL computed independently', () => {
  let d: DashboardOut;
  beforeAll(async () => {
    d = await dashboard(ec, `?from=${FROM}&to=${TO}`);
  });

  it('has data to compare (the generated unit has requests, decisions, executions and open orders)', () => {
    expect(d.requestsPerMonth.reduce((s, m) => s + m.count, 0)).toBeGreaterThan(50);
    expect(d.waitingToDecision.reduce((s, m) => s + m.count, 0)).toBeGreaterThan(10);
    expect(d.waitingToExecution.reduce((s, m) => s + m.count, 0)).toBeGreaterThan(5);
    expect(d.requestsPerMonth).toHaveLength(24);
  });

  it('requests per month', async () => {
    const expected = await rows<{ month: string; n: number }>(
      sql`select to_char(date_trunc('month', received_date), 'YYYY-MM') as month, count(*)::int as n from case_facts cf
          where ${unitCases()} and received_date >= ${FROM}::date and received_date <= ${TO}::date group by 1`,
    );
    const want = new Map(expected.map((r) => [r.month, Number(r.n)]));
    for (const m of d.requestsPerMonth) expect(m.count, m.month).toBe(want.get(m.month) ?? 0);
  });

  it('waiting request → decision and decision → execution: median and p90 per month (percentile_cont)', async () => {
    const decided = await rows<{ month: string; n: number; median: number; p90: number }>(
      sql`select to_char(decision_date, 'YYYY-MM') as month, count(*)::int as n,
            percentile_cont(0.5) within group (order by decision_date - received_date) as median,
            percentile_cont(0.9) within group (order by decision_date - received_date) as p90
          from case_facts cf where ${unitCases()} and decision_outcome is not null and decision_date between ${FROM}::date and ${TO}::date group by 1`,
    );
    const executed = await rows<{ month: string; n: number; median: number; p90: number }>(
      sql`select to_char(executed_date, 'YYYY-MM') as month, count(*)::int as n,
            percentile_cont(0.5) within group (order by executed_date - decision_date) as median,
            percentile_cont(0.9) within group (order by executed_date - decision_date) as p90
          from case_facts cf where ${unitCases()} and decision_outcome <> 'rejected' and executed_date between ${FROM}::date and ${TO}::date group by 1`,
    );
    for (const [got, want] of [
      [d.waitingToDecision, decided],
      [d.waitingToExecution, executed],
    ] as const) {
      const byMonth = new Map(want.map((r) => [r.month, r]));
      for (const m of got) {
        const w = byMonth.get(m.month);
        expect(m.count, m.month).toBe(w ? Number(w.n) : 0);
        if (!w) expect(m.median).toBeNull();
        else {
          expect(m.median!, m.month).toBeCloseTo(Number(w.median), 9);
          expect(m.p90!, m.month).toBeCloseTo(Number(w.p90), 9);
        }
      }
    }
  });

  it('share executed within three months, per decision month', async () => {
    const expected = await rows<{ month: string; decisions: number; in_time: number }>(
      sql`select to_char(decision_date, 'YYYY-MM') as month,
            count(*) filter (where executed_date is not null or (decision_date + interval '3 months')::date < ${TODAY}::date)::int as decisions,
            count(*) filter (where executed_date <= (decision_date + interval '3 months')::date)::int as in_time
          from case_facts cf where ${unitCases()} and decision_outcome in ('granted', 'partly_granted')
            and decision_date between ${FROM}::date and ${TO}::date and (executed_date is not null or ended_date is null) group by 1`,
    );
    const want = new Map(expected.map((r) => [r.month, r]));
    let any = 0;
    for (const m of d.executedInTime) {
      const w = want.get(m.month);
      expect([m.month, m.decisions, m.inTime]).toEqual([m.month, w ? Number(w.decisions) : 0, w ? Number(w.in_time) : 0]);
      if (m.decisions > 0) expect(m.share).toBeCloseTo(m.inTime / m.decisions, 12);
      any += m.decisions;
    }
    expect(any).toBeGreaterThan(0);
  });

  it('open orders by age and decisions past the IVO deadline now and within 30 days', async () => {
    const [o] = await rows<{ a: number; b: number; c: number; e: number }>(
      sql`select count(*) filter (where ${TODAY}::date - ordered_date <= 30)::int as a,
                 count(*) filter (where ${TODAY}::date - ordered_date between 31 and 60)::int as b,
                 count(*) filter (where ${TODAY}::date - ordered_date between 61 and 90)::int as c,
                 count(*) filter (where ${TODAY}::date - ordered_date > 90)::int as e
          from case_facts cf where ${unitCases()} and decision_outcome <> 'rejected' and ordered_date is not null and executed_date is null and ended_date is null`,
    );
    expect(d.openOrdersByAge.map((b) => b.count)).toEqual([o.a, o.b, o.c, o.e].map(Number));
    expect(o.a + o.b + o.c + o.e).toBeGreaterThan(0);
    const [p] = await rows<{ now: number; soon: number }>(
      sql`select count(*) filter (where (decision_date + interval '3 months')::date < ${TODAY}::date)::int as now,
                 count(*) filter (where (decision_date + interval '3 months')::date between ${TODAY}::date and ${TODAY}::date + 30)::int as soon
          from case_facts cf where ${unitCases()} and decision_outcome in ('granted', 'partly_granted') and executed_date is null and ended_date is null`,
    );
    expect(d.pastDeadline).toEqual({ now: Number(p.now), next30Days: Number(p.soon) });
  });

  it('contact persons by status with free places, and active assignments on each month end', async () => {
    const total = await rows<{ n: number }>(sql`select count(*)::int as n from contact_persons`);
    expect(d.contactPersons.reduce((s, c) => s + c.count, 0)).toBe(Number(total[0].n));
    const [free] = await rows<{ free: number }>(
      sql`select coalesce(sum(capacity - current_load), 0)::int as free from contact_persons cp
          where approved_date is not null and (ended_date is null or ended_date > ${TODAY}::date) and current_load < capacity
            and not exists (select 1 from cp_pauses p where p.contact_person_id = cp.id and p.from_date <= ${TODAY}::date and (p.until_date is null or p.until_date >= ${TODAY}::date))`,
    );
    expect(d.contactPersons.find((c) => c.status === 'available')!.freePlaces).toBe(Number(free.free));
    for (const m of d.activeAssignments) {
      const end = m.month === TODAY.slice(0, 7) ? TODAY : null;
      const [a] = await rows<{ n: number }>(
        sql`select count(*)::int as n from assignments a join cases c on c.id = a.case_id
            where (c.unit_id = ${unitId}::uuid or a.provider_unit_id = ${unitId}::uuid)
              and a.start_date <= coalesce(${end}::date, (date_trunc('month', ${`${m.month}-01`}::date) + interval '1 month - 1 day')::date)
              and (a.end_date is null or a.end_date >= coalesce(${end}::date, (date_trunc('month', ${`${m.month}-01`}::date) + interval '1 month - 1 day')::date))`,
      );
      expect(m.count, m.month).toBe(Number(a.n));
    }
    expect(d.activeAssignments.at(-1)!.count).toBeGreaterThan(0);
  });

  it('contact persons by status follow a new pause and a new applicant (the kept counts are keyed by the register’s version)', async () => {
    const count = (x: DashboardOut, status: string) => x.contactPersons.find((c) => c.status === status)!.count;
    const before = await dashboard(ec, `?from=${FROM}&to=${TO}`);
    const [cp] = await rows<{ id: string }>(
      sql`select id from contact_persons cp where approved_date is not null and ended_date is null
            and not exists (select 1 from cp_pauses p where p.contact_person_id = cp.id) order by id limit 1`,
    );
    await h.db.execute(sql`insert into cp_pauses (contact_person_id, from_date, reason) values (${cp.id}, ${TODAY}::date, 'Test')`);
    const paused = await dashboard(ec, `?from=${FROM}&to=${TO}`);
    expect(count(paused, 'paused')).toBe(count(before, 'paused') + 1);
    await h.db.execute(sql`insert into contact_persons (identity_number, first_name, last_name, source, applied_date) values ('197705050055', 'Ny', 'Sökande', 'staff', ${TODAY}::date)`);
    const after = await dashboard(ec, `?from=${FROM}&to=${TO}`);
    expect(after.contactPersons.reduce((s, c) => s + c.count, 0)).toBe(before.contactPersons.reduce((s, c) => s + c.count, 0) + 1);
  });

  it('the legal-route filter counts only that route’s cases', async () => {
    const [r] = await rows<{ route: 'LSS' | 'SOL' }>(sql`select route from units where id = ${unitId}::uuid`);
    const other = r.route === 'LSS' ? 'SOL' : 'LSS';
    const same = await dashboard(ec, `?from=${FROM}&to=${TO}&route=${r.route}`);
    const none = await dashboard(ec, `?from=${FROM}&to=${TO}&route=${other}`);
    const [c] = await rows<{ n: number; m: number }>(
      sql`select count(*) filter (where c.route = ${r.route})::int as n, count(*) filter (where c.route = ${other})::int as m from case_facts cf join cases c on c.id = cf.case_id
          where ${unitCases()} and cf.received_date between ${FROM}::date and ${TO}::date`,
    );
    expect(same.requestsPerMonth.reduce((s, m) => s + m.count, 0)).toBe(Number(c.n));
    expect(none.requestsPerMonth.reduce((s, m) => s + m.count, 0)).toBe(Number(c.m));
  });

  it('pay per month: the locked months’ lines of the unit, summed', async () => {
    // The generator makes no payroll month: lock one here, with two lines of the unit and one of another.
    const [a] = await rows<{ id: string; contact_person_id: string }>(sql`select id, contact_person_id from assignments limit 1`);
    await h.db.execute(sql`insert into payroll_months (month, status, opened_at, locked_at) values ('2026-10', 'locked', now(), now())`);
    const line = (kind: 'regular' | 'correction', forMonth: string, unit: string, arvode: number) =>
      sql`insert into payroll_lines (month, kind, for_month, assignment_id, contact_person_id, arvode, omkostnad, expenses, paid_days, days_in_month,
            identity_number, name, case_number, level_code, level_name, pay_codes, cost_centre, unit_id, sort_order)
          values ('2026-10', ${kind}, ${forMonth}, ${a.id}::uuid, ${a.contact_person_id}::uuid, ${arvode}, 50000, 1250, 31, 31, '198503141234', 'Test', 'X-1', '1', 'Nivå 1', '{"arvode":"A","omkostnad":"O","utlagg":"U"}'::jsonb, 'K1', ${unit}::uuid, 1)`;
    await h.db.execute(line('regular', '2026-10', unitId, 100000));
    await h.db.execute(line('correction', '2026-09', unitId, -2000));
    await h.db.execute(line('correction', '2026-08', otherUnitId, 70000));
    const out = await dashboard(ec, `?from=${FROM}&to=${TO}`);
    expect(out.payPerMonth.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', arvode: 98000, omkostnad: 100000, expenses: 2500, total: 200500 });
    expect(out.payPerMonth.filter((m) => m.month !== '2026-10').every((m) => m.total === 0)).toBe(true);
  });
});

describe('scope and audit', () => {
  it('a unit-scoped user sees their own unit; another unit is 403; a role without the permission 403', async () => {
    const own = await dashboard(hl);
    expect(own.filters.unitId).toBe(unitId);
    expect(own.units.map((u) => u.id)).toEqual([unitId]);
    expect((await ec.get(`/api/oversight/dashboard?unitId=${otherUnitId}`)).statusCode).toBe(403);
    expect((await lon.get('/api/oversight/dashboard')).statusCode).toBe(403);
  });

  it('another unit’s figures differ from this one’s (the filter is applied)', async () => {
    const chef2 = await buildUser(h.db, { role: 'enhetschef', unitId: otherUnitId });
    const other = await dashboard(await login(h.app, chef2.username), `?from=${FROM}&to=${TO}`);
    const [c] = await rows<{ n: number }>(sql`select count(*)::int as n from case_facts where unit_id = ${otherUnitId}::uuid and received_date between ${FROM}::date and ${TO}::date`);
    expect(other.requestsPerMonth.reduce((s, m) => s + m.count, 0)).toBe(Number(c.n));
  });

  it('refuses a period ending before it starts, in Swedish', async () => {
    const r = await ec.get('/api/oversight/dashboard?from=2026-05-01&to=2026-04-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().fields).toEqual([{ path: 'to', message: 'Slutdatum kan inte vara före startdatum.' }]);
  });

  it('logs the read with its filters (no person)', async () => {
    const r = await ec.get(`/api/oversight/dashboard?from=${FROM}&to=${TO}&route=LSS`);
    const [a] = await rows<{ action: string; person_id: string | null; details: Record<string, unknown> }>(
      sql`select action, person_id, details from audit_log where request_id = ${String(r.headers['x-request-id'])}`,
    );
    expect(a).toEqual({ action: 'dashboard.read', person_id: null, details: { unitId, route: 'LSS', from: FROM, to: TO } });
  });
});

describe('Försenat (the overdue list)', () => {
  it('lists the unit’s unexecuted decisions past or within 30 days of the deadline, as SQL counts them, each linking to its case', async () => {
    const r = await ec.get('/api/oversight/overdue');
    expect(r.statusCode, r.body).toBe(200);
    const out = r.json() as import('./overdue-schema').OverdueOut;
    const s = out.sections.find((x) => x.kind === 'execution_deadline')!;
    const [p] = await rows<{ late: number; near: number }>(
      sql`select count(*) filter (where (decision_date + interval '3 months')::date < ${TODAY}::date)::int as late,
                 count(*) filter (where (decision_date + interval '3 months')::date between ${TODAY}::date and ${TODAY}::date + 30)::int as near
          from case_facts cf where ${unitCases()} and decision_outcome in ('granted', 'partly_granted') and executed_date is null and ended_date is null`,
    );
    expect(s.total).toBe(Number(p.late) + Number(p.near));
    expect(s.total).toBeGreaterThan(0);
    expect(s.items.filter((i) => i.late).length).toBe(Math.min(Number(p.late), 100));
    expect(s.items.every((i) => /^\/arenden\/[0-9a-f-]{36}$/.test(i.href))).toBe(true);
    // The enhetschef's sections: intake, decisions, reports; not the register (no contact-person:read).
    expect(out.sections.map((x) => x.kind)).toEqual(['not_acknowledged', 'order_not_confirmed', 'execution_deadline', 'follow_up', 'decision_ending', 'report_missing']);
    const [a] = await rows<{ n: number; details: Record<string, unknown> }>(
      sql`select count(*)::int as n, (array_agg(details) filter (where details is not null))[1] as details from audit_log where request_id = ${String(r.headers['x-request-id'])} and action = 'overdue.read'`,
    );
    expect(Number(a.n)).toBeGreaterThan(s.items.length);
    expect((a.details as { counts: Record<string, number> }).counts.execution_deadline).toBe(s.total);
  });

  it('the unacknowledged applications are caseWarnings’ NOT_ACKNOWLEDGED of the unit', async () => {
    const out = (await ec.get('/api/oversight/overdue')).json() as import('./overdue-schema').OverdueOut;
    const s = out.sections.find((x) => x.kind === 'not_acknowledged')!;
    // Independently: applications not acknowledged, no decision yet, older than the acknowledgement limit in working
    // days — bounded here by calendar days (at least as many), so the count lies between the two.
    const [c] = await rows<{ upper: number; lower: number }>(
      sql`select count(*)::int as upper, count(*) filter (where application_date < ${TODAY}::date - 14)::int as lower
          from case_facts cf where ${unitCases()} and application_date is not null and acknowledged_date is null and decision_outcome is null
            and investigation_started_date is null and application_date < ${TODAY}::date - 2`,
    );
    expect(s.total).toBeLessThanOrEqual(Number(c.upper));
    expect(s.total).toBeGreaterThanOrEqual(Number(c.lower));
  });

  it('is closed to a role without dashboard:read', async () => {
    expect((await lon.get('/api/oversight/overdue')).statusCode).toBe(403);
  });
});

describe('LSS statistics file', () => {
  it('one row per person with an executed LSS insats running on 1 October, as SQL counts them; each person logged', async () => {
    const r = await ec.get('/api/oversight/lss-statistics.csv?year=2026&municipalityCode=0180');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="lss-register-2026-10-01.csv"');
    const lines = r.body.split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('Personnummer;Personkrets;')).toBe(true);
    const [c] = await rows<{ n: number }>(
      sql`select count(distinct p.id)::int as n from case_facts cf join cases c on c.id = cf.case_id join persons p on p.id = c.person_id
          where c.route = 'LSS' and cf.decision_outcome <> 'rejected' and cf.executed_date <= '2026-10-01'
            and coalesce(cf.decision_end_date, '9999-12-31') >= '2026-10-01' and coalesce(cf.ended_date, '9999-12-31') > '2026-10-01' and p.id_kind <> 'reservnummer'`,
    );
    expect(lines.length - 1).toBe(Number(c.n));
    expect(Number(c.n)).toBeGreaterThan(0);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d{12};[1-3]?;0;0;0;1;0;0;0;0;0;0;0180$/);
    const [a] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where request_id = ${String(r.headers['x-request-id'])} and action = 'statistics.lss_file' and person_id is not null`);
    expect(Number(a.n)).toBe(Number(c.n));
  });

  it('refuses a bad kommunkod and a reference day still to come, in Swedish; closed to a handläggare', async () => {
    const bad = await ec.get('/api/oversight/lss-statistics.csv?year=2026&municipalityCode=18');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe('Kommunkoden ska vara fyra siffror, till exempel 0180.');
    const future = await ec.get('/api/oversight/lss-statistics.csv?year=2027&municipalityCode=0180');
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ path: 'year', message: 'Läget den 2027-10-01 finns inte än.' }]);
    expect((await hl.get('/api/oversight/lss-statistics.csv?year=2026&municipalityCode=0180')).statusCode).toBe(403);
  });
});
