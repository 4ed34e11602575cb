/**
 * The one list of languages. astro.config.mjs, the language switcher, the sitemap, the content
 * report and the tests all read it, so adding a language is one entry here plus its files.
 * It imports nothing from Astro so that plain Node scripts can use it too.
 */
export interface Locale {
  /** BCP 47 code, also the first segment of every path: /en/…, /ar/… */
  code: string;
  /** The language's name written in that language, as the switcher shows it. */
  label: string;
  /** English name, for staff reports and notices in English. */
  englishName: string;
  dir: 'ltr' | 'rtl';
}

export const locales = [
  { code: 'en', label: 'English', englishName: 'English', dir: 'ltr' },
  { code: 'pl', label: 'Polski', englishName: 'Polish', dir: 'ltr' },
  { code: 'ro', label: 'Română', englishName: 'Romanian', dir: 'ltr' },
  { code: 'pa', label: 'ਪੰਜਾਬੀ', englishName: 'Panjabi', dir: 'ltr' },
  { code: 'ur', label: 'اردو', englishName: 'Urdu', dir: 'rtl' },
  { code: 'pt', label: 'Português', englishName: 'Portuguese', dir: 'ltr' },
  { code: 'es', label: 'Español', englishName: 'Spanish', dir: 'ltr' },
  { code: 'ar', label: 'العربية', englishName: 'Arabic', dir: 'rtl' },
  { code: 'bn', label: 'বাংলা', englishName: 'Bengali', dir: 'ltr' },
  { code: 'gu', label: 'ગુજરાતી', englishName: 'Gujarati', dir: 'ltr' },
  { code: 'uk', label: 'Українська', englishName: 'Ukrainian', dir: 'ltr' },
] as const satisfies readonly Locale[];

export type LocaleCode = (typeof locales)[number]['code'];

export const defaultLocale: LocaleCode = 'en';

export const localeCodes: LocaleCode[] = locales.map((l) => l.code);

/** True when `code` is one of the site's languages. */
export function isLocaleCode(code: string | undefined): code is LocaleCode {
  return localeCodes.includes(code as LocaleCode);
}

/** The locale entry for a code; throws on an unknown code because that is a programming error. */
export function localeFor(code: string): Locale {
  const found = locales.find((l) => l.code === code);
  if (!found) throw new Error(`Unknown locale "${code}"`);
  return found;
}
