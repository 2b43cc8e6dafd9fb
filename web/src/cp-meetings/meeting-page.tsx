// One kontaktpersonsträff (/kontaktpersonstraffar/:id): when, where and what; the invited and their attendance
// (from the day of the träff); change or cancel it while it is upcoming; the träff as a calendar file.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { attendanceBody, changeMeetingBody, type MeetingOut } from '../../../src/cp-meetings/schema';
import { api, isApiError } from '../platform/api';
import { ConfirmDialog } from '../platform/dialog';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { Form, RadioInput, SubmitButton, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Button, ButtonRow, Notice, Section, SummaryList } from '../platform/ui';
import { MeetingFields, meetingBody, type MeetingValues } from './meeting-form';

const key = (id: string) => ['cp-meeting', id];
const attendedLabel = (a: boolean | null) => (a === null ? 'Inte registrerad' : a ? 'Närvarande' : 'Frånvarande');

export function MeetingPage() {
  const { id = '' } = useParams();
  const notice = useActionNotice();
  const q = useQuery({ queryKey: key(id), queryFn: () => api<MeetingOut>(`/cp-meetings/${id}`) });
  if (q.isPending) return <Loading label="Hämtar träffen" />;
  if (q.isError) {
    return (
      <Page title="Träffen kan inte visas" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Kontaktpersonsträffar', href: '/kontaktpersonstraffar' }]}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Page>
    );
  }
  const m = q.data;
  return (
    <Page
      title={`Kontaktpersonsträff ${m.date}`}
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Kontaktpersonsträffar', href: '/kontaktpersonstraffar' },
      ]}
      tags={m.phase === 'cancelled' ? <Badge tone="warning">Inställd</Badge> : <Badge>{m.phaseLabel}</Badge>}
    >
      <ActionNotice notice={notice} />
      <Section title="Träffen" id="meeting">
        <SummaryList
          rows={[
            ['Datum', m.date],
            ['Tid', `${m.time}–${m.endTime}`],
            ['Plats', m.place],
            ['Tema', m.topic],
            m.description ? ['Mer om träffen', <span key="description" className="pre-line">{m.description}</span>] : null,
            ['Enhet', m.unitName],
            m.phase === 'cancelled' ? ['Inställd', m.cancelReason ?? 'Ingen anledning angiven'] : null,
          ]}
        />
        <p>
          <a className="btn btn-secondary" href={`/api/cp-meetings/${m.id}/kalender.ics`} download>
            Lägg till i kalendern (.ics)
          </a>
        </p>
      </Section>
      <Section title={`Inbjudna (${m.invitees.length})`} id="invited">
        <p>
          Inbjudningarna sparas för varje kontaktperson. De som har ett konto i portalen får ett meddelande där och ser träffen bland sina kommande
          träffar.
        </p>
        {m.abilities.canRecordAttendance ? (
          <AttendanceForm m={m} notice={notice} />
        ) : (
          <DataTable
            label="Inbjudna kontaktpersoner"
            columns={[
              { id: 'name', label: 'Kontaktperson', isRowHeader: true, render: (i) => i.name },
              { id: 'attended', label: 'Närvaro', render: (i) => attendedLabel(i.attended) },
            ]}
            rows={m.invitees.map((i) => ({ ...i, id: i.contactPersonId }))}
            empty="Ingen kontaktperson hade ett pågående uppdrag i enheten när träffen planerades."
          />
        )}
      </Section>
      {m.abilities.canChange && <ChangeSection m={m} notice={notice} />}
    </Page>
  );
}

function AttendanceForm({ m, notice }: { m: MeetingOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const initial = Object.fromEntries(m.invitees.map((i) => [i.contactPersonId, i.attended === null ? '' : i.attended ? 'present' : 'absent'])) as Record<string, string>;
  const form = useForm({
    id: 'attendance',
    initial,
    schema: attendanceBody,
    toBody: (v) => ({
      version: m.version,
      attendance: Object.entries(v)
        .filter(([, a]) => a !== '')
        .map(([contactPersonId, a]) => ({ contactPersonId, attended: a === 'present' })),
    }),
    onSubmit: async (body) => {
      const saved = await api<MeetingOut>(`/cp-meetings/${m.id}/attendance`, { method: 'PUT', body });
      qc.setQueryData(key(m.id), saved);
      void qc.invalidateQueries({ queryKey: ['cp-meetings'] });
      const present = saved.invitees.filter((i) => i.attended === true).length;
      notice.show(`Närvaron är sparad: ${present} av ${saved.invitees.length} närvarande.`);
    },
  });
  return (
    <Form form={form} aria-label="Närvaro" onReload={() => void qc.invalidateQueries({ queryKey: key(m.id) })}>
      {m.invitees.map((i) => (
        <RadioInput
          key={i.contactPersonId}
          name={i.contactPersonId}
          label={i.name}
          optional
          inline
          options={[
            { value: 'present', label: 'Närvarande' },
            { value: 'absent', label: 'Frånvarande' },
          ]}
        />
      ))}
      <SubmitButton form={form}>Spara närvaro</SubmitButton>
    </Form>
  );
}

function ChangeSection({ m, notice }: { m: MeetingOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);
  const initial: MeetingValues = { date: m.date, time: m.time, durationMinutes: String(m.durationMinutes), place: m.place, topic: m.topic, description: m.description ?? '' };
  const form = useForm({
    id: 'change-meeting',
    initial,
    schema: changeMeetingBody,
    toBody: (v) => ({ ...meetingBody(v), version: m.version }),
    onSubmit: async (body) => {
      const saved = await api<MeetingOut>(`/cp-meetings/${m.id}`, { method: 'PUT', body });
      qc.setQueryData(key(m.id), saved);
      void qc.invalidateQueries({ queryKey: ['cp-meetings'] });
      notice.show('Träffen är ändrad. De inbjudna med konto i portalen har fått ett meddelande.');
    },
  });
  const cancel = async () => {
    setCancelError(null);
    try {
      const saved = await api<MeetingOut>(`/cp-meetings/${m.id}/cancel`, { body: { version: m.version, reason: reason || null } });
      setCancelling(false);
      qc.setQueryData(key(m.id), saved);
      void qc.invalidateQueries({ queryKey: ['cp-meetings'] });
      notice.show('Träffen är inställd.');
    } catch (e) {
      setCancelError(isApiError(e) ? e.message : 'Det gick inte att ställa in träffen. Försök igen.');
    }
  };
  return (
    <Section title="Ändra eller ställ in" id="change">
      <Form form={form} aria-label="Ändra träffen" onReload={() => void qc.invalidateQueries({ queryKey: key(m.id) })}>
        <MeetingFields />
        <SubmitButton form={form}>Spara ändringar</SubmitButton>
      </Form>
      <ButtonRow>
        <Button variant="danger" onPress={() => setCancelling(true)}>
          Ställ in träffen
        </Button>
      </ButtonRow>
      <ConfirmDialog isOpen={cancelling} onClose={() => setCancelling(false)} onConfirm={() => void cancel()} title="Ställa in träffen?" confirmLabel="Ställ in träffen">
        <p>De inbjudna med konto i portalen får ett meddelande om att träffen inte blir av.</p>
        {cancelError && (
          <Notice tone="error" title="Träffen är inte inställd">
            <p>{cancelError}</p>
          </Notice>
        )}
        <div className="field">
          <label className="label" htmlFor="cancel-reason">
            Anledning <span className="optional">(frivilligt)</span>
          </label>
          <textarea id="cancel-reason" className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </ConfirmDialog>
    </Section>
  );
}
