// The order part of the case page: after a favourable decision the handläggare sends the order to the provider unit;
// then the order's state (Skickad / Återsänd med fråga / Mottagen, red when not confirmed in time), and the answer to
// a returned order's question.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answerOrderBody, sendOrderBody } from '../../../src/orders/schema';
import { api } from '../platform/api';
import type { ActionNoticeApi } from '../platform/flash';
import { Form, SelectInput, SubmitButton, TextAreaInput, useVersionedForm } from '../platform/form';
import { ErrorState, Loading } from '../platform/states';
import { Notice, Section, SummaryList } from '../platform/ui';
import { caseQueryKey } from '../intake/api';
import type { CaseSectionProps } from '../intake/case-step';
import { caseOrderQueryKey, type CaseOrder, type Order } from './api';
import { OrderDetails } from './order-details';

export function OrderSection({ c, notice }: CaseSectionProps) {
  const q = useQuery({ queryKey: caseOrderQueryKey(c.id), queryFn: () => api<CaseOrder>(`/cases/${c.id}/order`) });
  if (q.isPending) return <Loading label="Hämtar beställningen" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d.order && !d.abilities.canSend) return null;
  return (
    <Section title="Beställning" id="order">
      {d.order && <OrderView caseId={c.id} o={d.order} notice={notice} />}
      {d.abilities.canSend && d.decision && <SendOrderForm caseId={c.id} data={d} notice={notice} />}
    </Section>
  );
}

function useRefreshCase(caseId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: caseOrderQueryKey(caseId) });
    void qc.invalidateQueries({ queryKey: caseQueryKey(caseId) });
    void qc.invalidateQueries({ queryKey: ['cases'] });
  };
}

function OrderView({ caseId, o, notice }: { caseId: string; o: Order; notice: ActionNoticeApi }) {
  return (
    <>
      {/* Overdue: the case page's red warning says so above, and the state badge below. */}
      {o.state === 'returned' && o.returnQuestion && (
        <Notice tone="warning" title="Utföraren har återsänt beställningen med en fråga">
          <p className="pre-wrap">{o.returnQuestion}</p>
        </Notice>
      )}
      <OrderDetails o={o} />
      {o.abilities.canAnswer && <AnswerForm caseId={caseId} o={o} notice={notice} />}
    </>
  );
}

function SendOrderForm({ caseId, data, notice }: { caseId: string; data: CaseOrder; notice: ActionNoticeApi }) {
  const refresh = useRefreshCase(caseId);
  const d = data.decision!;
  const form = useVersionedForm(
    {
      id: 'send-order',
      initial: { providerUnitId: data.defaultProviderUnitId ?? '', information: '' },
      schema: sendOrderBody,
      toBody: (v) => ({ decisionId: d.id, providerUnitId: v.providerUnitId || null, information: v.information }),
    },
    undefined,
    async (body) => {
      await api<Order>(`/cases/${caseId}/order`, { body });
      refresh();
      notice.show('Beställningen är skickad till utföraren.');
    },
  );
  return (
    <>
      <h3 id="send-order-heading">Skicka beställning</h3>
      <p>Beställningen går till utförarens kontaktsekreterare. Den innehåller beslutets omfattning och period, personens kontaktuppgifter och önskemål, och det du skriver nedan. Inget annat från utredningen följer med.</p>
      <SummaryList
        rows={[
          ['Beslut', `${d.outcomeLabel} ${d.decisionDate}`],
          ['Omfattning', d.scope],
          ['Gäller', d.startDate ? `${d.startDate} – ${d.endDate ?? 'tills vidare'}` : null],
        ]}
      />
      <Form form={form} aria-labelledby="send-order-heading" onReload={refresh}>
        <SelectInput
          name="providerUnitId"
          label="Utförare"
          hint="Enheter som har en kontaktsekreterare."
          options={data.providerUnits.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextAreaInput name="information" label="Det här behöver kontaktpersonen veta" optional hint="Till exempel hur personen vill bli kontaktad. Skriv inget mer än vad uppdraget kräver." />
        <SubmitButton form={form}>Skicka beställningen</SubmitButton>
      </Form>
    </>
  );
}

function AnswerForm({ caseId, o, notice }: { caseId: string; o: Order; notice: ActionNoticeApi }) {
  const refresh = useRefreshCase(caseId);
  const form = useVersionedForm(
    { id: 'answer-order', initial: { answer: '' }, schema: answerOrderBody, toBody: (v) => ({ answer: v.answer }) },
    o.version,
    async (body) => {
      await api<Order>(`/orders/${o.id}/answer`, { body });
      refresh();
      notice.show('Svaret är skickat och beställningen är skickad igen.');
    },
  );
  return (
    <>
      <h3 id="answer-order-heading">Svara utföraren</h3>
      <Form form={form} aria-labelledby="answer-order-heading" onReload={refresh}>
        <TextAreaInput name="answer" label="Ditt svar" />
        <SubmitButton form={form}>Svara och skicka igen</SubmitButton>
      </Form>
    </>
  );
}
