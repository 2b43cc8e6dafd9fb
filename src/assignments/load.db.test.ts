// contact_persons.current_load (migration 0014): kept by a trigger on offers in the same transaction — an open offer
// (or the running assignment made from it) takes a place; closing it gives the place back — and never stale when
// two transactions change the same contact person's offers at once (PostgreSQL; PGlite has one connection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type Harness } from '../../test/support/harness';
import { engine } from '../../test/support/db';
import { decisions, legalBases } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { offers } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
});
afterAll(() => h.close());

/** A confirmed order on a new case (earlier stages' rows inserted directly). */
async function confirmedOrder() {
  const api = await login(h.app, staff.hl.username);
  const p = await api.post('/api/persons', personBody(3000 + ++n));
  const c = (await api.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-02' })).json();
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [d] = await h.db
    .insert(decisions)
    .values({ caseId: c.id, state: 'decided', outcome: 'granted', reasons: 'Styrkt.', legalBasisId: lb.id, decisionDate: '2026-03-10', scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1 })
    .returning();
  const [o] = await h.db.insert(orders).values({ decisionId: d.id, caseId: c.id, providerUnitId: staff.lss.id, sentDate: '2026-03-10', confirmedDate: '2026-03-11' }).returning();
  return o;
}

async function contactPerson(capacity = 2) {
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: `19800101${String(1000 + ++n).slice(-4)}`, firstName: 'Kim', lastName: 'Test', source: 'staff', appliedDate: '2026-01-01', approvedDate: '2026-02-01', capacity })
    .returning();
  return cp;
}

const loadOf = async (id: string) => (await h.db.select({ l: contactPersons.currentLoad }).from(contactPersons).where(eq(contactPersons.id, id)))[0].l;

function offerRow(o: typeof orders.$inferSelect, cpId: string) {
  return { orderId: o.id, decisionId: o.decisionId, caseId: o.caseId, providerUnitId: o.providerUnitId, contactPersonId: cpId, offeredDate: '2026-03-12' };
}

describe('current_load', () => {
  it('counts open offers, and gives the place back when one closes or moves', async () => {
    const cp = await contactPerson();
    const other = await contactPerson();
    const [o1, o2] = [await confirmedOrder(), await confirmedOrder()];
    const [f1] = await h.db.insert(offers).values(offerRow(o1, cp.id)).returning();
    await h.db.insert(offers).values(offerRow(o2, cp.id));
    expect(await loadOf(cp.id)).toBe(2);
    await h.db.update(offers).set({ closedDate: '2026-03-13', closedReason: 'declined', response: 'declined', responseDate: '2026-03-13' }).where(eq(offers.id, f1.id));
    expect(await loadOf(cp.id)).toBe(1);
    await h.db.update(offers).set({ contactPersonId: other.id }).where(eq(offers.orderId, o2.id));
    expect([await loadOf(cp.id), await loadOf(other.id)]).toEqual([0, 1]);
    await h.db.delete(offers).where(eq(offers.orderId, o2.id));
    expect(await loadOf(other.id)).toBe(0);
  });

  it.skipIf(engine !== 'postgres')('is not stale when two transactions close offers of the same contact person at once', async () => {
    const cp = await contactPerson(3);
    const os = [await confirmedOrder(), await confirmedOrder()];
    const rows = await h.db.insert(offers).values(os.map((o) => offerRow(o, cp.id))).returning();
    expect(await loadOf(cp.id)).toBe(2);
    // Both transactions hold their offer's row, then close it: the second waits for the first's lock on the contact
    // person and must count after it commits.
    await Promise.all(
      rows.map((r) =>
        h.db.transaction(async (tx) => {
          await tx.execute(sql`select 1 from offers where id = ${r.id} for update`);
          await tx.execute(sql`select pg_sleep(0.05)`);
          await tx.update(offers).set({ closedDate: '2026-03-13', closedReason: 'withdrawn' }).where(eq(offers.id, r.id));
        }),
      ),
    );
    expect(await loadOf(cp.id)).toBe(0);
  });
});
