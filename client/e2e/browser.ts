import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/database/seed';

/** Sign in through the login page, as a person would, and wait for the signed-in header. */
export async function login(page: Page, base: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(base + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user-name').waitFor();
}

/** Wait (up to ~5 s after it appears) until the element's text contains `text`. */
export async function expectText(loc: Locator, text: string) {
  await loc.first().waitFor();
  for (let i = 0; i < 50; i++) {
    if ((await loc.first().innerText()).includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await loc.first().innerText()).toContain(text);
}

/** Wait (up to `timeout`) until an attribute has the value. */
export async function attrBecomes(loc: Locator, attr: string, value: string, timeout = 10_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if ((await loc.count()) && (await loc.first().getAttribute(attr)) === value) return;
    if (Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  expect(await loc.first().getAttribute(attr)).toBe(value);
}

/** The <input> (or <textarea>) of an antd control whose test id may sit on the input or on its wrapper. */
export async function inputOf(loc: Locator): Promise<Locator> {
  const tag = await loc.evaluate((e) => e.tagName);
  return tag === 'INPUT' || tag === 'TEXTAREA' ? loc : loc.locator('input').first();
}
