/**
 * Translation status: which pages in each language are up to date, outdated, missing, or
 * machine-drafted and not yet reviewed. Pure: it is given what is on disk and returns a report, so
 * `npm run content:status`, the build summary and the page notices all agree. No Astro, no I/O.
 */
import { byReviewPriority } from './review-priority.ts';

/** The translation record a translated page keeps in its front matter (see src/content/page-schemas.ts). */
export interface TranslationRecord {
  of: string;
  sourceHash: string;
  machineDrafted: boolean;
  reviewedBy?: string;
  reviewedOn?: Date | string;
}

/** One Markdown file of a collection, as read from disk. */
export interface ContentFile {
  /** "guidance" or "campaigns". */
  collection: string;
  lang: string;
  slug: string;
  /** sha256 hex of the file's bytes. */
  hash: string;
  /** `verified: false` in the front matter: a fact on the page still needs checking. */
  verified: boolean;
  translation?: TranslationRecord;
}

/** Where one page stands in one language. */
/** "no-record": translated, but without the record that says from which English version (staff fix it; readers see no notice). */
export type PageState = 'up-to-date' | 'outdated' | 'missing' | 'no-record';

/** One page in one language. */
export interface PageStatus {
  collection: string;
  slug: string;
  state: PageState;
  /** True when a machine drafted the translation and no person has reviewed it yet. */
  unreviewed: boolean;
  /** Why the page is outdated, in plain words for staff. */
  reason?: string;
}

/** Everything content:status says about one language. */
export interface LanguageStatus {
  lang: string;
  pages: PageStatus[];
  counts: { upToDate: number; outdated: number; missing: number; noRecord: number; unreviewed: number };
}

/** The whole report. */
export interface ContentStatus {
  languages: LanguageStatus[];
  /** Pages (any language) marked `verified: false`: a person must check their facts. */
  unverified: { collection: string; lang: string; slug: string }[];
}

/**
 * The state of a translation against the English file it should follow. A translation without a
 * record is "no-record": nobody can tell whether the English changed, so staff are told to add the
 * record and readers are not told it is outdated. One recorded against another page is outdated.
 */
export function translationState(
  record: TranslationRecord | undefined,
  slug: string,
  englishHash: string,
): { state: Exclude<PageState, 'missing'>; reason?: string } {
  if (!record) return { state: 'no-record', reason: 'no translation record: add one (see src/content/README.md)' };
  if (record.of !== slug) return { state: 'outdated', reason: `the record says it translates "${record.of}"` };
  if (record.sourceHash !== englishHash) return { state: 'outdated', reason: 'the English page changed since it was translated' };
  return { state: 'up-to-date' };
}

/** True when a person has reviewed the translation: not machine-drafted, with a name and a date. */
export function isReviewed(record: TranslationRecord | undefined): boolean {
  return Boolean(record && !record.machineDrafted && record.reviewedBy && record.reviewedOn);
}

/** The services directory as content:status compares it: each English entry and each translation. */
export interface ServiceSources {
  /** Each English entry's id and the hash of its prose fields (serviceProseHash). */
  sources: { id: string; proseHash: string }[];
  translations: { lang: string; id: string; translation: TranslationRecord }[];
}

/** One row per English service entry in `lang`, shaped like a page so counts and reports treat both alike. */
function serviceRows(lang: string, sourceLang: string, services: ServiceSources): PageStatus[] {
  const byKey = new Map(services.translations.map((t) => [`${t.lang}/${t.id}`, t]));
  return [...services.sources]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, proseHash }): PageStatus => {
      const base = { collection: 'services', slug: id };
      if (lang === sourceLang) return { ...base, state: 'up-to-date', unreviewed: false };
      const translated = byKey.get(`${lang}/${id}`);
      if (!translated) return { ...base, state: 'missing', unreviewed: false };
      const { state, reason } = translationState(translated.translation, id, proseHash);
      return { ...base, state, unreviewed: !isReviewed(translated.translation), ...(reason ? { reason } : {}) };
    });
}

/**
 * The report for `languages` (English included, where every page is the source and up to date),
 * pages in review order (src/content/review-priority.ts).
 * English files decide which pages exist; a translation with no English page is ignored here.
 * `services`, when given, adds a row per directory entry (collection "services", slug its id).
 */
export function contentStatus(
  files: readonly ContentFile[],
  languages: readonly string[],
  sourceLang = 'en',
  services: ServiceSources = { sources: [], translations: [] },
): ContentStatus {
  const key = (f: { collection: string; lang: string; slug: string }) => `${f.collection}/${f.lang}/${f.slug}`;
  const byKey = new Map(files.map((f) => [key(f), f]));
  // In review order, so the pages a resident in danger reads first are listed (and reviewed) first.
  const sources = files.filter((f) => f.lang === sourceLang).sort(byReviewPriority);

  const report = languages.map((lang): LanguageStatus => {
    const pages: PageStatus[] = sources.map((source): PageStatus => {
      const base = { collection: source.collection, slug: source.slug };
      if (lang === sourceLang) return { ...base, state: 'up-to-date', unreviewed: false };
      const translated = byKey.get(key({ ...source, lang }));
      if (!translated) return { ...base, state: 'missing', unreviewed: false };
      const { state, reason } = translationState(translated.translation, source.slug, source.hash);
      return { ...base, state, unreviewed: !isReviewed(translated.translation), ...(reason ? { reason } : {}) };
    });
    pages.push(...serviceRows(lang, sourceLang, services));
    const count = (test: (p: PageStatus) => boolean) => pages.filter(test).length;
    return {
      lang,
      pages,
      counts: {
        upToDate: count((p) => p.state === 'up-to-date'),
        outdated: count((p) => p.state === 'outdated'),
        missing: count((p) => p.state === 'missing'),
        noRecord: count((p) => p.state === 'no-record'),
        unreviewed: count((p) => p.unreviewed),
      },
    };
  });

  const unverified = files
    .filter((f) => !f.verified && languages.includes(f.lang))
    .map(({ collection, lang, slug }) => ({ collection, lang, slug }));
  return { languages: report, unverified };
}

/** One line for one language, as the build prints it. */
export function summaryLine(status: LanguageStatus, englishName: string): string {
  const { upToDate, outdated, missing, noRecord, unreviewed } = status.counts;
  // Only when there are some, so the usual line stays short.
  const unrecorded = noRecord ? `, ${noRecord} with no translation record` : '';
  return `${status.lang.padEnd(3)} ${englishName.padEnd(11)} ${upToDate} up to date, ${outdated} outdated, ${missing} missing${unrecorded}, ${unreviewed} not reviewed`;
}
