// Single sign-on against a real OpenID provider (oidc-provider on a loopback port, test/support/oidc-provider.ts):
// the whole code flow with PKCE, state and nonce, users made and updated from the claims, refusals audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { browseUntil, startTestProvider, type TestProvider } from '../../../test/support/oidc-provider';
import { buildUnit, buildUser, client, setupHarness, TEST_PASSWORD, type Harness } from '../../../test/support/harness';
import { oidcLogins, users } from '../tables';
import { hashToken } from './sessions';
import { hashPassword } from './password';

const REDIRECT = 'http://127.0.0.1:3999/api/auth/oidc/callback';
let op: TestProvider;
let h: Harness;
let off: Harness;
let lssId: string;

beforeAll(async () => {
  op = await startTestProvider(REDIRECT);
  const env = {
    OIDC_ISSUER: op.issuer,
    OIDC_CLIENT_ID: op.clientId,
    OIDC_CLIENT_SECRET: op.clientSecret,
    OIDC_REDIRECT_URL: REDIRECT,
    OIDC_ALLOW_HTTP: '1',
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: 'kontakt-chef=enhetschef,kontakt-hl=handlaggare,kontakt-lon=lon',
    OIDC_UNIT_MAP: 'enhet-lss=SSO LSS-enheten,enhet-sol=SSO SoL-enheten',
  };
  h = await setupHarness({ env });
  off = await setupHarness({ env: { ...env, LOCAL_PASSWORDS: 'off' } });
  lssId = (await buildUnit(h.db, { name: 'SSO LSS-enheten', route: 'LSS' })).id;
  await buildUnit(h.db, { name: 'SSO SoL-enheten', route: 'SOL' });
  op.accounts.set('anna', { claims: { name: 'Anna Andersson', preferred_username: 'Anna.Andersson@kommun.se', groups: ['alla', 'kontakt-hl', 'enhet-lss'] } });
  op.accounts.set('utan', { claims: { name: 'Utan Roll', preferred_username: 'utan@kommun.se', groups: ['alla', 'enhet-lss'] } });
  op.accounts.set('lon', { claims: { name: 'Lena Lön', preferred_username: 'lena@kommun.se', groups: ['kontakt-lon'] } });
});
afterAll(async () => {
  await h?.close();
  await off?.close();
  await op?.close();
});

/** Press "Logga in med kommunens konto": the app's redirect, the cookie it set, and the provider's answer to the callback. */
async function begin(app: Harness['app'], next = '/mina-arenden') {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/start?next=${encodeURIComponent(next)}` });
  expect(start.statusCode).toBe(303);
  const oidcCookie = start.cookies.find((c) => c.name === 'kontakt_oidc')!;
  expect(oidcCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.origin).toBe(op.issuer);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('state')).toBeTruthy();
  expect(authUrl.searchParams.get('nonce')).toBeTruthy();
  const back = await browseUntil(authUrl.href, REDIRECT);
  return { back, cookie: `kontakt_oidc=${oidcCookie.value}`, token: oidcCookie.value };
}

async function callback(app: Harness['app'], back: URL, cookie: string) {
  return app.inject({ method: 'GET', url: `/api/auth/oidc/callback${back.search}`, headers: { cookie } });
}

async function signIn(account: string, next?: string, app = h.app) {
  op.signInAs = account;
  const { back, cookie } = await begin(app, next);
  return callback(app, back, cookie);
}

const sessionOf = (res: Awaited<ReturnType<typeof callback>>) => client(h.app, `kontakt_session=${res.cookies.find((c) => c.name === 'kontakt_session')!.value}`);

async function lastAudit(action: string) {
  const r = (await h.db.execute(sql`select actor_user_id, details from audit_log where action = ${action} order by id desc limit 1`)) as unknown as {
    rows: { actor_user_id: string | null; details: Record<string, unknown> }[];
  };
  return r.rows[0];
}

describe('single sign-on through a real OpenID provider', () => {
  it('tells the login page what it offers', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/sign-in-options' })).json()).toEqual({ oidc: true, localPasswords: true });
    expect((await off.app.inject({ method: 'GET', url: '/api/auth/sign-in-options' })).json()).toEqual({ oidc: true, localPasswords: false });
  });

  it('makes the user on the first sign-in with the mapped role and unit, in the app’s own session, and audits it', async () => {
    const res = await signIn('anna', '/mina-arenden?flik=2');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mina-arenden?flik=2');
    const session = res.cookies.find((c) => c.name === 'kontakt_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = (await sessionOf(res).get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ username: 'anna.andersson@kommun.se', displayName: 'Anna Andersson', role: 'handlaggare', unit: { id: lssId, name: 'SSO LSS-enheten' } });
    const [row] = await h.db.select().from(users).where(eq(users.username, 'anna.andersson@kommun.se'));
    expect(row.oidcSubject).toBe(`${op.issuer} anna`);
    const audit = await lastAudit('auth.oidc_login');
    expect(audit).toMatchObject({ actor_user_id: row.id, details: { created: true, linked: false, role: 'handlaggare', unitId: lssId } });
    // The user of single sign-on has no password to guess.
    const pw = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna.andersson@kommun.se', password: '!oidc' }, remoteAddress: '10.9.0.1' });
    expect(pw.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('updates role and unit from the claims at the next sign-in (the same user, found by subject)', async () => {
    op.accounts.get('anna')!.claims = { name: 'Anna Andersson', preferred_username: 'nytt.namn@kommun.se', groups: ['kontakt-hl', 'kontakt-chef', 'enhet-sol'] };
    const res = await signIn('anna');
    expect(res.headers.location).toBe('/mina-arenden');
    const me = (await sessionOf(res).get('/api/auth/me')).json();
    // The role map's order decides between two groups: kontakt-chef is listed first.
    expect(me.user).toMatchObject({ username: 'anna.andersson@kommun.se', role: 'enhetschef', unit: { name: 'SSO SoL-enheten' } });
    expect((await h.db.select().from(users).where(eq(users.oidcSubject, `${op.issuer} anna`))).length).toBe(1);
    expect((await lastAudit('auth.oidc_login')).details).toMatchObject({ created: false, role: 'enhetschef', changed: ['role', 'unitId'] });
  });

  it('gives a role without a unit no unit', async () => {
    const res = await signIn('lon');
    expect((await sessionOf(res).get('/api/auth/me')).json().user).toMatchObject({ role: 'lon', unit: null });
  });

  it('refuses claims that map to no role, with a Swedish message on the login page, and makes no user', async () => {
    const res = await signIn('utan');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/logga-in?inloggningsfel=OIDC_NO_ROLE');
    expect(res.cookies.find((c) => c.name === 'kontakt_session')).toBeUndefined();
    expect(await h.db.select().from(users).where(eq(users.username, 'utan@kommun.se'))).toEqual([]);
    expect((await lastAudit('auth.oidc_login_failed')).details).toEqual({ reason: 'no_role' });
  });

  it('refuses a unit role whose unit claim maps to no unit', async () => {
    op.accounts.set('ingen-enhet', { claims: { preferred_username: 'ie@kommun.se', groups: ['kontakt-hl', 'enhet-okand'] } });
    expect((await signIn('ingen-enhet')).headers.location).toBe('/logga-in?inloggningsfel=OIDC_NO_UNIT');
  });

  it('refuses an answer whose state is not the one sent', async () => {
    op.signInAs = 'lon';
    const { back, cookie } = await begin(h.app);
    back.searchParams.set('state', 'en-annan-state');
    const res = await callback(h.app, back, cookie);
    expect(res.headers.location).toBe('/logga-in?inloggningsfel=OIDC_FAILED');
    expect(res.cookies.find((c) => c.name === 'kontakt_session')).toBeUndefined();
    expect((await lastAudit('auth.oidc_login_failed')).details).toEqual({ reason: 'checks' });
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    op.signInAs = 'lon';
    const { back, cookie, token } = await begin(h.app);
    await h.db.update(oidcLogins).set({ nonce: 'en-annan-nonce' }).where(eq(oidcLogins.id, hashToken(token)));
    const res = await callback(h.app, back, cookie);
    expect(res.headers.location).toBe('/logga-in?inloggningsfel=OIDC_FAILED');
    expect((await lastAudit('auth.oidc_login_failed')).details).toEqual({ reason: 'checks' });
  });

  it('refuses an answer brought by another browser (no cookie), and the same answer twice', async () => {
    op.signInAs = 'lon';
    const { back, cookie } = await begin(h.app);
    expect((await callback(h.app, back, '')).headers.location).toBe('/logga-in?inloggningsfel=OIDC_FAILED');
    expect((await lastAudit('auth.oidc_login_failed')).details).toEqual({ reason: 'expired' });
    expect((await callback(h.app, back, cookie)).headers.location).toBe('/mina-arenden');
    expect((await callback(h.app, back, cookie)).headers.location).toBe('/logga-in?inloggningsfel=OIDC_FAILED');
    expect((await lastAudit('auth.oidc_login_failed')).details).toEqual({ reason: 'expired' });
  });

  it('returns only to a local path (no open redirect)', async () => {
    // Not a path in Kontakt: refused before the sign-in starts (Swedish 400, nothing stored).
    for (const next of ['https://ond.example/', '//ond.example/x', 'javascript:alert(1)']) {
      const start = await h.app.inject({ method: 'GET', url: `/api/auth/oidc/start?next=${encodeURIComponent(next)}` });
      expect(start.statusCode, next).toBe(400);
      expect(start.json().code).toBe('VALIDATION_FAILED');
    }
    // A path, but not one to return to: back to the start page.
    for (const next of ['/\\ond.example', '/logga-in']) {
      expect((await signIn('lon', next)).headers.location).toBe('/');
    }
  });

  it('refuses a user deactivated in Kontakt', async () => {
    await h.db.update(users).set({ active: false }).where(eq(users.oidcSubject, `${op.issuer} lon`));
    expect((await signIn('lon')).headers.location).toBe('/logga-in?inloggningsfel=OIDC_ACCOUNT_INACTIVE');
    await h.db.update(users).set({ active: true }).where(eq(users.oidcSubject, `${op.issuer} lon`));
  });

  it('links an administrator’s staff account with the same username, never a contact person’s portal account', async () => {
    const local = await buildUser(h.db, { role: 'handlaggare', unitId: lssId, username: 'karl@kommun.se' });
    op.accounts.set('karl', { claims: { preferred_username: 'Karl@kommun.se', groups: ['kontakt-hl', 'enhet-lss'] } });
    const res = await signIn('karl');
    expect((await sessionOf(res).get('/api/auth/me')).json().user.id).toBe(local.id);
    expect((await lastAudit('auth.oidc_login')).details).toMatchObject({ created: false, linked: true });
    // Another subject with the same username is refused.
    op.accounts.set('karl2', { claims: { preferred_username: 'karl@kommun.se', groups: ['kontakt-hl', 'enhet-lss'] } });
    expect((await signIn('karl2')).headers.location).toBe('/logga-in?inloggningsfel=OIDC_USERNAME_TAKEN');
  });
});

describe('local passwords off (LOCAL_PASSWORDS=off)', () => {
  it('refuses the password API to staff with a stable code, and single sign-on still works', async () => {
    const staff = await buildUser(off.db, { role: 'handlaggare' });
    const pw = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.username, password: TEST_PASSWORD }, remoteAddress: '10.9.1.1' });
    expect(pw.statusCode).toBe(403);
    expect(pw.json()).toMatchObject({ code: 'LOCAL_PASSWORDS_OFF', message: 'Personal loggar in med kommunens konto. Inloggning med lösenord finns bara för kontaktpersoner.' });
    expect(pw.cookies.find((c) => c.name === 'kontakt_session')).toBeUndefined();
    // A wrong password tells nothing about the account.
    const wrong = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.username, password: 'fel' }, remoteAddress: '10.9.1.1' });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const res = await signIn('lon', '/', off.app);
    expect(res.cookies.find((c) => c.name === 'kontakt_session')).toBeDefined();
  });

  it('keeps the password for the contact persons’ portal accounts', async () => {
    const cp = (await off.db.execute(
      sql`insert into contact_persons (identity_number, first_name, last_name, source, applied_date) values ('198503141234', 'Kim', 'K', 'staff', '2026-03-01') returning id`,
    )) as unknown as { rows: { id: string }[] };
    const user = { username: 'kp.sso' };
    await off.db.insert(users).values({ username: user.username, displayName: 'Kim K', role: 'kontaktperson', contactPersonId: cp.rows[0].id, passwordHash: await hashPassword(TEST_PASSWORD) });
    const res = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD }, remoteAddress: '10.9.1.2' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('kontaktperson');
  });
});
