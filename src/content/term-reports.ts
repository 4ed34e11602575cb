import { readTermbase, termWarnings, type TermWarning } from './termbase.ts';
import { servicePairs, translatedPagePairs } from './translation-checks.ts';

/**
 * The termbase's findings across the content: content:status prints them, and the editor's publish
 * page shows them before publishing. Plain Node, no Astro.
 */

/** Where a term may not match the termbase: one translated page or service description. */
export interface TermReport extends TermWarning {
  lang: string;
  /** The translated file, e.g. src/content/guidance/pl/about.md. */
  file: string;
}

/** Term warnings for every translated page and service description in `languages`. */
export function termReports(root: string, languages: readonly string[]): TermReport[] {
  const english = readTermbase('en');
  return [...translatedPagePairs(root), ...servicePairs(root)]
    .filter((pair) => languages.includes(pair.lang))
    .flatMap((pair) => {
      const translated = readTermbase(pair.lang);
      return termWarnings(pair.source.text, pair.translation.text, english, translated).map((w) => ({ ...w, lang: pair.lang, file: pair.translation.file }));
    });
}

