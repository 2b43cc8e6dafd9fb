// One of the contact person's assignments: how to reach the person (or, with protected identity, only via the
// coordinator), what they agreed, the genomförandeplan's goals, and the monthly reports: open a month to report it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { PortalAssignmentOut, ReportOut } from '../../../src/portal/schema';
import { api, isApiError } from '../platform/api';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Badge, Button, Notice, Section, SummaryList } from '../platform/ui';

const NOT_FOUND = 'Uppdraget finns inte, eller så är det inte ditt.';

export function PortalAssignmentPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['portal', 'assignment', id], queryFn: () => api<PortalAssignmentOut>(`/portal/assignments/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar uppdraget" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  return <AssignmentView a={q.data} />;
}

function AssignmentView({ a }: { a: PortalAssignmentOut }) {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: (month: string) => api<ReportOut>(`/portal/assignments/${a.id}/reports`, { body: { month } }),
    onSuccess: (r) => navigate(`/portalen/rapporter/${r.id}`),
  });
  const reportOf = new Map(a.reports.map((r) => [r.month, r]));
  return (
    <Page title={`Uppdraget med ${a.personFirstName}`} breadcrumbs={[{ label: 'Mina uppdrag', href: '/portalen' }]} lead={`${a.phaseLabel}. Startade ${a.startDate ?? '–'}${a.endDate ? `, slutar ${a.endDate}` : ''}.`}>
      <Section title={`Så når du ${a.personFirstName}`} id="contact">
        {a.via ? (
          <Notice tone="info">
            <p>{a.via}</p>
          </Notice>
        ) : (
          <SummaryList
            rows={[
              ['Telefon', a.contact?.phone ? <a href={`tel:${a.contact.phone.replace(/[^+0-9]/g, '')}`}>{a.contact.phone}</a> : null],
              ['E-post', a.contact?.email ? <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a> : null],
            ]}
          />
        )}
        <p>
          Din kontaktsekreterare: {a.coordinator.name ?? 'kontaktsekreteraren'}, {a.coordinator.unitName}.
        </p>
      </Section>
      <Section title="Det här har ni kommit överens om" id="agreement">
        <SummaryList
          rows={[
            ['Hur ofta ni träffas', a.frequencyText ?? (a.meetingsPerMonth !== null ? `${a.meetingsPerMonth} gånger i månaden` : null)],
            a.meetingsPerMonth !== null && a.frequencyText ? ['Träffar i månaden', String(a.meetingsPerMonth)] : null,
            ['Aktiviteter', a.activities],
          ]}
        />
      </Section>
      <Section title="Mål i genomförandeplanen" id="goals">
        {a.goals.length === 0 ? (
          <p>Genomförandeplanen är inte skriven än. Kontaktsekreteraren skriver den tillsammans med {a.personFirstName}.</p>
        ) : (
          <ol>
            {a.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Månadsrapporter" id="rapporter">
        {open.isError && (
          <Notice tone="error" live title="Rapporten kunde inte öppnas">
            <p>{open.error.message}</p>
          </Notice>
        )}
        {a.reportableMonths.length === 0 ? (
          <p>Det finns ingen månad att rapportera än.</p>
        ) : (
          <ul className="report-months">
            {a.reportableMonths.map((m) => {
              const r = reportOf.get(m.month);
              return (
                <li key={m.month} className="report-month">
                  <span className="report-month-name">{m.monthLabel}</span>{' '}
                  {r ? (
                    <>
                      <Badge tone={r.status === 'approved' ? 'success' : r.status === 'returned' ? 'warning' : 'neutral'}>{r.statusLabel}</Badge>
                      {r.late && r.status !== 'approved' && <Badge tone="warning">Sen, skulle ha skickats senast {r.deadline}</Badge>}
                    </>
                  ) : (
                    <span className="muted">Inte påbörjad</span>
                  )}{' '}
                  <Button variant="secondary" onPress={() => open.mutate(m.month)} aria-label={`${r ? 'Öppna rapporten' : 'Rapportera'} för ${m.monthLabel}`}>
                    {r ? 'Öppna' : 'Rapportera'}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </Page>
  );
}
