// Calendar files (.ics) for booked meetings: an investigation visit, an interview, a matchningsmöte.
// Times are Swedish local time (Europe/Stockholm); the file names the zone so every calendar places it right.
import ical from 'ical-generator';

export interface CalendarEvent {
  /** Stable id of the meeting (a rebooking gets a new id; the old one's file is superseded). */
  id: string;
  /** 'YYYY-MM-DD' and 'HH:MM' in Swedish local time. */
  date: string;
  time: string;
  durationMinutes: number;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** When the file was made (the injected clock). */
  stamp: Date;
}

/** One event as an iCalendar file (RFC 5545), ready to download as text/calendar. */
export function calendarFile(organizer: string, e: CalendarEvent): string {
  const [y, mo, d] = e.date.split('-').map(Number);
  const [h, mi] = e.time.split(':').map(Number);
  // With a zone and no zone plugin, ical-generator writes the Date's *local* fields after TZID=Europe/Stockholm,
  // so the Date is built from local fields: the same file whatever zone the server runs in.
  const start = new Date(y, mo - 1, d, h, mi);
  const end = new Date(y, mo - 1, d, h, mi + e.durationMinutes);
  const cal = ical({ name: organizer, prodId: { company: 'Kontakt', product: 'kontakt', language: 'SV' } });
  cal.createEvent({
    id: `${e.id}@kontakt`,
    start,
    end,
    timezone: 'Europe/Stockholm',
    floating: false,
    stamp: e.stamp,
    summary: e.summary,
    location: e.location ?? undefined,
    description: e.description ?? undefined,
  });
  return cal.toString();
}
