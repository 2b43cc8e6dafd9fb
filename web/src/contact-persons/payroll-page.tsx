// Lön: the approved contact persons and their bank and tax details (nothing else of the register).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { payrollListOut } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager } from '../platform/table';
import { Badge, Button, Link } from '../platform/ui';
import { PaymentSection } from './payment-section';

type PayrollList = z.infer<typeof payrollListOut>;
const PAGE_SIZE = 50;

export function PayrollPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);
  const missing = params.get('visa') === 'saknas';
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (missing) query.set('missing', 'yes');
  const q = useQuery({ queryKey: ['contact-persons', 'payroll', query.toString()], queryFn: () => api<PayrollList>(`/contact-persons/payroll?${query}`), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  return (
    <Page title="Bank och skatt" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Godkända kontaktpersoner och deras bank- och skatteuppgifter för utbetalning av arvode.">
      <nav className="tabs" aria-label="Vilka kontaktpersoner">
        <ul>
          <li>
            <Link href="/lon/bank-och-skatt" className={`tab${!missing ? ' active' : ''}`} aria-current={!missing ? 'page' : undefined}>
              Alla godkända
            </Link>
          </li>
          <li>
            <Link href="/lon/bank-och-skatt?visa=saknas" className={`tab${missing ? ' active' : ''}`} aria-current={missing ? 'page' : undefined}>
              Saknar bankuppgifter{q.data ? ` (${q.data.missing})` : ''}
            </Link>
          </li>
        </ul>
      </nav>
      {q.isPending && <Loading label="Hämtar kontaktpersoner" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
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
          empty={missing ? 'Alla godkända kontaktpersoner har bankuppgifter.' : 'Det finns inga godkända kontaktpersoner.'}
        />
        <Pager
          page={q.data.page}
          pageSize={q.data.pageSize}
          total={q.data.total}
          onPage={(p) => {
            const next = new URLSearchParams(params);
            next.set('sida', String(p));
            setParams(next);
          }}
          label="Sidor med kontaktpersoner"
        />
        </>
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
