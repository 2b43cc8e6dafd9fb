import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { decisionLetterPdf, decisionLetterText, type DecisionLetterInput } from './decision-letter';
import { DECISION_OUTCOMES } from './rules';

const input: DecisionLetterInput = {
  municipality: { name: 'Demo kommun', postalAddress: 'Box 1\n123 45 Demoby', phone: '0123-45 67 00', email: 'kp@demo.se' },
  unitName: 'LSS-enheten',
  caseNumber: 'KP-2026-0007',
  applicationDate: '2026-02-02',
  decisionDate: '2026-03-10',
  person: { firstName: 'Sara', lastName: 'Lind', address: { street: 'Storgatan 1', postalCode: '123 45', city: 'Demoby' } },
  caseOfficer: 'Hanna Lind',
  outcome: 'granted',
  requested: 'kontaktperson',
  reasons: 'Du behöver sällskap för att komma ut. Ingen annan kan ge dig det i dag.',
  scope: { text: '1 träff i veckan', hours: '8–10 timmar i månaden', contactPersonCount: 1, startDate: '2026-03-15', endDate: '2027-03-14' },
  homeCareTariff: false,
  basis: { printText: 'Beslutet är fattat med stöd av 9 § 4 LSS.', appealRoute: 'forvaltningsbesvar' },
};

const plain = (i: DecisionLetterInput) =>
  decisionLetterText(i)
    .sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs])
    .join(' ');

const variants: Array<[string, DecisionLetterInput]> = [];
for (const outcome of DECISION_OUTCOMES)
  for (const appealRoute of ['forvaltningsbesvar', 'laglighetsprovning'] as const)
    for (const homeCareTariff of [false, true])
      variants.push([
        `${outcome}, ${appealRoute}, tariff ${homeCareTariff}`,
        { ...input, outcome, homeCareTariff, basis: { ...input.basis, appealRoute }, scope: outcome === 'rejected' ? null : input.scope },
      ]);

describe('decision letter', () => {
  it.each(variants)('is easy to read: LIX ≤ 40 (%s)', (_name, i) => {
    expect(lix(plain(i))).toBeLessThanOrEqual(40);
  });

  it('says what was asked, what was decided, the scope with hours and the period', () => {
    const t = plain(input);
    expect(t).toContain('Du har sökt kontaktperson');
    expect(t).toContain('Du får en kontaktperson');
    expect(t).toContain('1 träff i veckan. Det är ungefär 8–10 timmar i månaden.');
    expect(t).toContain('från 2026-03-15 till 2027-03-14');
    expect(t).toContain('Det kostar inget');
    expect(t).not.toContain('hemtjänst');
    expect(plain({ ...input, homeCareTariff: true })).toContain('taxan för hemtjänst');
  });

  it('gives no appeal instructions for a full bifall', () => {
    expect(plain(input)).not.toMatch(/överklaga|laglighetsprövning/);
  });

  it('förvaltningsbesvär: write to the nämnd within three weeks of fick del av; forwarded to förvaltningsrätten', () => {
    const t = plain({ ...input, outcome: 'rejected', scope: null });
    expect(t).toContain('förvaltningsbesvär');
    expect(t).toContain('Skriv ett brev till nämnden i Demo kommun');
    expect(t).toContain('inom tre veckor från den dag du fick del av beslutet');
    expect(t).toContain('skickar vi ditt brev vidare till förvaltningsrätten');
    expect(t).not.toContain('Det kostar inget att ha');
  });

  it('laglighetsprövning: kommunallagen 13 kap., three weeks from the notice board', () => {
    const t = plain({ ...input, outcome: 'partly_granted', basis: { ...input.basis, appealRoute: 'laglighetsprovning' } });
    expect(t).toContain('laglighetsprövning');
    expect(t).toContain('kommunallagen, 13 kap.');
    expect(t).toContain('anslagstavla');
    expect(t).not.toContain('förvaltningsbesvär');
  });

  it('prints the stored basis text and no address when there is none', () => {
    const doc = JSON.stringify(decisionLetterPdf({ ...input, person: { ...input.person, address: null } }));
    expect(doc).toContain('Beslutet är fattat med stöd av 9 § 4 LSS.');
    expect(doc).not.toContain('Storgatan');
  });
});
