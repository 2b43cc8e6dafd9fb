// Demo step of intake: requests and referrals for people's demo persons, through the same use cases staff use.
import type { DemoContext } from '../platform/areas';
import { addDays, addWorkingDays } from '../platform/calendar';
import { addRepresentative } from '../people/add-representative';
import { acknowledgeRequest } from './acknowledge-request';
import { registerRequest } from './register-request';

export async function seedIntakeDemo(demo: DemoContext): Promise<void> {
  const lss = demo.as('handlaggare.lss');
  const sol = demo.as('handlaggare.sol');
  const today = demo.clock.today();
  const person = (key: string) => demo.persons.get(key)!.id;

  // LSS: one acknowledged with documentation missing, one waiting too long for acknowledgement,
  // one with skyddad identitet and a god man.
  const c1 = await registerRequest(lss, { personId: person('p1'), route: 'LSS', requester: 'person', requesterName: null, channel: 'letter', receivedDate: addDays(today, -20), description: null });
  await acknowledgeRequest(lss, c1.id, { version: c1.version, acknowledgedDate: addWorkingDays(c1.receivedDate, 1), method: 'letter', personkretsDocumentation: 'missing' });
  await registerRequest(lss, { personId: person('p2'), route: 'LSS', requester: 'guardian', requesterName: 'Vårdnadshavare (demo)', channel: 'phone', receivedDate: addDays(today, -9), description: null });
  // Contact details of a protected person can be changed only with the permission and a case in scope.
  const c3 = await registerRequest(lss, { personId: person('p3'), route: 'LSS', requester: 'legal_representative', requesterName: 'God man (demo)', channel: 'e_service', receivedDate: addDays(today, -3), description: null });
  await addRepresentative(lss, person('p3'), { kind: 'god_man', name: 'God man (demo)', phone: '070-000 00 01', email: null, address: 'Box 2, 123 45 Demoby' });
  await acknowledgeRequest(lss, c3.id, { version: c3.version, acknowledgedDate: today, method: 'phone', personkretsDocumentation: 'present', personkretsGroup: 1 });
  // SoL: an application and a referral from a relative.
  await registerRequest(sol, { personId: person('p4'), route: 'SOL', requester: 'person', requesterName: null, channel: 'visit', receivedDate: addDays(today, -1), description: null });
  await registerRequest(sol, { personId: person('p5'), route: 'SOL', requester: 'relative', requesterName: 'Dotter (demo)', channel: 'phone', receivedDate: addDays(today, -6), description: 'Dottern berättar att mamman är ensam sedan hösten.' });
}
