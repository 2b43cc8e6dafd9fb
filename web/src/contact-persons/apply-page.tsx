// "Bli kontaktperson": the public application, no sign-in. The form token from the GET proves the minimum fill
// time on the server; `website` is a honeypot hidden from people (and from screen readers). After sending, the
// page says what happens next.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { applicationBody, NEXT_STEPS, PRIVACY_NOTICE } from '../../../src/contact-persons/schema';
import { AGE_GROUPS, ageGroupLabel, AVAILABILITY_SLOTS, availabilityLabel, TRAVEL_MEANS, travelLabel } from '../../../src/contact-persons/rules';
import { api, isApiError } from '../platform/api';
import { CheckboxInput, Form, RadioInput, SelectInput, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { useField } from '../platform/form/form-core';
import { PublicLayout } from '../platform/layout';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { Notice, Section } from '../platform/ui';
import type { ApplicationForm } from './api';
import { CheckboxGroupInput } from './checkbox-group-input';

export function ApplyPage() {
  return (
    <PublicLayout>
      <ApplyContent />
    </PublicLayout>
  );
}

function ApplyContent() {
  const form = useQuery({ queryKey: ['public', 'cp-application'], queryFn: () => api<ApplicationForm>('/public/contact-person-application', { ignoreUnauthenticated: true }), staleTime: Infinity });
  const [sent, setSent] = useState<string[] | null>(null);
  if (sent) return <Received steps={sent} />;
  if (form.isPending) return <Loading label="Hämtar formuläret" />;
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  return <ApplyForm data={form.data} onSent={setSent} onNewToken={() => void form.refetch()} />;
}

function Received({ steps }: { steps: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Page title="Tack för din ansökan">
      <div ref={ref} tabIndex={-1} className="received">
        <Notice tone="success" title="Vi har tagit emot din ansökan">
          <p>Du behöver inte göra något mer just nu.</p>
        </Notice>
        <h2>Det här händer sedan</h2>
        <ol>
          {steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
    </Page>
  );
}

function ApplyForm({ data, onSent, onNewToken }: { data: ApplicationForm; onSent: (steps: string[]) => void; onNewToken: () => void }) {
  const form = useForm({
    id: 'apply',
    initial: {
      firstName: '',
      lastName: '',
      identityNumber: '',
      email: '',
      phone: '',
      streetAddress: '',
      postalCode: '',
      city: '',
      districtId: '',
      motivation: '',
      interests: [] as string[],
      interestsOther: '',
      languages: '',
      availability: [] as string[],
      travel: [] as string[],
      capacity: '1',
      ageGroups: [] as string[],
      experience: '',
      privacyAccepted: false,
      website: '',
    },
    schema: applicationBody,
    toBody: (v) => ({
      formToken: data.formToken,
      website: v.website,
      firstName: v.firstName,
      lastName: v.lastName,
      identityNumber: v.identityNumber,
      email: v.email,
      phone: v.phone,
      streetAddress: v.streetAddress,
      postalCode: v.postalCode,
      city: v.city,
      districtId: v.districtId || null,
      motivation: v.motivation,
      interests: v.interests,
      interestsOther: v.interestsOther,
      languages: v.languages
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
      availability: v.availability,
      travel: v.travel,
      capacity: Number(v.capacity),
      ageGroups: v.ageGroups,
      experience: v.experience,
      privacyAccepted: v.privacyAccepted === true,
    }),
    onSubmit: async (body) => {
      try {
        const res = await api<{ received: true; nextSteps: string[] }>('/public/contact-person-application', { body, ignoreUnauthenticated: true });
        onSent(res.nextSteps);
      } catch (e) {
        if (isApiError(e) && e.code === 'APPLICATION_NOT_ACCEPTED') onNewToken();
        throw e;
      }
    },
  });
  return (
    <Page
      title="Bli kontaktperson"
      lead={`Som kontaktperson i ${data.municipalityName} är du en medmänniska som träffar någon som behöver sällskap, till exempel för att fika, gå på bio eller vara ute i naturen. Du får ett arvode och ersättning för dina kostnader.`}
    >
      <Form form={form} aria-label="Ansökan om att bli kontaktperson" failureTitle="Ansökan kunde inte skickas">
        <Section title="Om dig" id="about">
          <TextInput name="firstName" label="Förnamn" autoComplete="given-name" width="l" />
          <TextInput name="lastName" label="Efternamn" autoComplete="family-name" width="l" />
          <TextInput name="identityNumber" label="Personnummer" hint="12 siffror, till exempel 19850314-1234." inputMode="numeric" autoComplete="off" width="m" />
          <TextInput name="email" label="E-post" type="email" autoComplete="email" optional width="l" />
          <TextInput name="phone" label="Telefon" type="tel" autoComplete="tel" optional width="m" />
          <TextInput name="streetAddress" label="Gatuadress" autoComplete="street-address" optional width="l" />
          <TextInput name="postalCode" label="Postnummer" autoComplete="postal-code" inputMode="numeric" optional width="s" />
          <TextInput name="city" label="Ort" autoComplete="address-level2" optional width="m" />
          {data.districts.length > 0 && (
            <SelectInput name="districtId" label="Område där du bor" optional placeholder="Välj område" options={data.districts.map((d) => ({ value: d.id, label: d.name }))} />
          )}
        </Section>
        <Section title="Varför vill du bli kontaktperson?" id="why">
          <TextAreaInput name="motivation" label="Berätta kort varför du vill bli kontaktperson" optional rows={4} />
          <TextAreaInput name="experience" label="Erfarenhet" hint="Till exempel arbete eller ideellt engagemang med barn, unga eller personer med funktionsnedsättning." optional rows={3} />
        </Section>
        <Section title="Intressen och språk" id="interests">
          <CheckboxGroupInput name="interests" label="Vad tycker du om att göra?" optional options={data.interests.map((i) => ({ value: i.code, label: i.label }))} />
          <TextInput name="interestsOther" label="Andra intressen" optional width="l" />
          <TextInput name="languages" label="Språk du talar" hint="Skriv flera språk med komma emellan, till exempel svenska, arabiska." optional width="l" />
        </Section>
        <Section title="Tid och önskemål" id="time">
          <CheckboxGroupInput name="availability" label="När kan du träffas?" optional options={AVAILABILITY_SLOTS.map((a) => ({ value: a, label: availabilityLabel[a] }))} />
          <CheckboxGroupInput name="travel" label="Hur tar du dig fram?" optional options={TRAVEL_MEANS.map((a) => ({ value: a, label: travelLabel[a] }))} />
          <RadioInput name="capacity" label="Hur många uppdrag kan du ha samtidigt?" inline options={['1', '2', '3'].map((n) => ({ value: n, label: n }))} />
          <CheckboxGroupInput name="ageGroups" label="Vilka vill du helst träffa?" optional options={AGE_GROUPS.map((a) => ({ value: a, label: ageGroupLabel[a] }))} />
        </Section>
        <Section title="Så hanterar vi dina uppgifter" id="privacy">
          <ul>
            {PRIVACY_NOTICE.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {data.privacyInfo && <p>Mer information: {data.privacyInfo}</p>}
          <CheckboxInput name="privacyAccepted" label="Jag har läst hur mina uppgifter hanteras och godkänner det" />
        </Section>
        <Honeypot />
        <h2>Det här händer sedan</h2>
        <p>{NEXT_STEPS[0]}</p>
        <SubmitButton form={form}>Skicka ansökan</SubmitButton>
      </Form>
    </Page>
  );
}

/** A field only programs fill in: off screen, hidden from assistive technology, never reached with Tab. */
function Honeypot() {
  return (
    <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' }}>
      <HoneypotInput />
    </div>
  );
}

function HoneypotInput() {
  const f = useField({ name: 'website', optional: true });
  return <input type="text" id={f.id} name="website" tabIndex={-1} autoComplete="off" aria-label="Lämna tomt" value={f.text} onChange={(e) => f.set(e.target.value)} />;
}
