// Reminders: requirements that run out within the configured days (or have run out) and contact persons the
// coordinator has not been in touch with for too long. The start page shows the first few.
import { useQuery } from '@tanstack/react-query';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Link } from '../platform/ui';
import type { Reminders } from './api';

export const remindersQuery = { queryKey: ['contact-persons', 'reminders'], queryFn: () => api<Reminders>('/contact-persons/reminders') };

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

/** The coordinator's start-page block: counts and the first reminders. */
export function ReminderSummary() {
  const q = useQuery(remindersQuery);
  return (
    <section className="section" aria-labelledby="cp-reminders-heading">
      <h2 id="cp-reminders-heading">Kontaktpersoner att följa upp</h2>
      {q.isPending && <Loading label="Hämtar påminnelser" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data &&
        (q.data.items.length === 0 ? (
          <p>Inga krav går ut de närmaste {q.data.withinDays} dagarna.</p>
        ) : (
          <ul className="warning-list">
            {q.data.items.slice(0, 5).map((r) => (
              <li key={`${r.contactPersonId}-${r.kind}-${r.requirement ?? ''}-${r.date}`}>
                <Link href={`/kontaktpersoner/${r.contactPersonId}`}>{r.name}</Link> – {r.message}
              </li>
            ))}
          </ul>
        ))}
      <p className="card-links">
        <Link href="/kontaktpersoner/paminnelser">Alla påminnelser</Link>
        <Link href="/kontaktpersoner?visa=nya">Nya ansökningar</Link>
      </p>
    </section>
  );
}
