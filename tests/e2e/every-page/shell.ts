import { readFileSync } from 'node:fs';
import { exitUrl } from '../real-browser.ts';
import { locales } from '../site.ts';
import type { PageCheck } from './visit.ts';

const strings = Object.fromEntries(
  locales.map(({ code }) => [code, JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as Record<string, string>]),
);

/** The page's language, direction, alternates, canonical link and landmarks. */
export const languageAndLandmarks: PageCheck = async ({ page, path, lang, dir }) =>
  page.evaluate(
    ({ path, lang, dir, alternates }) => {
      const problems: string[] = [];
      const html = document.documentElement;
      if (html.lang !== lang) problems.push(`lang is "${html.lang}", not ${lang}`);
      if (html.dir !== dir) problems.push(`dir is "${html.dir}", not ${dir}`);
      for (const alt of alternates) {
        const count = document.querySelectorAll(`link[rel="alternate"][hreflang="${alt}"]`).length;
        if (count !== 1) problems.push(`${count} alternate links for ${alt}`);
      }
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      if (!canonical.endsWith(path)) problems.push(`canonical is "${canonical}"`);
      if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one main landmark');
      if (document.querySelector('a.skip-link')?.getAttribute('href') !== '#main-content') problems.push('no skip link to #main-content');
      if (document.querySelectorAll('footer [data-help-now]').length !== 1) problems.push('no help-now block in the footer');
      return problems;
    },
    { path, lang, dir, alternates: [...locales.map((l) => l.code), 'x-default'] },
  );

/** The exit control: one, labelled in the page's language, leaving for the exit address without a referrer. */
export const quickExit: PageCheck = async ({ page, lang }) =>
  page.evaluate(
    ({ exitUrl, label }) => {
      const exits = document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]');
      if (exits.length !== 1) return [`${exits.length} exit controls`];
      const exit = exits[0]!;
      const problems: string[] = [];
      if (exit.getAttribute('href') !== exitUrl) problems.push(`exit goes to ${exit.getAttribute('href')}`);
      if (!/\bnoreferrer\b/.test(exit.rel)) problems.push('exit link lacks rel=noreferrer');
      if (exit.textContent?.trim() !== label) problems.push(`exit reads "${exit.textContent?.trim()}", not "${label}"`);
      return problems;
    },
    { exitUrl, label: strings[lang]!['quickExit.label']! },
  );

/** Every page but the home page offers a visible way back: breadcrumbs to its home page. */
export const breadcrumbs: PageCheck = async ({ page, path, lang }) => {
  if (path === `/${lang}/`) return [];
  return (await page.locator(`nav.breadcrumbs a[href="/${lang}/"]`).isVisible()) ? [] : ['no visible breadcrumb to the home page'];
};
