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
