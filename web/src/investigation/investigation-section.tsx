// The investigation's part of the case page: the meeting (book, rebook, cancel, held; the summons letter and the
// calendar file; the booking history) and the investigation's state with its eligibility warnings. The form itself
// is its own page (investigation-page.tsx, /arenden/:id/utredning).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bookingKindLabel, bookingStateLabel } from '../../../src/investigation/rules';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { Loading, PageError } from '../platform/states';
import { Button, ButtonRow, LinkButton, Notice, Section, SummaryList } from '../platform/ui';
import type { CaseSectionProps } from '../intake/case-step';
import { currentBookingOf, investigationPath, investigationQueryKey, type Booking, type Investigation } from './api';
import { BookForm, CancelForm, HeldForm, RebookForm } from './booking-forms';

export function InvestigationSection({ c, notice }: CaseSectionProps) {
  // The investigation follows an acknowledged application.
  const enabled = c.acknowledgedDate !== null;
  const q = useQuery({ queryKey: investigationQueryKey(c.id), queryFn: () => api<Investigation>(`/cases/${c.id}/investigation`), enabled });
  if (!enabled) return null;
  if (q.isPending) return <Loading label="Hämtar utredningen" />;
  if (q.isError) return <PageError error={q.error} title="Utredningen kunde inte hämtas" />;
  return (
    <>
      <MeetingSection inv={q.data} notice={notice} />
      <InvestigationSummary inv={q.data} />
    </>
  );
}

export function bookingWhen(b: Booking): string {
  return `${b.date} klockan ${b.time} (${b.durationMinutes} min)`;
}

function participants(b: Booking): string {
  return [
    b.personTakesPart ? 'Personen' : null,
    b.representative ? `Företrädare: ${b.representative}` : null,
    b.interpreterLanguage ? `Tolk på ${b.interpreterLanguage.toLowerCase()}` : null,
    b.otherParticipants,
  ]
    .filter(Boolean)
    .join(', ');
}

function MeetingSection({ inv, notice }: { inv: Investigation; notice: CaseSectionProps['notice'] }) {
  const qc = useQueryClient();
  const reload = () => void qc.invalidateQueries({ queryKey: investigationQueryKey(inv.caseId) });
  const [mode, setMode] = useState<'view' | 'rebook' | 'cancel'>('view');
  const current = currentBookingOf(inv);
  const history = inv.bookings.filter((b) => b !== current);
  const files = (b: Booking) => `/api/cases/${inv.caseId}/investigation/bookings/${b.id}`;
  return (
    <Section title="Utredningsmöte" id="investigation-meeting">
      {current ? (
        <>
          <SummaryList
            rows={[
              ['Bokat', bookingWhen(current)],
              ['Sätt', bookingKindLabel[current.kind]],
              ['Plats', current.place],
              ['Med på mötet', participants(current)],
            ]}
          />
          <p className="button-row">
            <a className="btn btn-secondary" href={`${files(current)}/kallelse.pdf`} download>
              Ladda ner kallelse (PDF)
            </a>
            <a className="btn btn-secondary" href={`${files(current)}/kalender.ics`} download>
              Lägg till i kalendern (.ics)
            </a>
          </p>
          {inv.abilities.canBook && mode === 'view' && (
            <ButtonRow>
              <Button variant="secondary" onPress={() => setMode('rebook')}>
                Boka om mötet
              </Button>
              <Button variant="secondary" onPress={() => setMode('cancel')}>
                Avboka mötet
              </Button>
              {current.date <= today() && <HeldForm inv={inv} booking={current} notice={notice} reload={reload} />}
            </ButtonRow>
          )}
          {mode === 'rebook' && <RebookForm inv={inv} booking={current} notice={notice} onClose={() => setMode('view')} reload={reload} />}
          {mode === 'cancel' && <CancelForm inv={inv} booking={current} notice={notice} onClose={() => setMode('view')} reload={reload} />}
        </>
      ) : inv.abilities.canBook ? (
        <>
          <p>Boka ett möte med personen för utredningen: besök på kontoret, hembesök eller telefon. När mötet är bokat är ärendet under utredning.</p>
          <BookForm inv={inv} notice={notice} />
        </>
      ) : (
        <p className="muted">Inget möte är bokat.</p>
      )}
      {history.length > 0 && (
        <>
          <h3>Tidigare bokningar</h3>
          <table className="simple-table">
            <caption className="visually-hidden">Tidigare bokningar av utredningsmötet</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Sätt</th>
                <th scope="col">Status</th>
                <th scope="col">Orsak</th>
              </tr>
            </thead>
            <tbody>
              {history.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{bookingWhen(b)}</th>
                  <td>{bookingKindLabel[b.kind]}</td>
                  <td>{bookingStateLabel[b.state]}</td>
                  <td>{b.changeReason ?? <span className="muted">Ingen orsak angiven</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function InvestigationSummary({ inv }: { inv: Investigation }) {
  return (
    <Section title="Utredning" id="investigation">
      <SummaryList
        rows={[
          ['Påbörjad', inv.startedDate ?? 'Inte påbörjad'],
          ['Klar', inv.completedDate ?? 'Inte klar'],
          ['Obesvarade frågor om annat stöd', inv.unansweredSources.length === 0 ? 'Alla besvarade' : String(inv.unansweredSources.length)],
        ]}
      />
      {inv.warnings.map((w) => (
        <Notice key={w.code} tone="warning" title={w.message}>
          {inv.form.warningReasons[w.code] ? <p>Motivering: {inv.form.warningReasons[w.code]}</p> : <p>Motivering saknas.</p>}
        </Notice>
      ))}
      <ButtonRow>
        {inv.exists && (
          <a className="btn btn-secondary" href={`/api/cases/${inv.caseId}/investigation/utredning.pdf`} download>
            Ladda ner utredningen (PDF)
          </a>
        )}
        <LinkButton href={investigationPath(inv.caseId)} variant={inv.completedDate ? 'secondary' : 'primary'}>
          {inv.completedDate ? 'Visa utredningen' : inv.exists ? 'Fortsätt med utredningen' : 'Börja utredningen'}
        </LinkButton>
      </ButtonRow>
    </Section>
  );
}
