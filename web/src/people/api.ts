import type { z } from 'zod';
import type { personOut, personSummaryOut } from '../../../src/people/schema';
import { formatIdentityNumber } from '../../../src/people/identity-number';

export type Person = z.infer<typeof personOut>;
export type PersonSummary = z.infer<typeof personSummaryOut>;

export const idKindLabel: Record<PersonSummary['idKind'], string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  reservnummer: 'Reservnummer',
};

export function showIdentityNumber(p: Pick<PersonSummary, 'identityNumber' | 'idKind'>): string {
  return formatIdentityNumber(p.identityNumber, p.idKind);
}

export function personQueryKey(id: string) {
  return ['person', id] as const;
}
