/**
 * Translating from the editor: "Translate into…" creates a page's translation with its record filled
 * in, "Mark reviewed" records who checked it and when, and an outdated translation shows what changed
 * in the English since. The files are written exactly as a person would write them by hand
 * (front matter in the same order, with the record last), so the build reads them as any other.
 *
 * The English a translation was made from is kept by its hash under DATA_DIR/english-sources/, because
 * git cannot be relied on at run time (a server may be deployed without .git, and the editor's saves
 * are not commits). For a translation made before the editor, git is asked as a fallback when present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { isMap, parseDocument } from 'yaml';
import { isLocaleCode, localeFor, localeCodes } from '../i18n/locales.ts';
import { frontMatter, sourceHash, translatedCollections } from '../content/content-files.ts';
import { translationState } from '../content/translation-status.ts';
import type { TranslationRecord } from '../content/translation-status.ts';

type Collection = (typeof translatedCollections)[number];

/** A mistake in what the translator asked for, in one sentence. */
export class TranslateError extends Error {}

/** One English page and where each of its translations stands. */
export interface PageTranslations {
  collection: Collection;
  slug: string;
  title: string;
  languages: { lang: string; state: 'missing' | 'no-record' | 'outdated' | 'machine-drafted' | 'reviewed'; reviewedBy?: string; reviewedOn?: string }[];
}

/** A line of the English's changes since a translation: added, removed or unchanged text. */
export interface ChangePart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

const markdownParts = (text: string) => /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);

/** The content folder's file for a page in a language. */
function pagePath(contentRoot: string, collection: Collection, lang: string, slug: string): string {
  return join(contentRoot, collection, lang, `${slug}.md`);
}

function checkedPage(contentRoot: string, collection: string, slug: string, lang: string): { collection: Collection; english: string } {
  if (!(translatedCollections as readonly string[]).includes(collection)) throw new TranslateError(`There is no kind of page called "${collection}".`);
  if (!/^[a-z0-9-]+$/.test(slug)) throw new TranslateError(`"${slug}" is not a page's file name.`);
  if (!isLocaleCode(lang)) throw new TranslateError(`"${lang}" is not one of the site's languages.`);
  const english = pagePath(contentRoot, collection as Collection, 'en', slug);
  if (!existsSync(english)) throw new TranslateError(`There is no English page ${collection}/en/${slug}.md to translate.`);
  return { collection: collection as Collection, english };
}

/** What the translator reads beside their text: the English page's title, summary and text. */
export interface EnglishSource {
  title: string;
  summary: string;
  /** The page text as written, Markdown marks and all (the translator keeps them). */
  body: string;
}

/** The English that `lang`'s translation of a page is written from, for the translating view. */
export function englishSource(contentRoot: string, collection: string, slug: string, lang: string): EnglishSource {
  const page = checkedPage(contentRoot, collection, slug, lang);
  if (lang === 'en') throw new TranslateError('English is the language pages are translated from.');
  const name = localeFor(lang).englishName;
  if (!existsSync(pagePath(contentRoot, page.collection, lang, slug))) throw new TranslateError(`There is no ${name} page ${page.collection}/${lang}/${slug}.md yet: use “Translate into ${name}” on the publish page first.`);
  const parts = markdownParts(readFileSync(page.english, 'utf8'));
  const doc = parts && parseDocument(parts[1]!);
  if (!parts || !doc || doc.errors.length || !isMap(doc.contents)) throw new TranslateError(`The fields at the top of ${page.collection}/en/${slug}.md are not readable: fix them in the editor first.`);
  return { title: String(doc.get('title') ?? slug), summary: String(doc.get('summary') ?? ''), body: parts[2]!.trim() };
}

/** Keeps the English text a translation was made from, under its hash. */
function keepSource(sourcesDir: string, text: Buffer): string {
  const hash = sourceHash(text);
  mkdirSync(sourcesDir, { recursive: true });
  const file = join(sourcesDir, `${hash}.md`);
  if (!existsSync(file)) writeFileSync(file, text);
  return hash;
}

/**
 * Creates `lang`'s translation of an English page: the English front matter and text for the
 * translator to write over, and the record (source, its hash, machine-drafted, no reviewer yet).
 * Returns the new file's path under src/content.
 */
export function startTranslation(contentRoot: string, sourcesDir: string, collection: string, slug: string, lang: string): string {
  const page = checkedPage(contentRoot, collection, slug, lang);
  if (lang === 'en') throw new TranslateError('English is the language pages are translated from.');
  const target = pagePath(contentRoot, page.collection, lang, slug);
  if (existsSync(target)) throw new TranslateError(`The ${localeFor(lang).englishName} page ${page.collection}/${lang}/${slug}.md exists already: open it in the editor.`);
  const bytes = readFileSync(page.english);
  const parts = markdownParts(bytes.toString('utf8'));
  if (!parts) throw new TranslateError(`The English page ${page.collection}/en/${slug}.md has no fields at the top, so it cannot be translated yet.`);
  const doc = parseDocument(parts[1]!);
  const record: TranslationRecord = { of: slug, sourceHash: keepSource(sourcesDir, bytes), machineDrafted: true };
  doc.set('translation', doc.createNode(record));
  mkdirSync(join(contentRoot, page.collection, lang), { recursive: true });
  writeFileSync(target, `---\n${doc.toString({ lineWidth: 0 })}---\n${parts[2]}`);
  return `src/content/${page.collection}/${lang}/${slug}.md`;
}

/**
 * Records that `reviewer` checked the translation today against the English as it is now: the record
 * then points at this English, is no longer machine-drafted, and names the reviewer and the day.
 */
export function markReviewed(contentRoot: string, sourcesDir: string, collection: string, slug: string, lang: string, reviewer: string, today: string): void {
  const page = checkedPage(contentRoot, collection, slug, lang);
  const target = pagePath(contentRoot, page.collection, lang, slug);
  if (lang === 'en' || !existsSync(target)) throw new TranslateError(`There is no ${localeFor(lang).englishName} page ${page.collection}/${lang}/${slug}.md to mark reviewed.`);
  const parts = markdownParts(readFileSync(target, 'utf8'));
  const doc = parts && parseDocument(parts[1]!);
  if (!parts || !doc || doc.errors.length || !isMap(doc.contents)) throw new TranslateError(`The fields at the top of ${page.collection}/${lang}/${slug}.md are not readable: fix them in the editor first.`);
  const record: TranslationRecord = { of: slug, sourceHash: keepSource(sourcesDir, readFileSync(page.english)), machineDrafted: false, reviewedBy: reviewer, reviewedOn: today };
  doc.set('translation', doc.createNode(record));
  writeFileSync(target, `---\n${doc.toString({ lineWidth: 0 })}---\n${parts[2]}`);
}

/** Every English page with the state of each of its translations, for the publish page. */
export function translationOverview(contentRoot: string): PageTranslations[] {
  return translatedCollections.flatMap((collection) => {
    const dir = join(contentRoot, collection, 'en');
    if (!existsSync(dir)) return [];
    return readdirNames(dir).map((slug): PageTranslations => {
      const english = readFileSync(pagePath(contentRoot, collection, 'en', slug));
      const hash = sourceHash(english);
      const languages = localeCodes
        .filter((lang) => lang !== 'en')
        .map((lang) => {
          const file = pagePath(contentRoot, collection, lang, slug);
          if (!existsSync(file)) return { lang, state: 'missing' as const };
          const record = frontMatter(readFileSync(file, 'utf8')).translation as TranslationRecord | undefined;
          const { state } = translationState(record, slug, hash);
          if (state !== 'up-to-date') return { lang, state };
          if (record!.machineDrafted || !record!.reviewedBy) return { lang, state: 'machine-drafted' as const };
          return { lang, state: 'reviewed' as const, reviewedBy: record!.reviewedBy, reviewedOn: String(record!.reviewedOn instanceof Date ? record!.reviewedOn.toISOString().slice(0, 10) : record!.reviewedOn) };
        });
      const title = String(frontMatter(english.toString('utf8')).title ?? slug);
      return { collection, slug, title, languages };
    });
  });
}

/** The slugs of the pages in a folder, sorted. */
function readdirNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => n.replace(/\.md$/, ''));
}

/**
 * What changed in the English since a translation was made: the English it recorded (kept by hash,
 * or found in git) against the English now. Undefined when that English is nowhere to be found.
 */
export function englishChanges(root: string, contentRoot: string, sourcesDir: string, collection: string, slug: string, lang: string): ChangePart[] | undefined {
  const page = checkedPage(contentRoot, collection, slug, lang);
  const record = frontMatter(readFileSync(pagePath(contentRoot, page.collection, lang, slug), 'utf8')).translation as TranslationRecord | undefined;
  if (!record?.sourceHash) return undefined;
  const kept = join(sourcesDir, `${record.sourceHash}.md`);
  const before = existsSync(kept) ? readFileSync(kept, 'utf8') : fromGit(root, `src/content/${page.collection}/en/${slug}.md`, record.sourceHash);
  if (before === undefined) return undefined;
  return diffLines(before, readFileSync(page.english, 'utf8')).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

/** The version of `file` in git history whose sha256 is `hash`, if git and that version are there. */
function fromGit(root: string, file: string, hash: string): string | undefined {
  try {
    const commits = execFileSync('git', ['log', '--format=%H', '-n', '200', '--', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
    for (const commit of commits) {
      const text = execFileSync('git', ['show', `${commit}:${file}`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
      if (sourceHash(text) === hash) return text.toString('utf8');
    }
  } catch {
    // No git here, or not a repository: the caller says the changes cannot be shown.
  }
  return undefined;
}
