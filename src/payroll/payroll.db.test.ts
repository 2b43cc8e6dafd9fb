// The payroll month on a real database, through the HTTP API: a month's file checked field by field against a
// hand-computed fixture (pro rata starts and interruptions, approved extra expenses, held lines, lönearter and cost
// centre), segregation of duties, locking (twice, out of order, reopening refused), byte-for-byte reproducible
// exports with their log, and a late approval and a late end landing as correction lines in the next month.
// Earlier stages' rows and the portal's reports are inserted directly (their own stages test how they are made).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { decisions, legalBases } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { rateLevels } from '../payments/tables';
import { assignmentInterruptions, assignments, offers } from '../assignments/tables';
import { cpReportExpenses, cpReports } from '../portal/tables';
import { paymentChanges, payrollExports, payrollLines } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ks: ApiClient;
let ec: ApiClient;
let ecSol: ApiClient;
let lon: ApiClient;
let admin: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-10T10:00:00+02:00' });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  ks = await login(h.app, staff.ks.username);
  ec = await login(h.app, staff.ec.username);
  ecSol = await login(h.app, staff.ecSol.username);
  lon = await login(h.app, staff.lon.username);
  admin = await login(h.app, staff.admin.username);
});
afterAll(() => h.close());

async function contactPerson(firstName: string, lastName: string, identityNumber: string) {
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber, firstName, lastName, source: 'staff', appliedDate: '2025-01-01', approvedDate: '2025-02-01', capacity: 3 })
    .returning();
  return cp;
}

/** An executed assignment of the LSS unit (the earlier stages' rows inserted directly). */
async function assignment(cpId: string, set: Partial<typeof assignments.$inferInsert>) {
  const p = await hl.post('/api/persons', personBody(7000 + ++n, { firstName: 'Sara', lastName: `Lind${n}` }));
  expect(p.statusCode, p.body).toBe(201);
  const c = await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2025-12-02' });
  expect(c.statusCode, c.body).toBe(201);
  const caseId = c.json().id as string;
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({ caseId, state: 'decided', outcome: 'granted', reasons: 'Sällskap.', legalBasisId: lb.id, decisionDate: '2025-12-20', scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1, startDate: '2026-01-01', endDate: '2026-12-31' })
    .returning();
  const [o] = await h.db.insert(orders).values({ caseId, decisionId: d.id, providerUnitId: staff.lss.id, sentDate: '2025-12-21', sentBy: staff.hl.id, confirmedDate: '2025-12-22' }).returning();
  const [off] = await h.db
    .insert(offers)
    .values({ orderId: o.id, decisionId: d.id, caseId, providerUnitId: staff.lss.id, contactPersonId: cpId, offeredDate: '2025-12-23', response: 'accepted', responseDate: '2025-12-24' })
    .returning();
  const [a] = await h.db
    .insert(assignments)
    .values({ offerId: off.id, orderId: o.id, decisionId: d.id, caseId, providerUnitId: staff.lss.id, contactPersonId: cpId, rateLevel: 'niva1', periodFrom: '2026-01-01', payrollNoticeDate: '2025-12-30', ...set })
    .returning();
  return { ...a, caseNumber: c.json().caseNumber as string };
}

async function report(a: { id: string; contactPersonId: string }, month: string, status: 'submitted' | 'approved', approvedBy: string | null, expenses: number[] = []) {
  const at = new Date('2026-04-03T09:00:00Z');
  const [r] = await h.db
    .insert(cpReports)
    .values({
      assignmentId: a.id,
      contactPersonId: a.contactPersonId,
      providerUnitId: staff.lss.id,
      month,
      status,
      submittedAt: at,
      submittedOn: '2026-04-03',
      firstSubmittedOn: '2026-04-03',
      approvedAt: status === 'approved' ? at : null,
      approvedBy: status === 'approved' ? approvedBy : null,
    })
    .returning();
  for (const amountOre of expenses) await h.db.insert(cpReportExpenses).values({ reportId: r.id, amountOre, description: 'Bussbiljetter' });
  return r;
}

const HEADER = 'Personnummer;Namn;Uppdrag;Nivå;Arvode;Omkostnad;Extra utlägg;Löneart arvode;Löneart omkostnad;Löneart utlägg;Kostnadsställe;Avser månad;Typ';
const csvText = (res: { rawPayload: Buffer }) => res.rawPayload.toString('utf8');

describe('the payroll month', () => {
  let a1: Awaited<ReturnType<typeof assignment>>;
  let a2: Awaited<ReturnType<typeof assignment>>;
  let a3: Awaited<ReturnType<typeof assignment>>;
  let a5: Awaited<ReturnType<typeof assignment>>;
  let cpB: typeof contactPersons.$inferSelect;
  let marchCsv: Buffer;

  beforeAll(async () => {
    const cpA = await contactPerson('Kim', 'Andersson', '197001010001');
    cpB = await contactPerson('Sam', 'Berg', '198002020002');
    const cpC = await contactPerson('Alex', 'Carlsson', '199003030003');
    const cpD = await contactPerson('Robin', 'Dahl', '196004040004');
    a1 = await assignment(cpA.id, { startDate: '2026-01-10' });
    a2 = await assignment(cpB.id, { startDate: '2026-03-16', rateLevel: 'niva2' });
    a3 = await assignment(cpC.id, { startDate: '2026-02-01' });
    const a4 = await assignment(cpD.id, { startDate: '2026-03-01', payrollNoticeDate: null });
    a5 = await assignment(cpA.id, { startDate: '2026-01-05' });
    await h.db.insert(assignmentInterruptions).values({ assignmentId: a5.id, fromDate: '2026-03-10', reason: 'Sjuk.', resumedDate: '2026-03-20' });
    await report(a1, '2026-03', 'approved', staff.ks.id, [12_550, 5]);
    await report(a2, '2026-03', 'approved', staff.ec.id);
    await report(a3, '2026-03', 'submitted', null);
    await report(a4, '2026-03', 'approved', staff.ec.id);
    await report(a5, '2026-03', 'approved', staff.ec.id);
    const s = (await lon.get('/api/payroll/settings')).json();
    const saved = await lon.put('/api/payroll/settings', {
      version: s.version,
      unreportedPolicy: 'hold',
      approverMayLock: false,
      payCodeArvode: '1101',
      payCodeOmkostnad: '1102',
      payCodeUtlagg: '1103',
      payCodeCorrection: '1199',
      defaultCostCentre: '9999',
      costCentres: [{ unitId: staff.lss.id, costCentre: '4711' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().costCentres).toContainEqual({ unitId: staff.lss.id, unitName: staff.lss.name, costCentre: '4711' });
  });

  it('is for lön and the coordinator only', async () => {
    expect((await hl.get('/api/payroll/months/2026-03')).statusCode).toBe(403);
    expect((await ec.get('/api/payroll/months/2026-03')).statusCode).toBe(403);
    expect((await ks.get('/api/payroll/months/2026-03')).statusCode).toBe(200);
  });

  it('opens a month that has begun, once', async () => {
    expect((await lon.get('/api/payroll/months/2026-03')).json()).toMatchObject({ status: 'unopened', abilities: { canOpen: true } });
    const future = await lon.post('/api/payroll/months', { month: '2026-07' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ path: 'month', message: 'Månaden har inte börjat än.' }]);
    const opened = await lon.post('/api/payroll/months', { month: '2026-03' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toEqual({ month: '2026-03', status: 'open', version: 1 });
    const again = await ks.post('/api/payroll/months', { month: '2026-03' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PAYROLL_MONTH_ALREADY_OPEN']);
  });

  it('shows every line with its amounts, and the held lines with why', async () => {
    const m = (await lon.get('/api/payroll/months/2026-03')).json();
    expect(m.status).toBe('open');
    const byCase = Object.fromEntries(m.lines.map((l: { caseNumber: string }) => [l.caseNumber, l]));
    // 987 kr and 493 kr a month (nivå 1, 2026), full month, 125,55 kr approved expenses.
    expect(byCase[a1.caseNumber]).toMatchObject({ arvode: 98_700, omkostnad: 49_300, expenses: 12_555, paidDays: 31, blocked: null, costCentre: '4711' });
    // Nivå 2 (1 480 kr, 1 233 kr) from the 16th: 16/31.
    expect(byCase[a2.caseNumber]).toMatchObject({ arvode: 76_387, omkostnad: 63_639, expenses: 0, paidDays: 16 });
    // Interrupted 10th–19th: 21/31.
    expect(byCase[a5.caseNumber]).toMatchObject({ arvode: 66_861, omkostnad: 33_397, paidDays: 21 });
    expect(m.blocked.map((l: { contactPerson: { name: string }; blocked: string; blockedLabel: string; total: number }) => [l.contactPerson.name, l.blocked, l.blockedLabel, l.total])).toEqual([
      ['Carlsson, Alex', 'report_submitted', 'Månadsrapporten väntar på godkännande.', 0],
      ['Dahl, Robin', 'notice_missing', 'Anställningsuppgifterna är inte skickade till lön.', 0],
    ]);
    expect(m.totals).toEqual({
      arvode: 98_700 + 76_387 + 66_861,
      omkostnad: 49_300 + 63_639 + 33_397,
      expenses: 12_555,
      total: 98_700 + 76_387 + 66_861 + 49_300 + 63_639 + 33_397 + 12_555,
      lines: 5,
      exported: 3,
      blocked: 2,
      corrections: 0,
    });
    expect(m.abilities).toEqual({ canOpen: false, canLock: true, lockRefusal: null, canExport: false });
    const reads = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'payroll.month_read'), eq(auditLog.entityId, a1.contactPersonId)));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses the lock to the coordinator who approved a report the month pays', async () => {
    const view = (await ks.get('/api/payroll/months/2026-03')).json();
    expect(view.abilities.canLock).toBe(false);
    expect(view.abilities.lockRefusal).toMatch(/En annan person måste låsa månaden/);
    const res = await ks.post('/api/payroll/months/2026-03/lock', { version: 1 });
    expect([res.statusCode, res.json().code]).toEqual([409, 'PAYROLL_LOCK_SEGREGATION']);
    expect(res.json().message).toMatch(/Du har godkänt en månadsrapport/);
  });

  it('no export before the lock; a stale version is refused', async () => {
    const early = await lon.get('/api/payroll/months/2026-03/export.csv');
    expect([early.statusCode, early.json().code]).toEqual([409, 'PAYROLL_MONTH_NOT_LOCKED']);
    const stale = await lon.post('/api/payroll/months/2026-03/lock', { version: 7 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
  });

  it('locks: the lines are frozen and locking twice is refused', async () => {
    const res = await lon.post('/api/payroll/months/2026-03/lock', { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ month: '2026-03', status: 'locked', version: 2 });
    const again = await lon.post('/api/payroll/months/2026-03/lock', { version: 2 });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PAYROLL_MONTH_LOCKED']);
    const frozen = await h.db.select().from(payrollLines).where(eq(payrollLines.month, '2026-03'));
    expect(frozen).toHaveLength(5);
    const reopen = await lon.post('/api/payroll/months', { month: '2026-03' });
    expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'PAYROLL_MONTH_LOCKED']);
    const earlier = await lon.post('/api/payroll/months', { month: '2026-02' });
    expect([earlier.statusCode, earlier.json().code]).toEqual([409, 'PAYROLL_MONTH_BEFORE_LOCKED']);
  });

  it('exports the file field by field as the hand-computed fixture, logged with its SHA-256', async () => {
    const res = await lon.get('/api/payroll/months/2026-03/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="lon-2026-03.csv"');
    const [first, second] = [a1, a5].sort((x, y) => (x.caseNumber < y.caseNumber ? -1 : 1));
    const kim = (a: typeof a1) =>
      a === a1 ? `19700101-0001;Andersson, Kim;${a1.caseNumber};Nivå 1;987,00;493,00;125,55;1101;1102;1103;4711;2026-03;Ordinarie` : `19700101-0001;Andersson, Kim;${a5.caseNumber};Nivå 1;668,61;333,97;0,00;1101;1102;1103;4711;2026-03;Ordinarie`;
    expect(csvText(res)).toBe(`\uFEFF${HEADER}\r\n${kim(first)}\r\n${kim(second)}\r\n19800202-0002;Berg, Sam;${a2.caseNumber};Nivå 2;763,87;636,39;0,00;1101;1102;1103;4711;2026-03;Ordinarie\r\n`);
    marchCsv = res.rawPayload;
    const sha = createHash('sha256').update(res.rawPayload).digest('hex');
    expect(res.headers['x-content-sha256']).toBe(sha);
    const exportAudit = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'payroll.export'), eq(auditLog.entityId, a2.contactPersonId)));
    expect(exportAudit).toHaveLength(1);
    expect(exportAudit[0]).toMatchObject({ entityType: 'contact_person', details: { month: '2026-03', format: 'csv', assignmentId: a2.id } });
    // One entry per line in the file (Kim twice: two assignments), and the month's own entry with the SHA-256.
    const all = await h.db.select().from(auditLog).where(eq(auditLog.action, 'payroll.export'));
    expect(all.filter((e) => e.entityType === 'contact_person').map((e) => (e.details as { assignmentId: string }).assignmentId).sort()).toEqual([a1.id, a2.id, a5.id].sort());
    expect(all.filter((e) => e.entityType === 'payroll_month').map((e) => e.details)).toEqual([{ month: '2026-03', format: 'csv', sha256: sha, lines: 3 }]);
  });

  it('gives the same bytes every time, also after the contact person or the settings change', async () => {
    await h.db.update(contactPersons).set({ lastName: 'Bergh' }).where(eq(contactPersons.id, cpB.id));
    const s = (await lon.get('/api/payroll/settings')).json();
    const { canEdit: _c, costCentres, ...rest } = s;
    expect((await lon.put('/api/payroll/settings', { ...rest, payCodeArvode: '2101', costCentres: costCentres.map((c: { unitId: string; costCentre: string }) => ({ unitId: c.unitId, costCentre: c.costCentre })) })).statusCode).toBe(200);
    const again = await lon.get('/api/payroll/months/2026-03/export.csv');
    expect(again.rawPayload.equals(marchCsv)).toBe(true);
    const x1 = await lon.get('/api/payroll/months/2026-03/export.xlsx');
    const x2 = await ks.get('/api/payroll/months/2026-03/export.xlsx');
    expect(x1.statusCode).toBe(200);
    expect(x1.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x2.rawPayload.equals(x1.rawPayload)).toBe(true);
    const log = await h.db.select().from(payrollExports).where(eq(payrollExports.month, '2026-03'));
    expect(log.map((e) => [e.format, e.lineCount])).toEqual(expect.arrayContaining([['csv', 3], ['csv', 3], ['xlsx', 3], ['xlsx', 3]]));
    expect(new Set(log.filter((e) => e.format === 'csv').map((e) => e.sha256)).size).toBe(1);
    expect(new Set(log.filter((e) => e.format === 'xlsx').map((e) => e.sha256)).size).toBe(1);
    expect((await lon.get('/api/payroll/months/2026-03')).json().exports).toHaveLength(4);
  });

  it('a late approval and a late end land as correction lines in the next month; March stays as it was', async () => {
    // Carlsson's March report is approved after the lock; Andersson's first assignment ended on 20 March.
    await h.db.update(cpReports).set({ status: 'approved', approvedAt: new Date('2026-04-20T08:00:00Z'), approvedBy: staff.ec.id, updatedAt: sql`now()` }).where(and(eq(cpReports.assignmentId, a3.id), eq(cpReports.month, '2026-03')));
    await h.db.update(assignments).set({ endDate: '2026-03-20', endReason: 'other', updatedAt: sql`now()` }).where(eq(assignments.id, a1.id));
    expect((await lon.post('/api/payroll/months', { month: '2026-04' })).statusCode).toBe(201);
    const april = (await lon.get('/api/payroll/months/2026-04')).json();
    const corrections = april.lines.filter((l: { kind: string }) => l.kind === 'correction');
    expect(corrections.map((l: { caseNumber: string; forMonth: string; arvode: number; omkostnad: number; expenses: number }) => [l.caseNumber, l.forMonth, l.arvode, l.omkostnad, l.expenses])).toEqual([
      // 20/31 of 987 kr = 636,77 kr (63 677 öre), of 493 kr = 318,06 kr: the difference is taken back.
      [a1.caseNumber, '2026-03', 63_677 - 98_700, 31_806 - 49_300, 0],
      [a3.caseNumber, '2026-03', 98_700, 49_300, 0],
    ]);
    expect(april.totals.corrections).toBe(2);
    expect((await lon.post('/api/payroll/months/2026-04/lock', { version: 1 })).statusCode).toBe(200);
    const file = csvText(await lon.get('/api/payroll/months/2026-04/export.csv'));
    expect(file).toBe(
      `\uFEFF${HEADER}\r\n` +
        `19700101-0001;Andersson, Kim;${a1.caseNumber};Nivå 1;-350,23;-174,94;0,00;1199;1199;1199;4711;2026-03;Rättelse\r\n` +
        `19900303-0003;Carlsson, Alex;${a3.caseNumber};Nivå 1;987,00;493,00;0,00;1199;1199;1199;4711;2026-03;Rättelse\r\n`,
    );
    // March is as it was locked, and what March's work has been paid now equals what is due for it.
    expect((await lon.get('/api/payroll/months/2026-03/export.csv')).rawPayload.equals(marchCsv)).toBe(true);
    const [paid] = await h.db.select({ total: sql<string>`sum(arvode + omkostnad + expenses)` }).from(payrollLines).where(eq(payrollLines.forMonth, '2026-03'));
    expect(Number(paid.total)).toBe(63_677 + 31_806 + 12_555 + 76_387 + 63_639 + 66_861 + 33_397 + 98_700 + 49_300);
    // Nothing changed since: May carries no correction.
    expect((await lon.post('/api/payroll/months', { month: '2026-05' })).statusCode).toBe(201);
    expect((await lon.get('/api/payroll/months/2026-05')).json().totals.corrections).toBe(0);
  });

  it('locks months in order', async () => {
    expect((await lon.post('/api/payroll/months', { month: '2026-06' })).statusCode).toBe(201);
    const res = await lon.post('/api/payroll/months/2026-06/lock', { version: 1 });
    expect([res.statusCode, res.json().code, res.json().message]).toEqual([409, 'PAYROLL_MONTH_OUT_OF_ORDER', 'Lönemånaderna låses i tur och ordning. Lås 2026-05 först.']);
    const list = (await lon.get('/api/payroll/months')).json();
    expect(list).toEqual({
      months: [
        { month: '2026-06', status: 'open', lockedAt: null },
        { month: '2026-05', status: 'open', lockedAt: null },
        expect.objectContaining({ month: '2026-04', status: 'locked' }),
        expect.objectContaining({ month: '2026-03', status: 'locked' }),
      ],
      latestLocked: '2026-04',
    });
  });
});

describe('internal control of payments', () => {
  let cp: typeof contactPersons.$inferSelect;

  beforeAll(async () => {
    cp = await contactPerson('Maja', 'Holm', '197505050005');
  });

  const changesOf = async (c: ApiClient, show = 'unreviewed') => {
    const res = await c.get(`/api/payroll/changes?show=${show}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; kind: string; what: string; op: string; fields: { field: string; before: string | null; after: string | null }[]; changedBy: string | null; canReview: boolean }[];
  };

  it('logs a change of bank details with before, after and who; masked for the enhetschef', async () => {
    expect((await lon.put(`/api/contact-persons/${cp.id}/payment`, { clearingNumber: '6000', accountNumber: '123 456 789', taxTable: 32, taxColumn: 1 })).statusCode).toBe(200);
    expect((await lon.put(`/api/contact-persons/${cp.id}/payment`, { version: 1, clearingNumber: '6000', accountNumber: '987 654 306', taxTable: 33, taxColumn: 1 })).statusCode).toBe(200);
    const rows = await h.db.select().from(paymentChanges).where(eq(paymentChanges.contactPersonId, cp.id)).orderBy(paymentChanges.occurredAt);
    expect(rows.map((r) => [r.kind, r.op, r.changedBy])).toEqual([
      ['bank_tax', 'insert', staff.lon.id],
      ['bank_tax', 'update', staff.lon.id],
    ]);
    const update = rows.find((r) => r.op === 'update')!;
    expect(Object.keys(update.after ?? {}).sort()).toEqual(['account_number', 'tax_table']);

    const forEc = (await changesOf(ec)).filter((c) => c.what === 'Kontaktperson Maja Holm');
    expect(forEc).toHaveLength(2);
    const u = forEc.find((c) => c.op === 'update')!;
    expect(u.changedBy).toBe(staff.lon.displayName);
    expect(u.canReview).toBe(true);
    expect(u.fields).toContainEqual({ field: 'Skattetabell', before: '32', after: '33' });
    const account = u.fields.find((f) => f.field === 'Kontonummer')!;
    expect(account.before).toMatch(/^••••\d{4}$/);
    expect(account.after).toMatch(/^••••\d{4}$/);
    const forLon = (await changesOf(lon)).find((c) => c.id === u.id)!;
    expect(forLon.fields.find((f) => f.field === 'Kontonummer')!.after).not.toMatch(/•/);
    expect(forLon.canReview).toBe(false);
  });

  it('the one who made a change cannot review it; another can, once', async () => {
    const [u] = (await changesOf(ec)).filter((c) => c.what === 'Kontaktperson Maja Holm' && c.op === 'update');
    const own = await lon.post(`/api/payroll/changes/${u.id}/review`, { note: null });
    expect([own.statusCode, own.json().code]).toEqual([409, 'PAYMENT_CHANGE_OWN']);
    const ok = await ec.post(`/api/payroll/changes/${u.id}/review`, { note: 'Kontrollerat mot blankett.' });
    expect(ok.statusCode, ok.body).toBe(200);
    const twice = await lon.post(`/api/payroll/changes/${u.id}/review`, { note: null });
    expect(twice.statusCode).toBe(409);
    expect((await changesOf(ec)).some((c) => c.id === u.id)).toBe(false);
    expect((await changesOf(ec, 'all')).some((c) => c.id === u.id)).toBe(true);
    expect((await ks.get('/api/payroll/changes')).statusCode).toBe(403);
  });

  it('logs rate-table changes and changes to approved reports; the enhetschef sees its own unit', async () => {
    const [level] = await h.db.select().from(rateLevels).where(and(eq(rateLevels.year, 2026), eq(rateLevels.code, 'niva2')));
    const res = await admin.patch(`/api/admin/rate-levels/${level.id}`, { version: level.version, code: 'niva2', name: 'Nivå 2', arvodeKronor: '1500', omkostnadKronor: '1233' });
    expect(res.statusCode, res.body).toBe(200);
    const rate = (await changesOf(lon)).find((c) => c.kind === 'rate' && c.changedBy === staff.admin.displayName)!;
    expect(rate.what).toBe('Nivå niva2 2026');
    expect(rate.fields).toEqual(expect.arrayContaining([{ field: 'Arvode (öre)', before: '148000', after: '150000' }]));

    const a = await assignment(cp.id, { startDate: '2026-05-01' });
    const r = await report(a, '2026-05', 'approved', staff.ks.id);
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('kontakt.actor_id', ${staff.ks.id}, true)`);
      await tx.update(cpReports).set({ deviationNote: 'Färre träffar: sjukdom.' }).where(eq(cpReports.id, r.id));
    });
    const changed = (await changesOf(ec)).find((c) => c.kind === 'report')!;
    expect(changed).toMatchObject({ what: 'Månadsrapport 2026-05, Maja Holm', changedBy: staff.ks.displayName, fields: [{ field: 'Kommentar om avvikelse', before: null, after: 'Färre träffar: sjukdom.' }] });
    // The other unit's enhetschef sees the municipality-wide changes, not this unit's report.
    const other = await changesOf(ecSol);
    expect(other.some((c) => c.kind === 'report')).toBe(false);
    expect(other.some((c) => c.kind === 'bank_tax')).toBe(true);
  });

  it('is append-only', async () => {
    await expect(h.db.execute(sql`update payment_changes set changed_by = null`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from payment_changes`)).rejects.toThrow();
  });
});
