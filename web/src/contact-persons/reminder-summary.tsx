// The coordinator's start-page block of reminders. A file of its own, so the start page (loaded at `/`) does not pull
// the reminders page and its table into the first download. It asks for the first 5 and the counts, never all of them.
import { useQuery } from '@tanstack/react-query';
import { api } from '../platform/api';
import { ErrorState, Loading } from '../platform/states';
import { Link } from '../platform/ui';
import type { Reminders } from './api';

export const remindersQueryKey = ['contact-persons', 'reminders'] as const;
const summaryQuery = { queryKey: [...remindersQueryKey, 'summary'], queryFn: () => api<Reminders>('/contact-persons/reminders?page=1&pageSize=5') };

/** The coordinator's start-page block: counts and the first reminders. */
export function ReminderSummary() {
  const q = useQuery(summaryQuery);
  const c = q.data?.counts;
  return (
    <section className="section" aria-labelledby="cp-reminders-heading">
      <h2 id="cp-reminders-heading">Kontaktpersoner att följa upp</h2>
      {q.isPending && <Loading label="Hämtar påminnelser" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data &&
        c &&
        (q.data.total === 0 ? (
          <p>Inga krav går ut de närmaste {q.data.withinDays} dagarna.</p>
        ) : (
          <>
            <p>
              {c.expired} krav har gått ut, {c.expiring} går ut inom {q.data.withinDays} dagar och {c.noContact} kontaktpersoner har du inte haft kontakt med på{' '}
              {q.data.contactDays} dagar.
            </p>
            <ul className="warning-list">
              {q.data.items.map((r) => (
                <li key={`${r.contactPersonId}-${r.kind}-${r.requirement ?? ''}-${r.date}`}>
                  <Link href={`/kontaktpersoner/${r.contactPersonId}`}>{r.name}</Link> – {r.message}
                </li>
              ))}
            </ul>
          </>
        ))}
      <p className="card-links">
        <Link href="/kontaktpersoner/paminnelser">Alla påminnelser</Link>
        <Link href="/kontaktpersoner?visa=nya">Nya ansökningar</Link>
      </p>
    </section>
  );
}
