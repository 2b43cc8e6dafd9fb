// Bank and tax details (payroll): shown to lön and the coordinator only, fetched separately from the register.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { paymentBody } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { ErrorState, Loading } from '../platform/states';
import { Notice, Section, SummaryList } from '../platform/ui';
import type { ContactPerson, Payment } from './api';

export function PaymentSection({ cp }: { cp: Pick<ContactPerson, 'id'> }) {
  const key = ['contact-person', cp.id, 'payment'];
  const q = useQuery({ queryKey: key, queryFn: () => api<Payment>(`/contact-persons/${cp.id}/payment`) });
  return (
    <Section title="Bank och skatt" id="payment">
      <p className="muted">Bara kontaktsekreterare och lön ser de här uppgifterna.</p>
      {q.isPending && <Loading label="Hämtar bankuppgifter" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <PaymentForm key={q.data.version ?? 0} cp={cp} data={q.data} queryKey={key} />}
    </Section>
  );
}

function PaymentForm({ cp, data, queryKey }: { cp: Pick<ContactPerson, 'id'>; data: Payment; queryKey: string[] }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'payment',
    initial: { clearingNumber: data.clearingNumber ?? '', accountNumber: data.accountNumber ?? '', taxTable: data.taxTable ? String(data.taxTable) : '' },
    schema: paymentBody,
    toBody: (v) => ({ version: data.version, clearingNumber: v.clearingNumber, accountNumber: v.accountNumber, taxTable: v.taxTable ? Number(v.taxTable) : null }),
    onSubmit: async (body) => {
      qc.setQueryData(queryKey, await api<Payment>(`/contact-persons/${cp.id}/payment`, { body, method: 'PUT' }));
    },
  });
  return (
    <>
      {data.registered ? <SummaryList rows={[['Bank', data.bankName]]} /> : <Notice tone="info" title="Inga bankuppgifter registrerade" />}
      <Form form={form} aria-label="Bank- och skatteuppgifter">
        <TextInput name="clearingNumber" label="Clearingnummer" inputMode="numeric" width="s" autoComplete="off" />
        <TextInput name="accountNumber" label="Kontonummer" inputMode="numeric" width="m" autoComplete="off" />
        <TextInput name="taxTable" label="Skattetabell" optional inputMode="numeric" width="xs" autoComplete="off" />
        <SubmitButton form={form}>Spara bankuppgifter</SubmitButton>
      </Form>
    </>
  );
}
