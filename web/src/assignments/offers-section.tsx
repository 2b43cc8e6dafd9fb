// "Matchning och uppdrag" on the coordinator's order page: every offer of a contact person for the order — the
// person's answer, the matchningsmöte (booked, rebooked, .ics), its outcome — and the assignment made from it.
// The forms show only what the offer's abilities allow; the rules are the server's (src/assignments/rules.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { answerOfferBody, bookMeetingBody, closeOfferBody, createAssignmentBody, meetingOutcomeBody } from '../../../src/assignments/schema';
import { answerProblems, bookingProblems, closeProblems, outcomeProblems } from '../../../src/assignments/rules';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, RadioInput, SelectInput, SubmitButton, TextAreaInput, TextInput, useVersionedForm } from '../platform/form';
import { ErrorState, Loading } from '../platform/states';
import { Badge, Link, Section, SummaryList } from '../platform/ui';
import { orderOffersQueryKey, type Offer, type OrderOffers } from './api';
import { fieldErrors, numberOrNull } from './form-helpers';

export function OffersSection({ orderId }: { orderId: string }) {
  const q = useQuery({ queryKey: orderOffersQueryKey(orderId), queryFn: () => api<OrderOffers>(`/orders/${encodeURIComponent(orderId)}/offers`) });
  const notice = useActionNotice();
  if (q.isPending) return <Loading label="Hämtar erbjudanden och uppdrag" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <Section title="Matchning och uppdrag" id="matching">
      <ActionNotice notice={notice} />
      <SummaryList
        rows={[
          ['Kontaktpersoner enligt beslutet', String(d.decision.contactPersonCount ?? 1)],
          ['Verkställt', d.progressLabel ?? 'Inte än'],
          ['Platser utan kontaktperson', String(d.openPlaces)],
        ]}
      />
      {d.offers.length === 0 && <p>Inga erbjudanden är gjorda än.</p>}
      {d.offers.map((o, i) => (
        <OfferCard key={o.id} data={d} o={o} n={i + 1} notice={notice} />
      ))}
    </Section>
  );
}

function useSave(orderId: string) {
  const qc = useQueryClient();
  return {
    save: async (path: string, body: unknown) => {
      const out = await api<OrderOffers>(path, { body });
      qc.setQueryData(orderOffersQueryKey(orderId), out);
      return out;
    },
    reload: () => void qc.invalidateQueries({ queryKey: orderOffersQueryKey(orderId) }),
  };
}

function OfferCard({ data, o, n, notice }: { data: OrderOffers; o: Offer; n: number; notice: ActionNoticeApi }) {
  const current = o.meetings.filter((m) => !m.cancelled).at(-1) ?? null;
  const headingId = `offer-${o.id}-heading`;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Erbjudande {n}: {o.contactPerson.name} <Badge tone={o.state === 'closed' ? 'neutral' : 'info'}>{o.stateLabel}</Badge>
      </h3>
      <SummaryList
        rows={[
          ['Erbjuden', o.offeredDate],
          ['Personens svar', o.responseDate ? `${o.responseLabel} ${o.responseDate}` : o.responseLabel],
          o.responseNote ? ['Anteckning om svaret', o.responseNote] : null,
          o.closedReasonLabel ? ['Avslutat', `${o.closedReasonLabel} ${o.closedDate}${o.closedNote ? ` – ${o.closedNote}` : ''}`] : null,
        ]}
      />
      {o.meetings.length > 0 && (
        <>
          <h4>Matchningsmöte</h4>
          <ul className="plain-list">
            {o.meetings.map((m) => (
              <li key={m.id}>
                {m.cancelled ? <s>{`${m.date} kl. ${m.time}, ${m.place}`}</s> : `${m.date} kl. ${m.time}, ${m.place}`}
                {m.cancelled && ` (ombokat${m.cancelReason ? `: ${m.cancelReason}` : ''})`}
                {m.participants && !m.cancelled && <> – {m.participants}</>}
                {m.outcomeLabel && (
                  <>
                    {' '}
                    – <strong>{m.outcomeLabel}</strong> {m.outcomeDate}
                    {m.outcomeNote ? `: ${m.outcomeNote}` : ''}
                  </>
                )}
                {!m.cancelled && (
                  <>
                    {' '}
                    <a className="btn btn-secondary" href={`/api/offers/${o.id}/meetings/${m.id}/kalender.ics`} download>
                      Lägg till i kalendern (.ics)
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {o.assignment && (
        <p>
          Uppdrag: {o.assignment.phaseLabel}
          {o.assignment.startDate ? `, verkställt ${o.assignment.startDate}` : ''}
          {o.assignment.endDate ? `, sista dag ${o.assignment.endDate}` : ''}.{' '}
          <Link href={`/uppdrag/${o.assignment.id}`}>Öppna uppdraget med {o.contactPerson.name}</Link>
        </p>
      )}
      {o.abilities.canAnswer && <AnswerForm orderId={data.orderId} o={o} notice={notice} />}
      {o.abilities.canBook && <MeetingForm orderId={data.orderId} o={o} rebooking={current !== null} notice={notice} />}
      {o.abilities.canRecordOutcome && current && <OutcomeForm orderId={data.orderId} o={o} meetingDate={current.date} notice={notice} />}
      {o.abilities.canCreateAssignment && <AgreementForm data={data} o={o} notice={notice} />}
      {o.abilities.canClose && <CloseForm orderId={data.orderId} o={o} notice={notice} />}
    </article>
  );
}

function AnswerForm({ orderId, o, notice }: { orderId: string; o: Offer; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(orderId);
  const id = `answer-${o.id}`;
  const form = useVersionedForm(
    {
      id,
      initial: { response: '', responseDate: today(), note: '' },
      schema: answerOfferBody,
      toBody: (v) => ({ response: v.response || undefined, responseDate: v.responseDate.trim(), note: v.note }),
      check: (_v, body) => fieldErrors(answerProblems({ ...o, closedReason: null }, body, today())),
    },
    o.version,
    async (body) => {
      await save(`/offers/${o.id}/answer`, body);
      notice.show(body.response === 'accepted' ? 'Svaret är registrerat: personen tackade ja. Boka ett matchningsmöte.' : 'Svaret är registrerat: personen tackade nej. Erbjudandet är avslutat.');
    },
  );
  return (
    <>
      <h4 id={`${id}-heading`}>Personens svar</h4>
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        <RadioInput
          name="response"
          label="Vad svarade personen?"
          inline
          options={[
            { value: 'accepted', label: 'Tackade ja' },
            { value: 'declined', label: 'Tackade nej' },
          ]}
        />
        <DateInput name="responseDate" label="Datum för svaret" />
        <TextAreaInput name="note" label="Anteckning" optional rows={2} />
        <SubmitButton form={form}>Spara svaret</SubmitButton>
      </Form>
    </>
  );
}

function MeetingForm({ orderId, o, rebooking, notice }: { orderId: string; o: Offer; rebooking: boolean; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(orderId);
  const id = `meeting-${o.id}`;
  const form = useVersionedForm(
    {
      id,
      initial: { date: '', time: '', place: '', participants: '', cancelReason: '' },
      schema: bookMeetingBody,
      toBody: (v) => ({ date: v.date.trim(), time: v.time.trim(), place: v.place, participants: v.participants, cancelReason: rebooking ? v.cancelReason : null }),
      check: (v, body) => ({
        ...fieldErrors(bookingProblems({ ...o, closedReason: null }, body)),
        ...(rebooking && !v.cancelReason.trim() ? { cancelReason: 'Skriv varför mötet bokas om.' } : {}),
      }),
    },
    o.version,
    async (body) => {
      await save(`/offers/${o.id}/meetings`, body);
      notice.show(rebooking ? 'Matchningsmötet är ombokat.' : 'Matchningsmötet är bokat. Lägg till det i kalendern.');
    },
  );
  return (
    <>
      <h4 id={`${id}-heading`}>{rebooking ? 'Boka om matchningsmötet' : 'Boka matchningsmöte'}</h4>
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        <DateInput name="date" label="Datum" />
        <TextInput name="time" label="Tid" hint="Till exempel 14:30." width="xs" />
        <TextInput name="place" label="Plats" />
        <TextAreaInput name="participants" label="Deltagare" optional rows={2} />
        {rebooking && <TextInput name="cancelReason" label="Varför bokas mötet om?" />}
        <SubmitButton form={form}>{rebooking ? 'Boka om mötet' : 'Boka mötet'}</SubmitButton>
      </Form>
    </>
  );
}

function OutcomeForm({ orderId, o, meetingDate, notice }: { orderId: string; o: Offer; meetingDate: string; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(orderId);
  const id = `outcome-${o.id}`;
  const form = useVersionedForm(
    {
      id,
      initial: { outcome: '', outcomeDate: today(), note: '' },
      schema: meetingOutcomeBody,
      toBody: (v) => ({ outcome: v.outcome || undefined, outcomeDate: v.outcomeDate.trim(), note: v.note }),
      check: (_v, body) => fieldErrors(outcomeProblems({ date: meetingDate, outcome: null }, body, today())),
    },
    o.version,
    async (body) => {
      await save(`/offers/${o.id}/outcome`, body);
      notice.show(body.outcome === 'go_ahead' ? 'Utfallet är registrerat: ni går vidare. Gör uppdragsavtalet.' : 'Utfallet är registrerat: ingen kemi. Erbjudandet är avslutat.');
    },
  );
  return (
    <>
      <h4 id={`${id}-heading`}>Utfall av matchningsmötet</h4>
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        <RadioInput
          name="outcome"
          label="Hur gick mötet?"
          options={[
            { value: 'go_ahead', label: 'Går vidare', hint: 'Personen och kontaktpersonen vill träffas.' },
            { value: 'no_chemistry', label: 'Ingen kemi', hint: 'Kontaktpersonen erbjuds inte igen för den här beställningen.' },
          ]}
        />
        <DateInput name="outcomeDate" label="Datum" />
        <TextAreaInput name="note" label="Anteckning" hint="Skriv varför om det inte blev någon matchning." optional rows={2} />
        <SubmitButton form={form}>Spara utfallet</SubmitButton>
      </Form>
    </>
  );
}

function AgreementForm({ data, o, notice }: { data: OrderOffers; o: Offer; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(data.orderId);
  const navigate = useNavigate();
  const id = `agreement-${o.id}`;
  const start = data.decision.startDate && data.decision.startDate > today() ? data.decision.startDate : today();
  const form = useVersionedForm(
    {
      id,
      initial: { rateLevel: data.defaultRateLevel ?? '', meetingsPerMonth: '', frequencyText: '', activities: '', periodFrom: start, periodTo: data.decision.endDate ?? '', agreementDate: today() },
      schema: createAssignmentBody,
      toBody: (v) => ({
        rateLevel: v.rateLevel,
        meetingsPerMonth: numberOrNull(v.meetingsPerMonth),
        frequencyText: v.frequencyText,
        activities: v.activities,
        periodFrom: v.periodFrom.trim(),
        periodTo: v.periodTo.trim() || null,
        agreementDate: v.agreementDate.trim(),
      }),
    },
    o.version,
    async (body) => {
      const out = await save(`/offers/${o.id}/assignment`, body);
      const a = out.offers.find((x) => x.id === o.id)?.assignment;
      notice.show('Uppdraget är skapat.');
      if (a) navigate(`/uppdrag/${a.id}`, { state: { flash: 'Uppdraget är skapat. Skriv ut avtalet och låt båda skriva under.' } });
    },
  );
  return (
    <>
      <h4 id={`${id}-heading`}>Gör uppdragsavtal</h4>
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        <AgreementFields levels={data.rateLevels} />
        <SubmitButton form={form}>Skapa uppdraget</SubmitButton>
      </Form>
    </>
  );
}

/** The agreement's terms (also on the assignment page). */
export function AgreementFields({ levels }: { levels: OrderOffers['rateLevels'] }) {
  return (
    <>
      <SelectInput
        name="rateLevel"
        label="Arvodesnivå"
        options={levels.map((l) => ({ value: l.code, label: `${l.name}: arvode ${l.arvodeText}, omkostnad ${l.omkostnadText} i månaden` }))}
      />
      <TextInput name="meetingsPerMonth" label="Antal träffar i månaden" inputMode="numeric" width="xs" optional />
      <TextInput name="frequencyText" label="Hur ofta och när ni ses" hint="Till exempel: en eftermiddag i veckan." optional />
      <TextAreaInput name="activities" label="Aktiviteter" optional rows={3} />
      <DateInput name="periodFrom" label="Uppdraget gäller från" />
      <DateInput name="periodTo" label="Uppdraget gäller till" optional />
      <DateInput name="agreementDate" label="Avtalets datum" />
    </>
  );
}

function CloseForm({ orderId, o, notice }: { orderId: string; o: Offer; notice: ActionNoticeApi }) {
  const { save, reload } = useSave(orderId);
  const id = `close-${o.id}`;
  const form = useVersionedForm(
    {
      id,
      initial: { reason: '', closedDate: today(), note: '' },
      schema: closeOfferBody,
      toBody: (v) => ({ reason: v.reason || undefined, closedDate: v.closedDate.trim(), note: v.note }),
      check: (_v, body) => fieldErrors(closeProblems({ ...o, closedReason: null }, body, today())),
    },
    o.version,
    async (body) => {
      await save(`/offers/${o.id}/close`, body);
      notice.show('Erbjudandet är avslutat. Kontaktpersonens plats är ledig igen.');
    },
  );
  return (
    <details className="details">
      <summary>Avsluta erbjudandet</summary>
      <Form form={form} aria-label="Avsluta erbjudandet" onReload={reload}>
        <RadioInput
          name="reason"
          label="Varför avslutas erbjudandet?"
          options={[
            { value: 'withdrawn', label: 'Vi tar tillbaka erbjudandet' },
            { value: 'contact_person_declined', label: 'Kontaktpersonen tackade nej' },
          ]}
        />
        <DateInput name="closedDate" label="Datum" />
        <TextAreaInput name="note" label="Anteckning" optional rows={2} />
        <SubmitButton form={form} variant="secondary">
          Avsluta erbjudandet
        </SubmitButton>
      </Form>
    </details>
  );
}
