import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { locales, sitemapPaths } from './site.ts';

const paths = await sitemapPaths();
const strings = (code: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
const english = strings('en');
const keys = Object.keys(english);

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

test('no page shows a {{variable}} or a raw key, and every page offers every language', { tag: '@every-page' }, async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    // Everything a person can see or hear: text, titles, labels, alternative text, descriptions.
    const heard = await page.evaluate(() => {
      const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder], meta[name="description"]')].flatMap(
        (el) => ['aria-label', 'title', 'alt', 'placeholder', 'content'].map((name) => el.getAttribute(name) ?? ''),
      );
      // All text nodes, hidden ones included (screen readers may hear them), but not script code:
      // the island runtime's inline script is code, not words anyone sees or hears.
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('script, style, template')) texts.push(node.textContent ?? '');
      }
      return [document.title, document.body.innerText, ...texts, ...attributes].join('\n');
    });
    if (/\{\{|\}\}/.test(heard)) problems.push(`${path}: {{ or }} in the text`);
    for (const key of keys) if (heard.includes(key)) problems.push(`${path}: raw key ${key}`);
    const switcher = page.locator('[data-language-switcher]');
    for (const { code, label } of locales) {
      if ((await switcher.locator(`a[lang="${code}"][hreflang="${code}"]`).textContent()) !== label) {
        problems.push(`${path}: the language menu lacks ${code} named "${label}" with lang="${code}"`);
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
