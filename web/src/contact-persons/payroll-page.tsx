// Lön: the approved contact persons and their bank and tax details (nothing else of the register).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { payrollListOut } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Button } from '../platform/ui';
import { PaymentSection } from './payment-section';

type PayrollList = z.infer<typeof payrollListOut>;

export function PayrollPage() {
  const q = useQuery({ queryKey: ['contact-persons', 'payroll'], queryFn: () => api<PayrollList>('/contact-persons/payroll') });
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  return (
    <Page title="Bank och skatt" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Godkända kontaktpersoner och deras bank- och skatteuppgifter för utbetalning av arvode.">
      {q.isPending && <Loading label="Hämtar kontaktpersoner" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <DataTable
          label="Kontaktpersoner"
          columns={[
            { id: 'name', label: 'Kontaktperson', isRowHeader: true, render: (r) => r.name },
            { id: 'approvedDate', label: 'Godkänd', render: (r) => r.approvedDate },
            { id: 'registered', label: 'Bankuppgifter', render: (r) => (r.registered ? <Badge tone="success">Registrerade</Badge> : <Badge tone="warning">Saknas</Badge>) },
            {
              id: 'open',
              label: 'Visa',
              render: (r) => (
                <Button variant="secondary" onPress={() => setOpen({ id: r.id, name: r.name })}>
                  Visa uppgifter för {r.name}
                </Button>
              ),
            },
          ]}
          rows={q.data.items}
          empty="Det finns inga godkända kontaktpersoner."
        />
      )}
      {open && (
        <>
          <h2>{open.name}</h2>
          <PaymentSection key={open.id} cp={open} />
        </>
      )}
    </Page>
  );
}
