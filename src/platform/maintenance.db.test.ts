import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runMaintenance } from './maintenance';
import { buildStaff, login, setupHarness, type Harness } from '../../test/support/harness';

let h: Harness;
beforeAll(async () => {
  h = await setupHarness();
});
afterAll(() => h.close());

const count = async (t: string) => Number(((await h.db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('maintenance', () => {
  it('removes expired sessions and old throttle windows, keeps live ones', async () => {
    const staff = await buildStaff(h);
    await login(h.app, staff.hl.username, undefined, '10.9.0.1');
    h.clock.advance(31 * 60_000);
    const live = await login(h.app, staff.hl2.username, undefined, '10.9.0.2');
    expect(await count('sessions')).toBe(2);
    expect(await count('login_throttle')).toBe(2);
    await runMaintenance(h.database, h.clock, h.config.sessionIdleMinutes);
    expect(await count('sessions')).toBe(1);
    expect(await count('login_throttle')).toBe(1);
    expect((await live.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('removes sign-in failures older than the account window once their lock has ended', async () => {
    const staff = await buildStaff(h);
    const fail = (ip: string) => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.hl.username, password: 'fel' }, remoteAddress: ip });
    for (let i = 0; i < 5; i++) await fail('10.9.1.1'); // locked for 15 minutes
    await fail('10.9.1.2');
    h.clock.advance(61 * 60_000);
    await fail('10.9.1.3');
    expect(await count('login_failures')).toBe(3);
    await runMaintenance(h.database, h.clock, h.config.sessionIdleMinutes);
    expect(await count('login_failures')).toBe(1);
  });
});
