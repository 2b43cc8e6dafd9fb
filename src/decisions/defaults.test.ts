import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGAL_BASES } from './defaults';

/** The seeded catalogue as `legalBasesInForce` reads it (valid_from ≤ date ≤ valid_to), code → appeal route. */
const inForce = (route: 'LSS' | 'SOL', date: string) =>
  Object.fromEntries(
    DEFAULT_LEGAL_BASES.filter((b) => b.route === route && b.validFrom <= date && (b.validTo === null || b.validTo === undefined || date <= b.validTo)).map((b) => [b.code, b.appealRoute]),
  );

describe('appeal route per legal basis and date (the seeded catalogue)', () => {
  it.each([
    ['LSS', '2025-06-30', { LSS_9_4: 'forvaltningsbesvar' }],
    ['LSS', '2026-12-03', { LSS_9_4: 'forvaltningsbesvar' }],
    ['SOL', '2025-06-30', { SOL2001_4_1: 'forvaltningsbesvar', SOL2001_4_2: 'laglighetsprovning' }],
    ['SOL', '2025-07-01', { SOL2025_11_1: 'forvaltningsbesvar', SOL2025_11_4: 'laglighetsprovning' }],
    ['SOL', '2026-12-03', { SOL2025_11_1: 'forvaltningsbesvar', SOL2025_11_4: 'laglighetsprovning' }],
  ] as const)('%s on %s', (route, date, expected) => {
    expect(inForce(route, date)).toEqual(expected);
  });
});
