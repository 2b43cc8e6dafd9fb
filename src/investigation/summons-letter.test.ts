import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { summonsLetterPdf, summonsLetterText, withWeekday, type SummonsLetterInput } from './summons-letter';

const input: SummonsLetterInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1\n123 45 Demoby', phone: '0123-45 67 00', email: 'kp@demo.se' },
  unitName: 'LSS-enheten',
  caseNumber: 'KP-2026-0007',
  letterDate: '2026-03-16',
  booking: { kind: 'office', date: '2026-03-18', time: '10:00', durationMinutes: 60, place: 'Storgatan 1, rum 3', interpreterLanguage: null, representative: null, rebooked: false },
  person: { firstName: 'Sara', lastName: 'Lind', address: { street: 'Storgatan 9', postalCode: '123 45', city: 'Demoby' } },
  caseOfficer: 'Hanna Berg',
};
const withBooking = (b: Partial<SummonsLetterInput['booking']>): SummonsLetterInput => ({ ...input, booking: { ...input.booking, ...b } });

const plain = (i: SummonsLetterInput) =>
  summonsLetterText(i)
    .sections.flatMap((s) => [s.heading ? `${s.heading}` : '', ...s.paragraphs])
    .join(' ');

const variants: Array<[string, SummonsLetterInput]> = [];
for (const kind of ['office', 'home', 'phone'] as const) {
  for (const interpreterLanguage of [null, 'Arabiska']) {
    variants.push([`${kind}, ${interpreterLanguage ? 'with' : 'without'} interpreter`, withBooking({ kind, interpreterLanguage, place: kind === 'office' ? input.booking.place : null })]);
  }
}
variants.push(
  ['rebooked, with a representative and 90 minutes', withBooking({ rebooked: true, representative: 'Gode mannen Per', durationMinutes: 90 })],
  ['phone with a number to call', withBooking({ kind: 'phone', place: '070-123 45 67' })],
  ['no phone or e-mail, no handläggare name', { ...input, caseOfficer: '', municipality: { name: 'Demo kommun', postalAddress: null, phone: null, email: null } }],
);

describe('summons letter (kallelse)', () => {
  it.each(variants)('is easy to read: LIX ≤ 40 (%s)', (_n, i) => {
    expect(lix(plain(i))).toBeLessThanOrEqual(40);
  });

  it('says when, where and how long, with the weekday', () => {
    expect(withWeekday('2026-03-18')).toBe('onsdag 2026-03-18');
    const t = plain(input);
    expect(t).toContain('Mötet är onsdag 2026-03-18 klockan 10:00. Vi ses på Storgatan 1, rum 3.');
    expect(t).toContain('ungefär en timme');
    expect(plain(withBooking({ kind: 'home', place: null }))).toContain('Hanna kommer hem till dig.');
    expect(plain(withBooking({ kind: 'phone', place: null }))).toContain('Det sker per telefon. Hanna ringer upp dig.');
    expect(plain(withBooking({ durationMinutes: 45 }))).toContain('ungefär 45 minuter');
  });

  it('names the interpreter, the representative and a new time', () => {
    expect(plain(withBooking({ interpreterLanguage: 'Arabiska' }))).toContain('Vi har bokat en tolk på arabiska.');
    expect(plain(input)).not.toContain('tolk');
    expect(plain(withBooking({ representative: 'Gode mannen Per' }))).toContain('Gode mannen Per är också med.');
    expect(summonsLetterText(withBooking({ rebooked: true })).title).toBe('Ny tid för möte om kontaktperson');
    expect(plain(withBooking({ rebooked: true }))).toContain('Här är den nya tiden.');
  });

  it('prints the address only when it may be shown (skyddad identitet)', () => {
    expect(JSON.stringify(summonsLetterPdf(input).content)).toContain('Storgatan 9');
    expect(JSON.stringify(summonsLetterPdf({ ...input, person: { ...input.person, address: null } }).content)).not.toContain('Storgatan 9');
  });
});
