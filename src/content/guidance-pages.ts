import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, type LocaleCode } from '../i18n/locales.ts';
import { sourceHash } from './content-files.ts';
import { translationState } from './translation-status.ts';

/** The collections that exist once per language with the same slugs. */
type TranslatedCollection = 'guidance' | 'campaigns';

/** One page of a translated collection as a reader in `lang` gets it. */
export interface LocalizedPage<C extends TranslatedCollection> {
  slug: string;
  lang: LocaleCode;
  /** The entry shown: the translation, or the English page when there is none yet. */
  entry: CollectionEntry<C>;
  /** True when the page is shown in English inside a notice in the reader's language. */
  isFallback: boolean;
  /** True when the English page changed after this translation was made (same rule as content:status). */
  isOutdated: boolean;
}

/** One guidance page as a reader in `lang` gets it. */
export type GuidancePage = LocalizedPage<'guidance'>;

/** Splits a collection id ("ar/help-now") into its language and slug. */
export function splitGuidanceId(id: string): { lang: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  return { lang, slug: rest.join('/') };
}

/** sha256 of the English file an entry was loaded from; the build runs from the project root. */
function englishHash(entry: CollectionEntry<TranslatedCollection>): string {
  if (!entry.filePath) throw new Error(`No source file for ${entry.collection}/${entry.id}`);
  return sourceHash(readFileSync(entry.filePath));
}

/**
 * Every page of a collection in every language. English is the source of truth for which pages
 * exist; a language without a translation gets the English page with a fallback notice.
 */
export async function localizedPages<C extends TranslatedCollection>(
  collection: C,
  languages: readonly LocaleCode[],
): Promise<LocalizedPage<C>[]> {
  const entries = (await getCollection(collection)) as CollectionEntry<C>[];
  const byKey = new Map(entries.map((e) => [e.id, e]));
  const english = entries.filter((e) => splitGuidanceId(e.id).lang === defaultLocale);
  return languages.flatMap((lang) =>
    english.map((source) => {
      const { slug } = splitGuidanceId(source.id);
      const translated = lang === defaultLocale ? source : byKey.get(`${lang}/${slug}`);
      const isOutdated =
        !!translated && lang !== defaultLocale && translationState(translated.data.translation, slug, englishHash(source)).state === 'outdated';
      return { slug, lang, entry: translated ?? source, isFallback: !translated, isOutdated };
    }),
  );
}

/** Every guidance page in every language. */
export function guidancePages(languages: readonly LocaleCode[]): Promise<GuidancePage[]> {
  return localizedPages('guidance', languages);
}
