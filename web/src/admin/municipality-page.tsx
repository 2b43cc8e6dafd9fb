// The municipality's own settings: name (printed on letters), case-number pattern, acknowledgement limit.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { municipalityBody } from '../../../src/admin/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { FieldGroup, Form, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { ADMIN_CRUMBS, type Municipality } from './api';

export function MunicipalityPage() {
  const q = useQuery({ queryKey: ['admin', 'municipality'], queryFn: () => api<Municipality>('/admin/municipality') });
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Kommunens uppgifter" />;
  return <MunicipalityForm key={q.data.version} m={q.data} />;
}

function MunicipalityForm({ m }: { m: Municipality }) {
  const qc = useQueryClient();
  const notice = useActionNotice();
  const form = useForm({
    id: 'municipality',
    initial: {
      name: m.name,
      caseNumberPattern: m.caseNumberPattern,
      acknowledgeWithinWorkingDays: String(m.acknowledgeWithinWorkingDays),
      documentationWithinWorkingDays: String(m.documentationWithinWorkingDays),
      postalAddress: m.postalAddress ?? '',
      phone: m.phone ?? '',
      email: m.email ?? '',
      privacyInfo: m.privacyInfo ?? '',
      solMinAge: String(m.solMinAge),
      decisionMaxMonths: String(m.decisionMaxMonths),
      delegationMaxHoursPerMonth: String(m.delegationMaxHoursPerMonth),
      delegationMaxContactPersons: String(m.delegationMaxContactPersons),
      monthlyHoursPerWeeklyMeetingMin: String(m.monthlyHoursPerWeeklyMeetingMin),
      monthlyHoursPerWeeklyMeetingMax: String(m.monthlyHoursPerWeeklyMeetingMax),
      orderConfirmWithinWorkingDays: String(m.orderConfirmWithinWorkingDays),
      followUpMonths: String(m.followUpMonths),
      endingWindowDays: String(m.endingWindowDays),
    },
    schema: municipalityBody,
    toBody: (v) => ({
      ...v,
      version: m.version,
      acknowledgeWithinWorkingDays: wholeNumber(v.acknowledgeWithinWorkingDays),
      documentationWithinWorkingDays: wholeNumber(v.documentationWithinWorkingDays),
      solMinAge: numberOrText(v.solMinAge),
      decisionMaxMonths: numberOrText(v.decisionMaxMonths),
      delegationMaxHoursPerMonth: numberOrText(v.delegationMaxHoursPerMonth),
      delegationMaxContactPersons: numberOrText(v.delegationMaxContactPersons),
      monthlyHoursPerWeeklyMeetingMin: numberOrText(v.monthlyHoursPerWeeklyMeetingMin),
      monthlyHoursPerWeeklyMeetingMax: numberOrText(v.monthlyHoursPerWeeklyMeetingMax),
      orderConfirmWithinWorkingDays: numberOrText(v.orderConfirmWithinWorkingDays),
      followUpMonths: numberOrText(v.followUpMonths),
      endingWindowDays: numberOrText(v.endingWindowDays),
    }),
    onSubmit: async (body) => {
      const next = await api<Municipality>('/admin/municipality', { method: 'PUT', body });
      qc.setQueryData(['admin', 'municipality'], next);
      void qc.invalidateQueries({ queryKey: ['me'] });
      notice.show('Kommunens uppgifter är sparade.');
    },
  });
  return (
    <Page title="Kommunens uppgifter" breadcrumbs={ADMIN_CRUMBS} lead="Uppgifterna skrivs ut i brev till personer och styr ärendenummer och varningar.">
      <ActionNotice notice={notice} />
      <Form form={form} aria-label="Ändra kommunens uppgifter" onReload={() => void qc.invalidateQueries({ queryKey: ['admin', 'municipality'] })}>
        <TextInput name="name" label="Kommunens namn" width="l" autoComplete="organization" />
        <TextInput
          name="caseNumberPattern"
          label="Mönster för ärendenummer"
          hint="{YYYY} blir året och {NNNN} ett löpnummer med fyra siffror. Till exempel KP-{YYYY}-{NNNN} ger KP-2026-0001."
          width="m"
          autoComplete="off"
        />
        <TextInput
          name="acknowledgeWithinWorkingDays"
          label="Bekräfta ett ärende inom (arbetsdagar)"
          hint="Ett ärende som inte är bekräftat inom så här många arbetsdagar visas med en varning."
          inputMode="numeric"
          width="xs"
          autoComplete="off"
        />
        <TextInput
          name="documentationWithinWorkingDays"
          label="Intyg ska komma in inom (arbetsdagar)"
          hint="Räknas från bekräftelsen. Datumet står i bekräftelsebrevet när intyg saknas, och ärendet visar en varning efter det."
          inputMode="numeric"
          width="xs"
          autoComplete="off"
        />
        <TextAreaInput name="postalAddress" label="Postadress" optional hint="Skrivs i brevhuvudet och i brevets text." rows={3} />
        <TextInput name="phone" label="Telefon" optional type="tel" width="m" autoComplete="off" />
        <TextInput name="email" label="E-post" optional type="email" width="l" autoComplete="off" />
        <TextInput
          name="privacyInfo"
          label="Här kan personen läsa om hur ni hanterar personuppgifter"
          optional
          hint="En webbadress eller en kort text, till exempel kommun.se/personuppgifter. Står i bekräftelsebrevet. Utan den står det ”kommunens webbplats”."
          width="l"
          autoComplete="off"
        />
        <FieldGroup legend="Utredning, beslut och uppföljning" hint="Kommunens rutin för kontaktperson. Ändringar gäller nya beslut.">
          <TextInput
            name="solMinAge"
            label="Lägsta ålder för kontaktperson enligt SoL (år)"
            hint="Under den åldern visar utredningen en varning. Rutinen: ungefär 19 år, efter gymnasiet."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="decisionMaxMonths"
            label="Längsta beslutsperiod (månader)"
            hint="Ett beslut utan slutdatum eller med längre period kräver att handläggaren skriver varför."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="delegationMaxHoursPerMonth"
            label="Handläggaren får besluta högst (timmar i månaden)"
            hint="Ett beslut över gränsen väntar på enhetschefens godkännande."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="delegationMaxContactPersons"
            label="Handläggaren får besluta om högst (kontaktpersoner)"
            hint="Fler kontaktpersoner än så kräver enhetschefens godkännande."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="monthlyHoursPerWeeklyMeetingMin"
            label="En träff i veckan motsvarar minst (timmar i månaden)"
            hint="Används för att visa timmar för ett beslut. Rutinen: 8 timmar."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="monthlyHoursPerWeeklyMeetingMax"
            label="En träff i veckan motsvarar högst (timmar i månaden)"
            hint="Rutinen: 10 timmar."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="orderConfirmWithinWorkingDays"
            label="Utföraren ska bekräfta en beställning inom (arbetsdagar)"
            hint="En beställning som inte är bekräftad i tid visas i rött."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="followUpMonths"
            label="Följ upp ett beslut minst var (månad)"
            hint="Högst 12 månader mellan uppföljningarna."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
          <TextInput
            name="endingWindowDays"
            label="Visa beslut som upphör inom (dagar)"
            hint="Listan Uppföljning och upphörande visar beslut som slutar inom så här många dagar."
            inputMode="numeric"
            width="xs"
            autoComplete="off"
          />
        </FieldGroup>
        <SubmitButton form={form}>Spara kommunens uppgifter</SubmitButton>
      </Form>
    </Page>
  );
}

/** A whole number typed in a text field; anything else is left for the schema to refuse. */
function wholeNumber(v: string): number | undefined {
  return /^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined;
}

/** A routine number: a whole number, or the text as typed so the schema refuses it with a message (never left out). */
function numberOrText(v: string): number | string {
  return /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
}
