// The contact-person page's sections from the assignments stage: the coordinator's contact log ("Kontakter", with a
// form to record one) and the contact person's assignments (the person's first name only).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTACT_KINDS, contactKindLabel } from '../../../src/assignments/rules';
import { contactLogBody, type ContactLogOut } from '../../../src/assignments/plan-pay/schema';
import { useState } from 'react';
import { api, isApiError } from '../platform/api';
import { today } from '../platform/dates';
import type { ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, RadioInput, SelectInput, SubmitButton, TextAreaInput, useForm } from '../platform/form';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Button, Link, Notice, Section } from '../platform/ui';

const logKey = (cpId: string) => ['contact-persons', cpId, 'contacts'];

export function ContactLogSections({ cpId, notice }: { cpId: string; notice: ActionNoticeApi }) {
  const q = useQuery({ queryKey: logKey(cpId), queryFn: () => api<ContactLogOut>(`/contact-persons/${cpId}/contacts`) });
  const qc = useQueryClient();
  const [sendError, setSendError] = useState<string | null>(null);
  const sendNotice = async (a: ContactLogOut['assignments'][number]) => {
    setSendError(null);
    try {
      await api(`/assignments/${a.id}/payroll-notice`, { body: { version: a.version, sentDate: today() } });
      notice.show(`Anställningsuppgifterna för uppdraget med ${a.personFirstName} är skickade till lön.`);
    } catch (e) {
      setSendError(isApiError(e) ? e.message : 'Det gick inte att skicka. Försök igen.');
    }
    await qc.invalidateQueries({ queryKey: logKey(cpId) });
  };
  return (
    <>
      <Section title="Kontakter" id="contacts">
        {q.isPending && <Loading label="Hämtar kontakter" />}
        {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
        {q.data && (
          <>
            <p>Senaste kontakt: {q.data.lastContactDate ?? 'ingen registrerad'}.</p>
            {q.data.canRecord && <ContactForm cpId={cpId} log={q.data} notice={notice} />}
            <DataTable
              label="Kontakter med kontaktpersonen"
              columns={[
                { id: 'date', label: 'Datum', isRowHeader: true, render: (c) => c.date },
                { id: 'kind', label: 'Hur', render: (c) => c.kindLabel },
                { id: 'note', label: 'Anteckning', render: (c) => c.note ?? '–' },
                { id: 'by', label: 'Registrerad av', render: (c) => c.recordedBy ?? '–' },
              ]}
              rows={q.data.items}
              empty="Inga kontakter är registrerade."
            />
          </>
        )}
      </Section>
      {q.data && q.data.assignments.length > 0 && (
        <Section title="Uppdrag" id="assignments">
          {sendError && (
            <Notice tone="error" title="Anställningsuppgifterna skickades inte">
              <p>{sendError}</p>
            </Notice>
          )}
          <DataTable
            label="Kontaktpersonens uppdrag"
            columns={[
              { id: 'person', label: 'Person (förnamn)', isRowHeader: true, render: (a) => a.personFirstName },
              { id: 'state', label: 'Läge', render: (a) => a.stateLabel },
              { id: 'start', label: 'Startade', render: (a) => a.startDate ?? '–' },
              { id: 'level', label: 'Nivå', render: (a) => a.rateLevel },
              {
                id: 'plan',
                label: 'Plan',
                render: (a) => (
                  <Link href={`/bestallningar/${a.orderId}/genomforandeplan`} aria-label={`Genomförandeplan för uppdraget med ${a.personFirstName}`}>
                    Genomförandeplan
                  </Link>
                ),
              },
              {
                id: 'payroll',
                label: 'Anställningsuppgifter',
                render: (a) =>
                  a.payrollNoticeDate ? (
                    `Skickade till lön ${a.payrollNoticeDate}`
                  ) : a.canSendPayrollNotice ? (
                    <Button variant="secondary" onPress={() => void sendNotice(a)} aria-label={`Skicka anställningsuppgifter för uppdraget med ${a.personFirstName} till lön`}>
                      Skicka till lön
                    </Button>
                  ) : (
                    'Inte skickade'
                  ),
              },
            ]}
            rows={q.data.assignments}
            empty="Inga uppdrag."
          />
        </Section>
      )}
    </>
  );
}

function ContactForm({ cpId, log, notice }: { cpId: string; log: ContactLogOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'contact-log',
    initial: { date: today(), kind: '', note: '', assignmentId: '' },
    schema: contactLogBody,
    toBody: (v) => ({ date: v.date.trim(), kind: v.kind || undefined, note: v.note, assignmentId: v.assignmentId || null }),
    check: (_v, body): Record<string, string> => (body.date > today() ? { date: 'Datumet kan inte vara senare än i dag.' } : {}),
    onSubmit: async (body) => {
      await api(`/contact-persons/${cpId}/contacts`, { body });
      form.reset({ date: today(), kind: '', note: '', assignmentId: '' });
      await qc.invalidateQueries({ queryKey: logKey(cpId) });
      // The page's "Senaste kontakt" and the reminders count from the same date.
      void qc.invalidateQueries({ queryKey: ['contact-person', cpId] });
      void qc.invalidateQueries({ queryKey: ['contact-persons'] });
      notice.show('Kontakten är registrerad.');
    },
  });
  return (
    <Form form={form} aria-label="Registrera kontakt">
      <DateInput name="date" label="Datum för kontakten" />
      <RadioInput name="kind" label="Hur hade ni kontakt?" inline options={CONTACT_KINDS.map((k) => ({ value: k, label: contactKindLabel[k] }))} />
      <TextAreaInput name="note" label="Anteckning" optional rows={3} />
      {log.assignments.length > 0 && (
        <SelectInput
          name="assignmentId"
          label="Gällde kontakten ett uppdrag?"
          optional
          options={[{ value: '', label: 'Inget särskilt uppdrag' }, ...log.assignments.map((a) => ({ value: a.id, label: `${a.personFirstName} (${a.stateLabel.toLowerCase()})` }))]}
        />
      )}
      <SubmitButton form={form}>Registrera kontakt</SubmitButton>
    </Form>
  );
}
