// The demo shows both sides of skyddad identitet: who holds the permission sees the protected
// person's address, the others do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { login, setupHarness, type Harness } from '../../test/support/harness';
import { DEMO_ACCOUNTS, DEMO_CONTACT_PERSON, DEMO_PASSWORD } from './demo-data';
import { seedDemo } from './seed-demo';

let h: Harness;
beforeAll(async () => {
  h = await setupHarness();
  await seedDemo(h.db, h.clock, h.config);
});
afterAll(() => h.close());

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
}

describe('demo seed: skyddad identitet', () => {
  it('grants the LSS handläggare and the LSS enhetschef, and only them', async () => {
    const grants = await rows<{ username: string; unit: string; granted_by: string }>(
      sql`select u.username, n.name as unit, a.username as granted_by from protected_identity_grants g
          join users u on u.id = g.user_id join units n on n.id = g.unit_id join users a on a.id = g.granted_by order by u.username`,
    );
    expect(grants).toEqual([
      { username: 'enhetschef', unit: 'LSS-enheten', granted_by: 'admin' },
      { username: 'handlaggare.lss', unit: 'LSS-enheten', granted_by: 'admin' },
    ]);
  });

  it('shows the protected person’s address and god man to them, not to the SoL handläggare or the kontaktsekreterare', async () => {
    const [p] = await rows<{ id: string }>(sql`select id from persons where protected_identity`);
    for (const username of ['handlaggare.lss', 'enhetschef']) {
      const r = (await (await login(h.app, username, DEMO_PASSWORD)).get(`/api/persons/${p.id}`)).json();
      expect(r.contactHidden, username).toBe(false);
      expect(r.representatives[0]).toMatchObject({ name: 'God man (demo)', phone: '070-000 00 01' });
    }
    for (const username of ['handlaggare.sol', 'kontaktsekreterare']) {
      const r = (await (await login(h.app, username, DEMO_PASSWORD)).get(`/api/persons/${p.id}`)).json();
      expect(r, username).toMatchObject({ contact: null, contactHidden: true, representatives: [{ name: 'God man (demo)', phone: null }] });
    }
  });
});

describe('demo seed: the contact persons’ portal', () => {
  it('the executed assignment’s contact person signs in as "kontaktperson" and sees that assignment', async () => {
    const kp = await login(h.app, DEMO_CONTACT_PERSON.username, DEMO_PASSWORD);
    const me = (await kp.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ role: 'kontaktperson', displayName: DEMO_CONTACT_PERSON.displayName });
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toContain(DEMO_CONTACT_PERSON.username);
    const start = (await kp.get('/api/portal/start')).json();
    expect(start.assignments).toHaveLength(1);
    const page = (await kp.get(`/api/portal/assignments/${start.assignments[0].id}`)).json();
    expect(page.frequencyText).toBe('En eftermiddag i veckan');
  });
});
