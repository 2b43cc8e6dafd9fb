// Demo step of the investigation: two of intake's demo cases get a booking and a partly written investigation,
// one of them rebooked (so the history shows), through the same use cases staff use.
import { and, eq } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { addWorkingDays } from '../platform/calendar';
import { cases } from '../intake/tables';
import { bookInvestigation } from './book-investigation';
import { rebookInvestigation } from './change-booking';
import { saveInvestigation } from './save-investigation';
import { investigationBody } from './schema';

export async function seedInvestigationDemo(demo: DemoContext): Promise<void> {
  const lss = demo.as('handlaggare.lss');
  const today = demo.clock.today();
  const caseOf = async (key: string) => {
    const person = demo.persons.get(key);
    if (!person) return null;
    const [c] = await demo.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.personId, person.id), eq(cases.route, 'LSS')));
    return c?.id ?? null;
  };

  // p1: acknowledged by letter (not known): an office visit, and the first notes.
  const c1 = await caseOf('p1');
  if (c1) {
    const booked = await bookInvestigation(lss, c1, {
      kind: 'office',
      date: addWorkingDays(today, 3),
      time: '10:00',
      durationMinutes: 60,
      place: 'LSS-enheten, Storgatan 1, Demoby, rum 3',
      personTakesPart: true,
      representative: null,
      interpreterLanguage: null,
      otherParticipants: null,
    });
    await saveInvestigation(
      lss,
      c1,
      investigationBody.parse({
        version: booked.version,
        needInOwnWords: 'Jag vill ha någon att gå på bio och fika med. Jag är mest hemma.',
        otherSources: { relatives: { answer: 'partly', note: 'Mamma hälsar på varannan helg.' }, school: { answer: 'no' } },
        livingSituation: 'own_home',
        wishedGender: 'any',
        wishedInterests: ['Bio', 'Fika'],
      }),
    );
  }

  // p3: acknowledged by phone (known): a phone meeting, rebooked once; lives in a gruppbostad (a warning with a reason).
  const c3 = await caseOf('p3');
  if (c3) {
    const first = await bookInvestigation(lss, c3, {
      kind: 'phone',
      date: addWorkingDays(today, 2),
      time: '14:00',
      durationMinutes: 30,
      place: null,
      personTakesPart: true,
      representative: 'God man (demo)',
      interpreterLanguage: null,
      otherParticipants: null,
    });
    const b = first.bookings.find((x) => x.state === 'booked')!;
    const rebooked = await rebookInvestigation(lss, c3, b.id, {
      version: b.version,
      kind: 'home',
      date: addWorkingDays(today, 5),
      time: '13:00',
      durationMinutes: 60,
      place: null,
      personTakesPart: true,
      representative: 'God man (demo)',
      interpreterLanguage: 'Arabiska',
      otherParticipants: null,
      changeReason: 'Gode mannen bad om hembesök i stället.',
    });
    await saveInvestigation(
      lss,
      c3,
      investigationBody.parse({
        version: rebooked.version,
        livingSituation: 'group_home',
        residenceName: 'Gruppbostaden Linden',
        personkretsGroup: 1,
        personkretsDocumentation: 'Läkarintyg från habiliteringen.',
        personkretsDocumentationDate: today,
        warningReasons: { lss_residence: 'Personalen på gruppbostaden hinner inte följa med på fritidsaktiviteter utanför boendet.' },
        wishedGender: 'woman',
        wishedGenderRequired: true,
        wishedAgeMin: 25,
        wishedAgeMax: 45,
        wishedLanguages: ['Arabiska', 'Svenska'],
      }),
    );
  }
}
