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

}

// Every page of every right-to-left language is checked with piecesDrawnOutOfOrder in the crawl
// (every-page.spec.ts); this proves the check finds what it is for.
test('the reading-order check finds numbers, names and references drawn out of order in right-to-left text, and passes isolated ones', async ({ page }) => {
  await page.goto(`/${rtl[0]!.code}/`);
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'beforeend',
      // One piece a line, so that wrapping at phone width cannot split a piece across lines.
      '<div id="bare"><p>اتصل بالرقم 0808 2000 247 الآن.</p><p>خدمة 999 BSL.</p><p>المرجع CB-7K3Q-9XPM.</p><p>مجتمع LGBT+ هنا.</p></div>' +
        '<p id="isolated">اتصل بالرقم <a href="tel:08082000247" dir="ltr" class="phone">0808 2000 247</a> الآن. خدمة <bdi>999 BSL</bdi>. عن طريق Relay UK. مجتمع <bdi>LGBT+</bdi> هنا.</p>',
    );
  });
  const found = (await piecesDrawnOutOfOrder(page.locator('body'))).join('\n');
  expect(found).toContain('"0808 2000 247" is drawn as');
  expect(found).toContain('"999 BSL" is drawn as');
  expect(found).toContain('"LGBT+" is drawn as');
  expect(found).not.toContain('CB-7K3Q-9XPM');
  await page.locator('#bare').evaluate((el) => el.remove());
  expect(await piecesDrawnOutOfOrder(page.locator('body'))).toEqual([]);
});

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
  test(`${code}: on a phone the breadcrumb chevrons point along the line of reading, and Latin terms keep their shape`, { tag: '@own-widths' }, async ({ page }) => {
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
