// The provider's inbox (/bestallningar): orders sent to the kontaktsekreterare's unit that are neither confirmed nor
// returned with a question, oldest first; red when not confirmed in time.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { routeLabel } from '../../../src/intake/schema';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, type ColumnDef } from '../platform/table';
import { Badge, Link, ProtectedBadge } from '../platform/ui';
import { inboxQueryKey, type Inbox, type OrderSummary } from './api';
import { OverdueBadge } from './order-details';

const PAGE_SIZE = 25;

export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);
  const q = useQuery({
    queryKey: inboxQueryKey(page, PAGE_SIZE),
    queryFn: () => api<Inbox>(`/orders?page=${page}&pageSize=${PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnDef<OrderSummary>[] = [
    { id: 'caseNumber', label: 'Beställning', isRowHeader: true, render: (o) => <Link href={`/bestallningar/${o.id}`} className="nowrap">{o.caseNumber}</Link> },
    {
      id: 'person',
      label: 'Person',
      render: (o) => (
        <>
          {o.person.name}
          {o.person.protectedIdentity && (
            <span className="tags">
              <ProtectedBadge />
            </span>
          )}
        </>
      ),
    },
    { id: 'route', label: 'Lag', render: (o) => <span className="nowrap">{routeLabel[o.route]}</span> },
    { id: 'sentDate', label: 'Skickad', render: (o) => <span className="nowrap">{o.sentDate}</span> },
    {
      id: 'deadline',
      label: 'Bekräftas senast',
      render: (o) => (
        <>
          <span className="nowrap">{o.confirmDeadline}</span>
          {o.overdue && (
            <span className="cell-warnings block">
              <OverdueBadge />
            </span>
          )}
        </>
      ),
    },
    { id: 'state', label: 'Status', render: (o) => <Badge tone="info">{o.stateLabel}</Badge> },
  ];
  return (
    <Page title="Inkomna beställningar" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Beställningar som väntar på att du bekräftar att de är mottagna. Den äldsta står först.">
      {q.isPending && <Loading label="Hämtar beställningar" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          {q.data.overdue > 0 && (
            <p className="stat-danger-text">
              <strong>{q.data.overdue === 1 ? '1 beställning är inte bekräftad i tid.' : `${q.data.overdue} beställningar är inte bekräftade i tid.`}</strong>
            </p>
          )}
          <DataTable label="Inkomna beställningar" columns={columns} rows={q.data.items} empty="Det finns inga beställningar som väntar." />
          <Pager page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} onPage={(p) => setParams({ sida: String(p) })} label="Sidor i listan" />
        </>
      )}
    </Page>
  );
}
