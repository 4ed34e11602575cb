import type { Page, Response } from '@playwright/test';
import { baseURL } from '../../playwright.config.ts';

/** Bytes a page downloaded, by kind, uncompressed. */
export interface PageWeight {
  html: number;
  css: number;
  js: number;
  other: number;
}

/** One visit to one page: everything the per-page checks need, gathered while it loaded. */
export interface Visit {
  page: Page;
  path: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Every response the page caused, with its headers. */
  responses: { url: string; headers: Record<string, string> }[];
  /** Requests to anywhere but this site (data: URLs aside). */
  elsewhere: string[];
  weight: PageWeight;
}

/** A check run on every page: returns what is wrong, one line each, or nothing. */
export type PageCheck = (visit: Visit) => Promise<string[]>;

/**
 * Loads a page once and records its responses, requests elsewhere and weight, so every check runs
 * on the same visit: the whole sitemap is crawled once per width instead of once per check.
 */
export async function visit(page: Page, path: string, lang: string, dir: 'ltr' | 'rtl'): Promise<Visit> {
  const responses: Visit['responses'] = [];
  const elsewhere: string[] = [];
  const weight: PageWeight = { html: 0, css: 0, js: 0, other: 0 };
  const bodies: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    responses.push({ url: response.url(), headers: response.headers() });
    const type = response.request().resourceType();
    const bucket = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : 'other';
    bodies.push(response.body().then((b) => void (weight[bucket] += b.length), () => undefined));
  };
  const onRequest = (request: { url(): string }) => {
    if (!request.url().startsWith(baseURL) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  };
  page.on('response', onResponse);
  page.on('request', onRequest);
  try {
    await page.goto(path, { waitUntil: 'load' });
    // An island fetches its component after the load event: wait until it has hydrated, so its
    // scripts count towards the weight and the origins. (Not networkidle: its half-second wait on
    // every page of every crawl cost minutes of CI.)
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await Promise.all(bodies);
  } finally {
    page.off('response', onResponse);
    page.off('request', onRequest);
  }
  return { page, path, lang, dir, responses, elsewhere, weight };
}
