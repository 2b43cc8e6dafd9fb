import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifySearch, formatIdentityNumber, parseIdentityNumber } from './identity-number';
import { fictitiousPerson, makePersonnummer, prng } from './fictitious';

describe('parseIdentityNumber', () => {
  it('accepts 12 and 10 digits, with or without separator, and stores 12 digits', () => {
    for (const input of ['19121212-1212', '191212121212', '1912 1212-1212']) {
      expect(parseIdentityNumber(input)).toMatchObject({ ok: true, normalized: '191212121212' });
    }
    // 10 digits with '-': the century that makes the person younger than 100.
    expect(parseIdentityNumber('121212-1212')).toMatchObject({ ok: true, normalized: '201212121212' });
    const full = parseIdentityNumber('19121212-1212');
    expect(full).toMatchObject({ ok: true, kind: 'personnummer', normalized: '191212121212', birthDate: '1912-12-12', sex: 'male' });
  });

  it('reads the + separator as a person aged 100 or more', () => {
    const p = parseIdentityNumber('121212+1212');
    expect(p.ok && p.normalized.slice(0, 2)).toBe('19');
  });

  it('recognises a samordningsnummer (day + 60) and its birth date', () => {
    const number = makePersonnummer('1990-01-01', 2, 'female').replace(/^(\d{6})01/, '$161');
    // Recompute the check digit for the day + 60.
    const nine = number.slice(2, 11);
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
      if (v > 9) v -= 9;
      sum += v;
    }
    const valid = `${number.slice(0, 11)}${(10 - (sum % 10)) % 10}`;
    expect(parseIdentityNumber(valid)).toMatchObject({ ok: true, kind: 'samordningsnummer', birthDate: '1990-01-01', sex: 'female' });
  });

  it('refuses a wrong check digit, letters and impossible dates with a Swedish message', () => {
    for (const bad of ['19121212-1213', '19121312-1212', 'abc', '1912121212121212', '']) {
      const p = parseIdentityNumber(bad);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.message).toMatch(/[åäö]|Skriv/);
    }
  });

  it('accepts a reserve number in the county format only when flagged', () => {
    expect(parseIdentityNumber('RES-2026-0042').ok).toBe(false);
    expect(parseIdentityNumber('res-2026-0042', true)).toMatchObject({ ok: true, kind: 'reservnummer', normalized: 'RES-2026-0042' });
    expect(parseIdentityNumber('x', true).ok).toBe(false);
  });

  it('accepts every generated fictitious number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer(), (i, seed) => {
        const p = fictitiousPerson(i, prng(seed));
        const parsed = parseIdentityNumber(p.identityNumber);
        return parsed.ok && parsed.birthDate === p.birthDate && parsed.sex === p.sex;
      }),
    );
  });
});

describe('presentation and search', () => {
  it('shows ÅÅÅÅMMDD-NNNN and reserve numbers as stored', () => {
    expect(formatIdentityNumber('191212121212', 'personnummer')).toBe('19121212-1212');
    expect(formatIdentityNumber('RES-1', 'reservnummer')).toBe('RES-1');
  });
  it('classifies digits as a number search and words as a name search', () => {
    expect(classifySearch('19121212-1212')).toEqual({ kind: 'number', digits: '191212121212' });
    expect(classifySearch('Anna  Lind')).toEqual({ kind: 'name', words: ['anna', 'lind'] });
  });
});
