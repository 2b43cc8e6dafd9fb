// Shared steps for the e2e journeys: sign in/out, axe scan, keyboard-friendly choices.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Kontakt-demo-2026';

/** Every page visited must pass WCAG 2.1 A/AA as axe sees it. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Wait for the page to settle (no loading indicator) before scanning.
  await expect(page.locator('.loading')).toHaveCount(0);
  const t0 = Date.now();
  const result = await new AxeBuilder({ page })
    // options() replaces the whole options object, so it comes before withTags().
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  if (process.env.E2E_TIMING) console.log(`axe ${what}: ${Date.now() - t0} ms`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Sign in. With `keyboard`, the way a keyboard user does it: type, Tab, type, Enter. */
export async function signIn(page: Page, username: string, opts: { password?: string; keyboard?: boolean } = {}): Promise<void> {
  const password = opts.password ?? DEMO_PASSWORD;
  await page.goto('/logga-in');
  await expect(page).toHaveTitle('Logga in – Kontakt');
  if (opts.keyboard) {
    await page.getByLabel('Användarnamn').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Lösenord')).toBeFocused();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
  }
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in/);
  await expect(page.getByText('Du är utloggad')).toBeVisible();
}

/** Choose a radio option with the keyboard (focus it, press Space). */
export async function choose(scope: Page | Locator, group: string, option: string | RegExp): Promise<void> {
  const radio = scope.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option });
  await radio.focus();
  await radio.press('Space');
  await expect(radio).toBeChecked();
}

/** Tick a checkbox with the keyboard. */
export async function tick(scope: Page | Locator, name: string): Promise<void> {
  const box = scope.getByRole('checkbox', { name });
  await box.focus();
  await box.press('Space');
  await expect(box).toBeChecked();
}

/** Activate a link or button with the keyboard. */
export async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press('Enter');
}

export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

/** Today's date in Stockholm (the browser runs in that zone too). */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
