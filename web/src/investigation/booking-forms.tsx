// Booking the investigation meeting, rebooking it and cancelling it. The client checks are the server's own rules
// (bookingProblems in src/investigation/rules.ts), so the page and the API cannot disagree.
import { useQueryClient } from '@tanstack/react-query';
import { addDays } from '../../../src/platform/calendar';
import { BOOKING_KINDS, BOOKING_MAX_DAYS_AHEAD, bookingKindLabel, bookingProblems } from '../../../src/investigation/rules';
import { bookBody, cancelBookingBody, rebookBody } from '../../../src/investigation/schema';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import type { ActionNoticeApi } from '../platform/flash';
import { CheckboxInput, DateInput, FieldGroup, Form, RadioInput, SubmitButton, TextAreaInput, TextInput, useForm, useVersionedForm } from '../platform/form';
import { Button, ButtonRow } from '../platform/ui';
import { caseQueryKey } from '../intake/api';
import { fieldErrorsOf } from '../intake/case-step';
import { investigationQueryKey, type Booking, type Investigation } from './api';

type BookingValues = {
  kind: string;
  date: string;
  time: string;
  durationMinutes: string;
  place: string;
  personTakesPart: boolean;
  representative: string;
  interpreterLanguage: string;
  otherParticipants: string;
  changeReason: string;
};

function initialOf(b: Booking | null): BookingValues {
  return {
    kind: b?.kind ?? '',
    date: b?.date ?? '',
    time: b?.time ?? '',
    durationMinutes: String(b?.durationMinutes ?? 60),
    place: b?.place ?? '',
    personTakesPart: b?.personTakesPart ?? true,
    representative: b?.representative ?? '',
    interpreterLanguage: b?.interpreterLanguage ?? '',
    otherParticipants: b?.otherParticipants ?? '',
    changeReason: '',
  };
}

function bodyOf(v: BookingValues) {
  const minutes = v.durationMinutes.trim();
  return {
    kind: v.kind || undefined,
    date: v.date.trim(),
    time: v.time.trim(),
    durationMinutes: minutes === '' ? undefined : /^\d+$/.test(minutes) ? Number(minutes) : minutes,
    place: v.place,
    personTakesPart: v.personTakesPart,
    representative: v.representative,
    interpreterLanguage: v.interpreterLanguage,
    otherParticipants: v.otherParticipants,
  };
}

function check(inv: Investigation) {
  return (_v: BookingValues, body: { kind: 'office' | 'home' | 'phone'; date: string; time: string; place?: string | null }) =>
    fieldErrorsOf(bookingProblems(body, today(), inv.personKnown, addDays(today(), BOOKING_MAX_DAYS_AHEAD)));
}

/** After a change: the investigation, the case (its status) and the case lists are fetched again. */
function useSaved(inv: Investigation, notice: ActionNoticeApi) {
  const qc = useQueryClient();
  return (saved: Investigation, message: string) => {
    qc.setQueryData(investigationQueryKey(inv.caseId), saved);
    void qc.invalidateQueries({ queryKey: caseQueryKey(inv.caseId), exact: true });
    void qc.invalidateQueries({ queryKey: ['cases'] });
    notice.show(message);
  };
}

function BookingFields({ inv, rebook }: { inv: Investigation; rebook?: boolean }) {
  return (
    <>
      <RadioInput
        name="kind"
        label="Hur ska mötet ske?"
        hint={inv.personKnown ? undefined : 'Telefon går bara när personen redan är känd av enheten: ett tidigare ärende hos er, eller att ansökan bekräftades per telefon.'}
        options={BOOKING_KINDS.map((k) => ({ value: k, label: bookingKindLabel[k] }))}
      />
      <DateInput name="date" label="Datum" />
      <TextInput name="time" label="Tid" hint="Skriv tiden som TT:MM, till exempel 09:30." width="xs" inputMode="numeric" autoComplete="off" />
      <TextInput name="durationMinutes" label="Hur länge (minuter)" width="xs" inputMode="numeric" autoComplete="off" />
      <TextInput name="place" label="Plats" optional hint="För besök på kontoret: adress och rum. För telefon: numret ni ringer." />
      <FieldGroup legend="Vilka är med?">
        <CheckboxInput name="personTakesPart" label="Personen själv är med" />
        <TextInput name="representative" label="Vårdnadshavare, god man eller annan företrädare" optional />
        <TextInput name="interpreterLanguage" label="Tolk på språk" optional hint="Lämna tomt om ingen tolk behövs." width="m" />
        <TextInput name="otherParticipants" label="Andra som är med" optional />
      </FieldGroup>
      {rebook && <TextAreaInput name="changeReason" label="Varför bokas mötet om?" optional rows={2} />}
    </>
  );
}

export function BookForm({ inv, notice }: { inv: Investigation; notice: ActionNoticeApi }) {
  const saved = useSaved(inv, notice);
  const form = useForm({
    id: 'book',
    initial: initialOf(null),
    schema: bookBody,
    toBody: bodyOf,
    check: check(inv),
    onSubmit: async (body) => saved(await api<Investigation>(`/cases/${inv.caseId}/investigation/bookings`, { body }), `Utredningsmötet är bokat ${body.date} klockan ${body.time}.`),
  });
  return (
    <Form form={form} aria-label="Boka utredningsmöte">
      <BookingFields inv={inv} />
      <ButtonRow>
        <SubmitButton form={form}>Boka mötet</SubmitButton>
      </ButtonRow>
    </Form>
  );
}

export function RebookForm({ inv, booking, notice, onClose, reload }: { inv: Investigation; booking: Booking; notice: ActionNoticeApi; onClose: () => void; reload: () => void }) {
  const saved = useSaved(inv, notice);
  const form = useVersionedForm(
    { id: 'rebook', initial: initialOf(booking), schema: rebookBody, toBody: (v) => ({ ...bodyOf(v), changeReason: v.changeReason }), check: check(inv) },
    booking.version,
    async (body) => {
      saved(await api<Investigation>(`/cases/${inv.caseId}/investigation/bookings/${booking.id}/rebook`, { body }), `Mötet är ombokat till ${body.date} klockan ${body.time}.`);
      onClose();
    },
  );
  return (
    <Form form={form} aria-label="Boka om utredningsmötet" onReload={reload}>
      <BookingFields inv={inv} rebook />
      <ButtonRow>
        <SubmitButton form={form}>Spara den nya tiden</SubmitButton>
        <Button variant="secondary" onPress={onClose}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}

export function CancelForm({ inv, booking, notice, onClose, reload }: { inv: Investigation; booking: Booking; notice: ActionNoticeApi; onClose: () => void; reload: () => void }) {
  const saved = useSaved(inv, notice);
  const form = useVersionedForm({ id: 'cancel-booking', initial: { changeReason: '' }, schema: cancelBookingBody, toBody: (v) => v }, booking.version, async (body) => {
    saved(await api<Investigation>(`/cases/${inv.caseId}/investigation/bookings/${booking.id}/cancel`, { body }), 'Mötet är avbokat.');
    onClose();
  });
  return (
    <Form form={form} aria-label="Avboka utredningsmötet" onReload={reload}>
      <TextAreaInput name="changeReason" label="Varför avbokas mötet?" optional rows={2} />
      <ButtonRow>
        <SubmitButton form={form} variant="danger">
          Avboka mötet
        </SubmitButton>
        <Button variant="secondary" onPress={onClose}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}

export function HeldForm({ inv, booking, notice, reload }: { inv: Investigation; booking: Booking; notice: ActionNoticeApi; reload: () => void }) {
  const saved = useSaved(inv, notice);
  const form = useVersionedForm({ id: 'booking-held', initial: {}, schema: { safeParse: (v: unknown) => ({ success: true as const, data: v as { version: number } }) }, toBody: () => ({}) }, booking.version, async (body) =>
    saved(await api<Investigation>(`/cases/${inv.caseId}/investigation/bookings/${booking.id}/held`, { body }), 'Mötet är registrerat som genomfört.'),
  );
  return (
    <Form form={form} aria-label="Registrera mötet som genomfört" onReload={reload}>
      <SubmitButton form={form} variant="secondary">
        Mötet är genomfört
      </SubmitButton>
    </Form>
  );
}
