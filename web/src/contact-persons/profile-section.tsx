// The coordinator edits the profile matching uses: contact details, area, interests, languages, availability,
// travel, capacity, preferences, experience. One form with the contact person's version (409 on a stale one).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AGE_GROUPS, ageGroupLabel, AVAILABILITY_SLOTS, availabilityLabel, TRAVEL_MEANS, travelLabel } from '../../../src/contact-persons/rules';
import { profileBody } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import type { ActionNoticeApi } from '../platform/flash';
import { Form, SelectInput, SubmitButton, TextAreaInput, TextInput, useVersionedForm } from '../platform/form';
import { Section } from '../platform/ui';
import { cpQueryKey, type ContactPerson, type Districts } from './api';
import { CheckboxGroupInput } from './checkbox-group-input';

export function ProfileSection({ cp, notice }: { cp: ContactPerson; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const options = useQuery({ queryKey: ['contact-persons', 'districts'], queryFn: () => api<Districts>('/contact-persons/districts'), staleTime: 60_000 });
  const form = useVersionedForm(
    {
      id: 'profile',
      initial: {
        firstName: cp.firstName,
        lastName: cp.lastName,
        phone: cp.phone ?? '',
        email: cp.email ?? '',
        streetAddress: cp.streetAddress ?? '',
        postalCode: cp.postalCode ?? '',
        city: cp.city ?? '',
        districtId: cp.districtId ?? '',
        interests: cp.interests,
        interestsOther: cp.interestsOther ?? '',
        languages: cp.languages.join(', '),
        availability: cp.availability,
        travel: cp.travel,
        capacity: String(cp.capacity),
        ageGroups: cp.ageGroups,
        comfortableWith: cp.comfortableWith ?? '',
        allergies: cp.allergies ?? '',
        experience: cp.experience ?? '',
        workplace: cp.workplace ?? '',
        motivation: cp.motivation ?? '',
      },
      schema: profileBody,
      toBody: (v) => ({
        ...v,
        districtId: v.districtId || null,
        languages: v.languages
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
        capacity: /^\d+$/.test(v.capacity.trim()) ? Number(v.capacity.trim()) : v.capacity,
        preferredGender: cp.preferredGender,
        pets: cp.pets,
        smokes: cp.smokes,
      }),
    },
    cp.version,
    async (body) => {
      qc.setQueryData(cpQueryKey(cp.id), await api<ContactPerson>(`/contact-persons/${cp.id}/profile`, { body, method: 'PUT' }));
      void qc.invalidateQueries({ queryKey: ['contact-persons'] });
      notice.show('Profilen är sparad.');
    },
  );
  return (
    <Section title="Ändra profil" id="profile">
      <details>
        <summary>Visa formuläret</summary>
        <Form form={form} aria-labelledby="profile-heading" onReload={() => void qc.invalidateQueries({ queryKey: cpQueryKey(cp.id) })}>
          <TextInput name="firstName" label="Förnamn" width="l" />
          <TextInput name="lastName" label="Efternamn" width="l" />
          <TextInput name="phone" label="Telefon" type="tel" optional width="m" />
          <TextInput name="email" label="E-post" type="email" optional width="l" />
          <TextInput name="streetAddress" label="Gatuadress" optional width="l" />
          <TextInput name="postalCode" label="Postnummer" optional width="s" />
          <TextInput name="city" label="Ort" optional width="m" />
          <SelectInput name="districtId" label="Område" optional placeholder="Inget område" options={[{ value: '', label: 'Inget område' }, ...(options.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
          <CheckboxGroupInput name="interests" label="Intressen" optional options={(options.data?.interests ?? []).map((i) => ({ value: i.code, label: i.label }))} />
          <TextInput name="interestsOther" label="Andra intressen" optional width="l" />
          <TextInput name="languages" label="Språk" hint="Flera språk med komma emellan." optional width="l" />
          <CheckboxGroupInput name="availability" label="Kan träffas" optional options={AVAILABILITY_SLOTS.map((a) => ({ value: a, label: availabilityLabel[a] }))} />
          <CheckboxGroupInput name="travel" label="Tar sig fram med" optional options={TRAVEL_MEANS.map((a) => ({ value: a, label: travelLabel[a] }))} />
          <TextInput name="capacity" label="Högst antal uppdrag samtidigt" inputMode="numeric" width="xs" />
          <CheckboxGroupInput name="ageGroups" label="Vill helst träffa" optional options={AGE_GROUPS.map((a) => ({ value: a, label: ageGroupLabel[a] }))} />
          <TextAreaInput name="comfortableWith" label="Funktionsnedsättningar hen känner sig trygg med" optional rows={2} />
          <TextInput name="allergies" label="Allergier" optional width="l" />
          <TextAreaInput name="experience" label="Erfarenhet" optional rows={3} />
          <TextInput name="workplace" label="Arbetar på boende" hint="Skriv boendets namn om hen arbetar på en gruppbostad eller ett serviceboende. Hen föreslås då aldrig till någon som bor där." optional width="l" />
          <TextAreaInput name="motivation" label="Varför hen vill bli kontaktperson" optional rows={3} />
          <SubmitButton form={form}>Spara profilen</SubmitButton>
        </Form>
      </details>
    </Section>
  );
}
