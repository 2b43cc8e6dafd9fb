import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { acknowledgementLetterPdf, acknowledgementLetterText, DEFAULT_PRIVACY_INFO, type AcknowledgementLetterInput } from './acknowledgement-letter';

const input: AcknowledgementLetterInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1\n123 45 Demoby', phone: '0123-45 67 00', email: 'kp@demo.se', privacyInfo: 'demo.se/personuppgifter' },
  unitName: 'LSS-enheten',
  caseNumber: 'KP-2026-0007',
  route: 'LSS',
  receivedDate: '2026-03-12',
  letterDate: '2026-03-13',
  documentationDueDate: '2026-04-06',
  person: { firstName: 'Sara', lastName: 'Lind', address: { street: 'Storgatan 1', postalCode: '123 45', city: 'Demoby' } },
  caseOfficer: 'Hanna Berg',
};

const plain = (i: AcknowledgementLetterInput) =>
  acknowledgementLetterText(i)
    .sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs])
    .join(' ');

/** Every variant the letter has: intyg missing or not, with or without the municipality's optional details. */
const variants: Array<[string, AcknowledgementLetterInput]> = [
  ['LSS, intyg missing', input],
  ['SoL, nothing missing', { ...input, documentationDueDate: null, route: 'SOL' }],
  ['no address, phone, e-mail or privacy text', { ...input, municipality: { name: 'Demo kommun', postalAddress: null, phone: null, email: null, privacyInfo: null } }],
  ['no handläggare name', { ...input, caseOfficer: '' }],
  ['long unit and municipality names', { ...input, unitName: 'Enheten för funktionsstöd och socialpsykiatri', municipality: { ...input.municipality, name: 'Upplands-Bro kommun' } }],
];

describe('acknowledgement letter', () => {
  it.each(variants)('is easy to read: LIX ≤ 40 (%s)', (_name, i) => {
    expect(lix(plain(i))).toBeLessThanOrEqual(40);
  });

  it('names the case number, the date received and what to send when documentation is missing', () => {
    const text = plain(input);
    expect(text).toContain('KP-2026-0007');
    expect(text).toContain('2026-03-12');
    expect(text).toContain('intyg');
    expect(plain({ ...input, documentationDueDate: null })).not.toContain('intyg');
  });

  it('says by when the intyg should arrive and what happens if it does not', () => {
    const text = plain(input);
    expect(text).toContain('senast 2026-04-06');
    expect(text).toMatch(/Om vi inte får något intyg fattar vi ändå ett beslut\. Då kan du få avslag/);
  });

  it('names the handläggare instead of "hen", and the unit', () => {
    const text = plain(input);
    expect(text).not.toMatch(/\bHen\b/i);
    expect(text).toContain('Din handläggare heter Hanna Berg. Hanna ringer eller skriver');
    expect(text).toContain('Ditt ärende finns hos LSS-enheten i Demo kommun.');
    expect(plain({ ...input, caseOfficer: '' })).toContain('Din handläggare ringer eller skriver');
  });

  it('gives the postal address in the text, on one line', () => {
    expect(plain(input)).toContain('Vår adress är Box 1, 123 45 Demoby.');
  });

  it('says how personal data is handled and where to read more (setting, else a default)', () => {
    expect(plain(input)).toContain('Läs mer på demo.se/personuppgifter.');
    expect(plain({ ...input, municipality: { ...input.municipality, privacyInfo: null } })).toContain(`Läs mer på ${DEFAULT_PRIVACY_INFO}.`);
  });

  it('leaves out the address when it may not be shown', () => {
    const doc = JSON.stringify(acknowledgementLetterPdf({ ...input, person: { ...input.person, address: null } }).content);
    expect(doc).not.toContain('Storgatan');
    expect(JSON.stringify(acknowledgementLetterPdf(input).content)).toContain('Storgatan 1');
  });
});

describe('lix', () => {
  it('computes words per sentence plus the share of long words', () => {
    // 6 words, 2 sentences, 1 long word (> 6 letters): 3 + 100/6.
    expect(lix('Jag går hem. Kontaktpersonen kommer sedan.')).toBeCloseTo(3 + 100 / 6 + 0, 0);
  });
});
