// Calendar files (.ics) for booked meetings: an investigation visit, an interview, a matchningsmöte.
// Times are Swedish local time (Europe/Stockholm); the file names the zone so every calendar places it right.
import ical from 'ical-generator';

/**
 * Europe/Stockholm as RFC 5545 VTIMEZONE (EU rules since 1996: summer time from the last Sunday in March 02:00 to
 * the last Sunday in October 03:00). A TZID without its VTIMEZONE is allowed to be ignored (RFC 5545 3.2.19), and
 * some calendars then place the meeting in UTC. Written out rather than via ical-generator's zone option, which would
 * also turn DTSTAMP into local time.
 */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

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
  // The zone's definition goes before the first component that uses it.
  return cal.toString().replace('BEGIN:VEVENT', `${STOCKHOLM_VTIMEZONE}\r\nBEGIN:VEVENT`);
}
