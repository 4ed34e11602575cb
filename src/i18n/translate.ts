import i18next, { type TFunction } from 'i18next';
import { defaultLocale, localeCodes, type LocaleCode } from './locales.ts';
import { resources } from './resources.ts';
import type { UiKey } from './schema.ts';

const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(Object.entries(resources).map(([code, strings]) => [code, { translation: strings }])),
  lng: defaultLocale,
  // Keys are flat and dotted ("helpNow.title"), so dots and colons must not split them.
  keySeparator: false,
  nsSeparator: false,
  // Only the default language may stand in; the schema guarantees no key is ever missing.
  fallbackLng: false,
  // Astro escapes on output; escaping here as well would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The site's translate function for one language. */
export type Translate = TFunction;

/** A translate function fixed to `lang`. */
export function translatorFor(lang: LocaleCode): Translate {
  return instance.getFixedT(lang);
}

/** A site path in a given language: localizedPath('ar', 'help-now') → "/ar/help-now/". */
export function localizedPath(lang: LocaleCode, slug = ''): string {
  const clean = slug.replace(/^\/+|\/+$/g, '');
  return clean ? `/${lang}/${clean}/` : `/${lang}/`;
}

/** The same page in another language: swaps the first path segment when it is a locale code. */
export function switchLanguage(pathname: string, lang: LocaleCode): string {
  const [, first, ...rest] = pathname.split('/');
  const tail = localeCodes.includes(first as LocaleCode) ? rest : [first, ...rest];
  return localizedPath(lang, tail.join('/'));
}

/** The language a path belongs to, or the default language. */
export function langFromPath(pathname: string): LocaleCode {
  const first = pathname.split('/')[1];
  return localeCodes.includes(first as LocaleCode) ? (first as LocaleCode) : defaultLocale;
}

/** A piece of a UI string split around its {{variables}}. */
export type TemplatePart = { text: string } | { variable: string };

/**
 * Splits a UI string around its {{variables}} so a component can put a link or an isolated
 * number where each one stands, keeping the translator's word order.
 */
export function templateParts(lang: LocaleCode, key: UiKey): TemplatePart[] {
  return resources[lang][key]
    .split(/(\{\{\w+\}\})/)
    .filter(Boolean)
    .map((piece) => {
      const match = /^\{\{(\w+)\}\}$/.exec(piece);
      return match ? { variable: match[1] } : { text: piece };
    });
}
