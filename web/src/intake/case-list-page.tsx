// "Mina ärenden" (and for an enhetschef "Enhetens ärenden"): sortable, paged, with derived status and warnings.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { routeLabel } from '../../../src/intake/schema';
import { api } from '../platform/api';
import { useCan } from '../platform/auth';
import { daysAgo } from '../platform/dates';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, type ColumnDef, type Sort } from '../platform/table';
import { Badge, Link, ProtectedBadge } from '../platform/ui';
import type { CaseList, CaseSummary } from './api';

const SORTS = ['receivedDate', 'caseNumber', 'personName', 'status'] as const;
type SortKey = (typeof SORTS)[number];
const PAGE_SIZE = 25;

export function CaseListPage() {
  const canSeeUnit = useCan('case:assign');
  const [params, setParams] = useSearchParams();
  const scope = canSeeUnit && params.get('omfang') === 'enhet' ? 'unit' : 'mine';
  const sortParam = params.get('sortering');
  const sort: SortKey = (SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'receivedDate';
  const order = params.get('ordning') === 'stigande' ? 'asc' : params.get('ordning') === 'fallande' ? 'desc' : sort === 'receivedDate' ? 'desc' : 'asc';
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);

  const q = useQuery({
    queryKey: ['cases', { scope, sort, order, page, pageSize: PAGE_SIZE }],
    queryFn: () => api<CaseList>(`/cases?scope=${scope}&sort=${sort}&order=${order}&page=${page}&pageSize=${PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });

  function update(next: Record<string, string | null>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  }

  const title = scope === 'unit' ? 'Enhetens ärenden' : 'Mina ärenden';
  const columns: ColumnDef<CaseSummary>[] = [
    { id: 'caseNumber', label: 'Ärende', isRowHeader: true, sortable: true, render: (c) => <Link href={`/arenden/${c.id}`} className="nowrap">{c.caseNumber}</Link> },
    {
      id: 'personName',
      label: 'Person',
      sortable: true,
      render: (c) => (
        <>
          {c.person.name}
          {c.person.protectedIdentity && (
            <span className="tags">
              <ProtectedBadge />
            </span>
          )}
        </>
      ),
    },
    { id: 'route', label: 'Lag', sortable: false, render: (c) => <span className="nowrap">{routeLabel[c.route]}</span> },
    {
      id: 'receivedDate',
      label: 'Inkom',
      sortable: true,
      render: (c) => (
        <>
          <span className="nowrap">{c.receivedDate}</span>
          <span className="muted block nowrap">{daysAgo(c.daysSinceReceived)}</span>
        </>
      ),
    },
    { id: 'status', label: 'Status', sortable: true, render: (c) => <Badge tone="info">{c.statusLabel}</Badge> },
    {
      id: 'warnings',
      label: 'Varningar',
      sortable: false,
      render: (c) =>
        c.warnings.length === 0 ? (
          <span className="muted">Inga</span>
        ) : (
          <ul className="cell-warnings">
            {c.warnings.map((w) => (
              <li key={w.code}>
                {/* An order not confirmed in time is red (on the provider's side too). */}
                {w.code === 'ORDER_NOT_CONFIRMED' ? <span className="badge badge-danger">{w.message}</span> : <Badge tone="warning">{w.message}</Badge>}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  if (scope === 'unit') columns.splice(2, 0, { id: 'responsible', label: 'Ansvarig', sortable: false, render: (c) => c.responsible.name });

  const tableSort: Sort = { column: sort, direction: order };

  return (
    <Page title={title} breadcrumbs={[{ label: 'Start', href: '/' }]}>
      {canSeeUnit && (
        <nav className="tabs" aria-label="Vilka ärenden">
          <ul>
            <li>
              <Link href="/arenden" className={`tab${scope === 'mine' ? ' active' : ''}`} aria-current={scope === 'mine' ? 'page' : undefined}>
                Mina ärenden
              </Link>
            </li>
            <li>
              <Link href="/arenden?omfang=enhet" className={`tab${scope === 'unit' ? ' active' : ''}`} aria-current={scope === 'unit' ? 'page' : undefined}>
                Enhetens ärenden
              </Link>
            </li>
          </ul>
        </nav>
      )}
      <p className="muted">Du registrerar en ny ansökan eller aktualisering från personens sida. <Link href="/personer">Sök person</Link>.</p>
      {q.isPending && <Loading label="Hämtar ärenden" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <DataTable
            label={title}
            columns={columns}
            rows={q.data.items}
            sort={tableSort}
            onSortChange={(s) => update({ sortering: s.column, ordning: s.direction === 'asc' ? 'stigande' : 'fallande', sida: null })}
            empty={scope === 'mine' ? 'Du har inga ärenden just nu.' : 'Enheten har inga ärenden just nu.'}
          />
          <Pager page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} onPage={(p) => update({ sida: String(p) })} label="Sidor i ärendelistan" />
        </>
      )}
    </Page>
  );
}
