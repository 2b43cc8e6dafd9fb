// The coordinator edits the profile (contact details, area, interests, languages, availability, capacity,
// preferences, experience). One versioned change, audited with the field names.
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { fieldError } from '../platform/errors';
import { changeContactPerson } from './change-contact-person';
import { normalizeLanguages } from './apply';
import { cpSettingsOf } from './repo';
import type { profileBody } from './schema';
import { cpDistricts } from './tables';

export function changeProfile(ctx: UseCaseContext, id: string, input: z.output<typeof profileBody>) {
  const { version, ...p } = input;
  return changeContactPerson(ctx, {
    id,
    version,
    step: 'profile',
    apply: async (c, tx) => {
      if (p.districtId) {
        const [d] = await tx.select({ id: cpDistricts.id }).from(cpDistricts).where(eq(cpDistricts.id, p.districtId));
        if (!d) throw fieldError('districtId', 'Välj ett område i listan.');
      }
      const known = new Set((await cpSettingsOf(tx)).interests.map((i) => i.code));
      if (p.interests.some((i) => !known.has(i))) throw fieldError('interests', 'Välj intressen i listan. Skriv andra intressen i fältet under.');
      const next = {
        ...p,
        districtId: p.districtId ?? null,
        pets: p.pets ?? null,
        smokes: p.smokes ?? null,
        interests: [...new Set(p.interests)],
        languages: normalizeLanguages(p.languages),
        travel: [...new Set(p.travel)],
        availability: [...new Set(p.availability)],
        ageGroups: [...new Set(p.ageGroups)],
      };
      // Only the fields that changed are written (and named in the audit entry).
      const row = c.row as Record<string, unknown>;
      return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(row[k]) !== JSON.stringify(v)));
    },
  });
}
