// One order as the provider's kontaktsekreterare sees it (/bestallningar/:id): only what was sent — they read no
// case. Confirm receipt (a date) or return it with a question to the handläggare.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { confirmProblems } from '../../../src/orders/rules';
import { confirmOrderBody, returnOrderBody } from '../../../src/orders/schema';
import { api, isApiError } from '../platform/api';
import { today } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, SubmitButton, TextAreaInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { can, useCurrentUser } from '../platform/auth';
import { Link, ProtectedBadge, Section } from '../platform/ui';
import { fieldErrorsOf } from '../intake/case-step';
import { orderQueryKey, type Order } from './api';
import { OrderDetails, OverdueNotice } from './order-details';
import { useCan } from '../platform/auth';
import { OffersSection } from '../assignments/offers-section';

const NOT_FOUND = 'Beställningen finns inte, eller så har du inte behörighet att se den.';

export function OrderPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: orderQueryKey(id), queryFn: () => api<Order>(`/orders/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar beställningen" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  return <OrderView o={q.data} />;
}

function OrderView({ o }: { o: Order }) {
  const notice = useActionNotice();
  const showOffers = useCan('assignment:read');
  const me = useCurrentUser();
  return (
    <Page
      title={`Beställning ${o.caseNumber}`}
      breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Inkomna beställningar', href: '/bestallningar' }]}
      tags={o.person.protectedIdentity ? <ProtectedBadge /> : undefined}
    >
      <ActionNotice notice={notice} />
      <OverdueNotice o={o} />
      {o.abilities.canConfirm && <ConfirmForm o={o} notice={notice} />}
      <Section title="Det här är beställt" id="content">
        <OrderDetails o={o} />
      </Section>
      {can(me, 'assignment:read') && (
        <p>
          <Link href={`/bestallningar/${o.id}/genomforandeplan`}>Genomförandeplan</Link>
        </p>
      )}
      {o.abilities.canReturn && <ReturnForm o={o} notice={notice} />}
      {showOffers && <OffersSection orderId={o.id} />}
    </Page>
  );
}

function useSave(o: Order) {
  const qc = useQueryClient();
  return {
    save: async (action: 'confirm' | 'return', body: unknown) => {
      const saved = await api<Order>(`/orders/${o.id}/${action}`, { body });
      qc.setQueryData(orderQueryKey(o.id), saved);
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
    reload: () => void qc.invalidateQueries({ queryKey: orderQueryKey(o.id) }),
  };
}

function ConfirmForm({ o, notice }: { o: Order; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(o);
  const form = useVersionedForm(
    {
      id: 'confirm',
      initial: { confirmedDate: today() },
      schema: confirmOrderBody,
      toBody: (v) => ({ confirmedDate: v.confirmedDate.trim() }),
      check: (_v, body) => fieldErrorsOf(confirmProblems(o, body.confirmedDate, today())),
    },
    o.version,
    async (body) => {
      await save('confirm', body);
      notice.show('Beställningen är bekräftad som mottagen.');
    },
  );
  return (
    <Section title="Bekräfta att beställningen är mottagen" id="confirm">
      <Form form={form} aria-labelledby="confirm-heading" onReload={reload}>
        <DateInput name="confirmedDate" label="Datum då beställningen togs emot" />
        <SubmitButton form={form}>Bekräfta mottagen</SubmitButton>
      </Form>
    </Section>
  );
}

function ReturnForm({ o, notice }: { o: Order; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(o);
  const form = useVersionedForm(
    { id: 'return', initial: { question: '' }, schema: returnOrderBody, toBody: (v) => ({ question: v.question }) },
    o.version,
    async (body) => {
      await save('return', body);
      notice.show('Beställningen är återsänd till handläggaren med din fråga.');
    },
  );
  return (
    <Section title="Återsänd med en fråga" id="return">
      <p>Saknas något för att ta emot beställningen? Skriv din fråga. Beställningen går tillbaka till handläggaren, som svarar och skickar den igen.</p>
      <Form form={form} aria-labelledby="return-heading" onReload={reload}>
        <TextAreaInput name="question" label="Din fråga till handläggaren" />
        <SubmitButton form={form} variant="secondary">
          Återsänd med fråga
        </SubmitButton>
      </Form>
    </Section>
  );
}
