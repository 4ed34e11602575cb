import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The termbase: one file per language, locales/terms/<lang>.json, with the agreed word for each
 * safety-critical term, so every page (and every translator) says "refuge" or "safe time" the same
 * way. `content:status` warns where the English page uses a term and its translation lacks the
 * agreed word, or uses a word the termbase says to avoid. No Astro, so staff tools can read it.
 */

/** The terms every language agrees a word for. */
export const termIds = [
  'domesticAbuse',
  'quickExit',
  'safeTime',
  'callback',
  'sanctuaryScheme',
  'managementMove',
  'byAndFor',
  'refuge',
  'perpetrator',
  'survivor',
  'consent',
  'interpreter',
] as const;

export type TermId = (typeof termIds)[number];

/** One term in one language. */
const termSchema = z.object({
  /** The word to write, as staff and translators should use it. */
  agreed: z.string().min(1),
  /**
   * What the check accepts as the term on a page, lower case matches any case: inflected forms or
   * a shared stem ("przemocy domow" for przemocy domowej). In en.json: the English words that mean
   * a page uses the term.
   */
  forms: z.array(z.string().min(1)).min(1),
  /** Words that must not stand for this term (for example "violence" where the agreed word says "abuse"). */
  avoid: z.array(z.string().min(1)).optional(),
  /** English only: match the forms' case exactly ("refuge", not the charity Refuge). */
  matchCase: z.boolean().optional(),
  /** Why this word, or how to explain it: shown to reviewers. */
  note: z.string().optional(),
});

/** locales/terms/<lang>.json. */
export const termbaseSchema = z.strictObject({
  language: z.string().min(2),
  /** True until a person who reads the language well has reviewed every term. */
  machineDrafted: z.boolean(),
  reviewedBy: z.string().optional(),
  reviewedOn: z.iso.date().optional(),
  terms: z.strictObject(Object.fromEntries(termIds.map((id) => [id, termSchema])) as Record<TermId, typeof termSchema>),
});

export type Termbase = z.infer<typeof termbaseSchema>;

/** The termbase folder: locales/terms/. */
export const termbaseDir = new URL('../../locales/terms/', import.meta.url);

/** Reads and checks locales/terms/<lang>.json; the error names the file and the field. */
export function readTermbase(lang: string, dir: URL = termbaseDir): Termbase {
  const file = new URL(`${lang}.json`, dir);
  const result = termbaseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`locales/terms/${lang}.json: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

/** The text a reader sees: front matter other than title, description and summary, link targets and tags removed. */
function readerText(markdown: string): string {
  return markdown
    .replace(/^---\r?\n([\s\S]*?)\r?\n---/, (_, front: string) =>
      front
        .split('\n')
        .filter((line) => /^(title|description|summary):/.test(line))
        .join('\n'),
    )
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    // A term may wrap onto the next line.
    .replace(/\s+/g, ' ')
    .normalize('NFC');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the English text uses the term: a form as a whole word (plural allowed). */
function englishUses(text: string, term: Termbase['terms'][TermId]): boolean {
  return term.forms.some((form) => new RegExp(`\\b${escape(form)}(?:s|es)?\\b`, term.matchCase ? '' : 'i').test(text));
}

/** True when the translated text holds any of the given words, in any case. */
function contains(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLocaleLowerCase();
  return words.find((word) => lower.includes(word.normalize('NFC').toLocaleLowerCase()));
}

/** A place where a page may not use the agreed word. */
export interface TermWarning {
  term: TermId;
  /** The English term as the English termbase writes it. */
  english: string;
  /** The agreed word in the page's language. */
  agreed: string;
  /** "missing": the English uses the term, the translation has none of its forms. "avoided": it uses a word to avoid. */
  kind: 'missing' | 'avoided';
  /** For "avoided": the word found. */
  found?: string;
}

/**
 * Warnings for one translated page: only terms its English source uses, so a page is never asked
 * for a word its English does not have.
 */
export function termWarnings(englishMarkdown: string, translatedMarkdown: string, english: Termbase, translated: Termbase): TermWarning[] {
  const source = readerText(englishMarkdown);
  const target = readerText(translatedMarkdown);
  return termIds.flatMap((id): TermWarning[] => {
    if (!englishUses(source, english.terms[id])) return [];
    const term = translated.terms[id];
    const base = { term: id, english: english.terms[id].agreed, agreed: term.agreed };
    const avoided = term.avoid && contains(target, term.avoid);
    if (avoided) return [{ ...base, kind: 'avoided', found: avoided }];
    return contains(target, term.forms) ? [] : [{ ...base, kind: 'missing' }];
  });
}

/** One warning as staff read it in content:status. */
export function describeTermWarning(w: TermWarning): string {
  return w.kind === 'avoided'
    ? `uses "${w.found}" for "${w.english}"; the agreed word is "${w.agreed}"`
    : `the English says "${w.english}"; the agreed word "${w.agreed}" is not on the page`;
}

/**
 * The termbase as a Markdown table, terms down and languages across, as the staff guide
 * (src/content/README.md) shows it between its termbase markers. A test keeps the guide in step.
 */
export function termbaseTable(languages: readonly string[], dir: URL = termbaseDir): string {
  const books = languages.map((lang) => readTermbase(lang, dir));
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const header = `| ${books.map((b) => b.language + (b.machineDrafted ? ' (draft)' : '')).join(' | ')} |`;
  const rule = `|${books.map(() => ' --- ').join('|')}|`;
  const rows = termIds.map((id) => `| ${books.map((b) => cell(b.terms[id].agreed)).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
