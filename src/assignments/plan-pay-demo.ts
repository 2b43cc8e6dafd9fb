// Demo step of the plan-and-pay part of assignments. DEMO DATA ONLY: the matching and agreement use cases belong to
// another part of this stage, so for the demo (and the end-to-end test of the payroll list) one assignment is
// inserted directly, in one transaction: the first confirmed order without offers gets an accepted offer of the first
// approved contact person with a free place, an assignment on level niva1 that started two weeks ago, and its
// anställningsuppgifter sent to payroll today. With no such order or contact person it does nothing.
import { and, asc, eq, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { addDays } from '../platform/calendar';
import { users } from '../platform/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments, offers } from './tables';

export async function seedPlanAndPayDemo(demo: DemoContext): Promise<void> {
  const today = demo.clock.today();
  await demo.db.transaction(async (tx) => {
    const [o] = await tx
      .select()
      .from(orders)
      .where(and(isNotNull(orders.confirmedDate), notExists(tx.select({ one: sql`1` }).from(offers).where(eq(offers.orderId, orders.id)))))
      .orderBy(asc(orders.sentDate))
      .limit(1);
    if (!o) return;
    const [cp] = await tx
      .select({ id: contactPersons.id })
      .from(contactPersons)
      .where(and(isNotNull(contactPersons.approvedDate), isNull(contactPersons.endedDate), lt(contactPersons.currentLoad, contactPersons.capacity)))
      .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName))
      .limit(1);
    if (!cp) return;
    const [ks] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'kontaktsekreterare'));
    // Two weeks ago, or the day the order was sent if that is later.
    const start = [addDays(today, -14), o.sentDate].sort()[1];
    const [offer] = await tx
      .insert(offers)
      .values({
        orderId: o.id,
        decisionId: o.decisionId,
        caseId: o.caseId,
        providerUnitId: o.providerUnitId,
        contactPersonId: cp.id,
        offeredDate: start,
        response: 'accepted',
        responseDate: start,
        createdBy: ks?.id ?? null,
      })
      .returning();
    await tx.insert(assignments).values({
      offerId: offer.id,
      orderId: o.id,
      decisionId: o.decisionId,
      caseId: o.caseId,
      providerUnitId: o.providerUnitId,
      contactPersonId: cp.id,
      rateLevel: 'niva1',
      meetingsPerMonth: 4,
      frequencyText: 'En gång i veckan',
      activities: 'Promenader, fika och att gå på bio.',
      periodFrom: start,
      agreementDate: start,
      personSignedDate: start,
      contactPersonSignedDate: start,
      appointedDate: start,
      startDate: start,
      payrollNoticeDate: today,
      createdBy: ks?.id ?? null,
    });
  });
}
