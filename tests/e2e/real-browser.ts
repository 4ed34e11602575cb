import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { parse } from 'yaml';
import { chromiumArgs, executablePath } from '../playwright.config.ts';

/**
 * Launch options for history and quick-exit tests: Playwright turns off the back/forward cache and
 * the popup blocker by default; a resident's browser has both on.
 */
export const realBrowser = {
  launchOptions: {
    executablePath,
    args: chromiumArgs,
    ignoreDefaultArgs: ['--disable-back-forward-cache', '--disable-popup-blocking'],
  },
};

/** Where quick exit goes, from the landlord's profile. */
export const exitUrl: string = parse(readFileSync(new URL('../../src/content/organisation.yaml', import.meta.url), 'utf8')).exitUrl;

/** A neutral page the resident was on before opening the site. */
export const neutralUrl = 'https://neutral.example/';

/**
 * Serves stand-ins for the neutral page and the exit destination (neither can be reached from
 * here) and records every request for the exit destination, headers included.
 */
export async function standInPages(context: BrowserContext): Promise<{ exitRequests: Request[] }> {
  const exitRequests: Request[] = [];
  await context.route(`${new URL(neutralUrl).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>Recipes</p>' }),
  );
  await context.route(`${new URL(exitUrl).origin}/**`, (route) => {
    exitRequests.push(route.request());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' });
  });
  return { exitRequests };
}

/** Waits until the page is at the exit destination. */
export async function expectExited(page: Page): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(exitUrl));
}

/** True when the page shows any of the site: the main content, the header or the footer. */
export function showsSiteContent(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    ['main', 'header', 'footer', '[data-quick-exit]'].some((selector) => document.querySelector(selector)?.checkVisibility() ?? false),
  );
}
