import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { agreementText, appointmentText, type AgreementInput } from './agreement-document';
import { executionProgress, openPlaces } from './rules';

const input: AgreementInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1\n123 45 Demoby' },
  unitName: 'Kontaktpersonsenheten',
  caseNumber: 'KP-2026-0007',
  date: '2026-03-06',
  route: 'LSS',
  person: { firstName: 'Sara', lastName: 'Lind' },
  contactPerson: { firstName: 'Ahmed', lastName: 'Demosson' },
  meetingsPerMonth: 4,
  frequencyText: 'En eftermiddag i veckan',
  activities: 'Promenader och fika.',
  periodFrom: '2026-03-09',
  periodTo: '2027-01-31',
  rate: { name: 'Nivå 1', year: 2026, arvode: 98_700, omkostnad: 49_300 },
};

const plain = (t: { sections: { heading?: string; paragraphs: string[] }[] }) => t.sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs]).join(' ');

const variants: Array<[string, AgreementInput]> = [
  ['full', input],
  ['no rate, no frequency, tills vidare', { ...input, rate: null, meetingsPerMonth: null, frequencyText: null, activities: null, periodTo: null }],
  ['SoL, once a month', { ...input, route: 'SOL', meetingsPerMonth: 1 }],
];

describe('uppdragsavtal and förordnande', () => {
  it.each(variants)('are easy to read: LIX ≤ 40 (%s)', (_n, i) => {
    expect(lix(plain(agreementText(i)))).toBeLessThanOrEqual(40);
    expect(lix(plain(appointmentText(i)))).toBeLessThanOrEqual(40);
  });

  it('the agreement says how often, what, how long, the amounts per month, tystnadsplikt, insurance and how to end it', () => {
    const t = plain(agreementText(input)).replace(/\u00a0/g, ' ');
    expect(t).toContain('Ni ses 4 gånger i månaden.');
    expect(t).toContain('Promenader och fika.');
    expect(t).toContain('från 2026-03-09 till 2027-01-31');
    expect(t).toContain('Du får 987 kr i arvode per månad.');
    expect(t).toContain('Du får också 493 kr per månad');
    expect(t).toContain('tystnadsplikt');
    expect(t).toContain('försäkring');
    expect(t).toContain('säga upp avtalet');
    expect(plain(agreementText({ ...input, periodTo: null }))).toContain('tills vidare');
  });

  it('the förordnande names the contact person, the person and the law', () => {
    expect(plain(appointmentText(input))).toContain('Demo kommun utser Ahmed Demosson till kontaktperson för Sara Lind. Det sker enligt 9 § 4 LSS.');
  });
});

describe('execution progress and open places', () => {
  const a = (o: Partial<Parameters<typeof executionProgress>[1][number]> = {}) => ({ startDate: '2026-03-10', endDate: null, endReason: null, interruptions: [], ...o });
  it.each([
    [1, [], null],
    [2, [a()], 'Delvis verkställt (1 av 2)'],
    [2, [a(), a()], 'Verkställt'],
    [1, [a()], 'Verkställt'],
    [null, [a()], 'Verkställt'],
    [2, [a(), a({ startDate: null })], 'Delvis verkställt (1 av 2)'],
    [1, [a({ endDate: '2026-03-12', endReason: 'contact_person_stopped' as const })], null],
  ] as const)('granted %s, %j → %s', (count, as, label) => {
    expect(executionProgress(count, as).label).toBe(label);
  });
  it('open places: granted less open offers', () => {
    expect(openPlaces(2, [{ closedReason: null }, { closedReason: 'ended' }])).toBe(1);
    expect(openPlaces(1, [{ closedReason: null }])).toBe(0);
    expect(openPlaces(null, [])).toBe(1);
  });
});
