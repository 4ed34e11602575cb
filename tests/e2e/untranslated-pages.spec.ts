import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { locales } from './site.ts';

const strings = (code: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
const siteName: string = parse(readFileSync(new URL('../../src/content/organisation.yaml', import.meta.url), 'utf8')).shortName;
const english = strings('en');

test.use({ screenshot: 'only-on-failure' });

// A page shown in English inside a notice: what a reader of each other language sees on a phone.
for (const { code } of locales.filter((l) => l.code !== 'en')) {
  test(`${code}: an untranslated page has a tab title in ${code} and offers a callback with an interpreter`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'a phone-width check');
    test.setTimeout(90_000);
    const t = strings(code);

    // A page with a translated name (the home page's "Move somewhere safe"), then one without.
    await page.goto(`/${code}/moving-home/`);
    await expect(page.locator('[data-fallback-notice]')).toBeVisible();
    await expect(page).toHaveTitle(`${t['guidance.fallbackTabTitle']!.replace('{{title}}', t['home.routeMove']!)} – ${siteName}`);
    expect(await page.title()).not.toContain(english['home.routeMove']);
    await expect(page.locator('meta[name="description"]')).toHaveCount(0);

    const help = page.locator('[data-fallback-help]');
    await expect(help).toHaveText(t['guidance.fallbackHelp']!.replace('{{link}}', t['guidance.fallbackHelpLink']!));
    const link = help.getByRole('link', { name: t['guidance.fallbackHelpLink'], exact: true });
    await expect(link).toHaveAttribute('href', `/${code}/callback/`);
    // Inside the viewport at phone width, so it can be read and tapped without scrolling sideways.
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

    await page.goto(`/${code}/clares-law/`);
    await expect(page).toHaveTitle(`${t['guidance.fallbackTabTitleUnnamed']} – ${siteName}`);

    await link.page().goto(`/${code}/moving-home/`);
    await Promise.all([page.waitForURL(`**/${code}/callback/`), link.click()]);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
  });
}

test('a translated page keeps its own title and description', async ({ page }) => {
  await page.goto('/ur/help-now/');
  await expect(page.locator('[data-fallback-notice]')).toHaveCount(0);
  expect(await page.title()).not.toContain(strings('ur')['guidance.fallbackTabTitleUnnamed']);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
});
