// One assignment (/uppdrag/:id) as the provider's kontaktsekreterare sees it: the agreement and its PDFs, the
// signatures and the förordnande, verkställ, avbrott and återuppta, avsluta. Its sections come from
// assignment-sections.ts.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, isApiError } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Badge } from '../platform/ui';
import { assignmentQueryKey, type Assignment } from './api';
import { assignmentSections } from './assignment-sections';

const NOT_FOUND = 'Uppdraget finns inte, eller så har du inte behörighet att se det.';

export function AssignmentPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: assignmentQueryKey(id), queryFn: () => api<Assignment>(`/assignments/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar uppdraget" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  return <AssignmentView a={q.data} />;
}

function AssignmentView({ a }: { a: Assignment }) {
  const notice = useActionNotice();
  return (
    <Page
      title={`Uppdrag: ${a.contactPerson.name} för ${a.person.name}`}
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Beställningar', href: '/bestallningar' },
        { label: `Beställning ${a.caseNumber}`, href: `/bestallningar/${a.orderId}` },
      ]}
      tags={<Badge tone={a.phase === 'interrupted' ? 'warning' : a.phase === 'running' ? 'success' : 'neutral'}>{a.phaseLabel}</Badge>}
    >
      <ActionNotice notice={notice} />
      {assignmentSections.map(({ id, Section }) => (
        <Section key={id} a={a} notice={notice} />
      ))}
    </Page>
  );
}
