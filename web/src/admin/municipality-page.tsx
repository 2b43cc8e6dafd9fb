// The municipality's own settings: name (printed on letters), case-number pattern, acknowledgement limit.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { municipalityBody } from '../../../src/admin/schema';
import { api } from '../platform/api';
import { ActionNotice, type ActionNoticeApi, useActionNotice } from '../platform/flash';
import { FieldGroup, Form, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { DEFAULT_SOL_CRITERIA, DEFAULT_SOL_EXCLUSIONS } from '../../../src/investigation/rules';
import { ADMIN_CRUMBS, type Municipality } from './api';
import { ConfiguredList, listBody, listValues, type ListField } from './configured-list';

const ITEM_FIELDS: ListField[] = [
  { key: 'code', label: 'Kod', width: 'm', hint: 'Små bokstäver, siffror och _. Byt inte koden på ett kriterium som redan används i utredningar.' },
  { key: 'label', label: 'Text', width: 'l' },
];
const LEVEL_FIELDS: ListField[] = [
  { key: 'code', label: 'Kod', width: 's' },
  { key: 'label', label: 'Namn', width: 'm' },
  { key: 'hoursPerWeek', label: 'Timmar i veckan', numeric: true, width: 'xs' },
  { key: 'occasionsPerWeekMin', label: 'Tillfällen i veckan, minst', numeric: true, width: 'xs' },
  { key: 'occasionsPerWeekMax', label: 'Tillfällen i veckan, högst', numeric: true, width: 'xs' },
];

export function MunicipalityPage() {
  // The notice lives above the form: the form is built anew for each saved version (key), the notice must survive it.
  const notice = useActionNotice();
  const q = useQuery({ queryKey: ['admin', 'municipality'], queryFn: () => api<Municipality>('/admin/municipality') });
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Kommunens uppgifter" />;
  return <MunicipalityForm key={q.data.version} m={q.data} notice={notice} />;
}

function MunicipalityForm({ m, notice }: { m: Municipality; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useForm<Record<string, string>, z.output<typeof municipalityBody>>({
    id: 'municipality',
    initial: {
      // The lists in force: the standard lists until the municipality saves its own.
      ...listValues('solCriteria', m.solCriteria ?? DEFAULT_SOL_CRITERIA, ITEM_FIELDS),
      ...listValues('solExclusions', m.solExclusions ?? DEFAULT_SOL_EXCLUSIONS, ITEM_FIELDS),
      ...listValues('scopeLevels', m.scopeLevels ?? [], LEVEL_FIELDS),
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
      ...Object.fromEntries(Object.entries(v).filter(([k]) => !/^(solCriteria|solExclusions|scopeLevels)[.C]/.test(k))),
      solCriteria: listBody('solCriteria', v, ITEM_FIELDS),
      solExclusions: listBody('solExclusions', v, ITEM_FIELDS),
      scopeLevels: listBody('scopeLevels', v, LEVEL_FIELDS),
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
        <ConfiguredList
          form={form}
          name="solCriteria"
          legend="Kommunens kriterier för kontaktperson enligt SoL"
          hint="Handläggaren svarar ja eller nej på varje kriterium i utredningen."
          itemLabel="Kriterium"
          addLabel="Lägg till ett kriterium"
          fields={ITEM_FIELDS}
        />
        <ConfiguredList
          form={form}
          name="solExclusions"
          legend="När kontaktperson enligt SoL kanske inte är rätt insats"
          hint="Utredningen visar en varning när något av detta gäller personen."
          itemLabel="Undantag"
          addLabel="Lägg till ett undantag"
          fields={ITEM_FIELDS}
        />
        <ConfiguredList
          form={form}
          name="scopeLevels"
          legend="Nivåer för omfattning"
          hint="Handläggaren kan välja en nivå i beslutet. Lämna listan tom om kommunen inte använder nivåer."
          itemLabel="Nivå"
          addLabel="Lägg till en nivå"
          fields={LEVEL_FIELDS}
        />
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
