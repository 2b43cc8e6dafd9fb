// Demo step of execution, so a newcomer sees the flow: in the kontaktsekreterare's unit, the confirmed order gets an
// offer the person accepted with a booked matchningsmöte and a second offer waiting for an answer (the e2e journey
// starts there); a further confirmed order, when the earlier steps leave one, goes all the way — accepted,
// matchningsmöte, go ahead, uppdragsavtal, signatures, förordnande, verkställt. Everything but the offer itself goes through the same
// use cases staff use (the offer is inserted with insertOffer, which takes the contact person's place).
import { and, asc, desc, eq, isNotNull, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { addDays } from '../platform/calendar';
import { users } from '../platform/tables';
import { decisions } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons, cpPauses } from '../contact-persons/tables';
import { levelsOfYear } from '../payments/repo';
import { answerOffer } from './answer-offer';
import { appointContactPerson } from './appoint-contact-person';
import { bookMeeting } from './book-meeting';
import { createAssignment } from './create-assignment';
import { recordMeetingOutcome } from './record-meeting-outcome';
import { insertOffer } from './repo';
import { signAgreement } from './sign-agreement';
import { startAssignment } from './start-assignment';
import { getAssignment } from './get-assignment';
import { sendPayrollNotice } from './payroll-notice';
import type { OrderOffersOut } from './schema';
import { offers } from './tables';

export async function seedAssignmentsDemo(demo: DemoContext): Promise<void> {
  const today = demo.clock.today();
  const [ksUser] = await demo.db.select({ id: users.id, unitId: users.unitId }).from(users).where(and(eq(users.username, 'kontaktsekreterare'), eq(users.active, true)));
  if (!ksUser?.unitId) return;
  const ks = demo.as('kontaktsekreterare');
  // Only confirmed orders are matched (the open ones stay as they are in the inbox), newest first.
  const list = await demo.db
    .select({ o: orders, d: decisions })
    .from(orders)
    .innerJoin(decisions, eq(decisions.id, orders.decisionId))
    .where(and(eq(orders.providerUnitId, ksUser.unitId), isNotNull(orders.confirmedDate)))
    .orderBy(desc(orders.confirmedDate), desc(orders.createdAt));
  /** An approved contact person with a free place, not paused today, not already offered for the order. */
  const freeFor = async (orderId: string) => {
    const [row] = await demo.db
      .select({ id: contactPersons.id })
      .from(contactPersons)
      .where(
        and(
          isNotNull(contactPersons.approvedDate),
          isNull(contactPersons.endedDate),
          lt(contactPersons.currentLoad, contactPersons.capacity),
          notExists(
            demo.db
              .select({ one: sql`1` })
              .from(cpPauses)
              .where(and(eq(cpPauses.contactPersonId, contactPersons.id), lte(cpPauses.fromDate, today), sql`(${cpPauses.untilDate} is null or ${cpPauses.untilDate} >= ${today})`)),
          ),
          notExists(demo.db.select({ one: sql`1` }).from(offers).where(and(eq(offers.orderId, orderId), eq(offers.contactPersonId, contactPersons.id)))),
        ),
      )
      .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName))
      .limit(1);
    return row?.id ?? null;
  };
  const offerFor = async (orderId: string, offeredDate: string) => {
    const cp = await freeFor(orderId);
    return cp ? demo.db.transaction((tx) => insertOffer(tx, { orderId, contactPersonId: cp, offeredDate, createdBy: ksUser.id })) : null;
  };

  // 1. An offer the person accepted, with a matchningsmöte next week.
  const first = list[0];
  if (!first) return;
  const f1 = await offerFor(first.o.id, addDays(today, -3));
  if (!f1) return;
  const p1 = await answerOffer(ks, f1.id, { version: f1.version, response: 'accepted', responseDate: addDays(today, -1), note: 'Personen vill gärna träffas.' });
  await bookMeeting(ks, f1.id, {
    version: p1.offers.find((x) => x.id === f1.id)!.version,
    date: addDays(today, 6),
    time: '14:00',
    place: 'Träffpunkten, Storgatan 1',
    participants: 'Personen, kontaktpersonen och kontaktsekreteraren',
    cancelReason: null,
  });

  // 2. On the same order, a second offer waiting for the person's answer (the person may choose, or say no).
  await offerFor(first.o.id, addDays(today, -2));

  // 3. An executed assignment, sent to payroll, on the next confirmed order (the orders demo confirms two).
  const second = list[1];
  if (second) await executedDemo(demo, ks, second, offerFor, today);
}

async function executedDemo(
  demo: DemoContext,
  ks: ReturnType<DemoContext['as']>,
  order: { o: typeof orders.$inferSelect; d: typeof decisions.$inferSelect },
  offerFor: (orderId: string, offeredDate: string) => Promise<{ id: string; version: number } | null>,
  today: string,
): Promise<void> {
  const periodFrom = order.d.startDate && order.d.startDate > addDays(today, -14) ? order.d.startDate : addDays(today, -14);
  if (periodFrom > today) return; // the decision starts later: it cannot be executed yet
  const levels = await levelsOfYear(demo.db, Number(periodFrom.slice(0, 4)));
  const level = levels.find((l) => l.code === order.d.level) ?? levels[0];
  const f = level ? await offerFor(order.o.id, addDays(today, -20)) : null;
  if (!f || !level) return;
  const versionOf = (p: OrderOffersOut) => p.offers.find((x) => x.id === f.id)!.version;
  let page = await answerOffer(ks, f.id, { version: f.version, response: 'accepted', responseDate: addDays(today, -18), note: null });
  page = await bookMeeting(ks, f.id, { version: versionOf(page), date: addDays(today, -15), time: '10:00', place: 'Kontaktpersonsenheten', participants: null, cancelReason: null });
  page = await recordMeetingOutcome(ks, f.id, { version: versionOf(page), outcome: 'go_ahead', outcomeDate: addDays(today, -15), note: 'Det klickade direkt.' });
  page = await createAssignment(ks, f.id, {
    version: versionOf(page),
    rateLevel: level.code,
    meetingsPerMonth: 4,
    frequencyText: 'En eftermiddag i veckan',
    activities: 'Promenader, fika och matcher i idrottshallen.',
    periodFrom,
    periodTo: order.d.endDate,
    agreementDate: addDays(today, -14),
  });
  const id = page.offers.find((x) => x.id === f.id)!.assignment!.id;
  const signedOn = addDays(today, -12);
  let a = await signAgreement(ks, id, { version: (await getAssignment(ks, id)).version, personSignedDate: signedOn, contactPersonSignedDate: signedOn });
  a = await appointContactPerson(ks, id, { version: a.version, appointedDate: signedOn });
  a = await startAssignment(ks, id, { version: a.version, startDate: [periodFrom, signedOn].sort()[1] });
  // The anställningsuppgifter to payroll, so the lön role's list has one.
  await sendPayrollNotice(ks, id, { version: a.version, sentDate: today });
}
