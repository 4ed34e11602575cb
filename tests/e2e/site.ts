import { request } from '@playwright/test';
import { baseURL } from '../playwright.config.ts';
import { locales } from '../../src/i18n/locales.ts';

export { locales };

/** Every page path in the sitemap, as the built server lists it. */
export async function sitemapPaths(): Promise<string[]> {
  const api = await request.newContext({ baseURL });
  const index = await (await api.get('/sitemap-index.xml')).text();
  const paths: string[] = [];
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const sitemap = await (await api.get(new URL(loc!).pathname)).text();
    for (const [, page] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(page!).pathname);
  }
  await api.dispose();
  return paths;
}

/** The language code a path starts with. */
export const langOf = (path: string) => path.split('/')[1]!;

/**
 * 200% zoom, emulated as the browser does it: a 1280 × 800 laptop window zoomed to 200% lays the
 * page out in a 640 × 400 CSS-pixel viewport drawn at twice the pixel density, and media queries
 * see 640 × 400. A desktop, so not a phone's touch screen or mobile viewport.
 */
export const zoomed200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, isMobile: false, hasTouch: false };
