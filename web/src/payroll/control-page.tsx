// Intern kontroll av utbetalningar (/lon/kontroll): every change to a contact person's bank or tax details, to the
// rate table or to an approved monthly report, with the fields before and after and who made it — for lön and the
// enhetschef to review. The one who made a change cannot mark it reviewed.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ChangeOut, changeListOut } from '../../../src/payroll/schema';
import type { z } from 'zod';
import { api, isApiError } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager } from '../platform/table';
import { Badge, Button, Notice, Section } from '../platform/ui';

type ChangeList = z.infer<typeof changeListOut>;
const opLabel = { insert: 'Lades till', update: 'Ändrades', delete: 'Togs bort' } as const;

export function PaymentControlPage() {
  const [params, setParams] = useSearchParams();
  const show = params.get('visa') === 'alla' ? 'all' : 'unreviewed';
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['payment-changes', show, page], queryFn: () => api<ChangeList>(`/payroll/changes?show=${show}&page=${page}`) });
  const qc = useQueryClient();
  const notice = useActionNotice();
  const [error, setError] = useState<string | null>(null);
  const review = async (c: ChangeOut) => {
    setError(null);
    try {
      await api(`/payroll/changes/${c.id}/review`, { body: { note: null } });
      await qc.invalidateQueries({ queryKey: ['payment-changes'] });
      notice.show('Ändringen är markerad som granskad.');
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Något gick fel. Försök igen om en stund.');
    }
  };
  return (
    <Page
      title="Intern kontroll av utbetalningar"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Ändringar av bank- och skatteuppgifter, arvodestabellen och godkända månadsrapporter. Granska varje ändring och markera den som granskad. Du kan inte granska dina egna ändringar."
    >
      <ActionNotice notice={notice} />
      <Section title="Visa" id="filter">
        <div className="field">
          <label className="label" htmlFor="changes-show">
            Vilka ändringar
          </label>
          <select
            id="changes-show"
            className="input"
            value={show}
            onChange={(e) => {
              setPage(1);
              setParams(e.target.value === 'all' ? { visa: 'alla' } : {});
            }}
          >
            <option value="unreviewed">Ogranskade</option>
            <option value="all">Alla</option>
          </select>
        </div>
      </Section>
      {error && (
        <Notice tone="error" title="Det gick inte" live>
          {error}
        </Notice>
      )}
      {q.isPending && <Loading label="Hämtar ändringar" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Section title={`${q.data.unreviewed} ogranskade ändringar`} id="changes">
          <DataTable
            label="Ändringar av betalningsuppgifter"
            columns={[
              { id: 'when', label: 'När', isRowHeader: true, render: (c) => `${c.occurredAt.slice(0, 10)} ${new Date(c.occurredAt).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}` },
              {
                id: 'what',
                label: 'Vad',
                render: (c) => (
                  <>
                    {c.kindLabel}: {c.what}
                    <span className="muted block">{opLabel[c.op]}</span>
                  </>
                ),
              },
              {
                id: 'fields',
                label: 'Före → efter',
                render: (c) => (
                  <ul className="plain-list">
                    {c.fields.map((f) => (
                      <li key={f.field}>
                        {f.field}: {f.before ?? '–'} → {f.after ?? '–'}
                      </li>
                    ))}
                  </ul>
                ),
              },
              { id: 'who', label: 'Ändrad av', render: (c) => c.changedBy ?? 'Kontakt (grunddata)' },
              {
                id: 'review',
                label: 'Granskning',
                render: (c) =>
                  c.review ? (
                    <Badge tone="success">
                      Granskad {c.review.reviewedAt.slice(0, 10)} av {c.review.reviewedBy}
                    </Badge>
                  ) : c.canReview ? (
                    <Button variant="secondary" onPress={() => void review(c)} aria-label={`Markera som granskad: ${c.kindLabel}, ${c.what}, ${c.occurredAt.slice(0, 10)}`}>
                      Markera som granskad
                    </Button>
                  ) : (
                    <span className="muted">Din egen ändring</span>
                  ),
              },
            ]}
            rows={q.data.items}
            empty={show === 'all' ? 'Inga ändringar är loggade.' : 'Alla ändringar är granskade.'}
          />
          {q.data.pages > 1 && <Pager page={q.data.page} pageSize={50} total={q.data.pages * 50} onPage={setPage} label="Sidor med ändringar" />}
        </Section>
      )}
    </Page>
  );
}
