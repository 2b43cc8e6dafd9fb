// One monthly report for the coordinator (/manadsrapporter/:id): what was reported, how it compares with the
// agreement (a large deviation highlighted, with room to note why), and approve or return with a comment.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { approveReportBody, returnReportBody, type ReportOut } from '../../../src/portal/schema';
import { api, isApiError } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { Form, SubmitButton, TextAreaInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Notice, Section, SummaryList } from '../platform/ui';
import { ReportLines } from './report-lines';

const NOT_FOUND = 'Rapporten finns inte, eller så har du inte behörighet att se den.';
const key = (id: string) => ['reports', id];

export function ReportReviewPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: key(id), queryFn: () => api<ReportOut>(`/reports/${encodeURIComponent(id)}`) });
  const notice = useActionNotice();
  if (q.isPending) return <Loading label="Hämtar rapporten" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  const r = q.data;
  return (
    <Page
      title={`Rapport från ${r.contactPersonName}, ${r.monthLabel}`}
      breadcrumbs={[{ label: 'Månadsrapporter', href: '/manadsrapporter' }]}
      lead={`Uppdraget med ${r.personFirstName}. ${r.statusLabel}.`}
    >
      <ActionNotice notice={notice} />
      {r.deviationLabel && (
        <Notice tone="warning" title={r.deviationLabel}>
          <p>
            {r.totals.meetings} träffar, mot {String(r.agreed.expected).replace('.', ',')} enligt avtalet ({r.agreed.meetingsPerMonth} i månaden
            {r.agreed.runningDays > 0 ? `, räknat på ${r.agreed.runningDays} dagar som uppdraget pågick` : ''}).
          </p>
        </Notice>
      )}
      <Section title="Om rapporten" id="about">
        <SummaryList
          rows={[
            ['Läge', r.statusLabel],
            ['Inskickad', r.submittedAt ? `${formatDateTime(r.submittedAt)}${r.late ? ' (sen)' : ''}` : 'Inte inskickad'],
            ['Sista dag', r.deadline],
            r.returnComment ? ['Din senaste kommentar', <span className="pre-line" key="c">{r.returnComment}</span>] : null,
            r.deviationNote ? ['Kommentar om avvikelsen', <span className="pre-line" key="d">{r.deviationNote}</span>] : null,
            r.approvedAt ? ['Godkänd', `${formatDateTime(r.approvedAt)}${r.approvedBy ? ` av ${r.approvedBy}` : ''}`] : null,
          ]}
        />
      </Section>
      <Section title="Det här rapporterade kontaktpersonen" id="lines">
        <ReportLines r={r} receiptHref={(rid) => `/api/reports/${r.id}/receipts/${rid}`} />
      </Section>
      {r.abilities.canReview && <Review r={r} notice={notice} />}
    </Page>
  );
}

function Review({ r, notice }: { r: ReportOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const done = (saved: ReportOut, text: string) => {
    qc.setQueryData(key(r.id), saved);
    void qc.invalidateQueries({ queryKey: ['reports', 'queue'] });
    notice.show(text);
  };
  const approve = useVersionedForm(
    { id: 'approve-form', initial: { deviationNote: r.deviationNote ?? '' }, schema: approveReportBody, toBody: (v) => ({ deviationNote: v.deviationNote }) },
    r.version,
    async (body) => done(await api<ReportOut>(`/reports/${r.id}/approve`, { body }), 'Rapporten är godkänd.'),
  );
  const ret = useVersionedForm(
    { id: 'return-form', initial: { comment: '' }, schema: returnReportBody, toBody: (v) => ({ comment: v.comment }) },
    r.version,
    async (body) => done(await api<ReportOut>(`/reports/${r.id}/return`, { body }), 'Rapporten är skickad tillbaka till kontaktpersonen.'),
  );
  const reload = () => void qc.invalidateQueries({ queryKey: key(r.id) });
  return (
    <>
      <Section title="Godkänn" id="approve">
        <Form form={approve} aria-labelledby="approve-heading" failureTitle="Rapporten kunde inte godkännas" onReload={reload}>
          <TextAreaInput
            name="deviationNote"
            label="Kommentar om avvikelsen"
            optional
            hint={r.deviation ? 'Träffarna avviker mycket från avtalet. Skriv gärna varför, till exempel sjukdom eller lov.' : 'Om något i rapporten behöver förklaras.'}
          />
          <SubmitButton form={approve}>Godkänn rapporten</SubmitButton>
        </Form>
      </Section>
      <Section title="Skicka tillbaka" id="return">
        <Form form={ret} aria-labelledby="return-heading" failureTitle="Rapporten kunde inte skickas tillbaka" onReload={reload}>
          <TextAreaInput name="comment" label="Vad ska kontaktpersonen rätta eller komplettera?" />
          <SubmitButton form={ret} variant="secondary">
            Skicka tillbaka rapporten
          </SubmitButton>
        </Form>
      </Section>
    </>
  );
}
