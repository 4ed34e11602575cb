import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { langOf, locales, sitemapPaths } from '../e2e/site.ts';

const paths = await sitemapPaths();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// One test per language, every sitemap page in it: the violations of all pages in one message.
for (const { code } of locales) {
  test(`axe: every page in ${code}`, async ({ page }) => {
    test.setTimeout(300_000);
    const mine = paths.filter((p) => langOf(p) === code);
    expect(mine.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of mine) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      for (const v of violations) {
        problems.push(`${path} ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
