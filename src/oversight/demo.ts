// Demo step of oversight: a person registered twice (once with a personnummer, once with a reserve number while
// the number was unknown), so the enhetschef can try the merge. Both fictitious.
import { inArray } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { createPerson } from '../people/create-person';
import { addRepresentative } from '../people/add-representative';
import { fictitiousPerson, prng } from '../people/fictitious';
import { persons } from '../people/tables';

export const DEMO_DUPLICATE = { firstName: 'Dana', lastName: 'Dubblett', reserveNumber: 'RES-DEMO-0001' };

export async function seedOversightDemo(demo: DemoContext): Promise<void> {
  const f = fictitiousPerson(707 * 7919, prng(2027));
  const base = { firstName: DEMO_DUPLICATE.firstName, lastName: DEMO_DUPLICATE.lastName, protectedIdentity: false, postalCode: f.postalCode, city: f.city, email: null };
  const real = await createPerson(demo.as('handlaggare.lss'), { ...base, identityNumber: f.identityNumber, isReserveNumber: false, streetAddress: f.streetAddress, phone: f.phone });
  const dup = await createPerson(demo.as('handlaggare.sol'), { ...base, identityNumber: DEMO_DUPLICATE.reserveNumber, isReserveNumber: true, streetAddress: null, phone: null });
  await addRepresentative(demo.as('handlaggare.sol'), dup.id, { kind: 'god_man', name: 'Gustav Godeman', phone: null, email: null, address: null });
  await demo.db.update(persons).set({ fictitious: true }).where(inArray(persons.id, [real.id, dup.id]));
}
