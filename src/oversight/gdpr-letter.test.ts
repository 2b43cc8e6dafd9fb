import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { registerExtractPdf, registerExtractText, type ExtractLetterInput } from './gdpr-letter';

const person = { id: 'p1', identity_number: '191212121212', id_kind: 'personnummer', first_name: 'Sara', last_name: 'Lind', street_address: 'Storgatan 1', postal_code: '123 45', city: 'Demoby', protected_identity: false };
const input: ExtractLetterInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1\n123 45 Demoby' },
  date: '2026-03-16',
  extract: {
    producedAt: '2026-03-16T09:00:00.000Z',
    municipality: 'Demo kommun',
    person,
    sections: {
      cases: [{ id: 'c1', case_number: 'KP-2026-0007', route: 'LSS', received_date: '2026-03-12', unit_name: 'LSS-enheten', responsible_name: 'Hanna Berg' }],
      decisions: [{ case_number: 'KP-2026-0007', decision_date: '2026-03-20', outcome: 'granted', legal_basis_law: 'LSS', legal_basis_paragraph: '9 § 4', start_date: '2026-04-01', end_date: null }],
      log: [{ occurred_at: '2026-03-16T09:00:00+00:00', action: 'person.read', user_name: 'Hanna Berg', user_role: 'handlaggare', unit_name: 'LSS-enheten' }],
    },
  },
};

const plain = (i: ExtractLetterInput) => {
  const t = registerExtractText(i);
  return [t.greeting, ...t.sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs])].join(' ');
};

const variants: Array<[string, ExtractLetterInput]> = [
  ['an ordinary person', input],
  ['skyddad identitet', { ...input, extract: { ...input.extract, person: { ...person, protected_identity: true } } }],
  ['a long municipality name', { ...input, municipality: { name: 'Upplands-Bro kommun', postalAddress: null } }],
];

describe('register extract letter', () => {
  it.each(variants)('is easy to read: LIX ≤ 40 (%s)', (_name, i) => {
    expect(lix(plain(i))).toBeLessThanOrEqual(40);
  });

  it('tells a person with skyddad identitet why their address is left out, and only them', () => {
    expect(plain(variants[1][1])).toContain('skyddade uppgifter');
    expect(plain(input)).not.toContain('skyddade uppgifter');
  });

  it('lists the case, the decision and who read the data, in words', () => {
    const doc = JSON.stringify(registerExtractPdf(input).content);
    expect(doc).toContain('KP-2026-0007');
    expect(doc).toContain('Bifall');
    expect(doc).toContain('LSS 9 § 4');
    expect(doc).toContain('2026-03-16 10:00'); // Swedish local time
    expect(doc).toContain('Hanna Berg');
    expect(doc).toContain('Läste personuppgifter');
    expect(doc).toContain('Storgatan 1');
  });

  it('leaves the address out for skyddad identitet', () => {
    const doc = JSON.stringify(registerExtractPdf({ ...input, extract: { ...input.extract, person: { ...person, street_address: undefined, protected_identity: true } } }).content);
    expect(doc).not.toContain('Storgatan');
    expect(doc).toContain('Visas inte (skyddade uppgifter)');
  });
});
