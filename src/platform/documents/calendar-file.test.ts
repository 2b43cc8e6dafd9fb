import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendar-file';

describe('calendarFile', () => {
  it('writes the meeting in Swedish local time with its zone, whatever zone the server runs in', () => {
    const ics = calendarFile('Demo kommun', {
      id: 'b1',
      date: '2026-12-10',
      time: '09:30',
      durationMinutes: 90,
      summary: 'Utredningssamtal',
      location: 'Storgatan 1',
      stamp: new Date('2026-12-03T10:00:00Z'),
    });
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20261210T093000');
    expect(ics).toContain('DTEND;TZID=Europe/Stockholm:20261210T110000');
    expect(ics).toContain('UID:b1@kontakt');
    expect(ics).toContain('LOCATION:Storgatan 1');
    // The stamp stays UTC; the zone is defined once, before the event that uses it.
    expect(ics).toContain('DTSTAMP:20261203T100000Z');
    const zone = ics.indexOf('BEGIN:VTIMEZONE');
    expect(zone).toBeGreaterThan(0);
    expect(zone).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(ics).toContain('TZID:Europe/Stockholm\r\n');
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
    expect(ics.split('\r\n').every((line) => line.length <= 75)).toBe(true);
  });
});
