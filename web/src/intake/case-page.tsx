// One case: the shell. Status, the notice after an action and the case's warnings, then every stage's registered
// section in stage order (web/src/case-sections.ts), each showing its next steps by the case's abilities.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { CASE_NOT_FOUND_MESSAGE } from '../../../src/intake/labels';
import { routeLabel } from '../../../src/intake/schema';
import { caseSections } from '../case-sections';
import { api, isApiError } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Badge, Notice, ProtectedBadge } from '../platform/ui';
import { caseQueryKey, type Case } from './api';

export function CasePage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: caseQueryKey(id), queryFn: () => api<Case>(`/cases/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar ärendet" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden what="case" message={CASE_NOT_FOUND_MESSAGE} />;
    return <PageError error={q.error} />;
  }
  return <CaseView c={q.data} />;
}

function CaseView({ c }: { c: Case }) {
  const notice = useActionNotice();
  return (
    <Page
      title={`Ärende ${c.caseNumber}`}
      breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Ärenden', href: '/arenden' }]}
      tags={
        <>
          {/* The status, once: the summary and the notices below do not repeat it. */}
          <span className="page-status">
            Status: <Badge tone="info">{c.statusLabel}</Badge>
          </span>
          <Badge>{routeLabel[c.route]}</Badge>
          {c.person.protectedIdentity && <ProtectedBadge />}
        </>
      }
    >
      <ActionNotice notice={notice} />
      {c.warnings.map((w) => (
        <Notice key={w.code} tone={w.code === 'ORDER_NOT_CONFIRMED' ? 'error' : 'warning'} title={w.message} />
      ))}
      {caseSections.map(({ id, Section }) => (
        <Section key={id} c={c} notice={notice} />
      ))}
    </Page>
  );
}
