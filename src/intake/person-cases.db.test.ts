// A person's cases come from intake (GET /api/persons/:id/cases), not from the person read: only the cases in the
// reader's case scope, newest first, each one logged as listed; an unknown person is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let hs: ApiClient;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  hs = await login(h.app, staff.hs.username);
});
afterAll(() => h.close());

async function auditFor(res: LightMyRequestResponse) {
  const id = String(res.headers['x-request-id']);
  const r = (await h.db.execute(
    sql`select action, actor_user_id, entity_type, entity_id, person_id from audit_log where request_id = ${id} order by id`,
  )) as unknown as { rows: Record<string, string>[] };
  return r.rows;
}

async function register(api: ApiClient, personId: string, route: 'LSS' | 'SOL', receivedDate: string) {
  const r = await api.post('/api/cases', { personId, route, requester: 'person', channel: 'phone', receivedDate });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('GET /api/persons/:id/cases', () => {
  it('lists the cases in the reader’s scope, newest first, and logs one row per case listed', async () => {
    const p = (await hl.post('/api/persons', personBody(7001))).json();
    const older = await register(hl, p.id, 'LSS', '2026-03-10');
    const newer = await register(hl, p.id, 'LSS', '2026-03-12');
    const sol = await register(hs, p.id, 'SOL', '2026-03-11');

    const r = await hl.get(`/api/persons/${p.id}/cases`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toEqual([
      { id: newer.id, caseNumber: newer.caseNumber, route: 'LSS', receivedDate: '2026-03-12', status: newer.status, statusLabel: newer.statusLabel },
      { id: older.id, caseNumber: older.caseNumber, route: 'LSS', receivedDate: '2026-03-10', status: older.status, statusLabel: older.statusLabel },
    ]);
    expect(await auditFor(r)).toEqual([
      { action: 'case.list', actor_user_id: staff.hl.id, entity_type: 'case', entity_id: newer.id, person_id: p.id },
      { action: 'case.list', actor_user_id: staff.hl.id, entity_type: 'case', entity_id: older.id, person_id: p.id },
    ]);

    // The SoL handläggare sees the SoL case only; the person read itself carries no cases any more.
    expect((await hs.get(`/api/persons/${p.id}/cases`)).json().items.map((c: { id: string }) => c.id)).toEqual([sol.id]);
    expect((await hl.get(`/api/persons/${p.id}`)).json()).not.toHaveProperty('cases');
  });

  it('shows no case (and logs none) to a reader of persons without case scope', async () => {
    const p = (await hl.post('/api/persons', personBody(7002))).json();
    await register(hl, p.id, 'LSS', '2026-03-12');
    const ks = await login(h.app, staff.ks.username);
    const r = await ks.get(`/api/persons/${p.id}/cases`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toEqual([]);
    expect(await auditFor(r)).toEqual([]);
  });

  it('answers 404 for an unknown person, 403 without person:read and 401 without a session, and logs nothing', async () => {
    const unknown = await hl.get('/api/persons/00000000-0000-4000-8000-000000000000/cases');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
    expect(await auditFor(unknown)).toEqual([]);

    const p = (await hl.post('/api/persons', personBody(7003))).json();
    const revisor = await login(h.app, staff.revisor.username);
    const refused = await revisor.get(`/api/persons/${p.id}/cases`);
    expect(refused.statusCode).toBe(403);
    expect(await auditFor(refused)).toEqual([]);
    expect((await h.app.inject({ method: 'GET', url: `/api/persons/${p.id}/cases` })).statusCode).toBe(401);
  });
});
