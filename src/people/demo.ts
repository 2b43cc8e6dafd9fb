// Demo step of people: fictitious persons (one with skyddad identitet), for the later stages' demo cases.
import { eq } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import { createPerson } from './create-person';
import { fictitiousPerson, prng } from './fictitious';
import { persons } from './tables';

/** key → who registers the person, which fictitious person it is, and whether it has skyddad identitet. */
const DEMO_PERSONS: { key: string; by: string; n: number; protectedIdentity?: boolean }[] = [
  { key: 'p1', by: 'handlaggare.lss', n: 101 },
  { key: 'p2', by: 'handlaggare.lss', n: 202 },
  { key: 'p3', by: 'handlaggare.lss', n: 303, protectedIdentity: true },
  { key: 'p4', by: 'handlaggare.sol', n: 404 },
  { key: 'p5', by: 'handlaggare.sol', n: 505 },
  { key: 'p6', by: 'handlaggare.lss', n: 606 },
];

export async function seedPeopleDemo(demo: DemoContext): Promise<void> {
  const rand = prng(2026);
  for (const d of DEMO_PERSONS) {
    const f = fictitiousPerson(d.n * 7919, rand);
    const p = await createPerson(demo.as(d.by), {
      identityNumber: f.identityNumber,
      isReserveNumber: false,
      firstName: f.firstName,
      lastName: f.lastName,
      protectedIdentity: d.protectedIdentity ?? false,
      streetAddress: f.streetAddress,
      postalCode: f.postalCode,
      city: f.city,
      phone: f.phone,
      email: null,
    });
    await demo.db.update(persons).set({ fictitious: true }).where(eq(persons.id, p.id));
    demo.persons.set(d.key, p);
  }
}
