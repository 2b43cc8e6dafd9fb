// Kontaktpersonsträffar (/kontaktpersonstraffar): the unit's monthly group meetings for contact persons — plan one
// (everyone with a running assignment of the unit is invited), and the upcoming and past träffar.
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { scheduleMeetingBody, type MeetingListOut, type MeetingOut } from '../../../src/cp-meetings/schema';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { Form, SubmitButton, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Link, Section } from '../platform/ui';
import { emptyMeeting, MeetingFields, meetingBody } from './meeting-form';

type Item = MeetingListOut['items'][number];

const dateLink = (m: Item) => (
  <Link href={`/kontaktpersonstraffar/${m.id}`} aria-label={`Kontaktpersonsträff ${m.date}, ${m.topic}`}>
    {m.date}
  </Link>
);

export function MeetingsPage() {
  const upcoming = useQuery({ queryKey: ['cp-meetings', 'upcoming'], queryFn: () => api<MeetingListOut>('/cp-meetings?when=upcoming') });
  const past = useQuery({ queryKey: ['cp-meetings', 'past'], queryFn: () => api<MeetingListOut>('/cp-meetings?when=past') });
  return (
    <Page
      title="Kontaktpersonsträffar"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Träffar för enhetens kontaktpersoner, ungefär en gång i månaden: erfarenhetsutbyte och information. Alla med ett pågående uppdrag i enheten bjuds in."
    >
      {upcoming.data?.canSchedule && <ScheduleSection />}
      <Section title="Kommande träffar" id="upcoming">
        {upcoming.isPending && <Loading label="Hämtar träffar" />}
        {upcoming.isError && <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
        {upcoming.data && (
          <DataTable
            label="Kommande kontaktpersonsträffar"
            columns={[
              { id: 'date', label: 'Datum', isRowHeader: true, render: dateLink },
              { id: 'time', label: 'Tid', render: (m) => `${m.time}–${m.endTime}` },
              { id: 'place', label: 'Plats', render: (m) => m.place },
              { id: 'topic', label: 'Tema', render: (m) => m.topic },
              { id: 'invited', label: 'Inbjudna', align: 'end', render: (m) => String(m.invited) },
              { id: 'phase', label: 'Läge', render: (m) => (m.phase === 'cancelled' ? <Badge tone="warning">{m.phaseLabel}</Badge> : m.phaseLabel) },
            ]}
            rows={upcoming.data.items}
            empty="Inga träffar är planerade."
          />
        )}
      </Section>
      <Section title="Tidigare träffar" id="past">
        {past.isPending && <Loading label="Hämtar träffar" />}
        {past.isError && <ErrorState error={past.error} onRetry={() => void past.refetch()} />}
        {past.data && (
          <DataTable
            label="Tidigare kontaktpersonsträffar"
            columns={[
              { id: 'date', label: 'Datum', isRowHeader: true, render: dateLink },
              { id: 'topic', label: 'Tema', render: (m) => m.topic },
              { id: 'phase', label: 'Läge', render: (m) => m.phaseLabel },
              {
                id: 'attendance',
                label: 'Närvaro',
                render: (m) => (m.phase === 'cancelled' ? '–' : m.present + m.absent === 0 ? 'Inte registrerad' : `${m.present} av ${m.invited} närvarande`),
              },
            ]}
            rows={past.data.items}
            empty="Inga tidigare träffar."
          />
        )}
      </Section>
    </Page>
  );
}

function ScheduleSection() {
  const navigate = useNavigate();
  const form = useForm({
    id: 'schedule-meeting',
    initial: emptyMeeting(''),
    schema: scheduleMeetingBody,
    toBody: meetingBody,
    check: (_v, body): Record<string, string> => (body.date < today() ? { date: 'Datumet har redan varit. Välj i dag eller ett senare datum.' } : {}),
    onSubmit: async (body) => {
      const m = await api<MeetingOut>('/cp-meetings', { body });
      const invited = m.invitees.length === 1 ? '1 kontaktperson är inbjuden' : `${m.invitees.length} kontaktpersoner är inbjudna`;
      void navigate(`/kontaktpersonstraffar/${m.id}`, { state: { flash: `Träffen är planerad. ${invited}.` } });
    },
  });
  return (
    <Section title="Planera en träff" id="schedule">
      <Form form={form} aria-label="Planera en träff">
        <MeetingFields />
        <SubmitButton form={form}>Planera och bjud in</SubmitButton>
      </Form>
    </Section>
  );
}
