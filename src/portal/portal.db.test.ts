// The portal on a real database, through the HTTP API: a contact person signs in with the account from the
// invitation, sees only their own assignment (and only what the meetings need), reports a month with a receipt,
// the coordinator returns it, the contact person fixes it, the coordinator approves it. Role isolation (every staff
// API 403, another contact person's assignment/report/receipt 404 and audited), bad input refused with nothing
// stored, 409 on a stale version, receipts checked by content and size, the audit rows, and what payroll reads.
// Earlier stages' rows (decision, order, offer, assignment) are inserted directly, as plan-pay.db.test.ts does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildStaff, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { routeTable } from '../platform/http/app';
import { GRANTS } from '../platform/policy/permissions';
import { decisions, legalBases } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments, implementationPlans, offers } from '../assignments/tables';
import { approvedReportsForMonth } from './repo';
import { loadDueReports } from './report-lists';
import { portalMaintenance } from './maintenance';
import { cpReportExpenses, cpReportMeetings, cpReportReceipts, cpReports } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ks: ApiClient;
let ksSol: ApiClient;
let admin: ApiClient;
let n = 0;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  const other = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.sol.id });
  hl = await login(h.app, staff.hl.username);
  ks = await login(h.app, staff.ks.username);
  ksSol = await login(h.app, other.username);
  admin = await login(h.app, staff.admin.username);
}, 60_000);
afterAll(() => h.close());

/** A confirmed order of the LSS unit for a new person's granted decision, with a genomförandeplan. */
async function ordered(o: { protectedIdentity?: boolean } = {}) {
  const p = await hl.post('/api/persons', personBody(4000 + ++n, { firstName: 'Sara', lastName: `Lind${n}`, phone: '070-111 22 33', email: 'sara@exempel.se', protectedIdentity: o.protectedIdentity ?? false }));
  expect(p.statusCode, p.body).toBe(201);
  const c = await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-01-02' });
  expect(c.statusCode, c.body).toBe(201);
  const caseId = c.json().id as string;
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({ caseId, state: 'decided', outcome: 'granted', reasons: 'Sara behöver sällskap.', legalBasisId: lb.id, decisionDate: '2026-01-10', scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1, startDate: '2026-01-10', endDate: '2027-01-09' })
    .returning();
  const [order] = await h.db.insert(orders).values({ caseId, decisionId: d.id, providerUnitId: staff.lss.id, sentDate: '2026-01-11', sentBy: staff.hl.id, confirmedDate: '2026-01-12' }).returning();
  await h.db.insert(implementationPlans).values({ decisionId: d.id, caseId, providerUnitId: staff.lss.id, planVersion: 1, goals: [{ goal: 'Komma ut och träffa folk.' }, { goal: 'Börja simma.' }], writtenDate: '2026-02-01' });
  return { caseId, personId: p.json().id as string, d, order };
}

async function contactPerson(email: string | null = null) {
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: `1970020${String(++n).padStart(5, '0')}`, firstName: 'Kim', lastName: `Kontakt${n}`, email, source: 'staff', appliedDate: '2025-01-01', approvedDate: '2025-02-01', capacity: 3 })
    .returning();
  return cp;
}

async function assigned(o: Awaited<ReturnType<typeof ordered>>, cpId: string, set: Partial<typeof assignments.$inferInsert> = {}) {
  const [off] = await h.db
    .insert(offers)
    .values({ orderId: o.order.id, decisionId: o.d.id, caseId: o.caseId, providerUnitId: staff.lss.id, contactPersonId: cpId, offeredDate: '2026-01-20', response: 'accepted', responseDate: '2026-01-21' })
    .returning();
  const [a] = await h.db
    .insert(assignments)
    .values({
      offerId: off.id,
      orderId: o.order.id,
      decisionId: o.d.id,
      caseId: o.caseId,
      providerUnitId: staff.lss.id,
      contactPersonId: cpId,
      rateLevel: 'niva1',
      periodFrom: '2026-02-10',
      startDate: '2026-02-10',
      meetingsPerMonth: 4,
      frequencyText: 'En gång i veckan',
      activities: 'Bad och fika.',
      createdBy: staff.ks.id,
      ...set,
    })
    .returning();
  return a;
}

/** The contact person's portal account, made the real way: invitation, then the password with its link. */
async function portalAccount(cpId: string): Promise<{ api: ApiClient; username: string }> {
  const invite = await ks.post(`/api/contact-persons/${cpId}/portal-invite`);
  expect(invite.statusCode, invite.body).toBe(200);
  const token = invite.json().link.split('#')[1];
  const set = await h.app.inject({ method: 'POST', url: '/api/public/portal/password', payload: { token, password: 'mitt-långa-lösenord' } });
  expect(set.statusCode, set.body).toBe(200);
  const username = set.json().username as string;
  return { api: await login(h.app, username, 'mitt-långa-lösenord', `10.9.0.${++n % 250}`), username };
}

function upload(api: ApiClient, reportId: string, body: Buffer, name = 'kvitto.png') {
  return h.app.inject({
    method: 'POST',
    url: `/api/portal/reports/${reportId}/receipts`,
    headers: { cookie: api.cookie, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    payload: body,
  });
}

const meeting = (date: string, o: Record<string, unknown> = {}) => ({ date, minutes: 120, activity: 'Simhallen', ...o });
const saveBody = (version: number, o: Record<string, unknown> = {}) => ({ version, meetings: [meeting('2026-02-20')], cancellations: [], expenses: [], message: null, submit: false, ...o });

async function auditRows(action: string, entityId?: string) {
  return h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), ...(entityId ? [eq(auditLog.entityId, entityId)] : [])));
}

describe('sign-in and role isolation', () => {
  it('the password from the invitation makes a kontaktperson account (e-mail as username) that signs in', async () => {
    const cp = await contactPerson('Kim.Mejl@Exempel.se');
    const { api, username } = await portalAccount(cp.id);
    expect(username).toBe('kim.mejl@exempel.se');
    const me = (await api.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ role: 'kontaktperson', roleLabel: 'Kontaktperson', unit: null });
    expect(me.permissions.sort()).toEqual(['portal:read', 'report:write']);
    // A second invitation renews the password; the username stays.
    expect((await portalAccount(cp.id)).username).toBe(username);
  });

  it('without an e-mail address the username is generated', async () => {
    const cp = await contactPerson(null);
    const { username } = await portalAccount(cp.id);
    expect(username).toBe(`kp-${cp.id.slice(0, 8)}`);
  });

  it('every staff API is 403 for a contact person', async () => {
    const cp = await contactPerson();
    const { api } = await portalAccount(cp.id);
    const mine = new Set(Object.keys(GRANTS.kontaktperson));
    const routes = routeTable(h.app).filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.access !== 'public' && r.access !== 'authenticated' && !mine.has(r.access));
    expect(routes.length).toBeGreaterThan(50);
    for (const r of routes) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await h.app.inject({ method: r.method as 'GET', url, headers: { cookie: api.cookie }, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    // The 'authenticated' routes check in the use case: bank details are not theirs either.
    expect((await api.get(`/api/contact-persons/${cp.id}/payment`)).statusCode).toBe(403);
  });

  it('the administrator cannot make or unmake a kontaktperson', async () => {
    const made = await admin.post('/api/admin/users', { username: 'falsk.kp', displayName: 'Falsk', role: 'kontaktperson', password: 'ett-langt-losenord' });
    expect(made.statusCode).toBe(400);
    expect(made.json().fields[0].path).toBe('role');
  });
});

describe('the portal shows only their own assignment, and only what the meetings need', () => {
  it('start page, assignment page, protected identity via the coordinator, reads audited', async () => {
    const cp = await contactPerson();
    const other = await contactPerson();
    const o1 = await ordered();
    const o2 = await ordered({ protectedIdentity: true });
    const o3 = await ordered();
    const a1 = await assigned(o1, cp.id);
    const a2 = await assigned(o2, cp.id);
    const theirs = await assigned(o3, other.id);
    const { api } = await portalAccount(cp.id);

    const start = (await api.get('/api/portal/start')).json();
    expect(start.assignments.map((a: { id: string }) => a.id).sort()).toEqual([a1.id, a2.id].sort());
    // February ended without a report: a reminder per assignment, overdue (due 2026-03-05).
    expect(start.reminders).toHaveLength(2);
    expect(start.reminders[0]).toMatchObject({ month: '2026-02', deadline: '2026-03-05', overdue: true, status: 'none' });
    expect(start.reminders[0].text).toMatch(/februari 2026.*2026-03-05/);

    const page = (await api.get(`/api/portal/assignments/${a1.id}`)).json();
    expect(page).toMatchObject({
      personFirstName: 'Sara',
      contact: { phone: '070-111 22 33', email: 'sara@exempel.se' },
      via: null,
      meetingsPerMonth: 4,
      frequencyText: 'En gång i veckan',
      activities: 'Bad och fika.',
      goals: ['Komma ut och träffa folk.', 'Börja simma.'],
    });
    expect(page.reportableMonths.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-02']);
    // Nothing else of the case: no last name, personnummer, case number, decision or address anywhere.
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/Lind|19850314|Provgatan|KP-|LSS_9_4/);

    const hidden = (await api.get(`/api/portal/assignments/${a2.id}`)).json();
    expect(hidden.contact).toBeNull();
    expect(hidden.via).toMatch(/via din kontaktsekreterare Test kontaktsekreterare/);
    expect(JSON.stringify(hidden)).not.toMatch(/070-111|sara@/);

    const reads = await auditRows('portal.assignment_read', a1.id);
    expect(reads).toHaveLength(1);
    expect(reads[0].personId).toBe(o1.personId);

    // Another contact person's assignment: 404, audited.
    const res = await api.get(`/api/portal/assignments/${theirs.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/inte ditt/);
    expect(await auditRows('portal.denied', theirs.id)).toHaveLength(1);
    expect((await api.post(`/api/portal/assignments/${theirs.id}/reports`, { month: '2026-02' })).statusCode).toBe(404);
  });
});

describe('the monthly report', () => {
  it('from draft with a receipt to returned, fixed and approved; payroll reads it', async () => {
    const cp = await contactPerson();
    const o = await ordered();
    const a = await assigned(o, cp.id);
    const { api } = await portalAccount(cp.id);

    // Months outside the assignment or not begun: refused, nothing stored.
    for (const [month, pattern] of [
      ['2026-01', /startade 2026-02-10/],
      ['2026-04', /inte börjat/],
    ] as const) {
      const res = await api.post(`/api/portal/assignments/${a.id}/reports`, { month });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('REPORT_MONTH_NOT_REPORTABLE');
      expect(res.json().message).toMatch(pattern);
    }
    expect(await h.db.select().from(cpReports).where(eq(cpReports.assignmentId, a.id))).toHaveLength(0);

    const opened = await api.post(`/api/portal/assignments/${a.id}/reports`, { month: '2026-02' });
    expect(opened.statusCode, opened.body).toBe(200);
    let r = opened.json();
    expect(r).toMatchObject({ status: 'draft', month: '2026-02', deadline: '2026-03-05', late: true, abilities: { canEdit: true, canReview: false } });
    // Opening again gives the same report.
    expect((await api.post(`/api/portal/assignments/${a.id}/reports`, { month: '2026-02' })).json().id).toBe(r.id);

    // Bad lines: refused with Swedish field messages, nothing stored.
    for (const [body, path] of [
      [saveBody(r.version, { meetings: [meeting('2026-03-01')] }), 'meetings.0.date'],
      [saveBody(r.version, { meetings: [meeting('2026-02-09')] }), 'meetings.0.date'],
      [saveBody(r.version, { expenses: [{ amountOre: -500, description: 'Bio' }] }), 'expenses.0.amountOre'],
      [saveBody(r.version, { expenses: [{ amountOre: 5_000_100, description: 'Bil' }] }), 'expenses.0.amountOre'],
      [saveBody(r.version, { expenses: [{ amountOre: 100, description: 'Bio', receiptId: '00000000-0000-4000-8000-000000000000' }] }), 'expenses.0.receiptId'],
      [saveBody(r.version, { submit: true }), 'attest'],
      [saveBody(r.version, { meetings: [meeting('2026-02-20', { minutes: 0 })] }), 'meetings.0.minutes'],
    ] as const) {
      const res = await api.put(`/api/portal/reports/${r.id}`, body);
      expect(res.statusCode, res.body).toBe(400);
      const fields = res.json().fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path)).toContain(path);
      expect(fields.every((f) => /[åäöÅÄÖ]|Ange|Skriv|Datumet|Kryssa|Beloppet|Kvittot/.test(f.message))).toBe(true);
    }
    expect(await h.db.select().from(cpReportMeetings).where(eq(cpReportMeetings.reportId, r.id))).toHaveLength(0);
    expect((await h.db.select().from(cpReports).where(eq(cpReports.id, r.id)))[0].version).toBe(r.version);

    // Receipts: by content, at most 10 MB; refused ones store nothing.
    const gif = await upload(api, r.id, GIF, 'kvitto.jpg');
    expect(gif.statusCode).toBe(400);
    expect(gif.json()).toMatchObject({ code: 'REPORT_RECEIPT_REFUSED' });
    expect(gif.json().message).toMatch(/JPEG, PNG eller HEIC/);
    const text = await upload(api, r.id, Buffer.from('inte ett kvitto alls'), 'kvitto.pdf');
    expect(text.statusCode).toBe(400);
    const big = await upload(api, r.id, Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/högst 10 MB/);
    const json = await api.post(`/api/portal/reports/${r.id}/receipts`, { data: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await h.db.select().from(cpReportReceipts).where(eq(cpReportReceipts.reportId, r.id))).toHaveLength(0);
    const png = await upload(api, r.id, PNG, 'kvitto från bion.png');
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ fileName: 'kvitto från bion.png', contentType: 'image/png', sizeBytes: PNG.length });
    const pdf = await upload(api, r.id, PDF, 'kvitto.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().contentType).toBe('application/pdf');

    // Save a draft, then submit with the attestation; the second tab with the old version gets 409.
    const lines = {
      meetings: [meeting('2026-02-20')],
      cancellations: [{ date: '2026-02-27', cancelledBy: 'person', note: 'Sjuk' }],
      expenses: [{ amountOre: 12_050, description: 'Simhallen', receiptId: png.json().id }],
      message: 'Det gick bra.',
    };
    const draft = await api.put(`/api/portal/reports/${r.id}`, saveBody(r.version, lines));
    expect(draft.statusCode, draft.body).toBe(200);
    r = draft.json();
    expect(r).toMatchObject({ status: 'draft', totals: { meetings: 1, minutes: 120, cancellations: 1, expensesOre: 12_050 } });
    // The PDF no expense refers to was removed with the save.
    expect(r.receipts.map((x: { id: string }) => x.id)).toEqual([png.json().id]);
    const submitted = await api.put(`/api/portal/reports/${r.id}`, saveBody(r.version, { ...lines, submit: true, attest: true }));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const stale = await api.put(`/api/portal/reports/${r.id}`, saveBody(r.version, { ...lines, submit: true, attest: true }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    r = submitted.json();
    expect(r).toMatchObject({ status: 'submitted', late: true, deviation: 'fewer' });
    const submitAudit = await auditRows('report.submit', r.id);
    expect(submitAudit).toHaveLength(1);
    expect(submitAudit[0].details).toMatchObject({ month: '2026-02', late: true, meetings: 1, expensesOre: 12_050 });

    // The coordinator of the unit sees it in the queue, highlighted; another unit's does not.
    const queue = (await ks.get('/api/reports/queue')).json().items;
    const item = queue.find((x: { id: string }) => x.id === r.id);
    expect(item).toMatchObject({ meetings: 1, deviation: 'fewer', late: true, expensesText: '120,50\u00a0kr' });
    expect((await ksSol.get('/api/reports/queue')).json().items.find((x: { id: string }) => x.id === r.id)).toBeUndefined();
    expect((await ksSol.get(`/api/reports/${r.id}`)).statusCode).toBe(404);
    expect((await ksSol.post(`/api/reports/${r.id}/approve`, { version: r.version })).statusCode).toBe(404);
    expect((await ksSol.get(`/api/reports/${r.id}/receipts/${png.json().id}`)).statusCode).toBe(404);
    const file = await ks.get(`/api/reports/${r.id}/receipts/${png.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(await auditRows('report.receipt_read', png.json().id)).toHaveLength(1);

    // Returned without a comment: refused; with one: returned, and the contact person sees it.
    expect((await ks.post(`/api/reports/${r.id}/return`, { version: r.version, comment: ' ' })).statusCode).toBe(400);
    const returned = await ks.post(`/api/reports/${r.id}/return`, { version: r.version, comment: 'Lägg till träffen den 13:e.' });
    expect(returned.statusCode, returned.body).toBe(200);
    r = (await api.get(`/api/portal/reports/${r.id}`)).json();
    expect(r).toMatchObject({ status: 'returned', returnComment: 'Lägg till träffen den 13:e.', abilities: { canEdit: true } });

    // Fixed and submitted again; approved with a note on the deviation.
    const fixed = await api.put(`/api/portal/reports/${r.id}`, saveBody(r.version, { ...lines, meetings: [meeting('2026-02-13'), meeting('2026-02-20')], submit: true, attest: true }));
    expect(fixed.statusCode, fixed.body).toBe(200);
    r = fixed.json();
    expect(r.status).toBe('submitted');
    const approved = await ks.post(`/api/reports/${r.id}/approve`, { version: r.version, deviationNote: 'Sara var sjuk en vecka.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', deviationNote: 'Sara var sjuk en vecka.', approvedBy: expect.stringContaining('kontaktsekreterare') });
    expect((await ks.post(`/api/reports/${r.id}/approve`, { version: approved.json().version })).json().code).toBe('REPORT_NOT_SUBMITTED');
    // Approved: no more edits, no more receipts.
    const locked = await api.put(`/api/portal/reports/${r.id}`, saveBody(approved.json().version, lines));
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('REPORT_APPROVED');
    expect((await upload(api, r.id, PNG)).json().code).toBe('REPORT_APPROVED');

    // What payroll reads: the month's status and the approved expenses.
    const month = await approvedReportsForMonth(h.db, '2026-02');
    expect(month.find((x) => x.assignmentId === a.id)).toEqual({ assignmentId: a.id, contactPersonId: cp.id, reportId: r.id, status: 'approved', approvedExpensesOre: 12_050 });
    const march = await approvedReportsForMonth(h.db, '2026-03');
    expect(march.find((x) => x.assignmentId === a.id)).toMatchObject({ status: 'none', reportId: null, approvedExpensesOre: 0 });
    expect(await h.db.select().from(cpReportExpenses).where(eq(cpReportExpenses.reportId, r.id))).toHaveLength(1);
    for (const action of ['report.create', 'report.save', 'report.return', 'report.approve', 'report.receipt_upload']) {
      expect((await auditRows(action)).length, action).toBeGreaterThan(0);
    }
    expect((await auditRows('report.approve', r.id))[0].personId).toBe(o.personId);
  });

  it('another contact person cannot open, change or download someone else’s report (404, audited)', async () => {
    const cp = await contactPerson();
    const intruderCp = await contactPerson();
    const a = await assigned(await ordered(), cp.id);
    const { api } = await portalAccount(cp.id);
    const { api: intruder } = await portalAccount(intruderCp.id);
    const r = (await api.post(`/api/portal/assignments/${a.id}/reports`, { month: '2026-03' })).json();
    const receipt = (await upload(api, r.id, PNG)).json();
    const tries = [
      await intruder.get(`/api/portal/reports/${r.id}`),
      await intruder.put(`/api/portal/reports/${r.id}`, saveBody(r.version)),
      await upload(intruder, r.id, PNG),
      await intruder.get(`/api/portal/reports/${r.id}/receipts/${receipt.id}`),
    ];
    for (const t of tries) expect(t.statusCode, t.body).toBe(404);
    expect((await auditRows('portal.denied', r.id)).length).toBe(4);
    // Their own report id with someone else's receipt id: 404 too, audited as a receipt.
    const own = (await intruder.post(`/api/portal/assignments/${(await assigned(await ordered(), intruderCp.id)).id}/reports`, { month: '2026-03' })).json();
    expect((await intruder.get(`/api/portal/reports/${own.id}/receipts/${receipt.id}`)).statusCode).toBe(404);
    expect(await auditRows('portal.denied', receipt.id)).toHaveLength(1);
    // The owner downloads it.
    const mine = await api.get(`/api/portal/reports/${r.id}/receipts/${receipt.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect(mine.headers['content-security-policy']).toMatch(/sandbox/);
  });

  it('two tabs opening the same month get one report', async () => {
    const cp = await contactPerson();
    const a = await assigned(await ordered(), cp.id);
    const { api } = await portalAccount(cp.id);
    const [x, y] = await Promise.all([api.post(`/api/portal/assignments/${a.id}/reports`, { month: '2026-03' }), api.post(`/api/portal/assignments/${a.id}/reports`, { month: '2026-03' })]);
    expect(x.statusCode, x.body).toBe(200);
    expect(y.statusCode, y.body).toBe(200);
    expect(x.json().id).toBe(y.json().id);
  });
});

describe('reminders and settings', () => {
  it('the coordinator lists who has not reported; dueReports is the data; the due day is a setting', async () => {
    const cp = await contactPerson();
    const a = await assigned(await ordered(), cp.id, { startDate: '2026-01-15', periodFrom: '2026-01-15' });
    const due = (await ks.get('/api/reports/due')).json().items.filter((d: { assignmentId: string }) => d.assignmentId === a.id);
    expect(due.map((d: { month: string }) => d.month)).toEqual(['2026-01', '2026-02']);
    expect(due[0]).toMatchObject({ overdue: true, status: 'none', contactPersonName: `${cp.firstName} ${cp.lastName}`, personFirstName: 'Sara' });
    expect((await ksSol.get('/api/reports/due')).json().items.find((d: { assignmentId: string }) => d.assignmentId === a.id)).toBeUndefined();
    const data = await loadDueReports(h.db, '2026-03-16', { contactPersonId: cp.id });
    expect(data.map((d) => d.month)).toEqual(['2026-01', '2026-02']);

    const settings = (await admin.get('/api/admin/portal-settings')).json();
    expect(settings.reportDueDay).toBe(5);
    expect((await admin.put('/api/admin/portal-settings', { version: settings.version, reportDueDay: 29 })).statusCode).toBe(400);
    const saved = await admin.put('/api/admin/portal-settings', { version: settings.version, reportDueDay: 20 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.put('/api/admin/portal-settings', { version: settings.version, reportDueDay: 20 })).statusCode).toBe(409);
    const after = (await ks.get('/api/reports/due')).json().items.find((d: { assignmentId: string; month: string }) => d.assignmentId === a.id && d.month === '2026-02');
    expect(after).toMatchObject({ deadline: '2026-03-20', overdue: false });
    await admin.put('/api/admin/portal-settings', { version: saved.json().version, reportDueDay: 5 });
  });

  it('the daily maintenance reminds the contact person in the app, once per month due', async () => {
    const cp = await contactPerson();
    const a = await assigned(await ordered(), cp.id, { startDate: '2026-01-15', periodFrom: '2026-01-15' });
    const { api } = await portalAccount(cp.id);
    await portalMaintenance(h.db, h.clock.now());
    await portalMaintenance(h.db, h.clock.now());
    const mine = (await api.get('/api/notifications')).json().items as { title: string; body: string; link: string }[];
    const reminders = mine.filter((x) => x.link?.startsWith(`/portalen/uppdrag/${a.id}`));
    expect(reminders.map((x) => x.title).sort()).toEqual(['Månadsrapporten för februari 2026', 'Månadsrapporten för januari 2026']);
    expect(reminders.find((x) => x.title.includes('januari'))!.body).toMatch(/skulle ha skickats in senast 2026-02-05/);
  });
});
