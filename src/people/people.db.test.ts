import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
    const r = await hl.post('/api/persons', personBody(1, { identityNumber: `850314-${testPersonnummer(1).slice(8)}` }));
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

describe('skyddad identitet: a grant for the unit and a case in scope, nothing less', () => {
  const STREET = 'Skyddade gatan 1';
  const GOD_MAN_PHONE = '070-111 11 11';
  let admin: ApiClient;
  let n = 100;

  beforeAll(async () => {
    admin = await login(h.app, staff.admin.username);
  });

  async function grant(userId: string, unitId: string) {
    const r = await admin.put(`/api/admin/users/${userId}/protected-identity/${unitId}`, {});
    expect(r.statusCode, r.body).toBe(200);
  }
  async function revoke(userId: string, unitId: string) {
    const r = await admin.delete(`/api/admin/users/${userId}/protected-identity/${unitId}`);
    expect(r.statusCode, r.body).toBe(200);
  }
  async function auditOf(res: { headers: Record<string, unknown> }) {
    const r = (await h.db.execute(
      sql`select action, actor_user_id, person_id, details from audit_log where request_id = ${String(res.headers['x-request-id'])} order by id`,
    )) as unknown as { rows: { action: string; actor_user_id: string; person_id: string | null; details: Record<string, unknown> | null }[] };
    return r.rows;
  }
  async function reveals(personId: string) {
    const r = (await h.db.execute(
      sql`select actor_user_id from audit_log where person_id = ${personId} and action = 'person.protected_contact_revealed'`,
    )) as unknown as { rows: { actor_user_id: string }[] };
    return r.rows.map((x) => x.actor_user_id);
  }
  async function protectedPerson(api: ApiClient) {
    const r = await api.post('/api/persons', personBody(++n, { protectedIdentity: true, streetAddress: STREET }));
    expect(r.statusCode, r.body).toBe(201);
    // Registering the person shows nothing back, not even to the one who typed it.
    expect(r.body).not.toContain(STREET);
    expect(r.json()).toMatchObject({ contact: null, contactHidden: true, abilities: { canEdit: false } });
    return r.json() as { id: string; version: number };
  }
  async function newCase(api: ApiClient, personId: string, route: 'LSS' | 'SOL') {
    const c = await api.post('/api/cases', { personId, route, requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
    expect(c.statusCode, c.body).toBe(201);
    return c.json() as { id: string; version: number };
  }
  function expectHidden(r: { statusCode: number; body: string; json(): unknown }) {
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).not.toContain(STREET);
    expect(r.body).not.toContain(GOD_MAN_PHONE);
    expect(r.body).not.toContain('Provgatan'); // nothing of the person's address at all
    expect(r.json()).toMatchObject({ contact: null, contactHidden: true, protectedIdentity: true, abilities: { canEdit: false } });
  }

  it('shows nothing to a handläggare of another unit who registers a case for the person, nor to the one who registered it', async () => {
    const p = await protectedPerson(hl);
    const hs = await login(h.app, staff.hs.username);
    await newCase(hs, p.id, 'SOL'); // registering a case: responsible handläggare, but no grant
    await newCase(hl, p.id, 'LSS');
    for (const [u, api] of [
      [staff.hs, hs],
      [staff.hl, hl],
    ] as const) {
      const r = await api.get(`/api/persons/${p.id}`);
      expectHidden(r);
      expect(await auditOf(r)).toEqual([expect.objectContaining({ action: 'person.read', details: { contactShown: false } })]);
      // …and may not change what they cannot see.
      const edit = await api.patch(`/api/persons/${p.id}`, { version: p.version, ...personBody(n, { protectedIdentity: false }) });
      expect(edit.statusCode, `${u.username} ${edit.body}`).toBe(403);
      expect(edit.json().message).toMatch(/skyddad identitet/);
      const rep = await api.post(`/api/persons/${p.id}/representatives`, { kind: 'god_man', name: 'Gode Man', phone: GOD_MAN_PHONE });
      expect(rep.statusCode).toBe(403);
    }
    expect(await reveals(p.id)).toEqual([]);
  });

  it('shows nothing with a grant but no case of the person in the user’s scope', async () => {
    const hs = await login(h.app, staff.hs.username);
    const p = await protectedPerson(hs);
    await newCase(hs, p.id, 'SOL');
    await grant(staff.hl2.id, staff.lss.id);
    await grant(staff.ec.id, staff.lss.id);
    for (const u of [staff.hl2, staff.ec]) {
      const r = await (await login(h.app, u.username)).get(`/api/persons/${p.id}`);
      expectHidden(r);
    }
    expect(await reveals(p.id)).toEqual([]);
  });

  it('shows the details with both, logs every reveal, and hides them again when the grant is revoked', async () => {
    const p = await protectedPerson(hl); // hl: no grant
    const c = await newCase(hl, p.id, 'LSS');
    await grant(staff.hl2.id, staff.lss.id);
    const hl2 = await login(h.app, staff.hl2.username);

    // The case is hl's, in hl2's unit: the unit is the case scope, the grant covers the unit.
    const added = await hl2.post(`/api/persons/${p.id}/representatives`, { kind: 'god_man', name: 'Gode Man', phone: GOD_MAN_PHONE, address: 'Box 5' });
    expect(added.statusCode, added.body).toBe(201);
    const r = await hl2.get(`/api/persons/${p.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ contactHidden: false, contact: { streetAddress: STREET }, representatives: [{ phone: GOD_MAN_PHONE, address: 'Box 5' }], abilities: { canEdit: true } });
    const log = await auditOf(r);
    expect(log.map((l) => l.action).sort()).toEqual(['person.protected_contact_revealed', 'person.read']);
    expect(log.find((l) => l.action === 'person.protected_contact_revealed')).toMatchObject({
      actor_user_id: staff.hl2.id,
      person_id: p.id,
      details: { via: 'person', caseId: c.id, unitId: staff.lss.id },
    });
    // An edit answers with the details: that is a reveal too.
    const edit = await hl2.patch(`/api/persons/${p.id}`, { version: r.json().version, ...personBody(n, { protectedIdentity: true, streetAddress: STREET, city: 'Nyby' }) });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await auditOf(edit)).map((l) => l.action)).toEqual(['person.update', 'person.protected_contact_revealed']);

    // The enhetschef of the unit with the grant (given above) sees them as well; hl, responsible, still does not.
    const ec = await (await login(h.app, staff.ec.username)).get(`/api/persons/${p.id}`);
    expect(ec.json().contact.streetAddress).toBe(STREET);
    expectHidden(await hl.get(`/api/persons/${p.id}`));
    for (const u of [staff.ks, staff.hs, staff.ecSol]) expectHidden(await (await login(h.app, u.username)).get(`/api/persons/${p.id}`));
    expect(new Set(await reveals(p.id))).toEqual(new Set([staff.hl2.id, staff.ec.id]));

    await revoke(staff.hl2.id, staff.lss.id);
    expectHidden(await hl2.get(`/api/persons/${p.id}`));
    expect((await hl2.patch(`/api/persons/${p.id}`, { version: edit.json().version, ...personBody(n, { protectedIdentity: false }) })).statusCode).toBe(403);
  });

  it('prints the address on the letter only for a reader who may see it, and logs that as a reveal', async () => {
    const p = await protectedPerson(hl);
    const c = await newCase(hl, p.id, 'LSS');
    const ack = await hl.post(`/api/cases/${c.id}/acknowledge`, { version: c.version, acknowledgedDate: '2026-03-13', method: 'letter', personkretsDocumentation: 'present', personkretsGroup: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    await grant(staff.hl2.id, staff.lss.id);
    const hl2 = await login(h.app, staff.hl2.username);
    const texts: Record<string, string | null> = {};
    for (const [name, api] of [
      ['hl', hl],
      ['hl2', hl2],
    ] as const) {
      const r = await api.get(`/api/cases/${c.id}/acknowledgement-letter.pdf`);
      expect(r.statusCode).toBe(200);
      const log = await auditOf(r);
      const printed = name === 'hl2';
      expect(log.find((l) => l.action === 'letter.acknowledgement')?.details).toMatchObject({ addressPrinted: printed });
      expect(log.some((l) => l.action === 'person.protected_contact_revealed' && (l.details as { via?: string }).via === 'letter')).toBe(printed);
      const file = path.join(os.tmpdir(), `letter-${c.id}-${name}.pdf`);
      fs.writeFileSync(file, r.rawPayload);
      try {
        texts[name] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      } catch {
        texts[name] = null; // poppler-utils missing locally; CI installs it.
      } finally {
        fs.rmSync(file, { force: true });
      }
    }
    if (texts.hl !== null) expect(texts.hl).not.toContain(STREET);
    if (texts.hl2 !== null) expect(texts.hl2).toContain(STREET);
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
