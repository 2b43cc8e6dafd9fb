import { describe, expect, it } from 'vitest';
import { daysAgo } from './dates';
import { genitive } from './text';

describe('genitive', () => {
  it.each([
    ['Hanna Lind', 'Hanna Linds'],
    ['Rolf Ås', 'Rolf Ås'],
    ['Lena Strand', 'Lena Strands'],
    ['Max', 'Max'],
    ['Lutz', 'Lutz'],
    ['Elin Sjö', 'Elin Sjös'],
    ['ANDERS', 'ANDERS'],
  ])('%s → %s', (name, expected) => {
    expect(genitive(name)).toBe(expected);
  });
});

describe('daysAgo', () => {
  it.each([
    [0, 'i dag'],
    [1, 'i går'],
    [2, '2 dagar sedan'],
    [30, '30 dagar sedan'],
    [-1, 'i morgon'],
    [-3, 'om 3 dagar'],
  ])('%i → %s', (n, expected) => {
    expect(daysAgo(n)).toBe(expected);
  });
});
