// Conflicting edits from parallel clients (issue 14 item 4), through the HTTP app on the demo data, on both engines:
// the same case (reassigned), investigation (saved), order (returned with a question / answered) and monthly report
// (saved in the portal). Each in two rounds:
//   1. every client sends its edit on the same version at once: exactly one wins, every other gets 409
//      VERSION_CONFLICT with the Swedish message, and the row moved by exactly one version;
//   2. every client makes a number of edits, reading again after each 409: the counter invariant — the row's version
//      moved by exactly the number of 2xx answers, and the audit log holds exactly one entry per 2xx — shows that no
//      update was lost (two edits of the same version both answered 2xx would leave the version behind the count).
// On PostgreSQL the clients' transactions overlap for real (the pool); on PGlite they interleave between statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../../test/support/harness';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import { seedDemo } from '../../demo/seed-demo';
import { ERROR_CODES } from '../errors';

const CLIENTS = 6;
const EDITS_EACH = 4;

let h: Harness;
beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  await seedDemo(h.db, h.clock, h.config);
});
afterAll(() => h.close());

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}
const sessions = (username: string, n = CLIENTS) => Promise.all(Array.from({ length: n }, () => login(h.app, username, DEMO_PASSWORD)));
type Res = Awaited<ReturnType<ApiClient['get']>>;

interface Subject {
  /** The row's version now, read from the database. */
  version(): Promise<number>;
  /** Audit entries of a successful edit of the row so far. */
  audits(): Promise<number>;
  /** Client `i` edits the row as it was at `version` (its `k`-th edit). */
  edit(i: number, k: number, version: number): Promise<Res>;
}

/** Round 1 and round 2 (see the top of the file) on one row. */
async function contend(s: Subject) {
  // 1. The same version, all at once.
  const v0 = await s.version();
  const a0 = await s.audits();
  const first = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => s.edit(i, 0, v0)));
  const won = first.filter((r) => r.statusCode === 200);
  const lost = first.filter((r) => r.statusCode !== 200);
  expect(won, first.map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`).join('\n')).toHaveLength(1);
  for (const r of lost) {
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: ERROR_CODES.VERSION_CONFLICT[1] });
  }
  expect(await s.version()).toBe(v0 + 1);
  expect(await s.audits()).toBe(a0 + 1);

  // 2. Every client makes EDITS_EACH edits, reading the version again after a conflict.
  let ok = 0;
  let conflicts = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      for (let k = 1; k <= EDITS_EACH; ) {
        const r = await s.edit(i, k, await s.version());
        if (r.statusCode === 200) {
          ok++;
          k++;
        } else {
          expect(r.statusCode, r.body).toBe(409);
          expect(r.json().code).toBe('VERSION_CONFLICT');
          conflicts++;
        }
      }
    }),
  );
  expect(ok).toBe(CLIENTS * EDITS_EACH);
  expect(await s.version()).toBe(v0 + 1 + ok);
  expect(await s.audits()).toBe(a0 + 1 + ok);
  return { ok: ok + 1, conflicts: conflicts + lost.length };
}

describe('conflicting edits from parallel clients: one wins, the rest 409, no lost update', () => {
  it('the same case, reassigned by several enhetschefer at once', async () => {
    const hl = await login(h.app, 'handlaggare.lss', DEMO_PASSWORD);
    const p = (await hl.post('/api/persons', personBody(901))).json();
    const c = (await hl.post('/api/cases', { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-16' })).json();
    const [lss] = await rows<{ unit_id: string; id: string }>(sql`select unit_id, id from users where username = 'handlaggare.lss'`);
    const other = await buildUser(h.db, { role: 'handlaggare', unitId: lss.unit_id });
    const chefs = await sessions('enhetschef');
    const result = await contend({
      version: async () => (await rows<{ v: number }>(sql`select version as v from cases where id = ${c.id}`))[0].v,
      audits: async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'case.assign' and entity_id = ${c.id}`))[0].n,
      edit: (i, k, version) => chefs[i].post(`/api/cases/${c.id}/assign`, { version, responsibleUserId: (i + k) % 2 ? other.id : lss.id }),
    });
    expect(result.conflicts).toBeGreaterThanOrEqual(CLIENTS - 1);
  });

  it('the same investigation, saved by several handläggare sessions at once', async () => {
    const hl = await login(h.app, 'handlaggare.lss', DEMO_PASSWORD);
    const p = (await hl.post('/api/persons', personBody(902))).json();
    const c = (await hl.post('/api/cases', { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-16' })).json();
    const ack = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-16', method: 'letter', personkretsDocumentation: 'present', personkretsGroup: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    const created = await hl.put(`/api/cases/${c.id}/investigation`, { version: null, needInOwnWords: 'Början.' });
    expect(created.statusCode, created.body).toBe(200);
    const tabs = await sessions('handlaggare.lss');
    await contend({
      version: async () => (await rows<{ v: number }>(sql`select version as v from investigations where case_id = ${c.id}`))[0].v,
      audits: async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'investigation.save' and entity_id = ${c.id} and not (details->>'created')::boolean`))[0].n,
      edit: (i, k, version) => tabs[i].put(`/api/cases/${c.id}/investigation`, { version, needInOwnWords: `Klient ${i}, ändring ${k}.` }),
    });
    // The last answered save is what is stored (the row holds one client's whole edit, never a mix).
    const [inv] = await rows<{ need: string }>(sql`select need_in_own_words as need from investigations where case_id = ${c.id}`);
    expect(inv.need).toMatch(/^Klient \d, ändring \d\.$/);
  });

  it('the same order, returned with a question and answered by several clients at once', async () => {
    const [o] = await rows<{ id: string }>(
      sql`select o.id from orders o join units u on u.id = o.provider_unit_id where o.confirmed_date is null and o.returned_at is null and u.name = 'LSS-enheten' order by o.sent_date limit 1`,
    );
    expect(o, 'the demo has an order waiting for confirmation').toBeDefined();
    const ks = await sessions('kontaktsekreterare');
    const hl = await sessions('handlaggare.lss');
    const state = async () => (await rows<{ v: number; returned: boolean }>(sql`select version as v, returned_at is not null as returned from orders where id = ${o.id}`))[0];
    await contend({
      version: async () => (await state()).v,
      audits: async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action in ('order.return', 'order.answer') and entity_id = ${o.id}`))[0].n,
      // Whoever's turn it is by the row as read: the kontaktsekreterare returns it with a question, the handläggare answers.
      edit: async (i, k, version) =>
        (await state()).returned && (await state()).v === version
          ? hl[i].post(`/api/orders/${o.id}/answer`, { version, answer: `Svar ${i}.${k}.` })
          : ks[i].post(`/api/orders/${o.id}/return`, { version, question: `Fråga ${i}.${k}?` }),
    });
  });

  it('the same monthly report, saved from several portal tabs at once', async () => {
    const cp = await login(h.app, 'kontaktperson', DEMO_PASSWORD);
    let reportId: string | null = null;
    let lastDay = '';
    for (const a of (await cp.get('/api/portal/start')).json().assignments) {
      for (const m of (await cp.get(`/api/portal/assignments/${a.id}`)).json().reportableMonths) {
        const r = await cp.post(`/api/portal/assignments/${a.id}/reports`, { month: m.month });
        if (r.statusCode < 300 && r.json().abilities.canEdit) ({ id: reportId, lastDay } = r.json());
        if (reportId) break;
      }
      if (reportId) break;
    }
    expect(reportId, 'the demo contact person has a report to edit').not.toBeNull();
    const tabs = await sessions('kontaktperson');
    const day = lastDay < '2026-03-16' ? lastDay : '2026-03-16';
    await contend({
      version: async () => (await rows<{ v: number }>(sql`select version as v from cp_reports where id = ${reportId}`))[0].v,
      audits: async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action in ('report.save', 'report.submit') and entity_id = ${reportId}`))[0].n,
      edit: (i, k, version) =>
        tabs[i].put(`/api/portal/reports/${reportId}`, {
          version,
          meetings: [{ date: day, minutes: 60 + i, activity: `Fika (flik ${i}, ändring ${k})` }],
          cancellations: [],
          expenses: [],
          message: `Flik ${i}, ändring ${k}.`,
          submit: false,
        }),
    });
    // The lines are one tab's, whole: the meeting of the tab whose message was stored last.
    const [r] = await rows<{ message: string; minutes: number; n: number }>(
      sql`select r.message, max(m.minutes)::int as minutes, count(m.*)::int as n from cp_reports r join cp_report_meetings m on m.report_id = r.id where r.id = ${reportId} group by r.message`,
    );
    expect(r.n).toBe(1);
    expect(r.message).toBe(`Flik ${r.minutes - 60}, ändring ${/ändring (\d)/.exec(r.message)![1]}.`);
  });
});
