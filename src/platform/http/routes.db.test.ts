import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from './app';
import { buildApp, buildStaff, login, setupHarness, type Harness } from '../../../test/support/harness';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;

beforeAll(async () => {
  h = await setupHarness();
  staff = await buildStaff(h);
});
afterAll(() => h.close());

describe('route table', () => {
  it('every /api route declares its access; only sign-in (password and single sign-on), health, docs, the contact-person application and the portal password link are public', () => {
    const api = routeTable(h.app).filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) expect(r.access, `${r.method} ${r.url}`).not.toBe('UNDECLARED');
    const publicRoutes = api.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    expect(publicRoutes).toEqual([
      'GET /api/auth/demo-accounts',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/start',
      'GET /api/auth/session',
      'GET /api/auth/sign-in-options',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/public/contact-person-application',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/public/contact-person-application',
      'POST /api/public/portal/password',
    ]);
  });

  it('refuses to build an app with a route that declares no access', async () => {
    const app = await buildApp({ db: h.db, config: h.config, clock: h.clock, logger: false });
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });

  it('every protected route answers 401 without a session', async () => {
    const routes = routeTable(h.app).filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.access !== 'public' && r.method !== 'HEAD');
    for (const r of routes) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await h.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('errors are Swedish { code, message } whoever raises them', () => {
  const swedish = (body: { code: string; message: string }) => {
    expect(typeof body.code).toBe('string');
    expect(body.message).toMatch(/[åäöÅÄÖ]|Begäran|Adressen|Kontrollera/);
  };

  it.each([
    ['malformed URL', { method: 'GET', url: '/api/persons/%' }, 400],
    ['over-long parameter', { method: 'GET', url: `/api/persons/${'a'.repeat(500)}` }, 400],
    ['unknown API route', { method: 'GET', url: '/api/finns-inte' }, 404],
  ] as const)('%s', async (_n, req, status) => {
    const res = await h.app.inject(req);
    expect(res.statusCode).toBe(status);
    swedish(res.json());
  });

  it('invalid JSON, wrong media type and too large bodies', async () => {
    const api = await login(h.app, staff.hl.username);
    const invalid = await h.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: api.cookie, 'content-type': 'application/json' }, payload: '{inte json' });
    expect(invalid.statusCode).toBe(400);
    swedish(invalid.json());
    const media = await h.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: api.cookie, 'content-type': 'text/plain' }, payload: 'hej' });
    expect(media.statusCode).toBe(415);
    swedish(media.json());
    const big = await h.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: api.cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'a'.repeat(1_100_000) }) });
    expect(big.statusCode).toBe(413);
    swedish(big.json());
  });

  it('a state-changing request from another site is refused before it is read (Sec-Fetch-Site, or Origin from older browsers)', async () => {
    const api = await login(h.app, staff.hl.username);
    const body = { firstName: 'Tvärs', lastName: 'Webbplats' };
    const from = (headers: Record<string, string>) =>
      h.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: api.cookie, 'content-type': 'application/json', host: 'kontakt.kommun.se', ...headers }, payload: body });
    const refused: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://ond.example' }, { origin: 'null' }, { origin: 'inte en adress' }];
    for (const headers of refused) {
      const res = await from(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('CROSS_SITE_REQUEST');
      swedish(res.json());
    }
    // The same site's page, a typed address and programs without the headers pass the check (and then validation).
    const passed: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, { origin: 'https://kontakt.kommun.se' }, {}];
    for (const headers of passed) {
      expect((await from(headers)).json().code, JSON.stringify(headers)).not.toBe('CROSS_SITE_REQUEST');
    }
    // Reading is not a forgery risk: a cross-site GET gets its ordinary answer.
    const read = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: api.cookie, 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['permissions-policy']).toMatch(/camera=\(\)/);
  });

  it('serves the OpenAPI 3.1 document and the browsable docs', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/persons', '/api/cases/{id}/acknowledge', '/api/audit/search']));
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });

  it('answers health only when the database answers', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });
});
