// Register a new person. The number is checked by the same rules as the API (Luhn, samordningsnummer, reservnummer).
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { personCreateBody } from '../../../src/people/schema';
import { api } from '../platform/api';
import { CheckboxInput, FieldGroup, Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ButtonRow, LinkButton } from '../platform/ui';
import { personQueryKey, type Person } from './api';
import { ContactFields, ProtectedIdentityField } from './person-fields';

/**
 * "Ingen träff" on a number → "registrera en ny person" carries the number into the form. It travels in the
 * router's history state, not in the URL: personnummer never go into URLs (browser history, proxy logs).
 */
export type PersonPrefill = { identityNumber?: string };

/** The state for a link to this page: the search text when it looks like an identity number, else nothing. */
export function prefillState(query: string): PersonPrefill | undefined {
  const q = query.trim();
  return /^[\d\s+-]{6,15}$/.test(q) && /\d{6}/.test(q.replace(/\D/g, '')) ? { identityNumber: q } : undefined;
}

export function PersonCreatePage() {
  const navigate = useNavigate();
  const prefill = (useLocation().state as PersonPrefill | null)?.identityNumber ?? '';
  const qc = useQueryClient();
  const form = useForm({
    id: 'person',
    initial: {
      identityNumber: prefill,
      isReserveNumber: false,
      firstName: '',
      lastName: '',
      protectedIdentity: false,
      streetAddress: '',
      postalCode: '',
      city: '',
      phone: '',
      email: '',
    },
    schema: personCreateBody,
    onSubmit: async (body) => {
      const person = await api<Person>('/persons', { body });
      qc.setQueryData(personQueryKey(person.id), person);
      navigate(`/personer/${person.id}`, { state: { flash: `${person.firstName} ${person.lastName} är registrerad.` } });
    },
  });
  return (
    <Page title="Registrera ny person" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Sök person', href: '/personer' }]}>
      <p className="lead">Sök först efter personen så att hen inte registreras två gånger.</p>
      <Form form={form} aria-label="Registrera ny person" failureTitle="Personen kunde inte registreras">
        <FieldGroup legend="Identitet">
          <TextInput
            name="identityNumber"
            label="Personnummer eller samordningsnummer"
            hint="10 eller 12 siffror, till exempel 19121212-1212."
            inputMode="numeric"
            autoComplete="off"
            width="m"
          />
          <CheckboxInput
            name="isReserveNumber"
            label="Det är ett reservnummer"
            hint="Reservnummer används när personen saknar personnummer och samordningsnummer. Skriv numret som regionen har gett det."
          />
          <TextInput name="firstName" label="Förnamn" autoComplete="off" width="l" />
          <TextInput name="lastName" label="Efternamn" autoComplete="off" width="l" />
          <ProtectedIdentityField />
        </FieldGroup>
        <ContactFields />
        <ButtonRow>
          <SubmitButton form={form}>Registrera person</SubmitButton>
          <LinkButton variant="secondary" href="/personer">
            Avbryt
          </LinkButton>
        </ButtonRow>
      </Form>
    </Page>
  );
}
