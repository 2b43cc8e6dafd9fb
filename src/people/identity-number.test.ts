import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Personnummer from 'personnummer';
import { classifySearch, formatIdentityNumber, identityNumberProblem, luhnDigit, parseIdentityNumber } from './identity-number';
import { fictitiousPerson, makePersonnummer, prng } from './fictitious';

const TODAY = '2026-03-14';

describe('parseIdentityNumber', () => {
  it('accepts 12 and 10 digits, with or without separator, and stores 12 digits', () => {
    for (const input of ['19121212-1212', '191212121212', '1912 1212-1212']) {
      expect(parseIdentityNumber(input, TODAY)).toMatchObject({ ok: true, normalized: '191212121212' });
    }
    // 10 digits with '-': the century that makes the person younger than 100.
    expect(parseIdentityNumber('121212-1212', TODAY)).toMatchObject({ ok: true, normalized: '201212121212' });
    const full = parseIdentityNumber('19121212-1212', TODAY);
    expect(full).toMatchObject({ ok: true, kind: 'personnummer', normalized: '191212121212', birthDate: '1912-12-12', sex: 'male' });
  });

  it('reads the + separator as a person aged 100 or more', () => {
    const p = parseIdentityNumber('121212+1212', TODAY);
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
    expect(parseIdentityNumber(valid, TODAY)).toMatchObject({ ok: true, kind: 'samordningsnummer', birthDate: '1990-01-01', sex: 'female' });
  });

  it('refuses a wrong check digit, letters and impossible dates with a Swedish message', () => {
    for (const bad of ['19121212-1213', '19121312-1212', 'abc', '1912121212121212', '']) {
      const p = parseIdentityNumber(bad, TODAY);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.message).toMatch(/[åäö]|Skriv/);
    }
  });

  it('accepts a reserve number in the county format only when flagged', () => {
    expect(parseIdentityNumber('RES-2026-0042', TODAY).ok).toBe(false);
    expect(parseIdentityNumber('res-2026-0042', TODAY, true)).toMatchObject({ ok: true, kind: 'reservnummer', normalized: 'RES-2026-0042' });
    expect(parseIdentityNumber('x', TODAY, true).ok).toBe(false);
  });

  it('accepts every generated fictitious number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer(), (i, seed) => {
        const p = fictitiousPerson(i, prng(seed));
        const parsed = parseIdentityNumber(p.identityNumber, TODAY);
        return parsed.ok && parsed.birthDate === p.birthDate && parsed.sex === p.sex;
      }),
    );
  });
});

/** A 12-digit number YYYY MM DD NNN with the right Luhn digit. */
function withCheckDigit(year: number, mm: string, dd: string, serial: string): string {
  const nine = `${String(year).slice(2)}${mm}${dd}${serial}`;
  return `${year}${mm}${dd}${serial}${luhnDigit(nine)}`;
}
const pad2 = (n: number) => String(n).padStart(2, '0');

describe('samordningsnummer as Skatteverket assigns them', () => {
  it('accepts the example with a date not in the calendar (30 February) and keeps the month', () => {
    expect(parseIdentityNumber('19790290-2399', TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '197902902399',
      birthDate: null,
      birthDatePartial: '1979-02',
      sex: 'male',
    });
  });

  it('accepts every month 00–12 × day 60–91 with a correct check digit, and stores what is known of the birth date', () => {
    let count = 0;
    for (const year of [1931, 1979, 2000, 2004]) {
      for (let month = 0; month <= 12; month++) {
        for (let day = 60; day <= 91; day++) {
          for (const serial of ['238', '239', '001']) {
            const n = withCheckDigit(year, pad2(month), pad2(day), serial);
            const p = parseIdentityNumber(`${n.slice(0, 8)}-${n.slice(8)}`, TODAY);
            expect(p, n).toMatchObject({ ok: true, kind: 'samordningsnummer', normalized: n });
            if (!p.ok) continue;
            count++;
            const real = new Date(Date.UTC(year, month - 1, day - 60));
            const inCalendar = month > 0 && day > 60 && real.getUTCMonth() === month - 1;
            if (month === 0) expect(p.birthDatePartial).toBe(String(year));
            else if (!inCalendar) expect(p.birthDatePartial).toBe(`${year}-${pad2(month)}`);
            else expect(p.birthDate).toBe(`${year}-${pad2(month)}-${pad2(day - 60)}`);
            expect(p.birthDate === null).toBe(p.birthDatePartial !== null);
            // The same number typed with 10 digits gets the same century (the person is under 100).
            if (year > 1926) expect(parseIdentityNumber(`${n.slice(2, 8)}-${n.slice(8)}`, TODAY)).toMatchObject({ ok: true, normalized: n });
          }
        }
      }
    }
    expect(count).toBe(4 * 13 * 32 * 3);
  });

  it('still refuses a wrong check digit, day 92–99 and month 13 in a samordningsnummer', () => {
    const good = withCheckDigit(1979, '02', '90', '239');
    const wrong = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    expect(parseIdentityNumber(wrong, TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('kontrollsiffran') });
    expect(parseIdentityNumber(withCheckDigit(1979, '02', '92', '239'), TODAY).ok).toBe(false);
    expect(parseIdentityNumber(withCheckDigit(1979, '13', '70', '239'), TODAY).ok).toBe(false);
  });
});

describe('a birth date in the future', () => {
  it('refuses personnummer and samordningsnummer born after today, saying why', () => {
    for (const n of ['20991231-2395', '20300101-0101', '209912312395', withCheckDigit(2099, '12', '91', '239'), withCheckDigit(2027, '00', '60', '239')]) {
      const p = parseIdentityNumber(n, TODAY);
      expect(p, n).toMatchObject({ ok: false, message: expect.stringMatching(/^Födelse(datumet|månaden|året) .* ligger i framtiden/) });
    }
    expect(parseIdentityNumber('20991231-2395', TODAY)).toMatchObject({ message: expect.stringContaining('Födelsedatumet 2099-12-31 ligger i framtiden') });
    // Tomorrow is refused, today is accepted.
    expect(parseIdentityNumber(withCheckDigit(2026, '03', '15', '239'), TODAY).ok).toBe(false);
    expect(parseIdentityNumber(withCheckDigit(2026, '03', '14', '239'), TODAY).ok).toBe(true);
    // A month or year that has begun is not in the future even when the day is unknown.
    expect(parseIdentityNumber(withCheckDigit(2026, '03', '60', '239'), TODAY).ok).toBe(true);
    expect(parseIdentityNumber(withCheckDigit(2026, '04', '60', '239'), TODAY).ok).toBe(false);
  });

  it('reads 10 digits relative to today: "-" under 100, "+" 100 or more, never in the future', () => {
    // 15 March is tomorrow: with "-" the person was born in 1926 (aged 99), since 2026-03-15 is still to come.
    const tomorrow = withCheckDigit(2026, '03', '15', '239').slice(2);
    expect(parseIdentityNumber(`${tomorrow.slice(0, 6)}-${tomorrow.slice(6)}`, TODAY)).toMatchObject({ ok: true, normalized: `19${tomorrow}` });
    expect(parseIdentityNumber(`${tomorrow.slice(0, 6)}+${tomorrow.slice(6)}`, TODAY)).toMatchObject({ ok: true, normalized: `18${tomorrow}` });
    const today = withCheckDigit(2026, '03', '14', '239').slice(2);
    expect(parseIdentityNumber(`${today.slice(0, 6)}-${today.slice(6)}`, TODAY)).toMatchObject({ ok: true, normalized: `20${today}` });
    expect(parseIdentityNumber(`${today.slice(0, 6)}+${today.slice(6)}`, TODAY)).toMatchObject({ ok: true, normalized: `19${today}` });
    // The same digits on another day give another century: the parser takes today as an argument.
    expect(parseIdentityNumber(`${tomorrow.slice(0, 6)}-${tomorrow.slice(6)}`, '2026-03-15')).toMatchObject({ ok: true, normalized: `20${tomorrow}` });
  });

  it('the form check (no today) looks only at format and check digit', () => {
    expect(identityNumberProblem('20991231-2395')).toBeNull();
    expect(identityNumberProblem('19790290-2399')).toBeNull();
    expect(identityNumberProblem('000229-0005'.replace(/5$/, String(luhnDigit('000229000'))))).toBeNull();
    expect(identityNumberProblem('19121212-1213')).toMatch(/kontrollsiffran/);
  });
});

describe('agrees with the personnummer package where that package is right', () => {
  it('same normalized number, birth date and sex for past personnummer and samordningsnummer with a real date (property)', () => {
    const opts = { allowCoordinationNumber: true, allowInterimNumber: false };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-03-13T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        (d, serial, coordination) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          const n = withCheckDigit(Number(y), m, pad2(Number(day) + (coordination ? 60 : 0)), String(serial).padStart(3, '0'));
          const ours = parseIdentityNumber(n, TODAY);
          const theirs = Personnummer.parse(n, opts);
          return (
            ours.ok &&
            ours.normalized === theirs.format(true) &&
            ours.birthDate === iso &&
            ours.kind === (theirs.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer') &&
            ours.sex === (theirs.isFemale() ? 'female' : 'male')
          );
        },
      ),
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
