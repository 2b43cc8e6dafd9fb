import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' }); // a Monday
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
});
afterAll(() => h.close());

async function newPerson(api: ApiClient = hl, o: Record<string, unknown> = {}) {
  const r = await api.post('/api/persons', personBody(1000 + ++n, o));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function newCase(api: ApiClient = hl, o: Record<string, unknown> = {}) {
  const p = await newPerson(api);
  const r = await api.post('/api/cases', { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-12', ...o });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function count(table: string) {
  const r = (await h.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

describe('registering a request', () => {
  it('numbers cases per year in sequence and makes the registering handläggare responsible', async () => {
    const a = await newCase();
    const b = await newCase();
    expect(a.caseNumber).toMatch(/^KP-2026-\d{4}$/);
    expect(Number(b.caseNumber.slice(-4))).toBe(Number(a.caseNumber.slice(-4)) + 1);
    expect(a.responsible.id).toBe(staff.hl.id);
    expect(a.unit.id).toBe(staff.lss.id);
    expect(a.status).toBe('requested');
    expect(a.applicationDate).toBe('2026-03-12');
  });

  it('keeps a SoL referral as "aktualisering, ingen ansökan ännu" until the person applies', async () => {
    const hs = await login(h.app, staff.hs.username);
    const c = await newCase(hs, { route: 'SOL', requester: 'relative', requesterName: 'Dottern' });
    expect(c.isReferral).toBe(true);
    expect(c.statusLabel).toBe('Aktualisering, ingen ansökan ännu');
    expect(c.abilities.canAcknowledge).toBe(false);
    const r = await hs.post(`/api/cases/${c.id}/application`, { version: c.version, applicationDate: '2026-03-13' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('requested');
  });

  it('refuses a relative as applicant under LSS, a future date and unknown ids, writing nothing', async () => {
    const p = await newPerson();
    const before = await count('cases');
    const base = { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-12' };
    const relative = await hl.post('/api/cases', { ...base, requester: 'relative', requesterName: 'Bror' });
    expect(relative.statusCode).toBe(400);
    expect(relative.json().fields[0].path).toBe('requester');
    const future = await hl.post('/api/cases', { ...base, receivedDate: '2026-03-17' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'receivedDate' }] });
    expect(future.json().fields[0].message).toMatch(/senare än i dag/);
    const unknown = await hl.post('/api/cases', { ...base, personId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('personId');
    const badDate = await hl.post('/api/cases', { ...base, receivedDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const tooLong = await hl.post('/api/cases', { ...base, description: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].path).toBe('description');
    const wrongType = await hl.post('/api/cases', { ...base, route: 7 });
    expect(wrongType.statusCode).toBe(400);
    expect(await count('cases')).toBe(before);
  });

  it('lets only the enhetschef put a case on another handläggare', async () => {
    const p = await newPerson();
    const body = { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-12', responsibleUserId: staff.hl2.id };
    expect((await hl.post('/api/cases', body)).statusCode).toBe(403);
    const ec = await login(h.app, staff.ec.username);
    const r = await ec.post('/api/cases', body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().responsible.id).toBe(staff.hl2.id);
    const other = await ec.post('/api/cases', { ...body, responsibleUserId: staff.hs.id });
    expect(other.statusCode).toBe(400);
  });
});

describe('acknowledging', () => {
  it('tracks missing LSS documentation until it is received', async () => {
    const c = await newCase();
    const noDoc = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-13', method: 'letter' });
    expect(noDoc.statusCode).toBe(400);
    expect(noDoc.json().fields[0].path).toBe('personkretsDocumentation');
    const r = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-13', method: 'letter', personkretsDocumentation: 'missing' });
    expect(r.statusCode, r.body).toBe(200);
    const acked = r.json();
    expect(acked.status).toBe('acknowledged');
    expect(acked.warnings.map((w: { code: string }) => w.code)).toEqual(['DOCUMENTATION_MISSING']);
    const again = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: acked.version, acknowledgedDate: '2026-03-13', method: 'letter', personkretsDocumentation: 'missing' });
    expect(again.json().code).toBe('CASE_ALREADY_ACKNOWLEDGED');
    const doc = await hl.post(`/api/cases/${c.id}/documentation-received`, { version: acked.version, receivedDate: '2026-03-16', personkretsGroup: 1 });
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json().warnings).toEqual([]);
    expect(doc.json().personkretsGroup).toBe(1);
  });

  it('refuses an acknowledgement before the application or in the future', async () => {
    const c = await newCase();
    const early = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-11', method: 'phone', personkretsDocumentation: 'present' });
    expect(early.statusCode).toBe(400);
    const late = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-20', method: 'phone', personkretsDocumentation: 'present' });
    expect(late.statusCode).toBe(400);
    expect((await hl.get(`/api/cases/${c.id}`)).json().acknowledgedDate).toBeNull();
  });

  it('warns when a request is not acknowledged within the configured working days', async () => {
    // Received Thursday 2026-03-12; 2 working days → Monday 2026-03-16 is the last day.
    const c = await newCase();
    expect(c.warnings).toEqual([]);
    h.clock.set('2026-03-17T09:00:00+01:00');
    // A day later the session has expired (30 min inactivity): sign in again.
    const later = (await (await login(h.app, staff.hl.username)).get(`/api/cases/${c.id}`)).json();
    expect(later.warnings[0].code).toBe('NOT_ACKNOWLEDGED');
    h.clock.set('2026-03-16T10:00:00+01:00');
    hl = await login(h.app, staff.hl.username);
  });

  it('gives a referral without application no acknowledgement warning, in the case and in the lists', async () => {
    // Referred Thursday 2026-03-12; a week later it is still only a referral: nothing to acknowledge, nothing late.
    const hs = await login(h.app, staff.hs.username);
    const c = await newCase(hs, { route: 'SOL', requester: 'relative', requesterName: 'Dottern' });
    h.clock.set('2026-03-20T09:00:00+01:00');
    try {
      const hs2 = await login(h.app, staff.hs.username);
      const later = (await hs2.get(`/api/cases/${c.id}`)).json();
      expect(later.status).toBe('referral');
      expect(later.warnings).toEqual([]);
      const list = (await hs2.get('/api/cases?scope=mine&page=1&pageSize=100')).json();
      expect(list.items.find((i: { id: string }) => i.id === c.id).warnings).toEqual([]);
      // The person applies on 2026-03-19: late only after 2 working days from the application.
      const applied = (await hs2.post(`/api/cases/${c.id}/application`, { version: later.version, applicationDate: '2026-03-19' })).json();
      expect(applied.status).toBe('requested');
      expect(applied.warnings).toEqual([]);
    } finally {
      h.clock.set('2026-03-16T10:00:00+01:00');
      hl = await login(h.app, staff.hl.username);
    }
  });

  it('lets exactly one of two concurrent edits win; the other gets VERSION_CONFLICT', async () => {
    const c = await newCase();
    const body = { version: c.version, acknowledgedDate: '2026-03-13', method: 'phone', personkretsDocumentation: 'present' };
    const [a, b] = await Promise.all([hl.post(`/api/cases/${c.id}/acknowledge`, body), hl.post(`/api/cases/${c.id}/acknowledge`, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a.json().code, b.json().code]).toContain('VERSION_CONFLICT');
  });

  it('produces a Swedish acknowledgement letter as PDF that says what to send', async () => {
    const c = await newCase();
    const r0 = await hl.get(`/api/cases/${c.id}/acknowledgement-letter.pdf`);
    expect(r0.json().code).toBe('CASE_NOT_ACKNOWLEDGED');
    await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-13', method: 'letter', personkretsDocumentation: 'missing' });
    const r = await hl.get(`/api/cases/${c.id}/acknowledgement-letter.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(os.tmpdir(), `letter-${c.id}.pdf`);
    fs.writeFileSync(file, r.rawPayload);
    let text: string;
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    } catch {
      return; // poppler-utils missing locally; CI installs it.
    } finally {
      fs.rmSync(file, { force: true });
    }
    expect(text).toContain(c.caseNumber);
    expect(text).toContain('Vi har fått din ansökan');
    expect(text).toContain('Vi behöver ett intyg');
    expect(text).toContain('Provgatan 1');
    // Due date of the intyg: 15 working days (the default setting) after the acknowledgement 2026-03-13.
    expect(text).toContain('senast 2026-04-07');
    expect(text).not.toMatch(/\bHen\b/);
  });
});

describe('who sees which case', () => {
  it('lists Mina ärenden for the handläggare and the whole unit for the enhetschef', async () => {
    const mine = await newCase();
    const hl2 = await login(h.app, staff.hl2.username);
    const theirs = await newCase(hl2);
    const list = (await hl.get('/api/cases?scope=mine&pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);
    const ec = await login(h.app, staff.ec.username);
    const unit = (await ec.get('/api/cases?scope=unit&pageSize=100')).json();
    expect(unit.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const paged = (await ec.get('/api/cases?scope=unit&pageSize=1&page=2&sort=caseNumber&order=asc')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(unit.total);
  });

  it('answers 404 for another unit’s case, for every role outside scope', async () => {
    const c = await newCase();
    for (const u of [staff.hs, staff.ecSol]) {
      const api = await login(h.app, u.username);
      const r = await api.get(`/api/cases/${c.id}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().message).toBe('Du har inte behörighet till ärendet, eller så finns det inte.');
      expect((await api.get('/api/cases?scope=unit&pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
      expect((await api.get(`/api/cases/${c.id}/acknowledgement-letter.pdf`)).statusCode).toBe(404);
    }
    for (const u of [staff.ks, staff.admin, staff.lon, staff.revisor]) {
      const api = await login(h.app, u.username);
      expect((await api.get(`/api/cases/${c.id}`)).statusCode).toBe(403);
    }
  });

  it('lets the enhetschef reassign within the unit', async () => {
    const c = await newCase();
    const ec = await login(h.app, staff.ec.username);
    expect((await hl.post(`/api/cases/${c.id}/assign`, { version: c.version, responsibleUserId: staff.hl2.id })).statusCode).toBe(403);
    const r = await ec.post(`/api/cases/${c.id}/assign`, { version: c.version, responsibleUserId: staff.hl2.id });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().responsible.id).toBe(staff.hl2.id);
    const outside = await ec.post(`/api/cases/${c.id}/assign`, { version: r.json().version, responsibleUserId: staff.hs.id });
    expect(outside.statusCode).toBe(400);
  });
});
