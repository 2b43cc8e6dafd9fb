// The registerkontroll rule (dated versions): which registers an extract must cover for an assignment with
// children, how old it may be, and from when. A new version closes the open one the day before it starts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { REGISTERS, registerLabel } from '../../../src/contact-persons/rules';
import { checkRuleBody, type checkRulesOut } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { DateInput, Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Section } from '../platform/ui';
import { CheckboxGroupInput } from '../contact-persons/checkbox-group-input';
import { ADMIN_CRUMBS } from './api';

type CheckRules = z.infer<typeof checkRulesOut>;
const queryKey = ['admin', 'check-rules'];

export function CheckRulesPage() {
  const q = useQuery({ queryKey, queryFn: () => api<CheckRules>('/admin/check-rules') });
  const notice = useActionNotice();
  return (
    <Page
      title="Regler för registerkontroll"
      breadcrumbs={ADMIN_CRUMBS}
      lead="Vilka register ett utdrag ska visa och hur gammalt det får vara när en kontaktperson får ett uppdrag med barn. En ny version gäller från sitt datum; den som gällde innan slutar dagen före."
    >
      <ActionNotice notice={notice} />
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <DataTable
          label="Versioner av regeln"
          columns={[
            { id: 'law', label: 'Lag', isRowHeader: true, render: (r) => r.law },
            { id: 'valid', label: 'Gäller', render: (r) => <span className="nowrap">{`${r.validFrom} – ${r.validTo ?? 'tills vidare'}`}</span> },
            { id: 'registers', label: 'Register', render: (r) => r.requiredRegisters.map((x) => registerLabel[x as keyof typeof registerLabel] ?? x).join(', ') },
            { id: 'age', label: 'Utdraget får vara högst', render: (r) => `${r.maxAgeMonths} månader` },
            { id: 'again', label: 'Nytt utdrag efter uppehåll', render: (r) => (r.reengagementMonths ? `${r.reengagementMonths} månader` : 'Krävs inte') },
          ]}
          rows={q.data.items}
          empty="Det finns ingen regel än. Lägg till den första versionen nedan."
        />
      )}
      <Section title="Lägg till en version" id="new-check-rule">
        <NewVersionForm onSaved={(m) => notice.show(m)} />
      </Section>
    </Page>
  );
}

const INITIAL = { law: '2010:479', validFrom: '', validTo: '', maxAgeMonths: '12', requiredRegisters: ['belastningsregistret'] as string[], reengagementMonths: '12' };

function NewVersionForm({ onSaved }: { onSaved: (message: string) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'check-rule',
    initial: INITIAL,
    schema: checkRuleBody,
    toBody: (v) => ({
      ...v,
      validTo: v.validTo || null,
      maxAgeMonths: /^\d+$/.test(v.maxAgeMonths.trim()) ? Number(v.maxAgeMonths.trim()) : v.maxAgeMonths,
      reengagementMonths: /^\d+$/.test(v.reengagementMonths.trim()) ? Number(v.reengagementMonths.trim()) : v.reengagementMonths,
    }),
    onSubmit: async (body) => {
      const next = await api<CheckRules>('/admin/check-rules', { body });
      qc.setQueryData(queryKey, next);
      form.reset(INITIAL);
      onSaved(`Regeln från ${body.validFrom} är sparad.`);
    },
  });
  return (
    <Form form={form} aria-label="Lägg till en version av regeln för registerkontroll">
      <TextInput name="law" label="Lag som regeln bygger på" hint="Lagens nummer i SFS, till exempel 2010:479." width="m" autoComplete="off" />
      <DateInput name="validFrom" label="Gäller från" />
      <DateInput name="validTo" label="Gäller till" optional hint="Lämna tomt om regeln gäller tills vidare." />
      <CheckboxGroupInput name="requiredRegisters" label="Utdraget ska visa" options={REGISTERS.map((r) => ({ value: r, label: registerLabel[r] }))} />
      <TextInput name="maxAgeMonths" label="Utdraget får vara högst (månader)" inputMode="numeric" width="xs" autoComplete="off" />
      <TextInput
        name="reengagementMonths"
        label="Nytt utdrag efter ett uppehåll på (månader)"
        hint="Skriv 0 om ett uppehåll inte kräver nytt utdrag."
        inputMode="numeric"
        width="xs"
        autoComplete="off"
      />
      <SubmitButton form={form}>Lägg till versionen</SubmitButton>
    </Form>
  );
}
