import { expect, test } from '@playwright/test';
import { axe } from './every-page/axe.ts';
import { headersAndOrigins } from './every-page/headers.ts';
import { rightToLeftOrder } from './every-page/right-to-left.ts';
import { breadcrumbs, languageAndLandmarks, quickExit } from './every-page/shell.ts';
import { visit, type PageCheck } from './every-page/visit.ts';
import { withinBudget } from './every-page/weight.ts';
import { helpNowBlock, noRawKeysAndEveryLanguage, phoneNumbersAreLinks } from './every-page/words.ts';
import { langOf, locales, sitemapPaths } from './site.ts';

const paths = await sitemapPaths();

/** Every check that holds for each page on its own. Add a per-page check here, never a new crawl. */
const checks: Record<string, PageCheck> = {
  axe,
  headersAndOrigins,
  withinBudget,
  languageAndLandmarks,
  quickExit,
  breadcrumbs,
  noRawKeysAndEveryLanguage,
  phoneNumbersAreLinks,
  rightToLeftOrder,
};

test('the sitemap lists every page in every language', () => {
  for (const { code } of locales) {
    for (const page of ['', 'help-now/', 'about/', 'cover-your-tracks/', 'services/', 'callback/']) {
      expect(paths).toContain(`/${code}/${page}`);
    }
  }
});

// One visit to each page per width (phone and desktop projects), every check in that visit: the
// whole site is crawled once per width. One test per language, so a failure names its language and
// the two workers share the languages.
for (const { code, dir } of locales) {
  test(`every page in ${code}: axe, headers, budgets, language, exit, breadcrumbs, words, phone links, reading order, help-now`, async ({ page }) => {
    const mine = paths.filter((p) => langOf(p) === code);
    expect(mine.length).toBeGreaterThan(0);
    // Generous per page: a busy machine must not turn a slow page into a failure.
    test.setTimeout(mine.length * 20_000);
    const problems: string[] = [];
    let firstHelpNow: string | undefined;
    for (const path of mine) {
      const seen = await visit(page, path, code, dir);
      for (const [name, check] of Object.entries(checks)) {
        for (const problem of await check(seen)) problems.push(`${path} [${name}] ${problem}`);
      }
      // WCAG 3.2.6: the help-now block is the same, in the same order and place, on every page of a language.
      const helpNow = await helpNowBlock(seen);
      problems.push(...helpNow.problems.map((p) => `${path} [helpNow] ${p}`));
      firstHelpNow ??= helpNow.html;
      if (helpNow.html !== firstHelpNow) problems.push(`${path} [helpNow] differs from the first ${code} page`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
