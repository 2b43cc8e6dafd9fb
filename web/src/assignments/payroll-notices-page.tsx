// Lön: the anställningsuppgifter the kontaktsekreterare have sent (/lon/anstallningsuppgifter), by the month they
// were sent; each as PDF, all of the month as CSV for Excel. Only what payroll needs: the contact person, the
// assignment by case number, level, amounts per month and start date (bank and tax details for lön only).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { payrollNoticeListOut } from '../../../src/assignments/plan-pay/schema';
import { formatKronor } from '../../../src/payments/rules';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Section } from '../platform/ui';

type NoticeList = z.infer<typeof payrollNoticeListOut>;

/** The last 24 months, newest first, as "YYYY-MM". */
function months(): string[] {
  const [y, m] = today().split('-').map(Number);
  return Array.from({ length: 24 }, (_, i) => {
    const t = y * 12 + (m - 1) - i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}

export function PayrollNoticesPage() {
  const [month, setMonth] = useState(today().slice(0, 7));
  const q = useQuery({ queryKey: ['payroll-notices', month], queryFn: () => api<NoticeList>(`/payroll-notices?month=${month}`) });
  return (
    <Page
      title="Anställningsuppgifter"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Kontaktpersoner som har fått ett uppdrag. Uppgifterna visar nivå, arvode och omkostnad per månad enligt arvodestabellen för startdatumets år."
    >
      <Section title="Välj månad" id="month">
        <div className="field">
          <label className="label" htmlFor="notice-month">
            Skickade till lön under
          </label>
          <select id="notice-month" className="input" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months().map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <p>
          <a className="btn btn-secondary" href={`/api/payroll-notices/export.csv?month=${month}`} download>
            Hämta {month} som CSV för Excel
          </a>
        </p>
      </Section>
      {q.isPending && <Loading label="Hämtar anställningsuppgifter" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <DataTable
          label={`Anställningsuppgifter ${month}`}
          columns={[
            { id: 'cp', label: 'Kontaktperson', isRowHeader: true, render: (n) => (
                <>
                  {n.contactPerson.name}
                  <span className="muted block">{n.contactPerson.identityNumber}</span>
                </>
              ) },
            { id: 'case', label: 'Ärende', render: (n) => n.caseNumber },
            { id: 'level', label: 'Nivå', render: (n) => n.level.name },
            { id: 'arvode', label: 'Arvode per månad', align: 'end', render: (n) => formatKronor(n.arvode) },
            { id: 'omkostnad', label: 'Omkostnad per månad', align: 'end', render: (n) => formatKronor(n.omkostnad) },
            { id: 'start', label: 'Startdatum', render: (n) => n.startDate },
            { id: 'sent', label: 'Skickad', render: (n) => n.sentDate },
            {
              id: 'pdf',
              label: 'Dokument',
              render: (n) => (
                <a href={`/api/payroll-notices/${n.assignmentId}/pdf`} download aria-label={`Hämta anställningsuppgifter för ${n.contactPerson.name} som PDF`}>
                  PDF
                </a>
              ),
            },
          ]}
          rows={q.data.items.map((n) => ({ ...n, id: n.assignmentId }))}
          empty={`Inga anställningsuppgifter skickades ${month}.`}
        />
      )}
    </Page>
  );
}
