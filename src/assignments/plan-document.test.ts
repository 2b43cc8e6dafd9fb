import { describe, expect, it } from 'vitest';
import { lix } from '../platform/documents/lix';
import { planText, type PlanDocumentInput } from './plan-document';

const input: PlanDocumentInput = {
  municipality: 'Demo kommun',
  caseNumber: 'KP-2026-0007',
  person: 'Sara Lind',
  scope: '1 träff i veckan',
  plan: {
    planVersion: 2,
    // The plan's own words are tested, so what was written with the person is kept short and neutral here.
    goals: [{ goal: 'Mål ett.', fromDecision: 'Beslut.' }, { goal: 'Mål två.', fromDecision: null }],
    activities: 'Text.',
    schedule: 'Text.',
    personWishes: 'Text.',
    followUpHow: 'Text.',
    followUpDate: '2026-06-15',
    writtenDate: '2026-03-16',
    savedAt: '2026-03-16T10:00:00Z',
    savedBy: 'Kim',
  },
};

const plain = (i: PlanDocumentInput) => {
  const t = planText(i);
  return [...t.intro, ...t.sections.flatMap((s) => [s.heading ? `${s.heading}.` : '', ...s.paragraphs])].join(' ');
};

const variants: Array<[string, PlanDocumentInput]> = [
  ['everything filled in', input],
  ['no scope, no follow-up date, nothing but goals', { ...input, scope: null, plan: { ...input.plan, activities: null, schedule: null, personWishes: null, followUpHow: null, followUpDate: null } }],
];

describe('genomförandeplan document', () => {
  it.each(variants)('is easy to read: LIX ≤ 40 (%s)', (_name, i) => {
    expect(lix(plain(i))).toBeLessThanOrEqual(40);
  });

  it('prints the goals with their link to the decision, and the follow-up date', () => {
    const t = plain(input);
    expect(t).toContain('1. Mål ett. (Från beslutet: Beslut.)');
    expect(t).toContain('2. Mål två.');
    expect(t).toContain('I beslutet står att du får 1 träff i veckan.');
    expect(t).toContain('senast 2026-06-15');
    expect(plain(variants[1][1])).toContain('Inget skrivet.');
  });
});
