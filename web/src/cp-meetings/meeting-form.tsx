// The fields of a träff, shared by scheduling and changing it.
import { DateInput, SelectInput, TextAreaInput, TextInput } from '../platform/form';

export const DURATIONS = [60, 90, 120, 150, 180, 240].map((m) => ({ value: String(m), label: m % 60 === 0 ? `${m / 60} timmar`.replace(/^1 timmar/, '1 timme') : `${Math.floor(m / 60)},5 timmar` }));

export type MeetingValues = { date: string; time: string; durationMinutes: string; place: string; topic: string; description: string };

export const emptyMeeting = (date: string): MeetingValues => ({ date, time: '18:00', durationMinutes: '120', place: '', topic: '', description: '' });

export const meetingBody = (v: MeetingValues) => ({ ...v, durationMinutes: Number(v.durationMinutes) || undefined, description: v.description || null });

export function MeetingFields() {
  return (
    <>
      <DateInput name="date" label="Datum" />
      <TextInput name="time" label="Starttid" hint="Till exempel 18:00." width="xs" inputMode="numeric" autoComplete="off" />
      <SelectInput name="durationMinutes" label="Hur länge" options={DURATIONS} />
      <TextInput name="place" label="Plats" hint="Lokal och adress." width="l" autoComplete="off" />
      <TextInput name="topic" label="Tema" width="l" autoComplete="off" />
      <TextAreaInput name="description" label="Mer om träffen" optional rows={3} hint="Till exempel vem som kommer och pratar. De inbjudna ser texten." />
    </>
  );
}
