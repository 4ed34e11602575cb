import { expect, test } from '@playwright/test';
import { headerProblems } from './every-page/headers.ts';
import { locales } from './site.ts';

// Every page of the sitemap is checked in tests/e2e/every-page.spec.ts; these are the addresses that are not pages.

test('"/" leads to the English home, which offers every language by its own name', async ({ page }) => {
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/en/');
  const switcher = page.locator('[data-language-switcher]');
  for (const { code, label } of locales) {
    await expect(switcher.locator(`a[lang="${code}"]`)).toHaveText(label);
  }
});

test('the redirect, a missing page, the icon and the sitemap carry the security headers and set no cookie', async ({ page }) => {
  const problems: string[] = [];
  page.on('response', (r) => problems.push(...headerProblems(r.url(), r.headers())));
  for (const path of ['/', '/no-such-page/', '/favicon.svg', '/sitemap-index.xml']) await page.goto(path).catch(() => undefined);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('an unknown address answers 404 with the headers', async ({ request }) => {
  const response = await request.get('/en/no-such-page/');
  expect(response.status()).toBe(404);
  expect(response.headers()['cache-control']).toBe('no-store');
});
