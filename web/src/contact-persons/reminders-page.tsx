// Reminders: requirements that run out within the configured days (or have run out) and contact persons the
// coordinator has not been in touch with for too long. The start page shows the first few (reminder-summary.tsx).
import { useQuery } from '@tanstack/react-query';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Link } from '../platform/ui';
import { remindersQuery } from './reminder-summary';

export function RemindersPage() {
  const q = useQuery(remindersQuery);
  return (
    <Page title="Påminnelser" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Kontaktpersoner', href: '/kontaktpersoner' }]}>
      {q.isPending && <Loading label="Hämtar påminnelser" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <p>
            Krav som går ut inom {q.data.withinDays} dagar, och kontaktpersoner du inte har haft kontakt med på {q.data.contactDays} dagar.
          </p>
          <DataTable
            label="Påminnelser"
            columns={[
              { id: 'name', label: 'Kontaktperson', isRowHeader: true, render: (r) => <Link href={`/kontaktpersoner/${r.contactPersonId}`}>{r.name}</Link> },
              { id: 'kind', label: 'Gäller', render: (r) => <Badge tone="warning">{r.kind === 'no_contact' ? 'Kontakt' : r.kind === 'expired' ? 'Har gått ut' : 'Går snart ut'}</Badge> },
              { id: 'message', label: 'Påminnelse', render: (r) => r.message },
            ]}
            rows={q.data.items.map((r) => ({ ...r, id: `${r.contactPersonId}-${r.kind}-${r.requirement ?? ''}-${r.date}` }))}
            empty="Inga påminnelser just nu."
          />
        </>
      )}
    </Page>
  );
}
