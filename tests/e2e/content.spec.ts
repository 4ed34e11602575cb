import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseOrganisation } from '../../src/content/organisation-schema.ts';
import { locales, sitemapPaths } from './site.ts';

const paths = await sitemapPaths();
const organisation = parseOrganisation(readFileSync('src/content/organisation.yaml', 'utf8'));
const guidanceSlugs = readdirSync('src/content/guidance/en').map((file) => file.replace(/\.md$/, ''));

test('every guidance page and the services directory are in the sitemap in every language', () => {
  for (const { code } of locales) {
    for (const slug of [...guidanceSlugs, 'services']) expect(paths).toContain(`/${code}/${slug}/`);
  }
});

test("guidance states the landlord's promises from organisation.yaml", async ({ page }) => {
  const days = organisation.promises.firstContactWorkingDays;
  await page.goto('/en/how-we-can-help/');
  await expect(page.getByRole('main')).toContainText(`If you choose a time within ${days} working ${days === 1 ? 'day' : 'days'}, we will contact you by then`);
  await expect(page.getByRole('main').locator(`a[href="tel:${organisation.phone.replace(/\s/g, '')}"]`)).toHaveText(organisation.phone);
  await expect(page.getByRole('main')).not.toContainText('{{');
});

test('Easy Read pages: large text and one inline, decorative picture per point', async ({ page }) => {
  for (const slug of guidanceSlugs.filter((s) => s.startsWith('easy-read-'))) {
    await page.goto(`/en/${slug}/`);
    const article = page.locator('article.easy-read');
    const points = article.locator('li');
    expect(await points.count(), slug).toBeGreaterThanOrEqual(4);
    for (const point of await points.all()) {
      await expect(point.locator('svg[aria-hidden="true"]'), slug).toHaveCount(1);
      expect((await point.innerText()).trim().length, slug).toBeGreaterThan(10);
    }
    await expect(article.locator('img'), slug).toHaveCount(0);
    const [easy, body] = await Promise.all([
      article.locator('li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      page.locator('footer').evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ]);
    expect(easy, slug).toBeGreaterThanOrEqual(body * 1.25);
  }
});

test('the home page puts 999 and the Silent Solution (55) first, before the four routes, in every language', async ({ page }) => {
  for (const { code } of locales) {
    await page.goto(`/${code}/`);
    const first = page.locator('main [data-emergency-first]');
    await expect(first).toBeVisible();
    await expect(first.locator('a[href="tel:999"]')).toHaveCount(2);
    await expect(first.locator('bdi')).toHaveText('55');
    // Nothing but the heading comes before it, so a reader meets it straight after the page title.
    expect(await page.locator('main > :nth-child(2)').getAttribute('data-emergency-first')).toBe('');
    const below = await page.locator('main .routes').evaluate((routes) => {
      const emergency = document.querySelector('main [data-emergency-first]')!;
      return Boolean(emergency.compareDocumentPosition(routes) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(below, `${code}: the routes come after 999 and 55`).toBe(true);
  }
});
