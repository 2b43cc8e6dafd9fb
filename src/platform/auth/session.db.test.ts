// "Who is signed in?" is answered, not refused: the web app's first request must not be a console 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff, client, login, setupHarness, type Harness } from '../../../test/support/harness';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;

beforeAll(async () => {
  h = await setupHarness();
  staff = await buildStaff(h);
});
afterAll(() => h.close());

describe('GET /api/auth/session', () => {
  it('answers 200 { me: null } before sign-in, and with an unknown or ended session', async () => {
    for (const cookie of [undefined, 'kontakt_session=finns-inte']) {
      const res = await h.app.inject({ method: 'GET', url: '/api/auth/session', headers: cookie ? { cookie } : {} });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ me: null });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers the signed-in user, the same as /api/auth/me, and null again after sign-out', async () => {
    const api = await login(h.app, staff.hl.username);
    const session = (await api.get('/api/auth/session')).json();
    expect(session.me.user).toMatchObject({ username: staff.hl.username, role: 'handlaggare' });
    expect(session.me).toEqual((await api.get('/api/auth/me')).json());
    await api.post('/api/auth/logout');
    expect((await client(h.app, api.cookie).get('/api/auth/session')).json()).toEqual({ me: null });
  });

  it('every other protected endpoint still answers 401 without a session', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
  });
});
