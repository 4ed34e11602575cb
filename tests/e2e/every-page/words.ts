import { readFileSync } from 'node:fs';
import { locales } from '../site.ts';
import type { PageCheck } from './visit.ts';

const keys = Object.keys(JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>);

/** No {{variable}} or raw translation key is seen or heard, and the language menu offers every language by its own name. */
export const noRawKeysAndEveryLanguage: PageCheck = async ({ page }) =>
  page.evaluate(
    ({ keys, languages }) => {
      // Everything a person can see or hear: text, titles, labels, alternative text, descriptions.
      const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder], meta[name="description"]')].flatMap(
        (el) => ['aria-label', 'title', 'alt', 'placeholder', 'content'].map((name) => el.getAttribute(name) ?? ''),
      );
      // All text nodes, hidden ones included (screen readers may hear them), but not script code.
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('script, style, template')) texts.push(node.textContent ?? '');
      }
      const heard = [document.title, document.body.innerText, ...texts, ...attributes].join('\n');
      const problems: string[] = [];
      if (/\{\{|\}\}/.test(heard)) problems.push('{{ or }} in the text');
      for (const key of keys) if (heard.includes(key)) problems.push(`raw key ${key}`);
      const switcher = document.querySelector('[data-language-switcher]');
      for (const { code, label } of languages) {
        if (switcher?.querySelector(`a[lang="${code}"][hreflang="${code}"]`)?.textContent !== label) {
          problems.push(`the language menu lacks ${code} named "${label}" with lang="${code}"`);
        }
      }
      return problems;
    },
    { keys, languages: locales.map(({ code, label }) => ({ code, label })) },
  );

/** Every phone number is a tel: link, and every tel: link dials the digits it shows. */
export const phoneNumbersAreLinks: PageCheck = async ({ page }) =>
  page.evaluate(() => {
    // UK numbers as written on the site: 0xxx numbers, 116 123, 18000, 101 and 999 (but not "999 BSL", a service's name).
    const number = /(?<![\d/])(0\d{2,4}(?: ?\d){6,8}|116 123|18000|101|999)(?![\d/]| BSL)/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const bad: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('a[href^="tel:"], script, style')) continue;
      for (const match of node.textContent!.matchAll(number)) {
        // Ofcom's drama range (07700 900xxx) only appears as an example of how to write a number.
        if (/^07700 ?900\d{3}$/.test(match[0])) continue;
        bad.push(`"${match[0]}" is not a tel: link in "${node.textContent!.trim().slice(0, 80)}"`);
      }
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')) {
      if (link.getAttribute('href') !== `tel:${link.textContent!.replace(/[^\d+]/g, '')}`) bad.push(`link "${link.textContent}" dials ${link.href}`);
    }
    return bad;
  });

/** The help-now block's items, in order, and its markup, to compare across a language's pages (WCAG 3.2.6). */
export async function helpNowBlock(visit: { page: import('@playwright/test').Page }): Promise<{ problems: string[]; html: string }> {
  return visit.page.evaluate(() => {
    const block = document.querySelector('footer [data-help-now]');
    if (!block) return { problems: ['no help-now block in the footer'], html: '' };
    const problems: string[] = [];
    if (document.querySelector('footer .wrapper > :first-child')?.getAttribute('data-help-now') !== '') problems.push('help-now is not first in the footer');
    const items = [...block.querySelectorAll('[data-help-item]')].map((i) => i.getAttribute('data-help-item'));
    if (items.join() !== '999,55,helpline,callback') problems.push(`help-now items are ${items.join()}`);
    return { problems, html: block.outerHTML };
  });
}
