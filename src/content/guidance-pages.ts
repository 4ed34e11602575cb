import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, type LocaleCode } from '../i18n/locales.ts';

/** One guidance page as a reader in `lang` gets it. */
export interface GuidancePage {
  slug: string;
  lang: LocaleCode;
  /** The entry shown: the translation, or the English page when there is none yet. */
  entry: CollectionEntry<'guidance'>;
  /** True when the page is shown in English inside a notice in the reader's language. */
  isFallback: boolean;
}

/** Splits a guidance id ("ar/help-now") into its language and slug. */
export function splitGuidanceId(id: string): { lang: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  return { lang, slug: rest.join('/') };
}

/**
 * Every guidance page in every language. English is the source of truth for which pages exist;
 * a language without a translation gets the English page with a fallback notice.
 */
export async function guidancePages(languages: readonly LocaleCode[]): Promise<GuidancePage[]> {
  const entries = await getCollection('guidance');
  const byKey = new Map(entries.map((e) => [e.id, e]));
  const english = entries.filter((e) => splitGuidanceId(e.id).lang === defaultLocale);
  return languages.flatMap((lang) =>
    english.map((source) => {
      const { slug } = splitGuidanceId(source.id);
      const translated = byKey.get(`${lang}/${slug}`);
      return { slug, lang, entry: translated ?? source, isFallback: !translated };
    }),
  );
}
