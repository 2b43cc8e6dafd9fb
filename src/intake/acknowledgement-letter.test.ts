import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { acknowledgementLetterPdf, acknowledgementLetterText, type AcknowledgementLetterInput } from './acknowledgement-letter';

const input: AcknowledgementLetterInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1, 123 45 Demoby', phone: '0123-45 67 00', email: 'kp@demo.se' },
  caseNumber: 'KP-2026-0007',
  route: 'LSS',
  receivedDate: '2026-03-12',
  letterDate: '2026-03-13',
  documentationMissing: true,
  person: { firstName: 'Sara', lastName: 'Lind', address: { street: 'Storgatan 1', postalCode: '123 45', city: 'Demoby' } },
  caseOfficer: 'Hanna Lind',
};

const plain = (i: AcknowledgementLetterInput) =>
  acknowledgementLetterText(i)
    .sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs])
    .join(' ');

describe('acknowledgement letter', () => {
  it('is easy to read: LIX ≤ 40 with and without the missing-documentation part', () => {
    expect(lix(plain(input))).toBeLessThanOrEqual(40);
    expect(lix(plain({ ...input, documentationMissing: false, route: 'SOL' }))).toBeLessThanOrEqual(40);
  });

  it('names the case number, the date received and what to send when documentation is missing', () => {
    const text = plain(input);
    expect(text).toContain('KP-2026-0007');
    expect(text).toContain('2026-03-12');
    expect(text).toContain('intyg');
    expect(plain({ ...input, documentationMissing: false })).not.toContain('intyg');
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
