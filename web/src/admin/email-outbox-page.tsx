// E-post (/admin/e-post): the notification e-mails, sent and waiting, for the administrator. Without SMTP_URL nothing
// is sent and the list shows what would have been. The e-mails themselves say only that there is a new message.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EMAIL_STATUSES, emailStatusLabel, type EmailStatus } from '../../../src/platform/notifications/rules';
import type { OutboxOut } from '../../../src/platform/notifications/schema';
import { api } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Notice, Section, SummaryList } from '../platform/ui';

const tone: Record<EmailStatus, 'neutral' | 'info' | 'success' | 'warning'> = { pending: 'info', sending: 'info', sent: 'success', failed: 'warning' };

export function EmailOutboxPage() {
  const [status, setStatus] = useState<EmailStatus | ''>('');
  const q = useQuery({ queryKey: ['admin', 'email-outbox', status], queryFn: () => api<OutboxOut>(`/admin/email-outbox${status ? `?status=${status}` : ''}`) });
  return (
    <Page
      title="E-post"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="E-post som talar om att någon har ett nytt meddelande i Kontakt. Texten är alltid densamma och säger aldrig vad meddelandet gäller."
    >
      {q.isPending && <Loading label="Hämtar e-post" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          {!q.data.smtpConfigured && (
            <Notice tone="warning" title="Ingen e-post skickas">
              <p>Ingen e-postserver är inställd (SMTP_URL). Listan visar vad som skulle ha skickats.</p>
            </Notice>
          )}
          <Section title="Översikt" id="counts">
            <SummaryList rows={EMAIL_STATUSES.map((s): [string, string] => [emailStatusLabel[s], String(q.data.counts[s])])} />
          </Section>
          <Section title="E-post" id="list">
            <div className="field">
              <label className="label" htmlFor="outbox-status">
                Visa
              </label>
              <select id="outbox-status" className="input" value={status} onChange={(e) => setStatus(e.target.value as EmailStatus | '')}>
                <option value="">All e-post</option>
                {EMAIL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {emailStatusLabel[s]}
                  </option>
                ))}
              </select>
            </div>
            <DataTable
              label="E-post som skickats eller väntar"
              columns={[
                { id: 'to', label: 'Mottagare', isRowHeader: true, render: (m) => m.recipient },
                { id: 'subject', label: 'Ämne', render: (m) => m.subject },
                { id: 'status', label: 'Status', render: (m) => <Badge tone={tone[m.status]}>{emailStatusLabel[m.status]}</Badge> },
                { id: 'attempts', label: 'Försök', align: 'end', render: (m) => String(m.attempts) },
                { id: 'created', label: 'Skapad', render: (m) => formatDateTime(m.createdAt) },
                { id: 'when', label: 'Skickad eller nästa försök', render: (m) => (m.sentAt ? formatDateTime(m.sentAt) : m.nextAttemptAt ? `Nästa försök ${formatDateTime(m.nextAttemptAt)}` : '–') },
                { id: 'error', label: 'Senaste fel', render: (m) => m.lastError ?? '–' },
              ]}
              rows={q.data.items}
              empty="Ingen e-post att visa."
            />
          </Section>
        </>
      )}
    </Page>
  );
}
