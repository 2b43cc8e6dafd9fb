// Bytes for the first page: fetch /logga-in as a browser does (accept-encoding: br, gzip), then the
// scripts and styles index.html references (entry, modulepreloads, stylesheet) and, transitively, the
// chunks those scripts import, plus the login page's own lazy chunk and its imports (what the browser
// must have before the login form shows). Sums what
// travels (compressed) and what it unpacks to. Standalone: `npx tsx bench/first-page.ts [--url URL]`;
// without --url it starts the server (node scripts/start.mjs) on a fresh data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMain, startServer, table, writeSummary, type SummaryRow } from './lib';

interface Fetched {
  path: string;
  encoding: string;
  transferred: number;
  uncompressed: number;
  cacheControl: string;
}

async function fetchRaw(base: string, p: string): Promise<{ f: Fetched; text: string }> {
  // Node's fetch decompresses the body; content-length is what went over the wire.
  const res = await fetch(new URL(p, base), { headers: { 'accept-encoding': 'br, gzip' } });
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  const text = await res.text();
  return {
    text,
    f: {
      path: p,
      encoding: res.headers.get('content-encoding') ?? 'identity',
      transferred: Number(res.headers.get('content-length') ?? Buffer.byteLength(text)),
      uncompressed: Buffer.byteLength(text),
      cacheControl: res.headers.get('cache-control') ?? '',
    },
  };
}

/** The page's own chunk is a dynamic import (lazy route in web/src/routes.tsx): follow that one too. */
const PAGE_CHUNK = /^login-page-/;

export async function measureFirstPage(base: string, page = '/logga-in'): Promise<Fetched[]> {
  const html = await fetchRaw(base, page);
  const out: Fetched[] = [html.f];
  const queue = [...html.text.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const r = await fetchRaw(base, p);
    out.push(r.f);
    // Static imports of a chunk (`from"./x.js"`, `import"./x.js"`) load with it; dynamic import() does not.
    if (p.endsWith('.js')) {
      for (const m of r.text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`/assets/${m[1]}`);
      for (const m of r.text.matchAll(/"(?:\.\/|\/?assets\/)([^"]+\.js)"/g)) if (PAGE_CHUNK.test(m[1])) queue.push(`/assets/${m[1]}`);
    }
  }
  return out;
}

export async function runFirstPageBench(url?: string): Promise<SummaryRow[]> {
  let base = url;
  const server = url ? null : await startServer({ launcher: 'start-mjs', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-first-page-')) });
  if (server) base = server.base;
  try {
    const files = await measureFirstPage(base!);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(table(['file', 'encoding', 'transferred', 'uncompressed', 'cache-control'], files.map((f) => [f.path, f.encoding, kb(f.transferred), kb(f.uncompressed), f.cacheControl])));
    const sum = (k: 'transferred' | 'uncompressed', js = false) => files.filter((f) => !js || f.path.endsWith('.js')).reduce((n, f) => n + f[k], 0);
    const allJs = fs.readdirSync(path.resolve('web/dist/assets')).filter((f) => f.endsWith('.js')).reduce((n, f) => n + fs.statSync(path.resolve('web/dist/assets', f)).size, 0);
    console.log(`\n/logga-in: ${files.length} files, ${kb(sum('transferred'))} transferred, ${kb(sum('uncompressed'))} uncompressed; JavaScript ${kb(sum('uncompressed', true))} of the app's ${kb(allJs)}`);
    return [
      { measure: 'first page /logga-in: bytes transferred (br)', value: kb(sum('transferred')), target: 'as small as it gets', ok: null },
      { measure: 'first page /logga-in: bytes uncompressed', value: kb(sum('uncompressed')), target: '–', ok: null },
      { measure: 'first page /logga-in: JavaScript of the whole app', value: `${kb(sum('uncompressed', true))} of ${kb(allJs)}`, target: 'only what the page needs', ok: null },
    ];
  } finally {
    await server?.stop();
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  writeSummary('first-page', await runFirstPageBench(values.url));
  process.exit(0);
}
