import { expect, test } from '@playwright/test';
import { locales } from './site.ts';

const rtl = locales.filter((l) => l.dir === 'rtl');

test('there is at least one right-to-left language to check', () => {
  expect(rtl.length).toBeGreaterThan(0);
});

for (const { code } of rtl) {
  test(`${code}: the page is mirrored and directional icons point the other way`, async ({ page }) => {
    await page.goto(`/${code}/`);
    expect(await page.locator('html').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The landlord's name sits at the right of the header, the language menu at the left.
    const name = (await page.locator('.site-name').boundingBox())!;
    const menu = (await page.locator('[data-language-switcher]').boundingBox())!;
    expect(name.x).toBeGreaterThan(menu.x);
    // The help block's thick border is on the right, where a right-to-left line starts.
    const border = await page.locator('[data-help-now]').evaluate((el) => getComputedStyle(el).borderRightWidth);
    expect(border).toBe('8px');
    // Arrows on the home page's routes are flipped.
    const transform = await page.locator('.routes .icon-directional').first().evaluate((el) => getComputedStyle(el).transform);
    expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  });

  test(`${code}: phone numbers keep their digits in order`, async ({ page }) => {
    await page.goto(`/${code}/help-now/`);
    const phones = page.locator('a[href^="tel:"]');
    expect(await phones.count()).toBeGreaterThan(0);
    for (const phone of await phones.all()) {
      const layout = await phone.evaluate((el) => {
        // Where each digit is drawn: left to right on screen must match the order in the text.
        const text = el.firstChild!;
        const xs: number[] = [];
        for (let i = 0; i < (text.textContent ?? '').length; i++) {
          if (!/\d/.test(text.textContent![i]!)) continue;
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          xs.push(range.getBoundingClientRect().x);
        }
        const style = getComputedStyle(el);
        return { xs, direction: style.direction, bidi: style.unicodeBidi, text: el.textContent };
      });
      expect(layout.direction, layout.text!).toBe('ltr');
      expect(layout.bidi, layout.text!).toBe('isolate');
      expect(layout.xs, `${layout.text} drawn out of order`).toEqual([...layout.xs].sort((a, b) => a - b));
    }
  });
}
