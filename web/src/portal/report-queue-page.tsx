// The coordinator's monthly reports (/manadsrapporter): the submitted reports waiting for approval — those whose
// meetings deviate much from the agreement highlighted, late ones marked — and the months not reported yet.
import { useQuery } from '@tanstack/react-query';
import type { DueReportsOut, ReportQueueOut } from '../../../src/portal/schema';
import { api } from '../platform/api';
import { can, useCurrentUser } from '../platform/auth';
import { formatDateTime } from '../platform/dates';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Link, Section } from '../platform/ui';

export function ReportQueuePage() {
  const me = useCurrentUser();
  return (
    <Page title="Månadsrapporter" lead="Kontaktpersonernas rapporter om träffar och utgifter. Godkända rapporter går till lönen.">
      {can(me, 'report:approve') && <Queue />}
      <Due />
    </Page>
  );
}

function Queue() {
  const q = useQuery({ queryKey: ['reports', 'queue'], queryFn: () => api<ReportQueueOut>('/reports/queue') });
  return (
    <Section title="Att godkänna" id="queue">
      {q.isPending && <Loading label="Hämtar rapporterna" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <DataTable
          label="Rapporter att godkänna"
          columns={[
            { id: 'who', label: 'Kontaktperson', isRowHeader: true, render: (r) => <Link href={`/manadsrapporter/${r.id}`}>{`${r.contactPersonName} (${r.monthLabel})`}</Link> },
            { id: 'person', label: 'Uppdraget med', render: (r) => r.personFirstName },
            {
              id: 'meetings',
              label: 'Träffar',
              render: (r) => (
                <>
                  {r.meetings}
                  {r.expected !== null ? ` av ${String(r.expected).replace('.', ',')} avtalade` : ''}
                  {r.deviationLabel && (
                    <>
                      {' '}
                      <Badge tone="warning">{r.deviationLabel}</Badge>
                    </>
                  )}
                </>
              ),
            },
            { id: 'expenses', label: 'Utgifter', render: (r) => r.expensesText },
            {
              id: 'submitted',
              label: 'Inskickad',
              render: (r) => (
                <>
                  {r.submittedAt ? formatDateTime(r.submittedAt) : '–'}
                  {r.late && (
                    <>
                      {' '}
                      <Badge tone="warning">Sen</Badge>
                    </>
                  )}
                </>
              ),
            },
          ]}
          rows={q.data.items}
          empty="Inga rapporter väntar på godkännande."
        />
      )}
    </Section>
  );
}

function Due() {
  const q = useQuery({ queryKey: ['reports', 'due'], queryFn: () => api<DueReportsOut>('/reports/due') });
  return (
    <Section title="Inte inskickade" id="due">
      <p className="hint">Månader som har tagit slut där kontaktpersonen inte har skickat in någon rapport. Kontaktpersonen ser en påminnelse i portalen.</p>
      {q.isPending && <Loading label="Hämtar listan" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <DataTable
          label="Rapporter som inte har kommit in"
          columns={[
            { id: 'who', label: 'Kontaktperson', isRowHeader: true, render: (d) => <Link href={`/kontaktpersoner/${d.contactPersonId}`}>{d.contactPersonName}</Link> },
            { id: 'person', label: 'Uppdraget med', render: (d) => d.personFirstName },
            { id: 'month', label: 'Månad', render: (d) => d.monthLabel },
            {
              id: 'deadline',
              label: 'Sista dag',
              render: (d) => (
                <>
                  {d.deadline}
                  {d.overdue && (
                    <>
                      {' '}
                      <Badge tone="warning">Försenad</Badge>
                    </>
                  )}
                </>
              ),
            },
            { id: 'status', label: 'Läge', render: (d) => (d.status === 'returned' ? 'Återsänd för komplettering' : d.status === 'draft' ? 'Påbörjad, inte inskickad' : 'Inte påbörjad') },
          ]}
          rows={q.data.items.map((d) => ({ ...d, id: `${d.assignmentId}-${d.month}` }))}
          empty="Alla rapporter som ska in har kommit in."
        />
      )}
    </Section>
  );
}
