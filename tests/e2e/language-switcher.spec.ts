import { expect, test, type Page } from '@playwright/test';
import { locales } from './site.ts';

/** Opens the language menu and follows the link for `code`, as a reader would. */
async function switchTo(page: Page, code: string) {
  await page.locator('[data-language-switcher] summary').click();
  await page.locator(`[data-language-switcher] a[lang="${code}"]`).click();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`language switcher, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    for (const { code, dir } of locales.filter((l) => l.code !== 'en')) {
      test(`keeps the reader on the same page in ${code}, and back to English`, async ({ page }) => {
        test.setTimeout(60_000);
        for (const slug of ['help-now/', 'campaigns/']) {
          await page.goto(`/en/${slug}`);
          await switchTo(page, code);
          await expect(page).toHaveURL(new RegExp(`/${code}/${slug}$`));
          await expect(page.locator('html')).toHaveAttribute('lang', code);
          await expect(page.locator('html')).toHaveAttribute('dir', dir);
          await switchTo(page, 'en');
          await expect(page).toHaveURL(new RegExp(`/en/${slug}$`));
        }
      });
    }
  });
}

/** The links of the open menu that are not wholly on screen or are covered by something else. */
async function linksOutOfReach(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const link of await page.locator('[data-language-switcher] a').all()) {
    await link.scrollIntoViewIfNeeded();
    const found = await link.evaluate((a) => {
      const box = a.getBoundingClientRect();
      // Half a pixel either way: boxes are laid out in fractions of a pixel.
      const onScreen = box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5 && box.top >= -0.5 && box.bottom <= innerHeight + 0.5;
      // Whatever is drawn at its centre must be the link itself, not the exit bar or the page.
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { onScreen, covered: !a.contains(hit), box: `${Math.round(box.left)}..${Math.round(box.right)}` };
    });
    if (!found.onScreen || found.covered) problems.push(`${await link.getAttribute('lang')} at x ${found.box}${found.covered ? ', covered' : ''}`);
  }
  return problems;
}

for (const { code } of locales) {
  test(`${code}: on a phone the open menu lies inside the screen, and Escape closes it`, { tag: '@own-widths' }, async ({ page }) => {
    test.setTimeout(120_000);
    for (const width of [320, 360, 414]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(`/${code}/`);
      const summary = page.locator('[data-language-switcher] summary');
      await summary.click();
      expect(await linksOutOfReach(page), `at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `sideways scroll at ${width} px`).toBe(true);
      await page.locator('[data-language-switcher] a[lang="en"]').focus();
      await page.keyboard.press('Escape');
      await expect(page.locator('[data-language-switcher]')).not.toHaveAttribute('open');
      await expect(summary).toBeFocused();
    }
  });
}
