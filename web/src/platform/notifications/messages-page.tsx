// Meddelanden (/meddelanden): the signed-in user's own messages, newest first; open or mark as read, all at once
// too; and whether to be told by e-mail (the e-mail only says that there is a new message in Kontakt).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { emailPreferenceBody, type EmailPreferenceOut, type NotificationListOut } from '../../../../src/platform/notifications/schema';
import { api } from '../api';
import { formatDateTime } from '../dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../flash';
import { CheckboxInput, Form, SubmitButton, TextInput, useForm } from '../form';
import { Page } from '../page';
import { ErrorState, Loading } from '../states';
import { Badge, Button, ButtonRow, Link, Notice, Section } from '../ui';

const listKey = ['notifications', 'list'] as const;

export function MessagesPage() {
  const notice = useActionNotice();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: listKey, queryFn: () => api<NotificationListOut>('/notifications') });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['notifications'] });
  };
  const markRead = async (id: string) => {
    await api(`/notifications/${id}/read`, { method: 'POST', body: {} });
    await refresh();
  };
  const markAll = async () => {
    await api('/notifications/read-all', { method: 'POST', body: {} });
    await refresh();
    notice.show('Alla meddelanden är markerade som lästa.');
  };
  return (
    <Page title="Meddelanden" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Meddelanden till dig från Kontakt. Bara du ser dem.">
      <ActionNotice notice={notice} />
      {q.isPending && <Loading label="Hämtar meddelanden" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Section title={q.data.unread === 1 ? '1 oläst meddelande' : `${q.data.unread} olästa meddelanden`} id="messages">
          {q.data.unread > 0 && (
            <ButtonRow>
              <Button variant="secondary" onPress={() => void markAll()}>
                Markera alla som lästa
              </Button>
            </ButtonRow>
          )}
          {q.data.items.length === 0 ? (
            <p>Du har inga meddelanden.</p>
          ) : (
            <ul className="message-list">
              {q.data.items.map((n) => (
                <li key={n.id} className={`message${n.read ? '' : ' message-unread'}`}>
                  <h3 className="message-title">
                    {n.title} {!n.read && <Badge tone="info">Oläst</Badge>}
                  </h3>
                  <p className="message-body">{n.body}</p>
                  <p className="muted">{formatDateTime(n.createdAt)}</p>
                  <ButtonRow>
                    {n.link && (
                      <Link href={n.link} onPress={() => void (n.read ? undefined : markRead(n.id))}>
                        Öppna<span className="visually-hidden">: {n.title}</span>
                      </Link>
                    )}
                    {!n.read && (
                      <Button variant="secondary" onPress={() => void markRead(n.id).then(() => notice.show('Meddelandet är markerat som läst.'))}>
                        Markera som läst<span className="visually-hidden">: {n.title}</span>
                      </Button>
                    )}
                  </ButtonRow>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <EmailSection notice={notice} />
    </Page>
  );
}

function EmailSection({ notice }: { notice: ActionNoticeApi }) {
  const q = useQuery({ queryKey: ['notifications', 'email'], queryFn: () => api<EmailPreferenceOut>('/notifications/email') });
  return (
    <Section title="E-post när du får ett meddelande" id="email">
      {q.isPending && <Loading label="Hämtar ditt val" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <EmailForm pref={q.data} notice={notice} />}
    </Section>
  );
}

function EmailForm({ pref, notice }: { pref: EmailPreferenceOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'email-preference',
    initial: { emailEnabled: pref.emailEnabled, email: pref.email ?? '' },
    schema: emailPreferenceBody,
    onSubmit: async (body) => {
      const saved = await api<EmailPreferenceOut>('/notifications/email', { method: 'PUT', body });
      qc.setQueryData(['notifications', 'email'], saved);
      notice.show(saved.emailEnabled ? `Du får e-post till ${saved.email} när du har ett nytt meddelande.` : 'Du får inte e-post om nya meddelanden.');
    },
  });
  return (
    <>
      <p>E-posten säger bara att du har ett nytt meddelande i Kontakt, aldrig vad det gäller. Du läser meddelandet här när du har loggat in.</p>
      {!pref.smtpConfigured && (
        <Notice tone="info" title="E-post skickas inte än">
          <p>Kommunen har inte ställt in någon e-postserver. Ditt val sparas och gäller när det är gjort.</p>
        </Notice>
      )}
      <Form form={form} aria-label="E-post när du får ett meddelande">
        <CheckboxInput name="emailEnabled" label="Skicka e-post till mig när jag får ett nytt meddelande" />
        <TextInput name="email" type="email" label="E-postadress" optional autoComplete="email" width="l" />
        <SubmitButton form={form}>Spara</SubmitButton>
      </Form>
    </>
  );
}
