// Single sign-on in Chromium: a real OpenID provider (oidc-provider) on a loopback port and a second Kontakt server
// of our own started with the OIDC variables and LOCAL_PASSWORDS=off (the config's server has no OIDC).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { expectAccessible } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT ?? 3100) + 10;
const base = `http://127.0.0.1:${port}`;
let op: TestProvider;
let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  op = await startTestProvider(`${base}/api/auth/oidc/callback`);
  op.accounts.set('hanna', { claims: { name: 'Hanna Kommunsson', preferred_username: 'hanna.k@kommun.se', groups: ['kontakt-hl', 'kontakt-lss'] } });
  op.accounts.set('utan', { claims: { name: 'Utan Behörighet', preferred_username: 'utan@kommun.se', groups: ['alla-anstallda'] } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-sso-'));
  server = spawn('node', ['scripts/start.mjs'], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      DEMO: '1',
      OIDC_ISSUER: op.issuer,
      OIDC_CLIENT_ID: op.clientId,
      OIDC_CLIENT_SECRET: op.clientSecret,
      OIDC_ALLOW_HTTP: '1',
      OIDC_ROLE_MAP: 'kontakt-hl=handlaggare',
      OIDC_UNIT_MAP: 'kontakt-lss=LSS-enheten',
      LOCAL_PASSWORDS: 'off',
    },
  });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the SSO server did not start');
});

test.afterAll(async () => {
  if (server?.pid) process.kill(server.pid);
  await op?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('staff sign in with the kommun account; unmapped accounts are refused in Swedish; passwords only for contact persons', async ({ page }) => {
  await page.goto(`${base}/logga-in`);
  const sso = page.getByRole('link', { name: 'Logga in med kommunens konto' });
  await expect(sso).toBeVisible();
  // Local passwords are off: the password form is folded away for contact persons.
  await expect(page.getByLabel('Lösenord')).toBeHidden();
  await expect(page.getByText('Är du kontaktperson? Logga in med användarnamn och lösenord')).toBeVisible();
  await expectAccessible(page, 'the login page with single sign-on');

  // An account whose groups give no role: back on the login page with the reason.
  op.signInAs = 'utan';
  await sso.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ditt konto hos kommunen har ingen behörighet till Kontakt.')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  await expectAccessible(page, 'the login page after a refused sign-in');

  // A handläggare: signed in, made just in time with the mapped role and unit.
  // Another person at the same computer: the provider's own session (its cookies) would still be the first one's.
  await page.context().clearCookies();
  op.signInAs = 'hanna';
  await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
  await expect(page.getByText('Hanna Kommunsson').first()).toBeVisible();
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toMatchObject({ username: 'hanna.k@kommun.se', role: 'handlaggare', unit: { name: 'LSS-enheten' } });

  // The password API refuses staff with a stable code.
  const pw = await page.request.post(`${base}/api/auth/login`, { data: { username: 'handlaggare.lss', password: 'Kontakt-demo-2026' } });
  expect(pw.status()).toBe(403);
  expect((await pw.json()).code).toBe('LOCAL_PASSWORDS_OFF');
});
