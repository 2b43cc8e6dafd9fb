// Playwright: the built app (web/dist served by the API server) in Debian's Chromium, against a fresh
// embedded database in demo mode. Run with `npm run test:e2e` (builds the web app first).
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh data folder per run, outside Playwright's outputDir (which it empties at start).
const dataDir = process.env.E2E_DATA_DIR ?? path.join(root, 'test-results', `e2e-data-${Date.now()}`);

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: path.join(root, 'test-results', 'e2e'),
  fullyParallel: false,
  // Spec files are independent (each registers its own persons); two workers keep the run short.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  // Journeys also load each page afresh once (reloadOnce in helpers.ts): room for that on a busy machine.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { outputFolder: path.join(root, 'playwright-report'), open: 'never' }]] : [['list']],
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // Exactly what `npm start` runs: the bundled server (rebuilt if stale) serving web/dist.
    command: 'node scripts/start.mjs',
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    // A fresh data folder is migrated and seeded with the demo first: minutes on a busy machine.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      DEMO: '1',
    },
  },
});
