// The administrator's settings for the contact persons' portal: by which day of the following month the monthly
// report is due (the deadline the contact person sees, and what makes a report late).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { portalSettingsBody } from '../../../src/portal/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { Form, SubmitButton, TextInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';

type Settings = { reportDueDay: number; version: number };
const queryKey = ['admin', 'portal-settings'];

export function PortalSettingsPage() {
  const q = useQuery({ queryKey, queryFn: () => api<Settings>('/admin/portal-settings') });
  const notice = useActionNotice();
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Portalen för kontaktpersoner" />;
  return (
    <Page title="Portalen för kontaktpersoner" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Kontaktpersonerna skickar in en rapport för varje månad i portalen.">
      <ActionNotice notice={notice} />
      <SettingsForm key={q.data.version} s={q.data} notice={notice} />
    </Page>
  );
}

function SettingsForm({ s, notice }: { s: Settings; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useVersionedForm(
    {
      id: 'portal-settings',
      initial: { reportDueDay: String(s.reportDueDay) },
      schema: portalSettingsBody,
      toBody: (v) => ({ reportDueDay: /^\d+$/.test(v.reportDueDay.trim()) ? Number(v.reportDueDay.trim()) : v.reportDueDay }),
    },
    s.version,
    async (body) => {
      qc.setQueryData(queryKey, await api<Settings>('/admin/portal-settings', { method: 'PUT', body }));
      notice.show('Inställningarna är sparade.');
    },
  );
  return (
    <Form form={form} aria-label="Inställningar för portalen" onReload={() => void qc.invalidateQueries({ queryKey })}>
      <TextInput name="reportDueDay" label="Sista dag för månadsrapporten" hint="Dag i månaden efter (1–28). Rapporten för mars ska till exempel in senast den 5 april." inputMode="numeric" width="xs" />
      <SubmitButton form={form}>Spara</SubmitButton>
    </Form>
  );
}
