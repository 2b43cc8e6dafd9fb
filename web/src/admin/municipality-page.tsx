// The municipality's own settings: name (printed on letters), case-number pattern, acknowledgement limit.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { municipalityBody } from '../../../src/admin/schema';
import { api } from '../platform/api';
import { Form, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { Notice } from '../platform/ui';
import { ADMIN_CRUMBS, type Municipality } from './api';

export function MunicipalityPage() {
  const q = useQuery({ queryKey: ['admin', 'municipality'], queryFn: () => api<Municipality>('/admin/municipality') });
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Kommunens uppgifter" />;
  return <MunicipalityForm key={q.data.version} m={q.data} />;
}

function MunicipalityForm({ m }: { m: Municipality }) {
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    id: 'municipality',
    initial: {
      name: m.name,
      caseNumberPattern: m.caseNumberPattern,
      acknowledgeWithinWorkingDays: String(m.acknowledgeWithinWorkingDays),
      postalAddress: m.postalAddress ?? '',
      phone: m.phone ?? '',
      email: m.email ?? '',
    },
    schema: municipalityBody,
    toBody: (v) => ({
      ...v,
      version: m.version,
      acknowledgeWithinWorkingDays: /^\d+$/.test(v.acknowledgeWithinWorkingDays.trim()) ? Number(v.acknowledgeWithinWorkingDays.trim()) : undefined,
    }),
    onSubmit: async (body) => {
      const next = await api<Municipality>('/admin/municipality', { method: 'PUT', body });
      qc.setQueryData(['admin', 'municipality'], next);
      void qc.invalidateQueries({ queryKey: ['me'] });
      setSaved(true);
    },
  });
  return (
    <Page title="Kommunens uppgifter" breadcrumbs={ADMIN_CRUMBS} lead="Uppgifterna skrivs ut i brev till personer och styr ärendenummer och varningar.">
      {saved && <Notice tone="success" title="Kommunens uppgifter är sparade." live />}
      <Form form={form} aria-label="Kommunens uppgifter" onReload={() => void qc.invalidateQueries({ queryKey: ['admin', 'municipality'] })}>
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
        <TextAreaInput name="postalAddress" label="Postadress" optional rows={3} />
        <TextInput name="phone" label="Telefon" optional type="tel" width="m" autoComplete="off" />
        <TextInput name="email" label="E-post" optional type="email" width="l" autoComplete="off" />
        <SubmitButton form={form}>Spara</SubmitButton>
      </Form>
    </Page>
  );
}
