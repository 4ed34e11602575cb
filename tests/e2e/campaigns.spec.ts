import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { locales } from './site.ts';

/** The campaigns the home page carries, with their first and last days. */
async function homeCampaigns(page: import('@playwright/test').Page) {
  return page.locator('[data-current-campaigns] li[data-start]').evaluateAll((items) =>
    items.map((li) => ({ slug: li.getAttribute('data-campaign')!, start: li.getAttribute('data-start')!, end: li.getAttribute('data-end')! })),
  );
}
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000);

for (const { code } of locales) {
  test(`${code}: the campaigns page lists every campaign with its dates; untranslated ones are marked English`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/${code}/campaigns/`);
    const items = page.locator('.campaigns li');
    expect(await items.count()).toBeGreaterThan(0);
    const inEnglish = JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'))['campaigns.inEnglish'];
    const links: string[] = [];
    for (const item of await items.all()) {
      await expect(item.locator('[data-campaign-dates]')).not.toBeEmpty();
      // An untranslated title is marked lang="en" for screen readers and labelled for everyone.
      if ((await item.locator('a span').getAttribute('lang')) === 'en') await expect(item).toContainText(inEnglish);
      links.push((await item.locator('a').first().getAttribute('href'))!);
    }
    for (const link of links) {
      await page.goto(link);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('[data-campaign-dates]')).not.toBeEmpty();
    }
  });
}

test.describe('the home page, JavaScript on', () => {
  test('shows a campaign on its first and last day, and hides it the day after it ends', async ({ page }) => {
    await page.goto('/en/');
    const campaigns = await homeCampaigns(page);
    test.skip(campaigns.length === 0, 'every campaign had ended when the site was built');
    const { slug, start, end } = campaigns[0]!;
    const item = page.locator(`[data-campaign="${slug}"]`);

    for (const day of [start, end]) {
      await page.clock.setFixedTime(new Date(`${day}T12:00:00Z`));
      await page.goto('/en/');
      await expect(item, `on ${day}`).toBeVisible();
    }
    await page.clock.setFixedTime(dayAfter(end));
    await page.goto('/en/');
    await expect(item).toBeHidden();
    if (campaigns.length === 1) await expect(page.locator('[data-current-campaigns]')).toBeHidden();
  });
});

test.describe('the home page, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('lists every campaign not over when it was built, each with its dates', async ({ page }) => {
    await page.goto('/en/');
    for (const item of await page.locator('[data-current-campaigns] li[data-start]').all()) {
      await expect(item).toBeVisible();
      await expect(item.locator('[data-campaign-dates]')).not.toBeEmpty();
    }
  });
});
