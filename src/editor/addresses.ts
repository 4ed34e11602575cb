/**
 * Where a page and its translation are edited on the staff listener. Shared by the publish page (in
 * the browser), its routes and the translating view, so every link to a translation goes one way.
 */

/** Keystatic's editing page for a page in one language. */
export function editorAddress(collection: string, lang: string, slug: string): string {
  return `/keystatic/collection/${collection}_${lang}/item/${slug}`;
}

/** The translating view: the English beside the editor for the `lang` translation. */
export function translatingAddress(collection: string, lang: string, slug: string): string {
  return `/staff/translate/?${new URLSearchParams({ collection, lang, slug })}`;
}
