// An import file of fictitious persons (people/fictitious.ts), as the old system would export it: for the bench
// and the tests. Semicolons and UTF-8 by default; Windows-1252 for the encoding tests.
import { fictitiousPerson, prng } from '../people/fictitious';
import { IMPORT_COLUMNS } from './rules';

function quote(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replaceAll('"', '""')}"` : v;
}

export function fictitiousPersonsCsv(n: number, opts: { seed?: number; from?: number; separator?: ';' | ',' } = {}): string {
  const sep = opts.separator ?? ';';
  const rand = prng(opts.seed ?? 1);
  const lines = [IMPORT_COLUMNS.persons.map((c) => c.header).join(sep)];
  for (let i = 0; i < n; i++) {
    const p = fictitiousPerson((opts.from ?? 0) + i, rand);
    lines.push([p.identityNumber, 'nej', p.firstName, p.lastName, 'nej', p.streetAddress, p.postalCode, p.city, p.phone, ''].map((v) => quote(v, sep)).join(sep));
  }
  return `${lines.join('\r\n')}\r\n`;
}
