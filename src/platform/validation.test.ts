import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateProblem, dateString, formatNumber, hasControlCharacters, int4, optionalText, requiredText, swedishErrorMap, version } from './validation';
import * as people from '../../src/people/schema';
import * as intake from '../../src/intake/schema';
import * as admin from '../../src/admin/schema';
import * as oversight from '../../src/oversight/schema';
import * as auth from './auth/schema';

const ENGLISH = /\b(expected|received|invalid|input|must|should|required|string|number|boolean|undefined|NaN|null|object|array|too|big|small|characters?|Unrecognized|key)\b|>=|<=|[<>]|förväntade?|fick\b/i;

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('the Swedish error map answers every kind of zod issue', () => {
  it.each([
    ['invalid_type: number', z.number(), 'x', 'Skriv ett tal.'],
    ['invalid_type: int', z.int(), 1.5, 'Skriv ett heltal.'],
    ['invalid_type: boolean', z.boolean(), 'true', 'Välj ja eller nej.'],
    ['invalid_type: string', z.string(), 5, 'Skriv text här.'],
    ['invalid_type: missing', z.object({ a: z.string() }), {}, 'Fältet måste fyllas i.'],
    ['invalid_type: array', z.array(z.string()), 'x', 'Här ska det vara en lista.'],
    ['invalid_type: object', z.object({}), 'x', 'Uppgifterna har fel form.'],
    ['too_small: number inclusive', z.number().min(1), 0, 'Talet måste vara minst 1.'],
    ['too_small: number exclusive', z.number().gt(0), 0, 'Talet måste vara större än 0.'],
    ['too_big: number inclusive', int4(), 2147483648, 'Talet får vara högst 2 147 483 647.'],
    ['too_big: number exclusive', z.number().lt(10), 10, 'Talet måste vara mindre än 10.'],
    ['too_small: string', z.string().min(3), 'ab', 'Skriv minst 3 tecken.'],
    ['too_small: string non-empty', z.string().min(1), '', 'Fältet måste fyllas i.'],
    ['too_big: string', z.string().max(3), 'abcd', 'Texten får vara högst 3 tecken.'],
    ['too_small: array', z.array(z.string()).min(2), ['a'], 'Välj minst 2.'],
    ['too_big: array', z.array(z.string()).max(1), ['a', 'b'], 'Välj högst 1.'],
    ['too_small: date', z.date().min(new Date('2026-01-01')), new Date('2025-01-01'), expect.stringMatching(/^Datumet får inte vara före/)],
    ['invalid_format: email', z.email(), 'x', 'Skriv en giltig e-postadress, till exempel namn@exempel.se.'],
    ['invalid_format: regex', z.string().regex(/^a$/), 'b', 'Texten har fel form.'],
    ['not_multiple_of', z.number().multipleOf(5), 3, 'Talet måste vara en multipel av 5.'],
    ['unrecognized_keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'Fältet b finns inte här.'],
    ['invalid_union', z.union([z.literal(1), z.literal(2)]), 3, 'Välj ett av alternativen.'],
    ['invalid_value: enum', z.enum(['a', 'b']), 'c', 'Välj ett av alternativen.'],
    ['invalid_value: literal', z.literal('a'), 'c', 'Värdet är inte tillåtet här.'],
    ['invalid_key', z.record(z.enum(['a']), z.string()), { b: 'x' }, expect.any(String)],
    ['invalid_element', z.map(z.string(), z.number()), new Map([['a', 'x']]), expect.any(String)],
    ['custom', z.string().refine(() => false), 'x', 'Värdet är inte giltigt.'],
  ] as const)('%s', (_n, schema, value, expected) => {
    const got = messages(schema as z.ZodType, value);
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]).toEqual(expected);
    for (const m of got) expect(m).not.toMatch(ENGLISH);
  });

  it('answers every issue code zod has, for every origin and bound kind', () => {
    const codes = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'];
    const origins = ['number', 'int', 'bigint', 'string', 'array', 'set', 'date', 'file'];
    for (const code of codes) {
      for (const origin of origins) {
        for (const inclusive of [true, false]) {
          const issue = { code, origin, inclusive, minimum: 3, maximum: 3, expected: origin, format: origin, keys: ['x'], values: ['a', 'b'], divisor: 2, input: 'x', path: [] };
          const m = swedishErrorMap(issue as never);
          expect(typeof m === 'string' ? m : m?.message, `${code} ${origin}`).toMatch(/\S/);
          expect(typeof m === 'string' ? m : m?.message).not.toMatch(ENGLISH);
        }
      }
    }
  });

  it('groups digits the Swedish way', () => {
    expect(formatNumber(2147483647)).toBe('2 147 483 647');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(-2500)).toBe('−2 500');
  });
});

describe('dates', () => {
  it('tells a wrong format from a date not in the calendar and a year out of range', () => {
    expect(dateProblem('2026-03-14')).toBeNull();
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('14/3 2026')).toBe('Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.');
    expect(dateProblem('2026-02-30')).toBe('Datumet 2026-02-30 finns inte.');
    expect(dateProblem('2025-02-29')).toBe('Datumet 2025-02-29 finns inte.');
    expect(dateProblem('2026-13-01')).toBe('Datumet 2026-13-01 finns inte.');
    expect(dateProblem('0001-01-01')).toBe('Året måste vara 1900 eller senare.');
    expect(dateProblem('2101-01-01')).toBe('Året måste vara 2100 eller tidigare.');
    expect(messages(dateString, undefined)).toEqual(['Ange ett datum.']);
    expect(messages(dateString, 20260314)).toEqual(['Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.']);
  });
});

describe('control characters', () => {
  it('single-line text refuses every control character; free text allows newline, return and tab only', () => {
    for (let c = 0; c < 0x20; c++) expect(hasControlCharacters(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(true);
    expect(hasControlCharacters('a\u007fb')).toBe(true);
    expect(hasControlCharacters('a\u0085b')).toBe(true);
    expect(hasControlCharacters('a\u2028b')).toBe(true);
    expect(hasControlCharacters('a\ud800b')).toBe(true);
    expect(hasControlCharacters('Åsa Öberg-Ärlig 😀')).toBe(false);
    for (const ok of ['\n', '\r', '\t']) expect(hasControlCharacters(`a${ok}b`, true)).toBe(false);
    for (const bad of ['\u0000', '\u0007', '\u001b', '\u007f']) expect(hasControlCharacters(`a${bad}b`, true)).toBe(true);
  });

  it('the shared text builders refuse them with a Swedish field message', () => {
    expect(messages(requiredText(100, 'Namn'), 'An\u0000na')[0]).toMatch(/otillåtet tecken/);
    expect(messages(requiredText(100, 'Namn'), 'An\nna')[0]).toMatch(/otillåtet tecken/);
    expect(messages(optionalText(100, 'Beskrivning', { multiline: true }), 'Rad 1\nRad 2\ttabb')).toEqual([]);
    expect(messages(optionalText(100, 'Beskrivning', { multiline: true }), 'Rad\u0000')[0]).toMatch(/otillåtet tecken/);
  });
});

describe('every schema module', () => {
  const modules = { people, intake, admin, oversight, auth };
  const objects = Object.entries(modules).flatMap(([mod, exports]) =>
    Object.entries(exports as Record<string, unknown>)
      .filter(([, v]) => v instanceof z.ZodType)
      .map(([name, schema]) => [`${mod}.${name}`, schema as z.ZodType] as const),
  );

  it('bounds every integer by its int4 column and answers every bad value in Swedish', () => {
    expect(objects.length).toBeGreaterThan(20);
    const battery = [2147483648, -2147483649, 1.5, 'abc', 'a\u0000b', 'x'.repeat(5000), true, {}, [], '2026-02-30'];
    let checked = 0;
    for (const [name, schema] of objects) {
      const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
      if (!shape) continue;
      for (const field of Object.keys(shape)) {
        for (const bad of battery) {
          for (const m of messages(schema, { [field]: bad })) expect(m, `${name}.${field} = ${JSON.stringify(bad).slice(0, 20)}`).not.toMatch(ENGLISH);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(messages(version, 2147483648)).toEqual(['Talet får vara högst 2 147 483 647.']);
    expect(messages(version, 2147483647)).toEqual([]);
  });
});
