// The front door: every page address serves the web app's index.html (never cached), files are files
// (hashed assets compressed and cached for a year), and an unknown /api address is a Swedish 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupHarness, type Harness } from '../../../test/support/harness';

let h: Harness;
let web: string;
const INDEX = '<!doctype html><html lang="sv"><head><title>Kontakt</title></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

beforeAll(async () => {
  // A built web app as vite writes it (web/vite.config.ts): index.html, hashed assets, .br and .gz beside them.
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-web-'));
  fs.mkdirSync(path.join(web, 'assets'));
  for (const [name, text] of [['index.html', INDEX], ['assets/index-AbC123.js', SCRIPT]] as const) {
    fs.writeFileSync(path.join(web, name), text);
    fs.writeFileSync(path.join(web, `${name}.br`), brotliCompressSync(text));
    fs.writeFileSync(path.join(web, `${name}.gz`), gzipSync(text));
  }
  h = await setupHarness({ env: { WEB_DIST: web } });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(web, { recursive: true, force: true });
});

describe('pages are the web app', () => {
  it.each(['/', '/assets/', '/assets', '/arenden/123', '/x/y/', '/logga-in?next=%2Farenden', '/index.html'])('GET %s → index.html, no-cache', async (url) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
  });

  it('HEAD of a page answers like GET without a body', async () => {
    for (const url of ['/', '/arenden/123']) {
      const res = await h.app.inject({ method: 'HEAD', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe('');
    }
  });

  it('index.html is sent compressed to browsers that accept it', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/arenden', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('files', () => {
  it('a hashed asset is cached for a year and sent as brotli or gzip, as the browser accepts', async () => {
    const url = '/assets/index-AbC123.js';
    const br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBeLessThan(SCRIPT.length / 4);
    const gz = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await h.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it.each(['/assets/index-Gone99.js', '/assets/index-Gone99.css', '/assets/nested/x', '/favicon.ico'])('a missing file %s is a 404, not the app', async (url) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });
});

describe('the API', () => {
  it.each(['/api/nope', '/api', '/api/persons/x/y/z'])('an unknown address %s is a Swedish 404 { code, message }', async (url) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.stringMatching(/[åäö]|finns/) });
  });

  it('API answers are never stored; pages are revalidated', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });
});
