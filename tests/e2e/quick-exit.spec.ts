import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectExited, exitUrl, neutralUrl, realBrowser, showsSiteContent, standInPages } from './real-browser.ts';
import { locales, zoomed200 } from './site.ts';

test.use(realBrowser);

const strings = Object.fromEntries(
  locales.map(({ code }) => [code, JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as Record<string, string>]),
);
const longPage = '/en/cover-your-tracks/';
const status = (page: Page) => page.locator('[role="status"][data-quick-exit-status]');

/** Presses Shift on its own, as a resident would. */
async function pressShift(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press('Shift');
}

/** Types text into the focused field, holding Shift for capitals as a person does. */
async function typeLikeAPerson(page: Page, text: string): Promise<void> {
  for (const char of text) {
    if (char === ' ') await page.keyboard.press('Space');
    else if (char !== char.toLowerCase()) await page.keyboard.press(`Shift+Key${char}`);
    else await page.keyboard.press(`Key${char.toUpperCase()}`);
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the exit is a plain link that leaves the site and sends no Referer', async ({ page, context }) => {
    const { exitRequests } = await standInPages(context);
    await page.goto(longPage);
    await page.locator('a[data-quick-exit]').click();
    await expectExited(page);
    expect(exitRequests).toHaveLength(1);
    expect(await exitRequests[0]!.allHeaders()).not.toHaveProperty('referer');
  });
});

test('a click hides every part of the page and makes the title neutral before the request to leave starts', async ({ page, context }) => {
  // The navigate event fires when the page starts to leave, before the browser sends the request;
  // it reports what is on screen at that moment. (While the request is pending, Chromium answers
  // no evaluate or screenshot, so the page has to report it itself.)
  let reported: (state: unknown) => void = () => undefined;
  const report = new Promise((resolve) => (reported = resolve));
  await page.exposeBinding('reportLeaving', (_source, state: unknown) => reported(state));
  await page.addInitScript(() => {
    const w = window as unknown as { navigation: EventTarget; reportLeaving: (state: unknown) => void };
    w.navigation.addEventListener('navigate', (event) => {
      if (new URL((event as unknown as { destination: { url: string } }).destination.url).origin === location.origin) return;
      w.reportLeaving({
        bodyHidden: document.body.hidden,
        title: document.title,
        visible: ['main', 'header', 'footer', '.quick-exit-bar'].filter((s) => document.querySelector(s)?.checkVisibility()),
      });
    });
  });
  await context.route(`${new URL(exitUrl).origin}/**`, async (route) => {
    await Promise.race([report, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' });
  });
  await page.goto(longPage);
  expect(await page.title()).toContain('Cover your tracks');
  await page.locator('a[data-quick-exit]').click();
  await expectExited(page);
  expect(await report).toEqual({ bodyHidden: true, title: `${strings.en!['page.discreetTitle']} – Example Homes`, visible: [] });
});

test('the exit is reachable within 2 Tab presses and Enter leaves, sending no Referer', async ({ page, context }) => {
  const { exitRequests } = await standInPages(context);
  await page.goto(longPage);
  let focused = false;
  for (let tab = 1; tab <= 2 && !focused; tab++) {
    await page.keyboard.press('Tab');
    focused = await page.locator('a[data-quick-exit]').evaluate((el) => el === document.activeElement);
  }
  expect(focused, 'the exit has focus after at most 2 Tab presses').toBe(true);
  await page.keyboard.press('Enter');
  await expectExited(page);
  expect(await exitRequests[0]!.allHeaders()).not.toHaveProperty('referer');
});

test.describe('Shift pressed three times', () => {
  test('leaves the site, announcing the presses left on the way', async ({ page, context }) => {
    const { exitRequests } = await standInPages(context);
    await page.goto(longPage);
    await expect(status(page)).toHaveText('');
    await pressShift(page);
    await expect(status(page)).toHaveText('Press Shift 2 more times to leave this page.');
    await pressShift(page);
    await expect(status(page)).toHaveText('Press Shift 1 more time to leave this page.');
    await pressShift(page);
    await expectExited(page);
    expect(exitRequests).toHaveLength(1);
  });

  test('Shift used with other keys never counts: typing "Hello World" in a field stays on the page', async ({ page, context }) => {
    const { exitRequests } = await standInPages(context);
    await page.goto(longPage);
    // A text field of the kind a form has; the site's own forms live on other pages.
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Message');
      document.querySelector('main')!.prepend(field);
      field.focus();
    });
    await typeLikeAPerson(page, 'Hello World HELLO ABC');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('main')).toBeVisible();
    expect(exitRequests).toHaveLength(0);
    await expect(status(page)).toHaveText('');
    expect(page.url()).toContain(longPage);
  });

  test('another key between presses starts the count again', async ({ page, context }) => {
    const { exitRequests } = await standInPages(context);
    await page.goto(longPage);
    await pressShift(page, 2);
    await page.keyboard.press('KeyA');
    await pressShift(page);
    await expect(status(page)).toHaveText('Press Shift 2 more times to leave this page.');
    await pressShift(page);
    await page.mouse.click(5, 400);
    await pressShift(page);
    await expect(status(page)).toHaveText('Press Shift 2 more times to leave this page.');
    expect(exitRequests).toHaveLength(0);
  });

  test('a gap longer than 5 seconds starts the count again, and says so', async ({ page, context }) => {
    const { exitRequests } = await standInPages(context);
    await page.clock.install();
    await page.goto(longPage);
    await pressShift(page, 2);
    await page.clock.fastForward(5_100);
    await expect(status(page)).toHaveText(strings.en!['quickExit.timedOut']!);
    await pressShift(page);
    await expect(status(page)).toHaveText('Press Shift 2 more times to leave this page.');
    await page.clock.fastForward(4_000);
    await pressShift(page, 2);
    await expectExited(page);
    expect(exitRequests).toHaveLength(1);
  });
});

test('back/forward cache: Back after an exit never shows the site, and a restored exited page leaves again', async ({ page, context }) => {
  await standInPages(context);
  await page.goto(neutralUrl);
  await page.goto(longPage);
  await page.locator('a[data-quick-exit]').click();
  await expectExited(page);
  // The neutral page may come back from the back/forward cache, which fires no load event.
  await page.goBack({ waitUntil: 'commit' });
  expect(page.url()).toBe(neutralUrl);
  await page.goForward({ waitUntil: 'commit' });
  expect(page.url().startsWith(exitUrl)).toBe(true);

  // Chromium never restores an exited page: no-store keeps it out of the cache and replace()
  // drops its entry. Browsers that do restore one fire a persisted pageshow; the page must then
  // stay blank and leave again. Here the first exit is cancelled, so the exited page stays
  // current, and then it receives that event.
  await context.unrouteAll();
  let attempts = 0;
  await context.route(`${new URL(exitUrl).origin}/**`, (route) => {
    attempts += 1;
    if (attempts === 1) return route.abort('aborted');
    return route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' });
  });
  await page.goto(longPage);
  await pressShift(page, 3);
  await expect.poll(() => attempts).toBe(1);
  expect(page.url()).toContain(longPage);
  expect(await showsSiteContent(page)).toBe(false);
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await expectExited(page);
  expect(attempts).toBe(2);
});

for (const width of [320, 768, 1280, 1920]) {
  test(`at ${width} px the exit stays in view and large enough after scrolling to the bottom`, { tag: '@own-widths' }, async ({ page }) => {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(longPage);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const exit = page.locator('a[data-quick-exit]');
    await expect(exit).toBeInViewport({ ratio: 1 });
    const box = (await exit.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}

test('a focused element is never hidden under the sticky exit bar, going back up the page', { tag: '@own-widths' }, async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 560 });
  await page.goto(longPage);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const focusable = await page.locator('main a, footer a').count();
  await page.locator('footer a').last().focus();
  for (let i = 0; i < focusable; i++) {
    await page.keyboard.press('Shift+Tab');
    const overlap = await page.evaluate(() => {
      const bar = document.querySelector('.quick-exit-bar')!.getBoundingClientRect();
      const active = document.activeElement!;
      if (active.closest('.quick-exit-bar')) return 0;
      const box = active.getBoundingClientRect();
      return Math.max(0, bar.bottom - box.top);
    });
    expect(overlap, `focus ${i} steps up is under the bar`).toBe(0);
  }
});

test('the exit is not printed', async ({ page }) => {
  await page.goto(longPage);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('a[data-quick-exit]')).toBeHidden();
});

test('Arabic: the exit sits at the left of a right-to-left page, in Arabic, and works the same', { tag: '@own-widths' }, async ({ page, context }) => {
  const { exitRequests } = await standInPages(context);
  const ar = strings.ar!;
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/ar/cover-your-tracks/');
  const exit = page.locator('a[data-quick-exit]');
  await expect(exit).toHaveText(ar['quickExit.label']!);
  const box = (await exit.boundingBox())!;
  expect(box.x + box.width, 'the exit is on the left half').toBeLessThan(400);
  await pressShift(page);
  await expect(status(page)).toHaveText(ar['quickExit.pressesLeft_two']!);
  await pressShift(page);
  await expect(status(page)).toHaveText(ar['quickExit.pressesLeft_one']!);
  await pressShift(page);
  await expectExited(page);
  expect(await exitRequests[0]!.allHeaders()).not.toHaveProperty('referer');
});

test.describe('the exit bar leaves the content room', () => {
  test.use(zoomed200);

  for (const { code } of locales) {
    test(`${code}: at 200% zoom and phone widths the bar is slim, and the exit stays in reach`, { tag: '@own-widths' }, async ({ page }) => {
      test.setTimeout(120_000);
      // The largest share of the height the bar may take: a tenth at 200% zoom, less on a phone.
      for (const { width, height, most } of [{ width: 640, height: 400, most: 40 }, { width: 320, height: 640, most: 52 }, { width: 360, height: 640, most: 52 }, { width: 414, height: 640, most: 52 }]) {
        await page.setViewportSize({ width, height });
        await page.goto(`/${code}/cover-your-tracks/`);
        const bar = (await page.locator('.quick-exit-bar').boundingBox())!;
        expect(bar.height, `bar at ${width} x ${height}`).toBeLessThanOrEqual(most);
        // Scrolling to something stops below the bar, however tall it is in this language.
        const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
        expect(padding, `scroll padding at ${width} x ${height}`).toBeGreaterThanOrEqual(bar.height);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const exit = page.locator('a[data-quick-exit]');
        await expect(exit).toBeInViewport({ ratio: 1 });
        const box = (await exit.boundingBox())!;
        expect(Math.min(box.width, box.height), `exit at ${width} x ${height}`).toBeGreaterThanOrEqual(24);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways scroll at ${width} x ${height}`).toBe(true);
      }
    });
  }
});
