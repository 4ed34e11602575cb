import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseOrganisation } from '../../src/content/organisation-schema.ts';
import { langOf, locales, sitemapPaths } from './site.ts';

const paths = await sitemapPaths();
const organisation = parseOrganisation(readFileSync('src/content/organisation.yaml', 'utf8'));
// Tests that visit every page get time in proportion to the number of pages (each language adds some).
const everyPageTimeout = paths.length * 5_000;
const guidanceSlugs = readdirSync('src/content/guidance/en').map((file) => file.replace(/\.md$/, ''));

test('every guidance page and the services directory are in the sitemap in every language', () => {
  for (const { code } of locales) {
    for (const slug of [...guidanceSlugs, 'services']) expect(paths).toContain(`/${code}/${slug}/`);
  }
});

test('every phone number on every page is a tel: link', { tag: '@every-page' }, async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  const unlinked: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const found = await page.evaluate(() => {
      // UK numbers as written on the site: 0xxx numbers, 116 123, 18000, 101 and 999 (but not "999 BSL", a service's name).
      const number = /(?<![\d/])(0\d{2,4}(?: ?\d){6,8}|116 123|18000|101|999)(?![\d/]| BSL)/g;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const bad: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('a[href^="tel:"], script, style')) continue;
        for (const match of node.textContent!.matchAll(number)) {
          // Ofcom's drama range (07700 900xxx) only appears as an example of how to write a number.
          if (/^07700 ?900\d{3}$/.test(match[0])) continue;
          bad.push(`"${match[0]}" in "${node.textContent!.trim().slice(0, 80)}"`);
        }
      }
      // And every tel: link dials the digits it shows.
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')) {
        if (link.getAttribute('href') !== `tel:${link.textContent!.replace(/[^\d+]/g, '')}`) bad.push(`link "${link.textContent}" dials ${link.href}`);
      }
      return bad;
    });
    unlinked.push(...found.map((f) => `${path}: ${f}`));
  }
  expect(unlinked, unlinked.join('\n')).toEqual([]);
});

test('the help-now block is the same, in the same order and place, on every page of a language (WCAG 3.2.6)', { tag: '@every-page' }, async ({ page }) => {
  test.setTimeout(everyPageTimeout);
  for (const { code } of locales) {
    let first: string | undefined;
    for (const path of paths.filter((p) => langOf(p) === code)) {
      await page.goto(path);
      const block = page.locator('footer [data-help-now]');
      await expect(block, path).toHaveCount(1);
      expect(await page.locator('footer .wrapper > :first-child').getAttribute('data-help-now'), `${path}: help-now is first in the footer`).toBe('');
      expect(await block.locator('[data-help-item]').evaluateAll((items) => items.map((i) => i.getAttribute('data-help-item'))), path).toEqual([
        '999',
        '55',
        'helpline',
        'callback',
      ]);
      const html = await block.evaluate((el) => el.outerHTML);
      first ??= html;
      expect(html, `${path}: help-now differs from the first ${code} page`).toBe(first);
    }
  }
});

test("guidance states the landlord's promises from organisation.yaml", async ({ page }) => {
  const days = organisation.promises.firstContactWorkingDays;
  await page.goto('/en/how-we-can-help/');
  await expect(page.getByRole('main')).toContainText(`We will contact you within ${days} working ${days === 1 ? 'day' : 'days'}.`);
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
