// Reminders: requirements that run out within the configured days (or have run out) and contact persons the
// coordinator has not been in touch with for too long, a page at a time, narrowed to one kind if wanted (in the
// address). The start page shows the first few (reminder-summary.tsx).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager } from '../platform/table';
import { Badge, Link } from '../platform/ui';
import type { Reminders } from './api';
import { remindersQueryKey } from './reminder-summary';

const PAGE_SIZE = 50;
const KINDS = [
  { value: '', label: 'Alla' },
  { value: 'expired', label: 'Har gått ut' },
  { value: 'expiring', label: 'Går snart ut' },
  { value: 'no_contact', label: 'Ingen kontakt' },
] as const;

export function RemindersPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);
  const kind = KINDS.find((k) => k.value === params.get('visa'))?.value ?? '';
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (kind) query.set('kind', kind);
  const q = useQuery({ queryKey: [...remindersQueryKey, query.toString()], queryFn: () => api<Reminders>(`/contact-persons/reminders?${query}`), placeholderData: keepPreviousData });
  const count = (k: string) => (!q.data ? null : k === 'expired' ? q.data.counts.expired : k === 'expiring' ? q.data.counts.expiring : k === 'no_contact' ? q.data.counts.noContact : q.data.counts.expired + q.data.counts.expiring + q.data.counts.noContact);
  return (
    <Page title="Påminnelser" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Kontaktpersoner', href: '/kontaktpersoner' }]}>
      <nav className="tabs" aria-label="Vilka påminnelser">
        <ul>
          {KINDS.map((k) => (
            <li key={k.value}>
              <Link href={k.value ? `/kontaktpersoner/paminnelser?visa=${k.value}` : '/kontaktpersoner/paminnelser'} className={`tab${kind === k.value ? ' active' : ''}`} aria-current={kind === k.value ? 'page' : undefined}>
                {k.label}
                {count(k.value) != null && ` (${count(k.value)})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
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
              { id: 'assignments', label: 'Pågående uppdrag att följa upp', render: (r) => (r.assignmentsToFollowUp > 0 ? String(r.assignmentsToFollowUp) : '–') },
            ]}
            rows={q.data.items.map((r) => ({ ...r, id: `${r.contactPersonId}-${r.kind}-${r.requirement ?? ''}-${r.date}` }))}
            empty="Inga påminnelser just nu."
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
            label="Sidor med påminnelser"
          />
        </>
      )}
    </Page>
  );
}
