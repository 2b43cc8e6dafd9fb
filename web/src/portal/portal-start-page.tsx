// The contact person's start page in the portal (mobile first): reminders of reports not sent in, their own
// assignments and the kontaktpersonsträffar they are invited to. Nothing of the case beyond the person's first name.
import { useQuery } from '@tanstack/react-query';
import type { PortalMeetingsOut } from '../../../src/cp-meetings/schema';
import type { PortalStartOut } from '../../../src/portal/schema';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { Link, Notice } from '../platform/ui';

export function PortalStartPage() {
  const q = useQuery({ queryKey: ['portal', 'start'], queryFn: () => api<PortalStartOut>('/portal/start') });
  const meetings = useQuery({ queryKey: ['portal', 'meetings'], queryFn: () => api<PortalMeetingsOut>('/portal/meetings') });
  if (q.isPending) return <Loading label="Hämtar dina uppdrag" />;
  if (q.isError) return <PageError error={q.error} />;
  const p = q.data;
  return (
    <Page title="Mina uppdrag" heading={`Välkommen, ${p.firstName}`} lead="Här ser du dina uppdrag som kontaktperson och skickar in månadsrapporterna.">
      {p.reminders.length > 0 && (
        <Notice tone="warning" title={p.reminders.length === 1 ? 'En månadsrapport väntar på dig' : `${p.reminders.length} månadsrapporter väntar på dig`}>
          <ul className="plain-list">
            {p.reminders.map((r) => (
              <li key={`${r.assignmentId}-${r.month}`}>
                {r.text} <Link href={`/portalen/uppdrag/${r.assignmentId}#rapporter`}>Rapportera {r.monthLabel} för uppdraget med {r.personFirstName}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <section className="section" aria-labelledby="mine-heading">
        <h2 id="mine-heading">Mina uppdrag</h2>
        {p.assignments.length === 0 ? (
          <p>Du har inga pågående uppdrag just nu.</p>
        ) : (
          <ul className="card-list">
            {p.assignments.map((a) => (
              <li key={a.id} className="card">
                <h3>
                  <Link href={`/portalen/uppdrag/${a.id}`}>Uppdraget med {a.personFirstName}</Link>
                </h3>
                <p>
                  {a.phaseLabel}. Startade {a.startDate ?? '–'}
                  {a.endDate ? `, slutar ${a.endDate}` : ''}.
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Kontaktpersonsträffar</h2>
        {meetings.isPending && <Loading label="Hämtar träffarna" />}
        {meetings.data &&
          (meetings.data.items.length === 0 ? (
            <p>Du är inte inbjuden till någon träff just nu.</p>
          ) : (
            <ul className="card-list">
              {meetings.data.items.map((m) => (
                <li key={m.id} className="card">
                  <h3>{m.topic}</h3>
                  <p>
                    {m.date} klockan {m.time}–{m.endTime}, {m.place}.
                  </p>
                  {m.description && <p className="pre-line">{m.description}</p>}
                  <a className="btn btn-secondary" href={`/api/portal/meetings/${m.id}/kalender.ics`} download>
                    Lägg till i kalendern (.ics)
                  </a>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </Page>
  );
}
