// The administrator's limit of a mass read for loggkontroll: more than N different persons within M minutes by one
// user is shown to the enhetschef as an unusual read to review.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { massReadSettingsBody } from '../../../src/oversight/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { Form, SubmitButton, TextInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';

type Settings = { persons: number; minutes: number; version: number };
const queryKey = ['admin', 'mass-read-settings'];
const asNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

export function AuditSettingsPage() {
  const q = useQuery({ queryKey, queryFn: () => api<Settings>('/audit/mass-read-settings') });
  const notice = useActionNotice();
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Loggkontroll" />;
  return (
    <Page
      title="Loggkontroll"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="När en användare läser uppgifter om många olika personer på kort tid visas det för enhetschefen som en avvikelse att granska."
    >
      <ActionNotice notice={notice} />
      <SettingsForm key={q.data.version} s={q.data} notice={notice} />
    </Page>
  );
}

function SettingsForm({ s, notice }: { s: Settings; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useVersionedForm(
    {
      id: 'mass-read-settings',
      initial: { persons: String(s.persons), minutes: String(s.minutes) },
      schema: massReadSettingsBody,
      toBody: (v) => ({ persons: asNumber(v.persons), minutes: asNumber(v.minutes) }),
    },
    s.version,
    async (body) => {
      qc.setQueryData(queryKey, await api<Settings>('/admin/mass-read-settings', { method: 'PUT', body }));
      notice.show('Gränsen är sparad.');
    },
  );
  return (
    <Form form={form} aria-label="Gräns för många läsningar på kort tid" onReload={() => void qc.invalidateQueries({ queryKey })}>
      <TextInput name="persons" label="Fler än så här många personer" hint="Mellan 2 och 10 000." inputMode="numeric" width="xs" />
      <TextInput name="minutes" label="På så här många minuter" hint="Mellan 1 och 1 440 (ett dygn)." inputMode="numeric" width="xs" />
      <SubmitButton form={form}>Spara</SubmitButton>
    </Form>
  );
}
