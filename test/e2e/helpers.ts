// Shared steps for the e2e journeys: sign in/out, axe scan, keyboard-friendly choices.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

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
  await reloadOnce(page, what);
}

const reloaded = new WeakMap<BrowserContext, Set<string>>();

/**
 * Every address a journey shows must also work when loaded afresh (F5, a bookmark, a link opened in a new
 * tab): once per address, load it in a second tab of the same session and expect the same page. A second
 * tab leaves the journey's own tab (its notices, focus and form state) as it was. Called by expectAccessible.
 */
export async function reloadOnce(page: Page, what: string): Promise<void> {
  const url = page.url();
  const seen = reloaded.get(page.context()) ?? new Set<string>();
  reloaded.set(page.context(), seen);
  if (seen.has(url)) return;
  seen.add(url);
  const title = await page.title();
  const fresh = await page.context().newPage();
  // The page must render within its Content Security Policy (no inline script or style): collect what it refuses.
  const refused: string[] = [];
  fresh.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refused.push(m.text().slice(0, 300));
  });
  try {
    const res = await fresh.goto(url);
    expect(res?.status(), `reload of ${what} (${url})`).toBe(200);
    expect(res?.headers()['content-type'], `reload of ${what} (${url})`).toMatch(/^text\/html/);
    await expect(fresh.locator('.loading')).toHaveCount(0);
    await expect(fresh, `reload of ${what} (${url})`).toHaveTitle(title);
    expect(refused, `Content Security Policy refusals on ${what} (${url})`).toEqual([]);
  } finally {
    await fresh.close();
    // Back to the journey's tab (a hidden tab gets no animation frames, which Playwright's actions wait for).
    await page.bringToFront();
  }
}

/** Sign in. With `keyboard`, the way a keyboard user does it: type, Tab, type, Enter. */
export async function signIn(page: Page, username: string, opts: { password?: string; keyboard?: boolean } = {}): Promise<void> {
  const password = opts.password ?? DEMO_PASSWORD;
  // As a newcomer does: open the start page, which leads to the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in$/);
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

/**
 * Opens a page from the main menu by keyboard. Pages in a menu group (Tillsyn, Registervård, Administration) are
 * opened through the group's page, as a user does; `group` names it. The group's page is checked with axe once.
 */
export async function openFromMenu(page: Page, label: string, group?: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  if (group) {
    await press(menu.getByRole('link', { name: group, exact: true }));
    await expect(page).toHaveTitle(`${group} – Kontakt`);
    await expectAccessible(page, `menu group ${group}`);
    await press(page.getByRole('main').getByRole('link', { name: label, exact: true }));
  } else {
    await press(menu.getByRole('link', { name: label, exact: true }));
  }
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

/** A valid-checksum fictitious personnummer, 12 digits without separator (serial from the clock, so reruns do not collide). */
export function personnummer(birth = '19900412'): string {
  const serial = String(100 + (Date.now() % 800)).padStart(3, '0');
  const nine = `${birth.slice(2)}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `${birth.slice(0, 2)}${nine}${(10 - (sum % 10)) % 10}`;
}

/** An acknowledged case of a new person, made through the API with the signed-in session. */
export async function acknowledgedCase(page: Page, o: { route?: 'LSS' | 'SOL'; birth?: string; method?: 'letter' | 'phone' } = {}): Promise<{ id: string; caseNumber: string }> {
  const route = o.route ?? 'LSS';
  const p = await page.request.post('/api/persons', {
    data: { identityNumber: personnummer(o.birth), firstName: 'Utre', lastName: 'Dningsson', protectedIdentity: false, streetAddress: 'Provgatan 3', postalCode: '123 45', city: 'Demoby' },
  });
  expect(p.status(), await p.text()).toBe(201);
  const c = await page.request.post('/api/cases', { data: { personId: (await p.json()).id, route, requester: 'person', channel: 'letter', receivedDate: today() } });
  expect(c.status(), await c.text()).toBe(201);
  const cc = await c.json();
  const lss = route === 'LSS' ? { personkretsDocumentation: 'present', personkretsGroup: 1 } : {};
  const a = await page.request.post(`/api/cases/${cc.id}/acknowledge`, { data: { version: cc.version, acknowledgedDate: today(), method: o.method ?? 'letter', ...lss } });
  expect(a.status(), await a.text()).toBe(200);
  return { id: cc.id, caseNumber: cc.caseNumber };
}
