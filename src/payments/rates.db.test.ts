// The rate table on a real database: the administrator lists, adds a year (copying levels, re-derived from the
// new pbb), changes and removes levels (version → 409, used → 409, past year → reason), payroll reads, others may
// not; and a new year's table never changes the amounts of a past month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildStaff, login, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { rateOn } from './repo';
import { monthlyCompensation, monthlyFromShare } from './rules';
import { rateLevels } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let admin: ApiClient;
let lon: ApiClient;
let ks: ApiClient;
let hl: ApiClient;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  admin = await login(h.app, staff.admin.username);
  lon = await login(h.app, staff.lon.username);
  ks = await login(h.app, staff.ks.username);
  hl = await login(h.app, staff.hl.username);
});
afterAll(() => h.close());

type Year = { year: number; prisbasbelopp: number; version: number; past: boolean; levels: { id: string; code: string; arvode: number; omkostnad: number; version: number; inUse: boolean }[] };
const table = async (api = admin) => (await api.get('/api/admin/rates')).json().years as Year[];
const yearOf = async (y: number) => (await table()).find((x) => x.year === y)!;

describe('rate table', () => {
  it('lists the seeded years with levels; payroll reads them too, others may not', async () => {
    const years = await table();
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2026, 2025, 2024]));
    const y26 = years.find((y) => y.year === 2026)!;
    expect(y26).toMatchObject({ prisbasbelopp: 59_200, past: false });
    expect(y26.levels.map((l) => l.code)).toEqual(['niva1', 'niva2']);
    expect(y26.levels[0].arvode).toBe(monthlyFromShare(59_200, 200, 'krona'));
    expect((await lon.get('/api/payroll/rates')).statusCode).toBe(200);
    expect((await lon.get('/api/payroll/rates')).json().canEdit).toBe(false);
    expect((await ks.get('/api/payroll/rates')).statusCode).toBe(200);
    expect((await hl.get('/api/payroll/rates')).statusCode).toBe(403);
    expect((await lon.get('/api/admin/rates')).statusCode).toBe(403);
    expect((await lon.post('/api/admin/rates', { year: 2031, prisbasbelopp: 60_000, rounding: 'krona' })).statusCode).toBe(403);
  });

  it('adds a year copying the previous levels: shares re-derived from the new pbb, entered amounts kept', async () => {
    const y26 = await yearOf(2026);
    // Make niva2's omkostnad an entered amount first.
    const n2 = y26.levels.find((l) => l.code === 'niva2')!;
    const ch = await admin.patch(`/api/admin/rate-levels/${n2.id}`, {
      version: n2.version,
      code: 'niva2',
      name: 'Nivå 2',
      arvodeSharePermille: 300,
      omkostnadKronor: '1 250,50',
    });
    expect(ch.statusCode, ch.body).toBe(200);
    expect(ch.json()).toMatchObject({ omkostnad: 125_050, omkostnadSharePermille: null, arvode: monthlyFromShare(59_200, 300, 'krona') });
    const r = await admin.post('/api/admin/rates', { year: 2027, prisbasbelopp: 60_100, rounding: 'ten_kronor', copyPrevious: true });
    expect(r.statusCode, r.body).toBe(201);
    const y = r.json() as Year;
    expect(y.levels.map((l) => l.code)).toEqual(['niva1', 'niva2']);
    expect(y.levels[0].arvode).toBe(monthlyFromShare(60_100, 200, 'ten_kronor'));
    expect(y.levels[1].omkostnad).toBe(125_050);
    expect((await admin.post('/api/admin/rates', { year: 2027, prisbasbelopp: 1, rounding: 'krona' })).statusCode).toBe(409);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'admin.rate_year'), eq(auditLog.entityId, '2027')));
    expect(audit.details).toMatchObject({ op: 'create', year: 2027, copiedFrom: 2026 });
  });

  it('changing a year’s pbb re-derives its share levels; a stale version is 409', async () => {
    const r = await admin.post('/api/admin/rates', { year: 2028, prisbasbelopp: 61_000, rounding: 'krona' });
    expect(r.statusCode, r.body).toBe(201);
    const lv = await admin.post('/api/admin/rates/2028/levels', { code: 'niva1', name: 'Nivå 1', arvodeSharePermille: 200, omkostnadSharePermille: 100 });
    expect(lv.statusCode, lv.body).toBe(201);
    const up = await admin.patch('/api/admin/rates/2028', { version: 1, prisbasbelopp: 62_000, rounding: 'krona' });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().levels[0].arvode).toBe(monthlyFromShare(62_000, 200, 'krona'));
    expect((await admin.patch('/api/admin/rates/2028', { version: 1, prisbasbelopp: 63_000, rounding: 'krona' })).statusCode).toBe(409);
    const stale = await admin.patch(`/api/admin/rate-levels/${lv.json().id}`, { version: lv.json().version, code: 'niva1', name: 'X', arvodeKronor: '1', omkostnadKronor: '1' });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses bad input with Swedish messages per field', async () => {
    const r = await admin.post('/api/admin/rates/2028/levels', { code: 'Nivå 3', name: '', arvodeKronor: '12,345', omkostnadKronor: '10', omkostnadSharePermille: 100 });
    expect(r.statusCode).toBe(400);
    const paths = Object.fromEntries(r.json().fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(paths.code).toMatch(/små bokstäver/);
    expect(paths.name).toMatch(/måste fyllas i/);
    expect(paths.arvodeKronor).toMatch(/kronor/);
    const both = await admin.post('/api/admin/rates/2028/levels', { code: 'niva3', name: 'Nivå 3', arvodeKronor: '100', omkostnadKronor: '10', omkostnadSharePermille: 100 });
    expect(both.statusCode).toBe(400);
    expect(both.json().fields).toEqual([{ path: 'omkostnadSharePermille', message: expect.stringMatching(/inte båda/) }]);
    const none = await admin.post('/api/admin/rates/2028/levels', { code: 'niva3', name: 'Nivå 3', arvodeKronor: '100' });
    expect(none.json().fields).toEqual([{ path: 'omkostnadKronor', message: expect.stringMatching(/Skriv omkostnad/) }]);
    expect((await admin.post('/api/admin/rates/2028/levels', { code: 'niva1', name: 'Igen', arvodeKronor: '1', omkostnadKronor: '1' })).statusCode).toBe(409);
  });

  it('a past year is corrected only with a reason, which is audited', async () => {
    const y = await yearOf(2025);
    const l = y.levels[0];
    const body = { version: l.version, code: l.code, name: 'Nivå 1', arvodeKronor: '1000', omkostnadKronor: '500' };
    const no = await admin.patch(`/api/admin/rate-levels/${l.id}`, body);
    expect(no.statusCode).toBe(400);
    expect(no.json().fields[0].path).toBe('reason');
    const ok = await admin.patch(`/api/admin/rate-levels/${l.id}`, { ...body, reason: 'Fel belopp inskrivet i januari.' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'admin.rate_level'), eq(auditLog.entityId, l.id)));
    expect(a.details).toMatchObject({ op: 'update', year: 2025, reason: 'Fel belopp inskrivet i januari.', fields: expect.arrayContaining(['arvode', 'omkostnad']) });
  });

  it('refuses removing or renaming a level assignments use in its year; removes an unused one', async () => {
    await useLevel('niva2', '2026-01-01', null);
    const y = await yearOf(2026);
    const n2 = y.levels.find((l) => l.code === 'niva2')!;
    expect(n2.inUse).toBe(true);
    const del = await admin.delete(`/api/admin/rate-levels/${n2.id}`, { version: n2.version });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('RATE_LEVEL_IN_USE');
    const rename = await admin.patch(`/api/admin/rate-levels/${n2.id}`, { version: n2.version, code: 'niva9', name: 'Nivå 2', arvodeKronor: '1', omkostnadKronor: '1' });
    expect(rename.statusCode).toBe(409);
    // 2028's niva1 is not used (no assignment reaches 2028): it can go.
    const y28 = await yearOf(2028);
    const gone = await admin.delete(`/api/admin/rate-levels/${y28.levels[0].id}`, { version: y28.levels[0].version });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await yearOf(2028)).levels).toEqual([]);
  });

  it('a new year’s table does not change past months', async () => {
    const march26 = await rateOn(h.db, 'niva1', '2026-03-15');
    const before = monthlyCompensation({ month: '2026-03', rate: march26!, start: '2026-03-10' });
    // The administrator adds 2029 with a much higher pbb and changes the future year's niva1.
    expect((await admin.post('/api/admin/rates', { year: 2029, prisbasbelopp: 99_000, rounding: 'krona', copyPrevious: true })).statusCode).toBe(201);
    const y27 = await yearOf(2027);
    const n1 = y27.levels.find((l) => l.code === 'niva1')!;
    expect((await admin.patch(`/api/admin/rate-levels/${n1.id}`, { version: n1.version, code: 'niva1', name: 'Nivå 1', arvodeKronor: '2 000', omkostnadKronor: '900' })).statusCode).toBe(200);
    const after = monthlyCompensation({ month: '2026-03', rate: (await rateOn(h.db, 'niva1', '2026-03-15'))!, start: '2026-03-10' });
    expect(after).toEqual(before);
    expect(before).toMatchObject({ paidDays: 22, daysInMonth: 31, arvode: Math.round((monthlyFromShare(59_200, 200, 'krona') * 22) / 31) });
    const jan27 = monthlyCompensation({ month: '2027-01', rate: (await rateOn(h.db, 'niva1', '2027-01-01'))!, start: '2026-03-10' });
    expect(jan27).toMatchObject({ paidDays: 31, arvode: 200_000, omkostnad: 90_000 });
  });
});

/** An assignment on `code` (inserted directly with its offer, order and decision, as the later stages leave them). */
async function useLevel(code: string, from: string, to: string | null) {
  const q = (s: string) => h.db.execute(sql.raw(s)) as unknown as Promise<{ rows: Record<string, string>[] }>;
  const person = (await q(`insert into persons (identity_number, id_kind, first_name, last_name) values ('19800101${String(Math.floor(Math.random() * 9000) + 1000)}', 'personnummer', 'Test', 'Testsson') returning id`)).rows[0].id;
  const lb = (await q(`select id from legal_bases where code = 'LSS_9_4'`)).rows[0].id;
  const c = (await q(`insert into cases (case_number, person_id, route, unit_id, responsible_user_id, requester, channel, received_date) values ('T-${Date.now()}', '${person}', 'LSS', '${staff.lss.id}', '${staff.hl.id}', 'person', 'phone', '2026-01-01') returning id`)).rows[0].id;
  const d = (await q(`insert into decisions (case_id, state, outcome, reasons, legal_basis_id, decision_date) values ('${c}', 'decided', 'granted', 'Skäl', '${lb}', '2026-01-01') returning id`)).rows[0].id;
  const o = (await q(`insert into orders (case_id, decision_id, provider_unit_id, sent_date, sent_by) values ('${c}', '${d}', '${staff.lss.id}', '2026-01-02', '${staff.hl.id}') returning id`)).rows[0].id;
  const cp = (await q(`insert into contact_persons (identity_number, first_name, last_name, source, applied_date, approved_date, capacity) values ('197001011234', 'Kim', 'Kontakt', 'staff', '2025-01-01', '2025-02-01', 3) returning id`)).rows[0].id;
  const off = (await q(`insert into offers (order_id, decision_id, case_id, provider_unit_id, contact_person_id, offered_date, response, response_date) values ('${o}', '${d}', '${c}', '${staff.lss.id}', '${cp}', '${from}', 'accepted', '${from}') returning id`)).rows[0].id;
  await q(
    `insert into assignments (offer_id, order_id, decision_id, case_id, provider_unit_id, contact_person_id, rate_level, period_from, start_date, end_date, end_reason) values ('${off}', '${o}', '${d}', '${c}', '${staff.lss.id}', '${cp}', '${code}', '${from}', '${from}', ${to ? `'${to}'` : 'null'}, ${to ? `'other'` : 'null'})`,
  );
  expect(await h.db.select().from(rateLevels).where(eq(rateLevels.code, code))).not.toHaveLength(0);
}
