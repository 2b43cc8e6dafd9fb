// What a person looks like to a given reader. Skyddad identitet hides contact details
// (the person's and their representatives') from everyone the policy does not name.
import { can, type Actor } from '../platform/policy/permissions';
import { formatIdentityNumber } from './identity-number';
import type { PersonRow, RepresentativeRow } from './repo';
import type { PersonOut, PersonSummaryOut } from './schema';

export function presentPersonSummary(p: PersonRow): PersonSummaryOut {
  return {
    id: p.id,
    identityNumber: formatIdentityNumber(p.identityNumber, p.idKind),
    idKind: p.idKind,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    birthDatePartial: p.birthDatePartial,
    protectedIdentity: p.protectedIdentity,
    fictitious: p.fictitious,
  };
}

/** `showContact` from the policy (`protectedContactBasis`). The person's cases come from intake (GET /api/persons/:id/cases). */
export function presentPerson(actor: Actor, p: PersonRow, reps: RepresentativeRow[], showContact: boolean): PersonOut {
  return {
    ...presentPersonSummary(p),
    sex: p.sex,
    contact: showContact ? { streetAddress: p.streetAddress, postalCode: p.postalCode, city: p.city, phone: p.phone, email: p.email } : null,
    contactHidden: !showContact,
    representatives: reps.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      phone: showContact ? r.phone : null,
      email: showContact ? r.email : null,
      address: showContact ? r.address : null,
      version: r.version,
    })),
    version: p.version,
    abilities: { canEdit: can(actor, 'person:write') && showContact, canRegisterRequest: can(actor, 'case:write') },
  };
}
