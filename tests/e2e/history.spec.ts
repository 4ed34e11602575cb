import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { chromium, expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config.ts';
import { expectExited, exitUrl, neutralUrl, realBrowser, standInPages } from './real-browser.ts';

test.use(realBrowser);

const historyLength = (page: Page) => page.evaluate(() => history.length);

/** Follows a link the way a resident does, and waits for the next page. */
async function follow(page: Page, link: ReturnType<Page['locator']>, expectedPath: string): Promise<void> {
  await link.click();
  await page.waitForURL((url) => url.pathname === expectedPath);
}

test('a whole visit takes one history entry, and Back after quick exit lands on the page before the site', async ({ page, context }) => {
  await standInPages(context);
  await page.goto(neutralUrl);
  await page.goto('/en/');
  const onArrival = await historyLength(page);

  await follow(page, page.locator('main .routes a[href="/en/help-now/"]'), '/en/help-now/');
  expect(await historyLength(page)).toBe(onArrival);
  await follow(page, page.locator('footer a[href="/en/cover-your-tracks/"]'), '/en/cover-your-tracks/');
  expect(await historyLength(page)).toBe(onArrival);
  await page.locator('[data-language-switcher] summary').click();
  await follow(page, page.locator('[data-language-switcher] a[hreflang="ar"]'), '/ar/cover-your-tracks/');
  expect(await historyLength(page)).toBe(onArrival);
  await follow(page, page.locator('nav.breadcrumbs a[href="/ar/"]'), '/ar/');
  expect(await historyLength(page)).toBe(onArrival);

  await page.locator('a[data-quick-exit]').click();
  await expectExited(page);
  expect(await historyLength(page)).toBe(onArrival);
  // The neutral page may come back from the back/forward cache, which fires no load event.
  await page.goBack({ waitUntil: 'commit' });
  expect(page.url()).toBe(neutralUrl);
});

test("Chromium's history list shows a visit as one line, but its history database keeps every page's address (as about and cover-your-tracks say)", async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'history-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { ...realBrowser.launchOptions, baseURL });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/en/');
    await follow(page, page.locator('main .routes a[href="/en/help-now/"]'), '/en/help-now/');
    await follow(page, page.locator('footer a[href="/en/cover-your-tracks/"]'), '/en/cover-your-tracks/');
    await follow(page, page.locator('footer a[href="/en/about/"]'), '/en/about/');
    await page.goto('chrome://history');
    // The list the resident (or someone checking the phone) sees: one line for the whole visit.
    await expect.poll(() => page.locator('history-item').count()).toBeGreaterThan(0);
    const listed = await page.locator('history-item').evaluateAll((items) => items.map((item) => (item as HTMLElement & { item: { url: string } }).item.url));
    expect(listed.filter((url) => url.startsWith(baseURL))).toEqual([`${baseURL}/en/about/`]);
    await context.close(); // writes the history database to disk
    const database = new DatabaseSync(join(profile, 'Default', 'History'), { readOnly: true });
    const kept = database.prepare('select url from urls').all().map((row) => String(row.url));
    database.close();
    // What feeds address-bar suggestions: every page of the visit, not just the one listed.
    for (const path of ['/en/', '/en/help-now/', '/en/cover-your-tracks/', '/en/about/']) expect(kept).toContain(`${baseURL}${path}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('Back from inside the site also leaves it: the way back within the site is the breadcrumbs', async ({ page, context }) => {
  await standInPages(context);
  await page.goto(neutralUrl);
  await page.goto('/en/');
  await follow(page, page.locator('main .routes a[href="/en/help-now/"]'), '/en/help-now/');
  await follow(page, page.locator('footer a[href="/en/about/"]'), '/en/about/');
  await page.goBack({ waitUntil: 'commit' });
  expect(page.url()).toBe(neutralUrl);
});

test('the skip link still moves to the main content, without adding a history entry', async ({ page }) => {
  await page.goto('/en/cover-your-tracks/');
  const before = await historyLength(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.hash === '#main-content');
  expect(await historyLength(page)).toBe(before);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('a link to another website behaves normally and adds its own entry', async ({ page, context }) => {
  await standInPages(context);
  await page.goto('/en/about/');
  const before = await historyLength(page);
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'Another website';
    document.querySelector('main')!.append(link);
  }, `${neutralUrl}elsewhere`);
  await page.getByRole('link', { name: 'Another website' }).click();
  await page.waitForURL(`${neutralUrl}elsewhere`);
  expect(await historyLength(page)).toBe(before + 1);
});

test('phone links are left to the browser', async ({ page }) => {
  await page.goto('/en/help-now/');
  const tel = page.locator('a[href^="tel:"]').first();
  await expect(tel).toBeVisible();
  // The window hears a click last, after the site's own listener on the document.
  const followed = await tel.evaluate((link: HTMLAnchorElement) => {
    let cancelledBySite = true;
    addEventListener('click', (event) => {
      cancelledBySite = event.defaultPrevented;
      event.preventDefault(); // keeps the test page here instead of dialling
    }, { once: true });
    link.click();
    return !cancelledBySite;
  });
  expect(followed).toBe(true);
});

test('no traces: no cookies, no storage, no service worker and no other website after a full visit', async ({ page, context }) => {
  const { exitRequests } = await standInPages(context);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith(exitUrl) && !url.startsWith(neutralUrl) && !url.startsWith('data:')) elsewhere.push(url);
  });
  await page.goto(neutralUrl);
  await page.goto('/en/');
  await follow(page, page.locator('main .routes a[href="/en/help-now/"]'), '/en/help-now/');
  await follow(page, page.locator('footer a[href="/en/cover-your-tracks/"]'), '/en/cover-your-tracks/');
  await page.keyboard.press('Shift');
  await page.locator('[data-language-switcher] summary').click();
  await follow(page, page.locator('[data-language-switcher] a[hreflang="ar"]'), '/ar/cover-your-tracks/');
  const stored = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
  }));
  expect(stored).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: 0, serviceWorkers: 0, caches: 0, cookie: '' });
  await page.locator('a[data-quick-exit]').click();
  await expectExited(page);
  expect(exitRequests).toHaveLength(1);
  expect(await exitRequests[0]!.allHeaders()).not.toHaveProperty('referer');
  expect(await context.cookies()).toEqual([]);
  expect(elsewhere).toEqual([]);
});

