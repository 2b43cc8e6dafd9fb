// The front door as a newcomer meets it: `/` opens the app (never a JSON error), any page address loads
// afresh, the first page downloads little and logs no errors, and the API docs work under our CSP.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist/assets');

/** Console errors and failed requests (4xx/5xx) while the page is in use. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { problems, scripts };
}

test('a newcomer opens / and gets the login page: no console errors, only the login page\'s scripts', async ({ page }) => {
  const seen = watch(page);
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['cache-control']).toBe('no-cache');
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page).toHaveTitle('Logga in – Kontakt');
  await expect(page.getByLabel('Användarnamn')).toBeVisible();
  await expectAccessible(page, 'login page from /');
  expect(seen.problems).toEqual([]);

  // Pages of other areas are chunks of their own, not loaded before they are opened (the start page's small
  // chunk is, as `/` is its address).
  expect(seen.scripts.some((s) => /\/login-page-/.test(s))).toBe(true);
  expect(seen.scripts.filter((s) => /(case|person|audit|users|units|legal-bases|municipality|admin-list)[a-z-]*-page|\/table-/.test(s))).toEqual([]);
  const all = fs.readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
  const size = (f: string) => fs.statSync(path.join(assetsDir, f)).size;
  const loaded = [...new Set(seen.scripts)].map((s) => path.basename(s));
  const loadedBytes = loaded.reduce((n, f) => n + size(f), 0);
  const allBytes = all.reduce((n, f) => n + size(f), 0);
  expect(loadedBytes).toBeLessThan(allBytes * 0.85);

  // F5 on the login page.
  await page.reload();
  await expect(page).toHaveTitle('Logga in – Kontakt');
  expect(seen.problems).toEqual([]);
});

test('assets are compressed and cached for a year; the HTML is revalidated', async ({ page, request }) => {
  const scripts: { url: string; headers: Record<string, string> }[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), headers: await r.allHeaders() });
  });
  await page.goto('/logga-in');
  await expect(page.getByLabel('Användarnamn')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) {
    expect(s.headers['cache-control'], s.url).toBe('public, max-age=31536000, immutable');
    expect(s.headers['content-encoding'], s.url).toMatch(/^(br|gzip)$/);
  }
  const asset = new URL(scripts[0].url).pathname;
  const br = await request.get(asset, { headers: { 'accept-encoding': 'br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const gz = await request.get(asset, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  for (const url of ['/', '/index.html', '/arenden/123']) {
    const html = await request.get(url);
    expect(html.status(), url).toBe(200);
    expect(html.headers()['content-type'], url).toMatch(/^text\/html/);
    expect(html.headers()['cache-control'], url).toBe('no-cache');
  }
  expect((await request.get('/assets/index-finnsinte.js')).status()).toBe(404);
  const api = await request.get('/api/nope');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
});

test('an unknown page is the app\'s own "Sidan finns inte", before and after sign-in, and on reload', async ({ page }) => {
  for (const url of ['/finns/inte/', '/assets/']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    await expectAccessible(page, `404 signed out ${url}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  }
  await signIn(page, 'handlaggare.lss');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/finns/inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await expectAccessible(page, '404 signed in');
});

test('the signed-in start page loads afresh with no console errors', async ({ page }) => {
  await signIn(page, 'handlaggare.lss');
  await expect(page).toHaveURL(/\/$/);
  const seen = watch(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Välkommen/ })).toBeVisible();
  await expectAccessible(page, 'start page after reload');
  expect(seen.problems).toEqual([]);
});

test('the API docs load under our content security policy', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/api/docs/');
  // swagger-ui's bundle is large: give a busy machine time to load it.
  await expect(page.getByRole('heading', { name: /Kontakt API/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.opblock').first()).toBeVisible();
  expect(seen.problems).toEqual([]);
});
