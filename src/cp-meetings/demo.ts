// Demo step: the kontaktsekreterare has planned next month's kontaktpersonsträff (the demo's running assignment's
// contact person is invited), through the same use case staff use.
import { addDays } from '../platform/calendar';
import type { DemoContext } from '../platform/areas';
import { scheduleMeeting } from './schedule-meeting';

export async function seedCpMeetingsDemo(demo: DemoContext): Promise<void> {
  await scheduleMeeting(demo.as('kontaktsekreterare'), {
    date: addDays(demo.clock.today(), 21),
    time: '18:00',
    durationMinutes: 120,
    place: 'Träffpunkten, Storgatan 1',
    topic: 'Erfarenhetsutbyte och höstens aktiviteter',
    description: 'Vi fikar, pratar om hur uppdragen går och tipsar om aktiviteter i kommunen.',
  });
}
