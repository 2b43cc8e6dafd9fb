// Löneinställningar (/lon/installningar): what happens to a line whose monthly report is not approved, whether the one
// who approved a report may lock the month that pays it, the lönearter per kind and the cost centre per unit. A
// change applies to months not yet locked: a locked month keeps what it was frozen with.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UNREPORTED_POLICIES, unreportedPolicyLabel } from '../../../src/payroll/rules';
import { payrollSettingsBody, type PayrollSettingsOut } from '../../../src/payroll/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { CheckboxInput, EditForm, RadioInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { Section } from '../platform/ui';

const KEY = ['payroll', 'settings'];
const policyOptions = UNREPORTED_POLICIES.map((value) => ({ value, label: unreportedPolicyLabel[value] }));

export function PayrollSettingsPage() {
  const q = useQuery({ queryKey: KEY, queryFn: () => api<PayrollSettingsOut>('/payroll/settings') });
  const notice = useActionNotice();
  return (
    <Page
      title="Löneinställningar"
      breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Lönemånad', href: '/lon/manad' }]}
      lead="Lönearter och kostnadsställen i lönefilen, och vad som händer med en rad när månadsrapporten inte är godkänd. Ändringar gäller månader som inte är låsta."
    >
      <ActionNotice notice={notice} />
      {q.isPending && <Loading label="Hämtar löneinställningarna" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <SettingsForm key={q.data.version ?? 0} s={q.data} onSaved={() => notice.show('Löneinställningarna är sparade.')} />}
    </Page>
  );
}

function SettingsForm({ s, onSaved }: { s: PayrollSettingsOut; onSaved: () => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'payroll-settings',
    initial: {
      unreportedPolicy: s.unreportedPolicy as string,
      approverMayLock: s.approverMayLock,
      payCodeArvode: s.payCodeArvode,
      payCodeOmkostnad: s.payCodeOmkostnad,
      payCodeUtlagg: s.payCodeUtlagg,
      payCodeCorrection: s.payCodeCorrection,
      defaultCostCentre: s.defaultCostCentre,
      ...Object.fromEntries(s.costCentres.map((c) => [`cc-${c.unitId}`, c.costCentre])),
    } as Record<string, string | boolean>,
    schema: payrollSettingsBody,
    toBody: (v) => ({
      version: s.version,
      unreportedPolicy: v.unreportedPolicy,
      approverMayLock: v.approverMayLock,
      payCodeArvode: v.payCodeArvode,
      payCodeOmkostnad: v.payCodeOmkostnad,
      payCodeUtlagg: v.payCodeUtlagg,
      payCodeCorrection: v.payCodeCorrection,
      defaultCostCentre: v.defaultCostCentre,
      costCentres: s.costCentres.map((c) => ({ unitId: c.unitId, costCentre: v[`cc-${c.unitId}`] })),
    }),
    onSubmit: async (body) => {
      const saved = await api<PayrollSettingsOut>('/payroll/settings', { method: 'PUT', body });
      qc.setQueryData(KEY, saved);
      await qc.invalidateQueries({ queryKey: ['payroll-month'] });
      onSaved();
    },
  });
  return (
    <EditForm form={form} aria-label="Löneinställningar" onReload={() => void qc.invalidateQueries({ queryKey: KEY })} onCancel={() => void qc.invalidateQueries({ queryKey: KEY })}>
      <Section title="Rader utan godkänd rapport" id="policy">
        <RadioInput name="unreportedPolicy" label="När månadsrapporten saknas eller inte är godkänd" options={policyOptions} />
        <CheckboxInput
          name="approverMayLock"
          label="Den som har godkänt en rapport får låsa månaden som betalar den"
          hint="Normalt ska en annan person låsa månaden (åtskilda uppgifter). Kryssa bara i om kommunen har beslutat om undantag."
        />
      </Section>
      <Section title="Lönearter" id="pay-codes">
        <TextInput name="payCodeArvode" label="Löneart för arvode" width="s" autoComplete="off" />
        <TextInput name="payCodeOmkostnad" label="Löneart för omkostnad" width="s" autoComplete="off" />
        <TextInput name="payCodeUtlagg" label="Löneart för utlägg" width="s" autoComplete="off" />
        <TextInput name="payCodeCorrection" label="Löneart för rättelser av tidigare månader" width="s" autoComplete="off" />
      </Section>
      <Section title="Kostnadsställen" id="cost-centres">
        <TextInput name="defaultCostCentre" label="Kostnadsställe för enheter utan eget" optional width="m" autoComplete="off" />
        {s.costCentres.map((c) => (
          <TextInput key={c.unitId} name={`cc-${c.unitId}`} label={`Kostnadsställe för ${c.unitName}`} optional width="m" autoComplete="off" />
        ))}
      </Section>
    </EditForm>
  );
}
