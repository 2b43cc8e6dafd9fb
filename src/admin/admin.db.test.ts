import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildStaff, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { legalBasesInForce } from '../decisions/legal-bases';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let admin: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  admin = await login(h.app, staff.admin.username);
});
afterAll(() => h.close());

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  actor_username: string | null;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
}

async function auditFor(res: LightMyRequestResponse): Promise<AuditRow[]> {
  const requestId = String(res.headers['x-request-id']);
  const r = (await h.db.execute(
    sql`select action, actor_user_id, actor_username, entity_type, entity_id, request_id, details from audit_log where request_id = ${requestId} order by id`,
  )) as unknown as { rows: AuditRow[] };
  return r.rows;
}

/** The change was logged once, by the administrator, in the same request. */
async function expectAdminAudit(res: LightMyRequestResponse, action: string, entityType: string, entityId: string) {
  const rows = await auditFor(res);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ action, entity_type: entityType, entity_id: entityId, actor_user_id: staff.admin.id, actor_username: staff.admin.username });
  return rows[0];
}

const uniq = () => `${++n}-${Math.random().toString(36).slice(2, 7)}`;

describe('units', () => {
  it('lists, creates and updates units, logging every change', async () => {
    const list = await admin.get('/api/admin/units');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([staff.lss.id, staff.sol.id]));

    const name = `Kontaktpersonsenheten ${uniq()}`;
    const created = await admin.post('/api/admin/units', { name, route: 'LSS' });
    expect(created.statusCode, created.body).toBe(201);
    const u = created.json();
    expect(u).toMatchObject({ name, route: 'LSS', active: true, version: 1 });
    await expectAdminAudit(created, 'admin.unit', 'unit', u.id);

    const updated = await admin.patch(`/api/admin/units/${u.id}`, { version: u.version, name: `${name} Norr`, route: 'SOL', active: false });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: u.id, name: `${name} Norr`, route: 'SOL', active: false, version: 2 });
    const row = await expectAdminAudit(updated, 'admin.unit', 'unit', u.id);
    expect(row.details).toMatchObject({ op: 'update' });

    const again = (await admin.get('/api/admin/units')).json().items.find((x: { id: string }) => x.id === u.id);
    expect(again).toMatchObject({ name: `${name} Norr`, active: false, version: 2 });
  });

  it('refuses a duplicate name (409 UNIT_NAME_TAKEN on name) and a stale version (409 VERSION_CONFLICT), logging nothing', async () => {
    const name = `Enhet Dubblett ${uniq()}`;
    const a = (await admin.post('/api/admin/units', { name, route: 'LSS' })).json();
    const dup = await admin.post('/api/admin/units', { name, route: 'SOL' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'UNIT_NAME_TAKEN', fields: [{ path: 'name' }] });
    expect(await auditFor(dup)).toEqual([]);

    const b = (await admin.post('/api/admin/units', { name: `${name} 2`, route: 'LSS' })).json();
    const renameToTaken = await admin.patch(`/api/admin/units/${b.id}`, { version: b.version, name, route: 'LSS', active: true });
    expect(renameToTaken.statusCode).toBe(409);
    expect(renameToTaken.json()).toMatchObject({ code: 'UNIT_NAME_TAKEN', fields: [{ path: 'name' }] });

    const first = await admin.patch(`/api/admin/units/${a.id}`, { version: a.version, name: `${name} A`, route: 'LSS', active: true });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await admin.patch(`/api/admin/units/${a.id}`, { version: a.version, name: `${name} B`, route: 'LSS', active: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(await auditFor(stale)).toEqual([]);

    const missing = await admin.patch('/api/admin/units/00000000-0000-4000-8000-000000000000', { version: 1, name: `${name} C`, route: 'LSS', active: true });
    expect(missing.statusCode).toBe(404);

    const empty = await admin.post('/api/admin/units', { name: '  ', route: 'LSS' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('name');
  });
});

describe('users', () => {
  async function createUser(o: Record<string, unknown> = {}) {
    const body = { username: `anv.${uniq()}`, displayName: 'Ny Användare', role: 'handlaggare', unitId: staff.lss.id, password: 'ett-långt-lösenord-1', ...o };
    const r = await admin.post('/api/admin/users', body);
    expect(r.statusCode, r.body).toBe(201);
    return { res: r, user: r.json(), password: body.password as string };
  }

  async function current(id: string) {
    const list = await admin.get('/api/admin/users');
    expect(list.statusCode).toBe(200);
    return list.json().items.find((u: { id: string }) => u.id === id);
  }

  it('creates a user with role and unit, who can then sign in; the creation is logged', async () => {
    const { res, user, password } = await createUser({ username: `  Stina.K-${uniq()}  `, role: 'enhetschef' });
    expect(user).toMatchObject({ role: 'enhetschef', unitId: staff.lss.id, unitName: staff.lss.name, active: true, locked: false, lockedUntil: null, lockedAccountWide: false, version: 1 });
    expect(user.username).toMatch(/^stina\.k-/); // trimmed and lower-cased
    expect(user).not.toHaveProperty('passwordHash');
    const row = await expectAdminAudit(res, 'admin.user', 'user', user.id);
    expect(row.details).toMatchObject({ op: 'create', role: 'enhetschef' });
    expect(JSON.stringify(row.details)).not.toContain(password);

    const listed = await current(user.id);
    expect(listed).toMatchObject({ username: user.username, role: 'enhetschef' });
    const me = await (await login(h.app, user.username, password)).get('/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);

    const revisor = await createUser({ role: 'revisor', unitId: null });
    expect(revisor.user).toMatchObject({ role: 'revisor', unitId: null, unitName: null });
  });

  it('requires a unit for unit roles and refuses a duplicate username', async () => {
    for (const role of ['handlaggare', 'kontaktsekreterare', 'enhetschef']) {
      const r = await admin.post('/api/admin/users', { username: `utan.enhet.${uniq()}`, displayName: 'Utan Enhet', role, unitId: null, password: 'ett-långt-lösenord-1' });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'unitId' }] });
      expect(await auditFor(r)).toEqual([]);
    }
    const unknownUnit = await admin.post('/api/admin/users', {
      username: `okand.enhet.${uniq()}`,
      displayName: 'Okänd Enhet',
      role: 'handlaggare',
      unitId: '00000000-0000-4000-8000-000000000000',
      password: 'ett-långt-lösenord-1',
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().fields[0].path).toBe('unitId');

    const { user } = await createUser();
    const dup = await admin.post('/api/admin/users', { username: user.username.toUpperCase(), displayName: 'Dubblett', role: 'revisor', password: 'ett-långt-lösenord-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'USERNAME_TAKEN', fields: [{ path: 'username' }] });
    expect(await auditFor(dup)).toEqual([]);

    const shortPw = await admin.post('/api/admin/users', { username: `kort.${uniq()}`, displayName: 'Kort', role: 'revisor', password: 'kort' });
    expect(shortPw.statusCode).toBe(400);
    expect(shortPw.json().fields[0].path).toBe('password');
  });

  it('ends every session of a deactivated user at once, and refuses their sign-in', async () => {
    const { user, password } = await createUser();
    const theirs = await login(h.app, user.username, password);
    const theirs2 = await login(h.app, user.username, password, '10.0.0.2');
    expect((await theirs.get('/api/auth/me')).statusCode).toBe(200);

    const r = await admin.patch(`/api/admin/users/${user.id}`, { version: user.version, displayName: user.displayName, role: user.role, unitId: user.unitId, active: false });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ active: false, version: 2 });
    const row = await expectAdminAudit(r, 'admin.user', 'user', user.id);
    expect(row.details).toMatchObject({ op: 'update', active: false, passwordReset: false });

    for (const api of [theirs, theirs2]) {
      const me = await api.get('/api/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json().code).toBe('UNAUTHENTICATED');
    }
    const count = (await h.db.execute(sql`select count(*)::int as n from sessions where user_id = ${user.id}`)) as unknown as { rows: { n: number }[] };
    expect(Number(count.rows[0].n)).toBe(0);
    await expect(login(h.app, user.username, password)).rejects.toThrow(/401/);

    const stale = await admin.patch(`/api/admin/users/${user.id}`, { version: user.version, displayName: user.displayName, role: user.role, unitId: user.unitId, active: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('resets a password, which unlocks the account and ends the old sessions', async () => {
    const { user, password } = await createUser();
    const old = await login(h.app, user.username, password);
    for (let i = 0; i < 5; i++) {
      await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'fel-lösenord-helt-klart' }, remoteAddress: '10.0.0.9' });
    }
    const locked = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password }, remoteAddress: '10.0.0.9' });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('INVALID_CREDENTIALS');
    const before = await current(user.id);
    expect(before).toMatchObject({ locked: true, lockedAccountWide: false });
    expect(before.lockedUntil).not.toBeNull();

    const newPassword = 'ett-helt-nytt-lösenord-2';
    const r = await admin.patch(`/api/admin/users/${user.id}`, {
      version: before.version,
      displayName: before.displayName,
      role: before.role,
      unitId: before.unitId,
      active: true,
      newPassword,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ locked: false, lockedUntil: null });
    const row = await expectAdminAudit(r, 'admin.user', 'user', user.id);
    expect(row.details).toMatchObject({ passwordReset: true });
    expect(JSON.stringify(row.details)).not.toContain(newPassword);

    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(h.app, user.username, password)).rejects.toThrow(/401/);
    const fresh = await login(h.app, user.username, newPassword);
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('shows locked accounts, and unlocks one (logged) without a version', async () => {
    const { user, password } = await createUser();
    const fail = (ip: string) =>
      h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'fel-lösenord-helt-klart' }, remoteAddress: ip });
    // Failures from five addresses lock the whole account.
    for (let a = 1; a <= 5; a++) await fail(`10.77.0.${a}`);
    const locked = await current(user.id);
    expect(locked).toMatchObject({ locked: true, lockedAccountWide: true, version: user.version });
    expect(new Date(locked.lockedUntil).getTime()).toBe(h.clock.now().getTime() + 15 * 60_000);
    await expect(login(h.app, user.username, password, '10.77.1.1')).rejects.toThrow(/401/);

    const r = await admin.post(`/api/admin/users/${user.id}/unlock`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ locked: false, lockedUntil: null, lockedAccountWide: false, version: user.version });
    const row = await expectAdminAudit(r, 'admin.user', 'user', user.id);
    expect(row.details).toMatchObject({ op: 'unlock', wasLocked: true, accountWide: true });
    const theirs = await login(h.app, user.username, password, '10.77.0.1');
    expect((await theirs.get('/api/auth/me')).json()).toMatchObject({ failedAttemptsSinceLastLogin: 5 });

    expect((await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/unlock')).statusCode).toBe(404);
    const hl = await login(h.app, staff.hl.username);
    expect((await hl.post(`/api/admin/users/${user.id}/unlock`)).statusCode).toBe(403);
  });

  it('changes role and unit', async () => {
    const { user } = await createUser();
    const r = await admin.patch(`/api/admin/users/${user.id}`, { version: user.version, displayName: 'Bytt Namn', role: 'kontaktsekreterare', unitId: staff.sol.id, active: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ displayName: 'Bytt Namn', role: 'kontaktsekreterare', unitId: staff.sol.id, unitName: staff.sol.name });
    const noUnit = await admin.patch(`/api/admin/users/${user.id}`, { version: r.json().version, displayName: 'Bytt Namn', role: 'enhetschef', unitId: null, active: true });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().fields[0].path).toBe('unitId');
  });

  it('does not let the administrator deactivate themselves or drop their own role', async () => {
    const me = await current(staff.admin.id);
    for (const change of [{ active: false, role: 'administrator' }, { active: true, role: 'revisor' }]) {
      const r = await admin.patch(`/api/admin/users/${staff.admin.id}`, { version: me.version, displayName: me.displayName, unitId: null, ...change });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
      expect(await auditFor(r)).toEqual([]);
    }
    expect(await current(staff.admin.id)).toMatchObject({ active: true, role: 'administrator', version: me.version });
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('legal bases', () => {
  it('has the five defaults with their appeal route, IVO flag and validity', async () => {
    const r = await admin.get('/api/admin/legal-bases');
    expect(r.statusCode, r.body).toBe(200);
    const byCode = Object.fromEntries(r.json().items.map((b: { code: string }) => [b.code, b]));
    expect(byCode.LSS_9_4).toMatchObject({ route: 'LSS', appealRoute: 'forvaltningsbesvar', ivoReportable: true, feeRule: 'free', validFrom: '1994-01-01', validTo: null });
    expect(byCode.SOL2001_4_1).toMatchObject({ route: 'SOL', appealRoute: 'forvaltningsbesvar', ivoReportable: true, validFrom: '2002-01-01', validTo: '2025-06-30' });
    expect(byCode.SOL2001_4_2).toMatchObject({ route: 'SOL', appealRoute: 'laglighetsprovning', ivoReportable: false, validFrom: '2002-01-01', validTo: '2025-06-30' });
    expect(byCode.SOL2025_11_1).toMatchObject({ route: 'SOL', appealRoute: 'forvaltningsbesvar', ivoReportable: true, validFrom: '2025-07-01', validTo: null });
    expect(byCode.SOL2025_11_4).toMatchObject({ route: 'SOL', appealRoute: 'laglighetsprovning', ivoReportable: false, validFrom: '2025-07-01', validTo: null });
    expect(byCode.SOL2025_11_1.law).toContain('2025:400');
    expect(byCode.SOL2001_4_1.law).toContain('2001:453');
  });

  it('picks the bases in force on a date: 2001:453 before 1 July 2025, 2025:400 after', async () => {
    expect((await legalBasesInForce(h.db, 'SOL', '2024-05-01')).map((b) => b.code)).toEqual(['SOL2001_4_1', 'SOL2001_4_2']);
    expect((await legalBasesInForce(h.db, 'SOL', '2025-06-30')).map((b) => b.code)).toEqual(['SOL2001_4_1', 'SOL2001_4_2']);
    expect((await legalBasesInForce(h.db, 'SOL', '2025-07-01')).map((b) => b.code)).toEqual(['SOL2025_11_1', 'SOL2025_11_4']);
    expect((await legalBasesInForce(h.db, 'SOL', '2025-08-01')).map((b) => b.code)).toEqual(['SOL2025_11_1', 'SOL2025_11_4']);
    expect((await legalBasesInForce(h.db, 'LSS', '2025-08-01')).map((b) => b.code)).toContain('LSS_9_4');
  });

  const basis = (o: { code: string } & Record<string, unknown>) => ({
    route: 'LSS',
    law: 'Lag (1993:387) om stöd och service till vissa funktionshindrade (LSS)',
    paragraph: '9 § 4',
    name: 'Provgrund',
    printText: 'Beslutet är fattat med stöd av en provgrund.',
    appealRoute: 'forvaltningsbesvar',
    ivoReportable: true,
    feeRule: 'free',
    validFrom: '2030-01-01',
    validTo: '2030-12-31',
    ...o,
  });

  it('creates and updates a basis, logging both; refuses a duplicate code and an end before the start', async () => {
    const body = basis({ code: `TEST_LSS_${++n}` });
    const r = await admin.post('/api/admin/legal-bases', body);
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b).toMatchObject({ ...body, version: 1 });
    await expectAdminAudit(r, 'admin.legal_basis', 'legal_basis', b.id);
    expect((await legalBasesInForce(h.db, 'LSS', '2030-06-01')).map((x) => x.code)).toContain(body.code);
    expect((await legalBasesInForce(h.db, 'LSS', '2031-01-01')).map((x) => x.code)).not.toContain(body.code);

    const upd = await admin.patch(`/api/admin/legal-bases/${b.id}`, { ...body, validTo: null, version: b.version });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ validTo: null, version: 2 });
    await expectAdminAudit(upd, 'admin.legal_basis', 'legal_basis', b.id);
    const stale = await admin.patch(`/api/admin/legal-bases/${b.id}`, { ...body, version: b.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const dup = await admin.post('/api/admin/legal-bases', { ...body, name: 'Annan' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'LEGAL_BASIS_CODE_TAKEN', fields: [{ path: 'code' }] });

    const backwards = await admin.post('/api/admin/legal-bases', basis({ code: `TEST_LSS_${++n}`, validFrom: '2030-06-01', validTo: '2030-05-31' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(backwards.json().fields.map((f: { path: string }) => f.path)).toContain('validTo');
    expect(await auditFor(backwards)).toEqual([]);

    const badDate = await admin.post('/api/admin/legal-bases', basis({ code: `TEST_LSS_${++n}`, validFrom: '2030-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('validFrom');
  });
});

describe('municipality settings', () => {
  it('reads and changes the settings; new cases are numbered by the new pattern', async () => {
    const r = await admin.get('/api/admin/municipality');
    expect(r.statusCode, r.body).toBe(200);
    const m = r.json();
    expect(m).toMatchObject({ caseNumberPattern: expect.stringContaining('{YYYY}'), version: expect.any(Number) });

    expect(m).toMatchObject({ documentationWithinWorkingDays: 15, privacyInfo: null });
    const put = await admin.put('/api/admin/municipality', {
      ...m,
      name: 'Demoby kommun',
      caseNumberPattern: 'SN {YYYY}/{NNNNN}',
      acknowledgeWithinWorkingDays: 3,
      documentationWithinWorkingDays: 20,
      privacyInfo: 'demoby.se/personuppgifter',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      name: 'Demoby kommun',
      caseNumberPattern: 'SN {YYYY}/{NNNNN}',
      acknowledgeWithinWorkingDays: 3,
      documentationWithinWorkingDays: 20,
      privacyInfo: 'demoby.se/personuppgifter',
      version: m.version + 1,
    });
    await expectAdminAudit(put, 'admin.municipality', 'municipality', '1');
    expect((await admin.get('/api/admin/municipality')).json().caseNumberPattern).toBe('SN {YYYY}/{NNNNN}');

    const stale = await admin.put('/api/admin/municipality', { ...m, caseNumberPattern: 'X-{YYYY}-{NNNN}' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const hl = await login(h.app, staff.hl.username);
    const p = await hl.post('/api/persons', personBody(700 + ++n));
    expect(p.statusCode, p.body).toBe(201);
    const c = await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().caseNumber).toMatch(/^SN 2026\/\d{5}$/);
  });

  it('refuses a pattern without {YYYY} or without {NNNN}', async () => {
    const m = (await admin.get('/api/admin/municipality')).json();
    for (const caseNumberPattern of ['KP-{NNNN}', 'KP-{YYYY}', 'KP-2026-{NNNN}']) {
      const r = await admin.put('/api/admin/municipality', { ...m, caseNumberPattern });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'caseNumberPattern' }] });
      expect(await auditFor(r)).toEqual([]);
    }
    const zero = await admin.put('/api/admin/municipality', { ...m, acknowledgeWithinWorkingDays: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields[0].path).toBe('acknowledgeWithinWorkingDays');
    expect((await admin.get('/api/admin/municipality')).json()).toEqual(m);
  });
});

describe('skyddad identitet: the administrator grants and revokes the permission per user and unit', () => {
  const url = (userId: string, unitId: string) => `/api/admin/users/${userId}/protected-identity/${unitId}`;
  async function listed(id: string) {
    return (await admin.get('/api/admin/users')).json().items.find((u: { id: string }) => u.id === id);
  }

  it('grants, shows it on the user, revokes, and logs each change as its own action', async () => {
    const u = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id });
    expect(await listed(u.id)).toMatchObject({ protectedIdentityUnits: [] });

    const granted = await admin.put(url(u.id, staff.lss.id), {});
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ id: u.id, protectedIdentityUnits: [{ unitId: staff.lss.id, unitName: staff.lss.name, grantedAt: new Date(h.clock.now()).toISOString() }] });
    const row = await expectAdminAudit(granted, 'admin.protected_identity_grant', 'user', u.id);
    expect(row.details).toEqual({ unitId: staff.lss.id });
    expect(await listed(u.id)).toMatchObject({ protectedIdentityUnits: [{ unitId: staff.lss.id, unitName: staff.lss.name }] });
    const [g] = ((await h.db.execute(sql`select granted_by from protected_identity_grants where user_id = ${u.id}`)) as unknown as { rows: { granted_by: string }[] }).rows;
    expect(g.granted_by).toBe(staff.admin.id);

    // Granting again changes nothing and logs nothing.
    const again = await admin.put(url(u.id, staff.lss.id), {});
    expect(again.statusCode).toBe(200);
    expect(await auditFor(again)).toEqual([]);

    const revoked = await admin.delete(url(u.id, staff.lss.id));
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().protectedIdentityUnits).toEqual([]);
    expect((await expectAdminAudit(revoked, 'admin.protected_identity_revoke', 'user', u.id)).details).toEqual({ unitId: staff.lss.id });
    expect(await auditFor(await admin.delete(url(u.id, staff.lss.id)))).toEqual([]);
  });

  it('refuses roles that read no cases, another unit than the user’s own, and unknown users, in Swedish', async () => {
    for (const [user, unitId] of [
      [staff.ks, staff.lss.id],
      [staff.revisor, staff.lss.id],
      [staff.admin, staff.lss.id],
      [staff.hl, staff.sol.id],
    ] as const) {
      const r = await admin.put(url(user.id, unitId), {});
      expect(r.statusCode, `${user.role}`).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'unitId' }] });
      expect(r.json().message).toMatch(/[åäö]/);
      expect(await auditFor(r)).toEqual([]);
    }
    const unknown = await admin.put(url('00000000-0000-4000-8000-000000000000', staff.lss.id), {});
    expect(unknown.statusCode).toBe(404);
  });

  it('revokes a grant that no longer fits when the user moves to another unit (logged)', async () => {
    const u = await buildUser(h.db, { role: 'enhetschef', unitId: staff.lss.id });
    expect((await admin.put(url(u.id, staff.lss.id), {})).statusCode).toBe(200);
    const before = await listed(u.id);
    const moved = await admin.patch(`/api/admin/users/${u.id}`, { version: before.version, displayName: before.displayName, role: 'enhetschef', unitId: staff.sol.id, active: true });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().protectedIdentityUnits).toEqual([]);
    const log = await auditFor(moved);
    expect(log.map((l) => l.action).sort()).toEqual(['admin.protected_identity_revoke', 'admin.user']);
    expect(log.find((l) => l.action === 'admin.protected_identity_revoke')!.details).toMatchObject({ unitId: staff.lss.id, reason: 'user_changed' });
  });
});

describe('who may administer', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const routes: [method: 'get' | 'post' | 'patch' | 'put' | 'delete', url: string][] = [
    ['get', '/api/admin/units'],
    ['post', '/api/admin/units'],
    ['patch', `/api/admin/units/${id}`],
    ['get', '/api/admin/users'],
    ['post', '/api/admin/users'],
    ['patch', `/api/admin/users/${id}`],
    ['get', '/api/admin/legal-bases'],
    ['post', '/api/admin/legal-bases'],
    ['patch', `/api/admin/legal-bases/${id}`],
    ['get', '/api/admin/municipality'],
    ['put', '/api/admin/municipality'],
    ['put', `/api/admin/users/${id}/protected-identity/${id}`],
    ['delete', `/api/admin/users/${id}/protected-identity/${id}`],
  ];

  function call(api: ApiClient, method: (typeof routes)[number][0], url: string) {
    return method === 'get' ? api.get(url) : method === 'delete' ? api.delete(url) : api[method](url, {});
  }

  it('answers 403 FORBIDDEN on every admin route for every other role', async () => {
    for (const user of [staff.hl, staff.ks, staff.ec, staff.lon, staff.revisor]) {
      const api = await login(h.app, user.username);
      for (const [method, url] of routes) {
        const r = await call(api, method, url);
        expect(r.statusCode, `${user.role} ${method} ${url}`).toBe(403);
        expect(r.json().code).toBe('FORBIDDEN');
      }
    }
  });

  it('answers 401 without a session', async () => {
    for (const [method, url] of routes) {
      const r = await h.app.inject({ method: method.toUpperCase() as 'GET', url, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
      expect(r.statusCode, `${method} ${url}`).toBe(401);
      expect(r.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives the administrator no case content', async () => {
    const cases = await admin.get('/api/cases');
    expect(cases.statusCode).toBe(403);
    expect(cases.json().code).toBe('FORBIDDEN');
    const search = await admin.post('/api/persons/search', { query: 'Testa' });
    expect(search.statusCode).toBe(403);
    expect(search.json().code).toBe('FORBIDDEN');
    expect(await auditFor(search)).toEqual([]);
  });
});
