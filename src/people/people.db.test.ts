import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, testPersonnummer, type ApiClient, type Harness } from '../../test/support/harness';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
const logLines: string[] = [];

beforeAll(async () => {
  // Capture every application log line at the most verbose level.
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  h = await setupHarness({ logger: { level: 'trace', stream } });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
});
afterAll(() => h.close());

async function count(table: string) {
  const r = (await h.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

describe('registering a person', () => {
  it('stores 12 digits, derives birth date and sex, and refuses a duplicate with a clear message', async () => {
    const r = await hl.post('/api/persons', personBody(1, { identityNumber: '850314-' + testPersonnummer(1).slice(8) }));
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json();
    expect(p.identityNumber).toBe(`${testPersonnummer(1).slice(0, 8)}-${testPersonnummer(1).slice(8)}`);
    expect(p.birthDate).toBe('1985-03-14');
    expect(p.idKind).toBe('personnummer');
    const dup = await hl.post('/api/persons', personBody(1, { firstName: 'Annan' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'PERSON_DUPLICATE', fields: [{ path: 'identityNumber' }] });
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await count('persons');
    const auditBefore = await count('audit_log');
    const bad = await hl.post('/api/persons', personBody(2, { identityNumber: '19850314-0000', firstName: '', postalCode: '12', email: 'inte-en-adress', lastName: 'x'.repeat(101) }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['email', 'firstName', 'identityNumber', 'lastName', 'postalCode']);
    expect(bad.json().fields.every((f: { message: string }) => /[a-zåäö]/i.test(f.message))).toBe(true);
    const wrongType = await hl.post('/api/persons', { ...personBody(2), protectedIdentity: 'ja' });
    expect(wrongType.statusCode).toBe(400);
    expect(await count('persons')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('accepts a reserve number only when flagged as one', async () => {
    const no = await hl.post('/api/persons', personBody(3, { identityNumber: 'RES-0301-77' }));
    expect(no.statusCode).toBe(400);
    const yes = await hl.post('/api/persons', personBody(3, { identityNumber: 'RES-0301-77', isReserveNumber: true }));
    expect(yes.statusCode, yes.body).toBe(201);
    expect(yes.json()).toMatchObject({ idKind: 'reservnummer', identityNumber: 'RES-0301-77', birthDate: null });
  });

  it('keeps personal data out of the application log', async () => {
    const body = personBody(4, { firstName: 'Loggfria', lastName: 'Personsson', streetAddress: 'Hemliga vägen 9' });
    logLines.length = 0;
    const r = await hl.post('/api/persons', body);
    expect(r.statusCode).toBe(201);
    await hl.post('/api/persons/search', { query: body.identityNumber });
    await hl.post('/api/persons/search', { query: 'Loggfria' });
    await hl.get(`/api/persons/${r.json().id}`);
    await hl.post('/api/persons', body); // duplicate: error path
    await hl.post('/api/persons', { ...body, identityNumber: '19850314-0000' }); // validation error path
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(5);
    for (const secret of [body.identityNumber, body.identityNumber.slice(0, 8), 'Loggfria', 'Personsson', 'Hemliga', r.json().id]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('birth dates from the number', () => {
  it('stores a samordningsnummer with an unknown day or month as what is known, and shows it', async () => {
    // 19790290-2399: day 90 − 60 = 30 February, which is not in the calendar; Skatteverket assigns such numbers.
    const feb = await hl.post('/api/persons', personBody(50, { identityNumber: '19790290-2399' }));
    expect(feb.statusCode, feb.body).toBe(201);
    expect(feb.json()).toMatchObject({ idKind: 'samordningsnummer', identityNumber: '19790290-2399', birthDate: null, birthDatePartial: '1979-02', sex: 'male' });
    // Month 00 and day 60: only the year is known (check digit computed for 790060-238).
    const yearOnly = await hl.post('/api/persons', personBody(51, { identityNumber: '19790060-2389' }));
    expect(yearOnly.statusCode, yearOnly.body).toBe(201);
    expect(yearOnly.json()).toMatchObject({ birthDate: null, birthDatePartial: '1979' });
    const rows = (await h.db.execute(sql`select birth_date, birth_date_partial from persons where identity_number = '197902902399'`)) as unknown as {
      rows: { birth_date: string | null; birth_date_partial: string | null }[];
    };
    expect(rows.rows[0]).toEqual({ birth_date: null, birth_date_partial: '1979-02' });
  });

  it('refuses a birth date after today (the clock is injected), saying why, and writes nothing', async () => {
    const before = await count('persons');
    for (const n of ['20991231-2395', '20300101-0101']) {
      const r = await hl.post('/api/persons', personBody(52, { identityNumber: n }));
      expect(r.statusCode, n).toBe(400);
      expect(r.json().fields).toEqual([{ path: 'identityNumber', message: expect.stringMatching(/^Födelsedatumet 20\d\d-\d\d-\d\d ligger i framtiden/) }]);
    }
    // The day after the test clock's today (2026-03-16) is refused, today itself is accepted.
    expect((await hl.post('/api/persons', personBody(53, { identityNumber: '20260317-2384' }))).statusCode).toBe(400);
    expect((await hl.post('/api/persons', personBody(54, { identityNumber: '20260316-2385' }))).statusCode).toBe(201);
    expect(await count('persons')).toBe(before + 1);
  });
});

describe('search', () => {
  it('finds by personnummer (with or without dash and century) and by name prefix', async () => {
    const r = await hl.post('/api/persons', personBody(10, { firstName: 'Sökbar', lastName: 'Hittadsson' }));
    const nr = testPersonnummer(10);
    for (const q of [nr, `${nr.slice(0, 8)}-${nr.slice(8)}`, nr.slice(2), nr.slice(0, 8)]) {
      const ids = (await hl.post('/api/persons/search', { query: q })).json().items.map((i: { id: string }) => i.id);
      expect(ids, q).toContain(r.json().id);
    }
    for (const q of ['hitt', 'Sök', 'sökbar hitt', 'hittadsson sök']) {
      const ids = (await hl.post('/api/persons/search', { query: q })).json().items.map((i: { id: string }) => i.id);
      expect(ids, q).toContain(r.json().id);
    }
    expect((await hl.post('/api/persons/search', { query: '%' })).statusCode).toBe(400);
    expect((await hl.post('/api/persons/search', { query: '_%' })).json().items).toEqual([]);
  });
});

describe('skyddad identitet', () => {
  it('hides address and contact details from all but the responsible handläggare and enhetschef', async () => {
    const p = (await hl.post('/api/persons', personBody(20, { protectedIdentity: true, streetAddress: 'Skyddade gatan 1' }))).json();
    await hl.post(`/api/persons/${p.id}/representatives`, { kind: 'god_man', name: 'Gode Man', phone: '070-111 11 11', address: 'Box 5' });
    const c = await hl.post('/api/cases', { personId: p.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
    expect(c.statusCode).toBe(201);

    const own = (await hl.get(`/api/persons/${p.id}`)).json();
    expect(own.contact.streetAddress).toBe('Skyddade gatan 1');
    const ec = (await (await login(h.app, staff.ec.username)).get(`/api/persons/${p.id}`)).json();
    expect(ec.contact.streetAddress).toBe('Skyddade gatan 1');

    for (const u of [staff.ks, staff.hl2, staff.hs, staff.ecSol]) {
      const api = await login(h.app, u.username);
      const r = await api.get(`/api/persons/${p.id}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('Skyddade gatan');
      expect(r.body).not.toContain('070-111 11 11');
      expect(r.json()).toMatchObject({ contact: null, contactHidden: true, protectedIdentity: true, representatives: [{ name: 'Gode Man', phone: null, address: null }] });
      if (u.role !== 'kontaktsekreterare') {
        const edit = await api.patch(`/api/persons/${p.id}`, { version: r.json().version, ...personBody(20, { protectedIdentity: false }) });
        expect(edit.statusCode).toBe(403);
      }
    }
    const ks = await login(h.app, staff.ks.username);
    expect((await ks.post('/api/persons', personBody(21))).statusCode).toBe(403);
  });
});

describe('editing', () => {
  it('detects concurrent edits with the version and manages representatives', async () => {
    const p = (await hl.post('/api/persons', personBody(30))).json();
    const { identityNumber: _i, ...fields } = personBody(30, { city: 'Nyort' });
    const first = await hl.patch(`/api/persons/${p.id}`, { ...fields, version: p.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().contact.city).toBe('Nyort');
    const stale = await hl.patch(`/api/persons/${p.id}`, { ...fields, version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const withRep = (await hl.post(`/api/persons/${p.id}/representatives`, { kind: 'vardnadshavare', name: 'Mamma Testsson', phone: '070-222 22 22' })).json();
    const rep = withRep.representatives[0];
    expect(rep).toMatchObject({ kind: 'vardnadshavare', name: 'Mamma Testsson' });
    const badKind = await hl.post(`/api/persons/${p.id}/representatives`, { kind: 'granne', name: 'X' });
    expect(badKind.statusCode).toBe(400);
    const upd = await hl.patch(`/api/persons/${p.id}/representatives/${rep.id}`, { version: rep.version, kind: 'vardnadshavare', name: 'Mamma T', phone: null });
    expect(upd.json().representatives[0].name).toBe('Mamma T');
    expect((await hl.delete(`/api/persons/${p.id}/representatives/${rep.id}?version=${rep.version}`)).statusCode).toBe(409);
    const del = await hl.delete(`/api/persons/${p.id}/representatives/${rep.id}?version=${rep.version + 1}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().representatives).toEqual([]);
    expect((await hl.get('/api/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await hl.get('/api/persons/inte-ett-id')).statusCode).toBe(400);
  });
});
