/**
 * The order staff review translations in: first the pages a resident in danger reads first (get
 * help now, cover your tracks, asking for a callback, staying in your home, moving home), each
 * followed by its Easy Read page; then every other guidance page, then campaigns.
 */
export const reviewFirst = [
  'help-now',
  'easy-read-help-now',
  'cover-your-tracks',
  'easy-read-callback',
  'staying-in-your-home',
  'easy-read-staying-in-your-home',
  'moving-home',
  'easy-read-moving-home',
] as const;

/** A page's place in the review order: lower comes first. */
export function reviewPriority(collection: string, slug: string): number {
  const index = (reviewFirst as readonly string[]).indexOf(slug);
  if (collection === 'guidance' && index >= 0) return index;
  return reviewFirst.length + (collection === 'guidance' ? 0 : 1);
}

/** Sorts pages into review order: priority, then collection, then slug. */
export function byReviewPriority<T extends { collection: string; slug: string }>(a: T, b: T): number {
  return (
    reviewPriority(a.collection, a.slug) - reviewPriority(b.collection, b.slug) ||
    a.collection.localeCompare(b.collection) ||
    a.slug.localeCompare(b.slug)
  );
}
