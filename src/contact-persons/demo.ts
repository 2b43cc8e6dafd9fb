// Demo step of the register: districts and a handful of contact persons in every state, through the same use
// cases the coordinator uses (the applications are inserted as if they came from the public form).
import type { DemoContext } from '../platform/areas';
import { addDays, addMonths } from '../platform/calendar';
import { addReference, approveContactPerson, bookInterview, endContactPerson, pauseContactPerson, recordRegisterCheck, recordStep } from './pipeline';
import { contactPersons, cpDistricts } from './tables';
import type { CpOut } from './schema';

/** Valid-checksum fictitious personnummer for demo contact persons (born 1970–1995). */
function demoNumber(n: number): string {
  const nine = `${String(70 + ((n * 7) % 26)).padStart(2, '0')}0${(n % 9) + 1}1${n % 10}${String(800 + n).slice(-3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `19${nine}${(10 - (sum % 10)) % 10}`;
}

export async function seedContactPersonDemo(demo: DemoContext): Promise<void> {
  const ks = demo.as('kontaktsekreterare');
  const today = demo.clock.today();
  const districts = await demo.db
    .insert(cpDistricts)
    .values(['Centrum', 'Norra', 'Södra', 'Landsbygden'].map((name) => ({ name })))
    .onConflictDoNothing()
    .returning();
  const district = (name: string) => districts.find((d) => d.name === name)?.id ?? null;
  const people: Array<{ first: string; last: string; district: string; interests: string[]; languages: string[]; availability: string[]; capacity: number; applied: number }> = [
    { first: 'Ahmed', last: 'Demosson', district: 'Centrum', interests: ['idrott', 'spel'], languages: ['svenska', 'arabiska'], availability: ['weekday_evening', 'weekend'], capacity: 2, applied: 3 },
    { first: 'Birgitta', last: 'Demoström', district: 'Norra', interests: ['hantverk', 'fika'], languages: ['svenska'], availability: ['weekday_day'], capacity: 1, applied: 40 },
    { first: 'Cecilia', last: 'Demoberg', district: 'Södra', interests: ['musik', 'kultur'], languages: ['svenska', 'engelska'], availability: ['weekend'], capacity: 2, applied: 200 },
    { first: 'David', last: 'Demolund', district: 'Landsbygden', interests: ['friluftsliv', 'djur'], languages: ['svenska', 'finska'], availability: ['weekday_evening'], capacity: 1, applied: 400 },
    { first: 'Elsa', last: 'Demokvist', district: 'Centrum', interests: ['matlagning'], languages: ['svenska', 'persiska'], availability: ['weekend'], capacity: 3, applied: 320 },
    { first: 'Fredrik', last: 'Demodal', district: 'Norra', interests: ['idrott'], languages: ['svenska'], availability: ['weekday_evening'], capacity: 1, applied: 60 },
    // 6, 7: approved with free places, so the candidates and the proposal have someone to show.
    { first: 'Gustav', last: 'Demogren', district: 'Centrum', interests: ['fika', 'idrott', 'friluftsliv'], languages: ['svenska', 'arabiska'], availability: ['weekday_evening', 'weekend'], capacity: 2, applied: 150 },
    { first: 'Hanna', last: 'Demolin', district: 'Södra', interests: ['musik', 'fika', 'kultur'], languages: ['svenska'], availability: ['weekday_day', 'weekend'], capacity: 1, applied: 130 },
    // 8: withdrew more than six months ago, so the gallring has something to remove.
    { first: 'Ivar', last: 'Demoholm', district: 'Landsbygden', interests: ['djur'], languages: ['svenska'], availability: ['weekend'], capacity: 1, applied: 300 },
  ];
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const [row] = await demo.db
      .insert(contactPersons)
      .values({
        identityNumber: demoNumber(i + 1),
        firstName: p.first,
        lastName: p.last,
        email: `${p.first.toLowerCase()}@exempel.se`,
        phone: '070-000 00 00',
        city: 'Demoby',
        districtId: district(p.district),
        motivation: 'Jag vill göra något meningsfullt på min fritid. (demo)',
        interests: p.interests,
        languages: p.languages,
        availability: p.availability,
        travel: ['public_transport'],
        capacity: p.capacity,
        source: 'public',
        appliedDate: addDays(today, -p.applied),
        privacyAcceptedAt: demo.clock.now(),
      })
      .returning({ id: contactPersons.id });
    ids.push(row.id);
  }
  const v = (cp: CpOut) => cp.version;
  // 0: a new application (sökande) — untouched. 1: under utredning: interview booked.
  await bookInterview(ks, ids[1], { version: 1, date: addDays(today, 5), time: '13:00', location: 'Kommunhuset' });
  // 2, 3, 4, 6, 7: approved; 3's extract runs out within a month; 4 is paused until a date.
  for (const [n, extractMonthsAgo] of [
    [2, 1],
    [3, 5],
    [4, 2],
    [6, 1],
    [7, 2],
  ] as const) {
    const start = addDays(today, -100);
    let cp = await recordStep(ks, ids[n], 'interview', { version: 1, outcome: 'done', date: start, notes: 'Trygg och engagerad. (demo)' });
    cp = await addReference(ks, ids[n], { version: v(cp), name: 'Referens Ett (demo)', relation: 'Tidigare chef', phone: null, contactedDate: addDays(start, 2), outcome: 'positive', notes: null });
    cp = await addReference(ks, ids[n], { version: v(cp), name: 'Referens Två (demo)', relation: 'Föreningsledare', phone: null, contactedDate: addDays(start, 3), outcome: 'positive', notes: null });
    const extract = addDays(addMonths(today, -extractMonthsAgo), n === 3 ? -10 : 0);
    cp = await recordRegisterCheck(ks, ids[n], { version: v(cp), shownDate: [addDays(extract, 3), today].sort()[0], extractDate: extract, registers: ['belastningsregistret', 'misstankeregistret'], law: '2010:479' });
    cp = await recordStep(ks, ids[n], 'pledge', { version: v(cp), outcome: 'done', date: addDays(start, 10), notes: null });
    cp = await recordStep(ks, ids[n], 'introduction', { version: v(cp), outcome: 'done', date: addDays(start, 12), notes: null });
    cp = await approveContactPerson(ks, ids[n], { version: v(cp), date: addDays(start, 14) });
    if (n === 4) await pauseContactPerson(ks, ids[n], { version: v(cp), fromDate: addDays(today, -10), untilDate: addDays(today, 60), reason: 'Föräldraledig (demo)' });
  }
  // 5: declined after the interview.
  const declined = await recordStep(ks, ids[5], 'interview', { version: 1, outcome: 'failed', date: addDays(today, -50), notes: null });
  await endContactPerson(ks, ids[5], { version: v(declined), date: addDays(today, -45), reason: 'declined', note: 'Kunde inte åta sig uppdrag på kvällstid. (demo)' });
  // 8: withdrew after the interview, 220 days ago (due for gallring after the default six months).
  const withdrew = await recordStep(ks, ids[8], 'interview', { version: 1, outcome: 'done', date: addDays(today, -250), notes: null });
  await endContactPerson(ks, ids[8], { version: v(withdrew), date: addDays(today, -220), reason: 'withdrawn', note: null });
}
