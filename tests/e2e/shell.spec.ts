import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config.ts';
import { piecesDrawnOutOfOrder } from './reading-order.ts';
import { langOf, locales, sitemapPaths } from './site.ts';

const paths = await sitemapPaths();
// Tests that visit every page of every language grow with each language added: time them per page.
const everyPageTimeout = paths.length * 5_000;
const requiredHeaders: Record<string, RegExp> = {
  'cache-control': /^no-store$/,
  'referrer-policy': /^no-referrer$/,
  'x-content-type-options': /^nosniff$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  'content-security-policy': /frame-ancestors 'none'/,
};

test('the sitemap lists every page in every language', () => {
  for (const { code } of locales) {
    for (const page of ['', 'help-now/', 'about/', 'cover-your-tracks/']) {
      expect(paths).toContain(`/${code}/${page}`);
    }
  }
});

test('"/" leads to the English home, which offers every language by its own name', async ({ page }) => {
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/en/');
  const switcher = page.locator('[data-language-switcher]');
  for (const { code, label } of locales) {
    await expect(switcher.locator(`a[lang="${code}"]`)).toHaveText(label);
  }
});

for (const { code, dir } of locales) {
  test(`${code}: every page has its language, direction, alternates and landmarks${dir === 'rtl' ? ', numbers and Latin terms drawn in reading order' : ''}`, { tag: '@every-page' }, async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of paths.filter((p) => langOf(p) === code)) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('lang', code);
      await expect(page.locator('html'), path).toHaveAttribute('dir', dir);
      for (const alt of [...locales.map((l) => l.code), 'x-default']) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${alt}"]`), path).toHaveCount(1);
      }
      await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute('href', new RegExp(`${path}$`));
      await expect(page.getByRole('main'), path).toHaveCount(1);
      await expect(page.locator('a.skip-link'), path).toHaveAttribute('href', '#main-content');
      await expect(page.locator('footer [data-help-now]'), path).toHaveCount(1);
      // Right to left, a number, a time or a Latin-script term can be drawn in pieces; see reading-order.ts.
      if (dir === 'rtl') expect(await piecesDrawnOutOfOrder(page.locator('body')), path).toEqual([]);
    }
  });
}

test('every response carries the security headers and never sets a cookie', { tag: '@every-page' }, async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  const responses: { url: string; headers: Record<string, string> }[] = [];
  page.on('response', (r) => responses.push({ url: r.url(), headers: r.headers() }));
  for (const path of [...paths, '/', '/no-such-page/', '/favicon.svg', '/sitemap-index.xml']) {
    await page.goto(path).catch(() => undefined);
  }
  expect(responses.length).toBeGreaterThan(paths.length);
  for (const { url, headers } of responses) {
    for (const [name, pattern] of Object.entries(requiredHeaders)) {
      expect(headers[name], `${name} on ${url}`).toMatch(pattern);
    }
    expect(headers['content-security-policy'], url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers['set-cookie'], `Set-Cookie on ${url}`).toBeUndefined();
  }
});

test('an unknown address answers 404 with the headers', async ({ request }) => {
  const response = await request.get('/en/no-such-page/');
  expect(response.status()).toBe(404);
  expect(response.headers()['cache-control']).toBe('no-store');
});

test('no page makes a request to another origin', { tag: '@every-page' }, async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL) && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  for (const path of paths) await page.goto(path, { waitUntil: 'networkidle' });
  expect(elsewhere).toEqual([]);
});

/**
 * The callback form is the one page with a React island (react-dom alone is about 210 kB raw). The
 * 10 kB JavaScript budget is for content pages; the form works fully without its JavaScript, and its
 * own budget below is stated, not hidden: see the next test. It sits just above the 330 kB measured
 * once the schema moved to zod/mini, so any regrowth of the island fails here. Its HTML is larger than a content page's
 * because hydration repeats the translated strings and safe times in the island's props (38 kB in
 * Panjabi and Bengali, whose letters take three bytes each).
 */
const isFormPage = (path: string) => /\/callback\/$/.test(path);

/** Bytes a page downloads, by kind, uncompressed. */
async function pageWeight(page: import('@playwright/test').Page, path: string) {
  const sizes = { html: 0, css: 0, js: 0, other: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    const type = response.request().resourceType();
    const bucket = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : 'other';
    pending.push(response.body().then((b) => void (sizes[bucket] += b.length), () => undefined));
  };
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  page.off('response', onResponse);
  return sizes;
}

test('the callback form stays within its own budget: 60 kB of HTML and CSS, 335 kB of JavaScript (uncompressed)', async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  const report: string[] = [];
  for (const path of paths.filter(isFormPage)) {
    const sizes = await pageWeight(page, path);
    report.push(`${path} ${JSON.stringify(sizes)}`);
    expect(sizes.html + sizes.css, `${path}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(60_000);
    expect(sizes.js, `${path}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(335_000);
  }
  test.info().annotations.push({ type: 'sizes', description: report.join('\n') });
});

test('every content page is within its budget: 100 kB in all, 10 kB of JavaScript', { tag: '@every-page' }, async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  const report: string[] = [];
  for (const path of paths.filter((p) => !isFormPage(p))) {
    const sizes = await pageWeight(page, path);
    const total = sizes.html + sizes.css + sizes.js;
    report.push(`${path} ${total} B (js ${sizes.js})`);
    expect(total, `${path}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(100_000);
    expect(sizes.js, `${path}: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(10_000);
  }
  test.info().annotations.push({ type: 'sizes', description: report.join('\n') });
});
