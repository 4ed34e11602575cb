import { expect, test } from '@playwright/test';
import { piecesDrawnOutOfOrder } from './reading-order.ts';
import { locales } from './site.ts';

const rtl = locales.filter((l) => l.dir === 'rtl');

test('there is at least one right-to-left language to check', () => {
  expect(rtl.length).toBeGreaterThan(0);
});

for (const { code } of rtl) {
  test(`${code}: the page is mirrored and directional icons point the other way`, async ({ page }) => {
    await page.goto(`/${code}/`);
    expect(await page.locator('html').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The landlord's name starts the header at its right edge; the language menu comes after it,
    // to its left (or below it on a narrow phone).
    const header = await page.locator('.site-header .wrapper').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { contentRight: box.right - parseFloat(getComputedStyle(el).paddingRight) };
    });
    const name = (await page.locator('.site-name').boundingBox())!;
    const menu = (await page.locator('[data-language-switcher]').boundingBox())!;
    expect(Math.abs(name.x + name.width - header.contentRight)).toBeLessThan(1);
    expect(menu.x).toBeLessThan(name.x + name.width - 1);
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

test('the landlord name, in Latin script, is isolated so right-to-left text cannot reorder it', async ({ page }) => {
  await page.goto(`/${rtl[0]!.code}/`);
  expect(await page.locator('.site-name bdi').evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
});

test('each script gets a font stack from the reader\'s system: Nastaliq for Urdu, with taller lines', async ({ page }) => {
  await page.goto('/en/');
  const styles = await page.evaluate(() =>
    Object.fromEntries(
      ['ur', 'pa', 'bn', 'gu', 'ar'].map((code) => {
        const p = document.createElement('p');
        p.lang = code;
        p.textContent = 'x';
        document.querySelector('main')!.append(p);
        const style = getComputedStyle(p);
        return [code, { font: style.fontFamily, lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize) }];
      }),
    ),
  );
  expect(styles.ur!.font).toMatch(/^"Noto Nastaliq Urdu", "Jameel Noori Nastaleeq"/);
  expect(styles.ur!.lineHeight).toBeGreaterThanOrEqual(2);
  expect(styles.pa!.font).toContain('Noto Sans Gurmukhi');
  expect(styles.bn!.font).toContain('Noto Sans Bengali');
  expect(styles.gu!.font).toContain('Noto Sans Gujarati');
  expect(styles.ar!.font).toContain('Noto Naskh Arabic');
});

for (const { code, dir } of locales) {
  test(`${code}: on a phone the breadcrumb chevrons point along the line of reading, and Latin terms keep their shape`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const width of [320, 360, 414]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(`/${code}/services/`);
      // Where each chevron's corner ends up once its borders and its turn are applied.
      const directions = await page.locator('.breadcrumbs li + li').evaluateAll((items) =>
        items.map((li) => {
          const style = getComputedStyle(li, '::before');
          const has = (side: string) => parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0;
          const corner = { x: has('right') ? 1 : has('left') ? -1 : 0, y: has('bottom') ? 1 : has('top') ? -1 : 0 };
          const m = new DOMMatrix(style.transform === 'none' ? undefined : style.transform);
          const x = m.a * corner.x + m.c * corner.y;
          const y = m.b * corner.x + m.d * corner.y;
          return Math.abs(y) < 0.01 ? (x > 0 ? 'right' : 'left') : `askew (${x.toFixed(2)}, ${y.toFixed(2)})`;
        }),
      );
      expect(directions.length, 'crumbs on the services page').toBeGreaterThan(0);
      expect(directions, `at ${width} px`).toEqual(directions.map(() => (dir === 'rtl' ? 'left' : 'right')));
      // "LGBT+" and other Latin terms, numbers and dates among this language's own words.
      expect(await piecesDrawnOutOfOrder(page.locator('main')), `at ${width} px`).toEqual([]);
    }
  });
}
