// The decision letter PDF: the same pure letter (src/decisions/decision-letter.ts) rendered 100 times in a row by the
// platform's pdfmake renderer, the variants in turn; p50/p95 per letter and the heap before and after (garbage
// collected first). Target: < 150 ms each, no memory growth. Standalone:
// `npx tsx bench/decision-letter.ts`.
import v8 from 'node:v8';
import vm from 'node:vm';
import { renderPdf } from '../src/platform/documents/pdf';
import { decisionLetterPdf, type DecisionLetterInput } from '../src/decisions/decision-letter';
import { isMain, ms, stats, table, writeSummary } from './lib';

const base: DecisionLetterInput = {
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
  basis: { printText: 'Beslutet är fattat med stöd av 9 § 4 lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS).', appealRoute: 'forvaltningsbesvar' },
};
const variants: DecisionLetterInput[] = [
  base,
  { ...base, outcome: 'rejected', scope: null },
  { ...base, outcome: 'partly_granted', homeCareTariff: true, basis: { ...base.basis, appealRoute: 'laglighetsprovning' } },
];

// Garbage collection on demand, so the heap figures compare live memory.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function main() {
  for (let i = 0; i < 5; i++) await renderPdf(decisionLetterPdf(variants[i % variants.length])); // warm-up (fonts)
  const before = heap();
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await renderPdf(decisionLetterPdf(variants[i % variants.length]));
    times.push(performance.now() - t);
  }
  const after = heap();
  const s = stats(times);
  const growth = after - before;
  console.log(table(['measure', 'value'], [['p50', ms(s.p50)], ['p95', ms(s.p95)], ['max', ms(s.max)], ['heap growth over 100', `${growth.toFixed(1)} MB${gc ? '' : ' (no --expose-gc)'}`]]));
  writeSummary('decision-letter', [
    { measure: 'decision letter PDF p95 (100 in a row)', value: ms(s.p95), target: '< 150 ms', ok: s.p95 < 150 },
    { measure: 'decision letter heap growth over 100', value: `${growth.toFixed(1)} MB`, target: 'no growth (< 5 MB)', ok: gc ? growth < 5 : null },
  ]);
}

if (isMain(import.meta.url)) await main();
