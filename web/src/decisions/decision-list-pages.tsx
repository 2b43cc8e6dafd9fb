// The enhetschef's approval queue ("Beslut att godkänna") and "Uppföljning och upphörande": decisions in the
// reader's case scope, each linking to its case (where the decision is approved, followed up or renewed).
import { useQuery } from '@tanstack/react-query';
import { decisionOutcomeLabel, formatHours } from '../../../src/decisions/rules';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, type ColumnDef } from '../platform/table';
import { Badge, Link } from '../platform/ui';
import type { DecisionList } from './api';

type Item = DecisionList['items'][number];

const reasonLabel: Record<Item['reasons'][number], string> = {
  awaiting_approval: 'Väntar på godkännande',
  ending: 'Upphör snart',
  follow_up_due: 'Dags för uppföljning',
};

const base: ColumnDef<Item>[] = [
  { id: 'caseNumber', label: 'Ärende', isRowHeader: true, render: (d) => <Link href={`/arenden/${d.caseId}#decision-${d.id}`} className="nowrap">{d.caseNumber}</Link> },
  { id: 'person', label: 'Person', render: (d) => d.personName },
  { id: 'outcome', label: 'Beslut', render: (d) => `${decisionOutcomeLabel[d.outcome]} ${d.decisionDate}` },
  { id: 'hours', label: 'Omfattning', render: (d) => (d.hoursPerMonth ? formatHours(d.hoursPerMonth) : '–') },
  { id: 'persons', label: 'Kontaktpersoner', render: (d) => d.contactPersonCount ?? '–' },
  { id: 'responsible', label: 'Handläggare', render: (d) => d.responsibleName },
];

export function ApprovalQueuePage() {
  const q = useQuery({ queryKey: ['decision-lists', 'approval'], queryFn: () => api<DecisionList>('/decisions/approval-queue') });
  return (
    <Page title="Beslut att godkänna" lead="Beslut som är större än handläggarens delegation. Öppna ärendet för att godkänna beslutet eller skicka tillbaka det.">
      {q.isPending ? (
        <Loading label="Hämtar beslut" />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : (
        <DataTable label="Beslut att godkänna" columns={base} rows={q.data.items} empty="Det finns inga beslut att godkänna." />
      )}
    </Page>
  );
}

export function FollowUpPage() {
  const q = useQuery({ queryKey: ['decision-lists', 'follow-up'], queryFn: () => api<DecisionList>('/decisions/follow-up') });
  const columns: ColumnDef<Item>[] = [
    ...base,
    { id: 'end', label: 'Gäller till', render: (d) => d.endDate ?? 'Tills vidare' },
    { id: 'followUp', label: 'Uppföljning senast', render: (d) => d.followUpDue ?? '–' },
    {
      id: 'why',
      label: 'Varför',
      render: (d) => (
        <span className="tags">
          {d.reasons.map((r) => (
            <Badge key={r} tone="warning">
              {reasonLabel[r]}
            </Badge>
          ))}
        </span>
      ),
    },
  ];
  return (
    <Page title="Uppföljning och upphörande" lead="Beslut som snart upphör och beslut som ska följas upp. Förläng eller följ upp beslutet på ärendet.">
      {q.isPending ? (
        <Loading label="Hämtar beslut" />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : (
        <DataTable label="Uppföljning och upphörande" columns={columns} rows={q.data.items} empty="Inga beslut upphör snart eller ska följas upp." />
      )}
    </Page>
  );
}
