// Demo step of execution, so a newcomer sees the flow: in the kontaktsekreterare's unit, the first order gets an
// offer the person accepted and a booked matchningsmöte; the second goes all the way — accepted, matchningsmöte, go
// ahead, uppdragsavtal, signatures, förordnande, verkställt. Everything but the offer itself goes through the same
// use cases staff use (the offer is inserted with insertOffer, which takes the contact person's place).
import { and, asc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { addDays } from '../platform/calendar';
import { users } from '../platform/tables';
import { decisions } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
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

export async function seedAssignmentsDemo(demo: DemoContext): Promise<void> {
  const today = demo.clock.today();
  const [ksUser] = await demo.db.select({ id: users.id, unitId: users.unitId }).from(users).where(and(eq(users.username, 'kontaktsekreterare'), eq(users.active, true)));
  if (!ksUser?.unitId) return;
  const ks = demo.as('kontaktsekreterare');
  const list = await demo.db
    .select({ o: orders, d: decisions })
    .from(orders)
    .innerJoin(decisions, eq(decisions.id, orders.decisionId))
    .where(eq(orders.providerUnitId, ksUser.unitId))
    .orderBy(asc(orders.sentDate), asc(orders.createdAt));
  const free = await demo.db
    .select({ id: contactPersons.id })
    .from(contactPersons)
    .where(and(isNotNull(contactPersons.approvedDate), isNull(contactPersons.endedDate), lt(contactPersons.currentLoad, contactPersons.capacity)))
    .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName));
  if (list.length === 0 || free.length === 0) return;

  // 1. An offer the person accepted, with a matchningsmöte next week.
  const first = list[0];
  const f1 = await demo.db.transaction((tx) => insertOffer(tx, { orderId: first.o.id, contactPersonId: free[0].id, offeredDate: addDays(today, -3), createdBy: ksUser.id }));
  let page = await answerOffer(ks, f1.id, { version: f1.version, response: 'accepted', responseDate: addDays(today, -1), note: 'Personen vill gärna träffas.' });
  const v1 = page.offers.find((x) => x.id === f1.id)!.version;
  await bookMeeting(ks, f1.id, { version: v1, date: addDays(today, 6), time: '14:00', place: 'Träffpunkten, Storgatan 1', participants: 'Personen, kontaktpersonen och kontaktsekreteraren', cancelReason: null });

  // 2. An executed assignment.
  const second = list[1];
  if (!second || free.length < 2) return;
  const periodFrom = second.d.startDate && second.d.startDate > addDays(today, -14) ? second.d.startDate : addDays(today, -14);
  if (periodFrom > today) return; // the decision starts later: it cannot be executed yet
  const f2 = await demo.db.transaction((tx) => insertOffer(tx, { orderId: second.o.id, contactPersonId: free[1].id, offeredDate: addDays(today, -20), createdBy: ksUser.id }));
  const versionOf = (p: typeof page) => p.offers.find((x) => x.id === f2.id)!.version;
  page = await answerOffer(ks, f2.id, { version: f2.version, response: 'accepted', responseDate: addDays(today, -18), note: null });
  page = await bookMeeting(ks, f2.id, { version: versionOf(page), date: addDays(today, -15), time: '10:00', place: 'Kontaktpersonsenheten', participants: null, cancelReason: null });
  page = await recordMeetingOutcome(ks, f2.id, { version: versionOf(page), outcome: 'go_ahead', outcomeDate: addDays(today, -15), note: 'Det klickade direkt.' });
  const levels = await levelsOfYear(demo.db, Number(periodFrom.slice(0, 4)));
  const level = levels.find((l) => l.code === second.d.level) ?? levels[0];
  if (!level) return;
  page = await createAssignment(ks, f2.id, {
    version: versionOf(page),
    rateLevel: level.code,
    meetingsPerMonth: 4,
    frequencyText: 'En eftermiddag i veckan',
    activities: 'Promenader, fika och matcher i idrottshallen.',
    periodFrom,
    periodTo: second.d.endDate,
    agreementDate: addDays(today, -14),
  });
  const assignmentId = page.offers.find((x) => x.id === f2.id)!.assignment!.id;
  const signedOn = addDays(today, -12);
  let a = await signAgreement(ks, assignmentId, { version: (await getAssignment(ks, assignmentId)).version, personSignedDate: signedOn, contactPersonSignedDate: signedOn });
  a = await appointContactPerson(ks, assignmentId, { version: a.version, appointedDate: signedOn });
  await startAssignment(ks, assignmentId, { version: a.version, startDate: periodFrom > signedOn ? periodFrom : signedOn });
}
