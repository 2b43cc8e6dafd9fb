// Förslag för hela väntelistan (/vantelista/forslag): the best assignment of every waiting order to free contact
// persons (the whole list at once, prioritising the longest waits and nearest deadlines). Only a proposal: the
// coordinator offers pair by pair.
import { useQuery } from '@tanstack/react-query';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, type ColumnDef } from '../platform/table';
import { Link, ProtectedBadge, Section } from '../platform/ui';
import type { ProposalOut } from './api';
import { OfferButton } from './offer-button';

type Pair = ProposalOut['pairs'][number] & { id: string };
type Left = ProposalOut['unmatched'][number] & { id: string };

function daysLeftText(n: number) {
  return n < 0 ? `${-n} dagar för sent` : `${n} dagar kvar`;
}

export function ProposalPage() {
  const notice = useActionNotice();
  const q = useQuery({ queryKey: ['matching', 'proposal'], queryFn: () => api<ProposalOut>('/matching/proposal', { method: 'POST' }), staleTime: Number.POSITIVE_INFINITY });
  const person = (p: { name: string; protectedIdentity: boolean }) => (
    <>
      {p.name}
      {p.protectedIdentity && (
        <span className="tags">
          <ProtectedBadge />
        </span>
      )}
    </>
  );
  const pairColumns: ColumnDef<Pair>[] = [
    { id: 'caseNumber', label: 'Beställning', isRowHeader: true, render: (r) => <Link href={`/bestallningar/${r.orderId}/kandidater`}>{r.caseNumber}</Link> },
    { id: 'person', label: 'Person', render: (r) => person(r.person) },
    { id: 'left', label: 'Tid kvar', render: (r) => (r.daysLeft < 0 ? <strong className="stat-danger-text">{daysLeftText(r.daysLeft)}</strong> : daysLeftText(r.daysLeft)) },
    { id: 'cp', label: 'Föreslagen kontaktperson', render: (r) => r.contactPerson.name },
    { id: 'why', label: 'Varför', render: (r) => (r.reasons.length ? r.reasons.map((x) => x.text).join('. ') : 'Uppfyller kraven') },
    { id: 'offer', label: 'Erbjud', render: (r) => <OfferButton orderId={r.orderId} contactPerson={r.contactPerson} notice={notice} /> },
  ];
  const leftColumns: ColumnDef<Left>[] = [
    { id: 'caseNumber', label: 'Beställning', isRowHeader: true, render: (r) => <Link href={`/bestallningar/${r.orderId}/kandidater`}>{r.caseNumber}</Link> },
    { id: 'person', label: 'Person', render: (r) => person(r.person) },
    { id: 'left', label: 'Tid kvar', render: (r) => daysLeftText(r.daysLeft) },
    { id: 'why', label: 'Varför ingen', render: (r) => r.whyLabel },
  ];
  return (
    <Page
      title="Förslag för hela väntelistan"
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Väntelista', href: '/vantelista' },
      ]}
      lead="Den bästa fördelningen av lediga kontaktpersoner på alla beslut som väntar. De som väntat längst och är närmast sista dagen går först. Inget bokas förrän du erbjuder."
    >
      <ActionNotice notice={notice} />
      {q.isPending && <Loading label="Räknar fram förslaget" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <p>
            {`${q.data.orders} beslut väntar, ${q.data.candidates} kontaktpersoner har ledig plats. Förslaget ger ${q.data.pairs.length} par.`}
            {q.data.covered > 0 && ` ${q.data.covered === 1 ? 'Ett beslut' : `${q.data.covered} beslut`} har redan erbjudanden som väntar på svar och är inte med i förslaget.`}
          </p>
          <Section title="Föreslagna par" id="pairs">
            <DataTable label="Föreslagna par" columns={pairColumns} rows={q.data.pairs.map((p) => ({ ...p, id: `${p.orderId}-${p.contactPerson.id}` }))} empty="Förslaget har inga par." />
          </Section>
          <Section title="Utan kontaktperson i förslaget" id="unmatched">
            <DataTable label="Utan kontaktperson i förslaget" columns={leftColumns} rows={q.data.unmatched.map((u) => ({ ...u, id: u.orderId }))} empty={q.data.orders - q.data.covered > 0 ? 'Alla beslut i förslaget fick en kontaktperson.' : 'Inga beslut att föreslå för.'} />
          </Section>
        </>
      )}
    </Page>
  );
}
