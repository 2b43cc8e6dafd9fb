// Reading import files: encodings (UTF-8 with and without BOM, Windows-1252 with Swedish letters), separators,
// quoted fields (separator, quote and line break inside), empty lines, line numbers; the header and ja/nej.
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { decodeFile, detectSeparator, readHeader, readYesNo } from './rules';

const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 })[c] ?? c.charCodeAt(0)));

async function rows(bytes: Uint8Array) {
  const f = readCsv(bytes);
  const out: { line: number; cells: string[] }[] = [];
  for await (const r of f.rows) out.push({ line: r.line, cells: r.cells });
  return { ...f, out };
}

describe('decodeFile', () => {
  it.each([
    ['UTF-8 without BOM', new TextEncoder().encode('förnamn;Åsa'), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('förnamn;Åsa')]), 'utf-8'],
    ['Windows-1252', cp1252('förnamn;Åsa'), 'windows-1252'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeFile(bytes)).toEqual({ text: 'förnamn;Åsa', encoding });
  });
  it('reads every Swedish letter in Windows-1252', () => {
    expect(decodeFile(cp1252('åäöÅÄÖé')).text).toBe('åäöÅÄÖé');
  });
  it('plain ASCII is UTF-8', () => {
    expect(decodeFile(new TextEncoder().encode('a;b')).encoding).toBe('utf-8');
  });
});

describe('detectSeparator', () => {
  it.each([
    ['a;b;c\n1,2;3', ';'],
    ['a,b,c\n1;2;3', ','],
    ['"a;b",c,d', ','],
    ['\n\na;b', ';'],
    ['ensam', ';'],
  ])('%j → %s', (text, sep) => expect(detectSeparator(text)).toBe(sep));
});

describe('readCsv', () => {
  it('quoted fields keep separators, quotes and line breaks; empty lines are skipped; lines are the file’s', async () => {
    const text = 'a;b\r\n"x;y";"sa ""hej"""\r\n\r\n;;\r\n"två\nrader";z\r\n';
    const r = await rows(new TextEncoder().encode(text));
    expect(r.separator).toBe(';');
    expect(r.out).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'sa "hej"'] },
      { line: 6, cells: ['två\nrader', 'z'] },
    ]);
  });
  it('comma files in Windows-1252', async () => {
    const r = await rows(cp1252('förnamn,efternamn\nÅsa,Öberg\n'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.out[1].cells).toEqual(['Åsa', 'Öberg']);
  });
  it('an unclosed quote is a Swedish error with the line', async () => {
    await expect(rows(new TextEncoder().encode('a;b\n1;2\n"3;4\n'))).rejects.toThrow(/kunde inte läsas som CSV/);
  });
});

describe('readHeader', () => {
  it('finds columns regardless of case and spacing; reports missing, unknown and repeated ones', () => {
    expect(readHeader('persons', ['Personnummer', ' Förnamn ', 'efternamn']).problems).toEqual([]);
    const r = readHeader('persons', ['personnummer', 'förnamn', 'förnamn', 'skostorlek']);
    expect(r.problems.map((p) => p.column)).toEqual(['förnamn', 'skostorlek', 'efternamn']);
  });
});

describe('readYesNo', () => {
  it.each([
    ['', false, false],
    ['', true, true],
    ['Ja', false, true],
    ['nej', true, false],
    ['kanske', false, 'invalid'],
  ] as const)('%j (empty %s) → %s', (cell, empty, out) => expect(readYesNo(cell, empty)).toBe(out));
});
