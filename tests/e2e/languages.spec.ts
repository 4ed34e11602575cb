import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { locales } from './site.ts';

const strings = (code: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
const english = strings('en');

for (const { code, dir } of locales) {
  test(`${code}: the home page answers 200 in its language and direction, with a translated quick exit`, async ({ page }) => {
    const response = await page.goto(`/${code}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    const label = strings(code)['quickExit.label']!;
    await expect(page.locator('[data-quick-exit]')).toHaveText(label);
    if (code !== 'en') expect(label, `${code} quick exit is still English`).not.toBe(english['quickExit.label']);
  });
}

