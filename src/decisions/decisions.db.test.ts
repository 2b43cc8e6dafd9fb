import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { OTHER_SOURCES } from '../investigation/rules';
import { investigations } from '../investigation/tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let hl2: ApiClient;
let hs: ApiClient;
let ec: ApiClient;
let n = 0;
const bases: Record<string, string> = {};

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' }); // a Monday
  staff = await buildStaff(h);
  [hl, hl2, hs, ec] = await Promise.all([staff.hl, staff.hl2, staff.hs, staff.ec].map((u) => login(h.app, u.username)));
  const rows = (await h.db.execute(sql`select id, code from legal_bases`)) as unknown as { rows: { id: string; code: string }[] };
  for (const r of rows.rows) bases[r.code] = r.id;
});
afterAll(() => h.close());

async function newCase(api: ApiClient = hl, o: { route?: 'LSS' | 'SOL'; receivedDate?: string; requester?: string; investigation?: 'ready' | 'unanswered' | 'warning' | 'none' } = {}) {
  const p = await api.post('/api/persons', personBody(3000 + ++n));
  expect(p.statusCode, p.body).toBe(201);
  const route = o.route ?? 'LSS';
  const r = await api.post('/api/cases', {
    personId: p.json().id,
    route,
    requester: o.requester ?? 'person',
    requesterName: o.requester === 'relative' ? 'Dottern' : null,
    channel: 'phone',
    receivedDate: o.receivedDate ?? '2026-02-02',
  });
  expect(r.statusCode, r.body).toBe(201);
  const c = r.json();
  const inv = o.investigation ?? 'ready';
  if (inv !== 'none') {
    const answered = Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'no' as const }]));
    await h.db.insert(investigations).values({
      caseId: c.id,
      startedDate: c.receivedDate,
      otherSources: inv === 'unanswered' ? { relatives: { answer: 'no' } } : answered,
      livingSituation: inv === 'warning' ? 'group_home' : 'own_home',
      personkretsGroup: route === 'LSS' ? 1 : null,
      personkretsDocumentationDate: route === 'LSS' ? c.receivedDate : null,
      // Test persons are born 1985: no SoL age warning.
    });
  }
  return c;
}

const avslag = (o: Record<string, unknown> = {}) => ({
  outcome: 'rejected',
  requested: 'kontaktperson',
  reasons: 'Behovet tillgodoses på annat sätt.',
  legalBasisId: bases.LSS_9_4,
  decisionDate: '2026-03-10',
  ...o,
});
const bifall = (o: Record<string, unknown> = {}) => ({
  outcome: 'granted',
  reasons: 'Du behöver sällskap.',
  legalBasisId: bases.LSS_9_4,
  decisionDate: '2026-03-10',
  scopeUnit: 'meetings_per_week',
  scopeAmount: 1,
  contactPersonCount: 1,
  startDate: '2026-03-15',
  endDate: '2027-03-14',
  homeCareTariff: false,
  ...o,
});

async function count(table: string, where = 'true') {
  const r = (await h.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

describe('deciding', () => {
  it('decides a bifall within the delegation at once, with the hours equivalent and the execution deadline', async () => {
    const c = await newCase();
    const r = await hl.post(`/api/cases/${c.id}/decisions`, bifall());
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    expect(d.state).toBe('decided');
    expect(d.hoursPerMonth).toEqual({ min: 8, max: 10 });
    expect(d.executionDeadline).toBe('2026-06-10');
    expect(d.followUpDue).toBe('2027-03-14');
    expect(await count('audit_log', `action = 'decision.make' and entity_id = '${d.id}'`)).toBe(1);
    const list = (await hl.get(`/api/cases/${c.id}`)).json();
    expect(list.status).toBe('granted');
  });

  it('refuses bad input with a Swedish field message and writes nothing', async () => {
    const c = await newCase();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ decisionDate: '2026-03-17' }, 'decisionDate', 'VALIDATION_FAILED'],
      [{ decisionDate: '2026-01-01' }, 'decisionDate', 'VALIDATION_FAILED'],
      [{ endDate: '2026-03-01' }, 'endDate', 'VALIDATION_FAILED'],
      [{ scopeAmount: 0 }, 'scopeAmount', 'VALIDATION_FAILED'],
      [{ scopeAmount: 50 }, 'scopeAmount', 'VALIDATION_FAILED'],
      [{ contactPersonCount: 9 }, 'contactPersonCount', 'VALIDATION_FAILED'],
      [{ endDate: null }, 'periodReason', 'VALIDATION_FAILED'],
      [{ endDate: '2029-01-01' }, 'periodReason', 'VALIDATION_FAILED'],
      [{ legalBasisId: bases.SOL2025_11_1 }, 'legalBasisId', 'LEGAL_BASIS_NOT_IN_FORCE'],
    ];
    for (const [o, path, code] of cases) {
      const r = await hl.post(`/api/cases/${c.id}/decisions`, bifall(o));
      expect(r.statusCode, JSON.stringify(o)).toBe(400);
      expect(r.json().code).toBe(code);
      expect(r.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await count('decisions', `case_id = '${c.id}'`)).toBe(0);
  });

  it('refuses a basis not in force on the decision date (old SoL after 2025-06-30)', async () => {
    const c = await newCase(hs, { route: 'SOL' });
    const r = await hs.post(`/api/cases/${c.id}/decisions`, avslag({ legalBasisId: bases.SOL2001_4_2 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('LEGAL_BASIS_NOT_IN_FORCE');
    const ok = await hs.post(`/api/cases/${c.id}/decisions`, avslag({ legalBasisId: bases.SOL2025_11_4 }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('accepts old SoL 4 kap. 2 § for a decision dated before 2025-07-01', async () => {
    const c = await newCase(hs, { route: 'SOL', receivedDate: '2025-05-05' });
    const r = await hs.post(`/api/cases/${c.id}/decisions`, avslag({ legalBasisId: bases.SOL2001_4_2, decisionDate: '2025-06-10' }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().legalBasis.appealRoute).toBe('laglighetsprovning');
  });

  it('refuses while the investigation is not ready, and on an aktualisering', async () => {
    for (const investigation of ['none', 'unanswered', 'warning'] as const) {
      const c = await newCase(hl, { investigation });
      const r = await hl.post(`/api/cases/${c.id}/decisions`, avslag());
      expect(r.statusCode, investigation).toBe(400);
      expect(r.json().code).toBe('DECISION_INVESTIGATION_NOT_READY');
      const view = (await hl.get(`/api/cases/${c.id}/decisions`)).json();
      expect(view.canDecide).toBe(false);
      expect(view.blockers.length).toBeGreaterThan(0);
    }
    const ref = await newCase(hs, { route: 'SOL', requester: 'relative' });
    const r = await hs.post(`/api/cases/${ref.id}/decisions`, avslag({ legalBasisId: bases.SOL2025_11_4 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('DECISION_CASE_IS_REFERRAL');
  });

  it('two handläggare deciding at once: one wins, the other gets 409', async () => {
    const c = await newCase();
    const [a, b] = await Promise.all([hl.post(`/api/cases/${c.id}/decisions`, avslag()), hl2.post(`/api/cases/${c.id}/decisions`, avslag())]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((x) => x.statusCode === 409)!.json().code).toBe('DECISION_ALREADY_EXISTS');
    expect(await count('decisions', `case_id = '${c.id}'`)).toBe(1);
  });

  it('keeps a case outside the scope secret (404) and refuses a role without decision:make (403)', async () => {
    const c = await newCase();
    expect((await hs.post(`/api/cases/${c.id}/decisions`, avslag())).statusCode).toBe(404);
    const ks = await login(h.app, staff.ks.username);
    expect((await ks.post(`/api/cases/${c.id}/decisions`, avslag())).statusCode).toBe(403);
  });
});

describe('delegation', () => {
  it('puts a decision over the limit in the enhetschef queue; approve → decided', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, bifall({ scopeAmount: 2 }))).json();
    expect(d.state).toBe('awaiting_approval');
    expect(d.executionDeadline).toBeNull();
    const queue = (await ec.get('/api/decisions/approval-queue')).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await hl.get('/api/decisions/approval-queue')).statusCode).toBe(403);
    const ecSol = await login(h.app, staff.ecSol.username);
    expect((await ecSol.get('/api/decisions/approval-queue')).json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expect((await ecSol.post(`/api/decisions/${d.id}/approve`, { version: d.version })).statusCode).toBe(404);
    const ok = await ec.post(`/api/decisions/${d.id}/approve`, { version: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('decided');
    expect(ok.json().approvedByName).toBe(staff.ec.displayName);
    expect(await count('audit_log', `action = 'decision.approve' and entity_id = '${d.id}'`)).toBe(1);
    expect((await ec.post(`/api/decisions/${d.id}/approve`, { version: ok.json().version })).json().code).toBe('DECISION_NOT_AWAITING_APPROVAL');
    // A decided decision is never edited.
    const edit = await hl.put(`/api/decisions/${d.id}`, { ...bifall(), version: ok.json().version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('DECISION_ALREADY_DECIDED');
  });

  it('more contact persons than the limit also need approval; return → draft with comment → revise within limits → decided', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, bifall({ contactPersonCount: 2 }))).json();
    expect(d.state).toBe('awaiting_approval');
    const back = await ec.post(`/api/decisions/${d.id}/return`, { version: d.version, comment: 'En kontaktperson räcker.' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().state).toBe('draft');
    expect(back.json().returnComment).toBe('En kontaktperson räcker.');
    const stale = await hl.put(`/api/decisions/${d.id}`, { ...bifall(), version: d.version });
    expect(stale.statusCode).toBe(409);
    const rev = await hl.put(`/api/decisions/${d.id}`, { ...bifall(), version: back.json().version });
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json().state).toBe('decided');
  });
});

describe('letter', () => {
  it('prints förvaltningsbesvär for an LSS avslag', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, avslag())).json();
    const r = await hl.get(`/api/decisions/${d.id}/letter.pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'beslut-')), 'b.pdf');
    fs.writeFileSync(file, r.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('förvaltningsbesvär');
    expect(text).toContain('9 § 4 lagen (1993:387)');
    expect(await count('audit_log', `action = 'letter.decision' and entity_id = '${d.id}'`)).toBe(1);
  });
});

describe('sent, appeals, follow-ups, successors', () => {
  it('records sent and notified dates; an appeal before the notified date is refused; timeliness follows appealDeadline', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, avslag({ decisionDate: '2026-02-10' }))).json();
    expect((await hl.post(`/api/decisions/${d.id}/sent`, { version: d.version, sentDate: '2026-02-09' })).statusCode).toBe(400);
    const s = await hl.post(`/api/decisions/${d.id}/sent`, { version: d.version, sentDate: '2026-02-10', notifiedDate: '2026-02-12' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().appealDeadline).toBe('2026-03-05');
    const early = await hl.post(`/api/decisions/${d.id}/appeals`, { receivedDate: '2026-02-11' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('receivedDate');
    const late = await hl.post(`/api/decisions/${d.id}/appeals`, { receivedDate: '2026-03-06' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().timely).toBe(false);
    const inTime = await hl.post(`/api/decisions/${d.id}/appeals`, { receivedDate: '2026-03-05' });
    expect(inTime.json().timely).toBe(true);
    expect(await count('audit_log', `action = 'appeal.create'`)).toBeGreaterThanOrEqual(2);
  });

  it('"ändrat" creates a new decision linked to the old one; the old one is unchanged', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, avslag({ decisionDate: '2026-02-10' }))).json();
    const a = (await hl.post(`/api/decisions/${d.id}/appeals`, { receivedDate: '2026-02-20' })).json();
    const u = await hl.put(`/api/appeals/${a.id}`, {
      version: a.version,
      forwardedDate: '2026-02-25',
      outcome: 'changed',
      outcomeDate: '2026-03-12',
      newDecision: bifall({ decisionDate: '2026-03-12' }),
    });
    expect(u.statusCode, u.body).toBe(200);
    const view = (await hl.get(`/api/cases/${c.id}/decisions`)).json();
    const next = view.items.find((x: { id: string }) => x.id === u.json().newDecisionId);
    expect(next.previousDecisionId).toBe(d.id);
    expect(next.succession).toBe('appeal');
    expect(view.items.find((x: { id: string }) => x.id === d.id).outcome).toBe('rejected');
  });

  it('renews with a new decision linked to the old; a second successor is 409; follow-ups move the due date', async () => {
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, bifall({ decisionDate: '2026-02-10', startDate: '2026-02-10', endDate: '2026-04-30' }))).json();
    expect(d.followUpDue).toBe('2026-04-30');
    const f = await hl.post(`/api/decisions/${d.id}/follow-ups`, { date: '2026-03-01', result: 'continue' });
    expect(f.statusCode, f.body).toBe(201);
    const list = (await hl.get('/api/decisions/follow-up')).json();
    expect(list.items.find((x: { id: string }) => x.id === d.id)?.reasons).toContain('ending');
    const renewal = bifall({ succession: 'renewal', decisionDate: '2026-03-16', startDate: '2026-05-01', endDate: '2027-04-30' });
    const r = await hl.post(`/api/decisions/${d.id}/successor`, renewal);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().previousDecisionId).toBe(d.id);
    expect(r.json().succession).toBe('renewal');
    expect((await hl.post(`/api/decisions/${d.id}/successor`, renewal)).statusCode).toBe(409);
    const after = (await hl.get('/api/decisions/follow-up')).json();
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
  });
});

describe('routine settings (administrator)', () => {
  it('the delegation and hours factors are the municipality settings; a bad range is refused', async () => {
    const admin = await login(h.app, staff.admin.username);
    const m = (await admin.get('/api/admin/municipality')).json();
    expect(m).toMatchObject({ decisionMaxMonths: 24, delegationMaxHoursPerMonth: 10, followUpMonths: 12, endingWindowDays: 60 });
    const bad = await admin.put('/api/admin/municipality', { ...m, monthlyHoursPerWeeklyMeetingMin: 12, monthlyHoursPerWeeklyMeetingMax: 9 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('monthlyHoursPerWeeklyMeetingMax');
    const zero = await admin.put('/api/admin/municipality', { ...m, followUpMonths: 0 });
    expect(zero.statusCode).toBe(400);
    const ok = await admin.put('/api/admin/municipality', { ...m, delegationMaxHoursPerMonth: 30, monthlyHoursPerWeeklyMeetingMin: 9, monthlyHoursPerWeeklyMeetingMax: 9 });
    expect(ok.statusCode, ok.body).toBe(200);
    // Leaving a routine field out keeps it.
    const { solMinAge: _leftOut, ...rest } = ok.json();
    const kept = await admin.put('/api/admin/municipality', rest);
    expect(kept.json().solMinAge).toBe(19);
    const c = await newCase();
    const d = (await hl.post(`/api/cases/${c.id}/decisions`, bifall({ scopeAmount: 2 }))).json();
    expect(d.state).toBe('decided');
    expect(d.hoursPerMonth).toEqual({ min: 18, max: 18 });
    await admin.put('/api/admin/municipality', { ...(kept.json() as Record<string, unknown>), delegationMaxHoursPerMonth: 10, monthlyHoursPerWeeklyMeetingMin: 8, monthlyHoursPerWeeklyMeetingMax: 10 });
  });
});
