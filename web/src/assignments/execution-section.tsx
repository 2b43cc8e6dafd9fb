// The execution on the handläggare's case page (read only, case:read): who started (first name only), when, the
// avbrott and the end, and "Delvis verkställt (1 av 2)". Nothing more of the contact person.
import { useQuery } from '@tanstack/react-query';
import { api } from '../platform/api';
import { ErrorState, Loading } from '../platform/states';
import { Section } from '../platform/ui';
import type { CaseSectionProps } from '../intake/case-step';
import { caseExecutionQueryKey, type CaseExecution } from './api';

export function CaseExecutionSection({ c }: CaseSectionProps) {
  const q = useQuery({ queryKey: caseExecutionQueryKey(c.id), queryFn: () => api<CaseExecution>(`/cases/${c.id}/execution`) });
  if (q.isPending) return <Loading label="Hämtar verkställigheten" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (d.assignments.length === 0) return null;
  return (
    <Section title="Verkställighet" id="execution">
      {d.progressLabel && <p>{d.progressLabel}.</p>}
      <ul className="plain-list">
        {d.assignments.map((x) => (
          <li key={x.id}>
            <strong>Kontaktperson {x.contactPersonFirstName}</strong> – {x.phaseLabel}
            {x.startDate && `. Startade ${x.startDate}`}
            {x.interruptions.map((i) => `. Avbrott från ${i.fromDate}${i.resumedDate ? ` till ${i.resumedDate}` : ''}`).join('')}
            {x.endDate && `. Sista dag ${x.endDate}${x.endReasonLabel ? ` (${x.endReasonLabel.toLowerCase()})` : ''}`}.
          </li>
        ))}
      </ul>
    </Section>
  );
}
