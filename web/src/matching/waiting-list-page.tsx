// Väntelista (/vantelista): every confirmed order whose decision waits for a contact person, the nearest deadline
// first. Past the deadline (reportable to IVO) the row says so in words, in red.
import { useQuery } from '@tanstack/react-query';
import { routeLabel } from '../../../src/intake/schema';
import { api } from '../platform/api';
import { useCan } from '../platform/auth';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, type ColumnDef } from '../platform/table';
import { Badge, Link, LinkButton, ProtectedBadge } from '../platform/ui';
import { waitingListKey, type WaitingItemOut, type WaitingListOut } from './api';

type Row = WaitingItemOut & { id: string };

export function wishesText(w: WaitingItemOut['wishes']): string {
  const parts: string[] = [];
  if (w.gender) parts.push(`${w.gender}${w.genderRequired ? ' (krav)' : ''}`);
  if (w.ageMin !== null || w.ageMax !== null) parts.push(`${w.ageMin ?? '?'}–${w.ageMax ?? '?'} år`);
  if (w.interests.length) parts.push(`Intressen: ${w.interests.join(', ')}`);
  if (w.languages.length) parts.push(`Språk: ${w.languages.join(', ')}`);
  if (w.other) parts.push(w.other);
  return parts.join('. ') || 'Inga önskemål';
}

export function DaysLeft({ r }: { r: Pick<WaitingItemOut, 'daysLeft' | 'pastDeadline'> }) {
  if (r.pastDeadline) return <strong className="stat-danger-text">{`${-r.daysLeft} dagar för sent – ska rapporteras till IVO`}</strong>;
  return <span>{r.daysLeft === 0 ? 'Sista dagen i dag' : `${r.daysLeft} dagar kvar`}</span>;
}

export function WaitingListPage() {
  const canPropose = useCan('assignment:write');
  const q = useQuery({ queryKey: waitingListKey, queryFn: () => api<WaitingListOut>('/matching/waiting-list') });
  const columns: ColumnDef<Row>[] = [
    { id: 'caseNumber', label: 'Beställning', isRowHeader: true, render: (r) => <Link href={`/bestallningar/${r.orderId}/kandidater`} className="nowrap">{r.caseNumber}</Link> },
    {
      id: 'person',
      label: 'Person',
      render: (r) => (
        <>
          {r.person.name}
          <span className="tags">
            {r.person.protectedIdentity && <ProtectedBadge />}
            {r.replacement && <Badge tone="warning">Avbrott – ersättare behövs</Badge>}
          </span>
          <span className="block">{routeLabel[r.route]}</span>
        </>
      ),
    },
    { id: 'decision', label: 'Beslut', render: (r) => <span className="nowrap">{r.decisionDate}</span> },
    { id: 'waited', label: 'Väntat', render: (r) => <span className="nowrap">{`${r.daysWaited} dagar`}</span> },
    {
      id: 'deadline',
      label: 'Verkställas senast',
      render: (r) => (
        <>
          <span className="nowrap">{r.executionDeadline}</span>
          <span className="block">
            <DaysLeft r={r} />
          </span>
        </>
      ),
    },
    { id: 'wishes', label: 'Önskemål', render: (r) => wishesText(r.wishes) },
    { id: 'count', label: 'Kontaktpersoner', render: (r) => `${r.started} av ${r.granted} har börjat${r.needed > 0 ? `, ${r.needed} behövs` : ''}` },
    {
      id: 'offers',
      label: 'Erbjudanden',
      render: (r) =>
        r.offers.length === 0 ? (
          'Inga än'
        ) : (
          <ul className="plain-list">
            {r.offers.map((o) => (
              <li key={o.id}>
                {`${o.contactPerson.name}, ${o.offeredDate}: ${o.closedLabel ?? o.responseLabel}`}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Page title="Väntelista" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Beslut som väntar på en kontaktperson. Den som är närmast sista dagen för verkställighet står först.">
      {q.isPending && <Loading label="Hämtar väntelistan" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          {q.data.pastDeadline > 0 && (
            <p className="stat-danger-text">
              <strong>{q.data.pastDeadline === 1 ? '1 beslut är inte verkställt i tid.' : `${q.data.pastDeadline} beslut är inte verkställda i tid.`}</strong>
            </p>
          )}
          {canPropose && (
            <p>
              <LinkButton variant="secondary" href="/vantelista/forslag">
                Förslag för hela väntelistan
              </LinkButton>
            </p>
          )}
          <DataTable label="Väntelista" columns={columns} rows={q.data.items.map((i) => ({ ...i, id: i.orderId }))} empty="Inga beslut väntar på en kontaktperson." />
        </>
      )}
    </Page>
  );
}
