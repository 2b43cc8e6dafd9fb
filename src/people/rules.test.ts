import { describe, expect, it } from 'vitest';
import { ageOn, describeAge, describeBirth, isChildOn } from './rules';

const TODAY = '2026-03-14';
const full = (d: string) => ({ birthDate: d, birthDatePartial: null });
const partial = (p: string) => ({ birthDate: null, birthDatePartial: p });
const none = { birthDate: null, birthDatePartial: null };

describe('age from what is known of the birth date', () => {
  it('a full date gives an exact age, counting the birthday itself', () => {
    expect(ageOn(full('2008-03-14'), TODAY)).toEqual({ kind: 'exact', years: 18 });
    expect(ageOn(full('2008-03-15'), TODAY)).toEqual({ kind: 'exact', years: 17 });
    expect(isChildOn(full('2008-03-15'), TODAY)).toBe(true);
    expect(isChildOn(full('2008-03-14'), TODAY)).toBe(false);
    expect(describeAge(full('1979-02-14'), TODAY)).toBe('47 år');
  });

  it('a known month gives a range when the birthday may fall either side of today, and says why', () => {
    expect(ageOn(partial('1979-02'), TODAY)).toEqual({ kind: 'exact', years: 47 });
    expect(ageOn(partial('1979-03'), TODAY)).toEqual({ kind: 'range', min: 46, max: 47 });
    expect(describeAge(partial('1979-03'), TODAY)).toBe('46 eller 47 år (födelsedagen är okänd)');
  });

  it('a known year only: a range, and "child or adult" is unknown in the year a person turns 18', () => {
    expect(ageOn(partial('1979'), TODAY)).toEqual({ kind: 'range', min: 46, max: 47 });
    expect(describeAge(partial('1979'), TODAY)).toBe('46 eller 47 år (födelsemånaden är okänd)');
    expect(isChildOn(partial('2008'), TODAY)).toBeNull();
    expect(isChildOn(partial('2010'), TODAY)).toBe(true);
    expect(isChildOn(partial('2007'), TODAY)).toBe(false);
  });

  it('nothing known (reserve number): says so', () => {
    expect(ageOn(none, TODAY)).toEqual({ kind: 'unknown' });
    expect(describeAge(none, TODAY)).toBe('Ålder okänd');
    expect(isChildOn(none, TODAY)).toBeNull();
    expect(describeBirth(none)).toBe('Okänt');
  });

  it('describes the birth date in words a case worker reads', () => {
    expect(describeBirth(full('1979-02-14'))).toBe('1979-02-14');
    expect(describeBirth(partial('1979-02'))).toBe('februari 1979 (dagen är okänd)');
    expect(describeBirth(partial('1979'))).toBe('1979 (månad och dag är okända)');
  });
});
