import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { translatedCollections } from './content-files.ts';
import { readServiceFiles, readServiceTranslations } from './service-files.ts';
import { serviceProseFields } from './service-schema.ts';
import { englishSentences } from './english-left.ts';
import { describeParityProblem, likelyLine, parityProblems, safetyTokens, wrongLanguageLinks } from './safety-tokens.ts';

/**
 * The checks that hold every translated page to its English source: numbers, tel: links,
 * placeholders and references (each the same number of times), in-site links (the same pages, in the
 * reader's language), and no English sentence left behind. `npm test` and the build both run them;
 * each problem names the file and line. Plain Node, no Astro.
 */

/** One problem in one translated file. */
export interface TranslationProblem {
  /** Path from the working folder, e.g. src/content/guidance/pl/help-now.md. */
  file: string;
  line: number;
  /** `file:line: what is wrong`, ready to print. */
  message: string;
}

/** A translated text and the English text it must match, with the paths to name in messages. */
export interface TranslationPair {
  lang: string;
  source: { file: string; text: string };
  translation: { file: string; text: string };
}

/** Every problem in one translation against its source. */
export function checkTranslation(pair: TranslationPair, languages: readonly string[]): TranslationProblem[] {
  const { lang, source, translation } = pair;
  const problems: TranslationProblem[] = [];
  const add = (line: number, message: string) => problems.push({ file: translation.file, line, message });
  const parity = parityProblems(safetyTokens(source.text, languages), safetyTokens(translation.text, languages));
  const scale = translation.text.split('\n').length / source.text.split('\n').length;
  for (const p of parity) {
    const line = likelyLine(p, scale);
    add(line, describeParityProblem(p, line, translation.file, source.file));
  }
  for (const { target, line } of wrongLanguageLinks(translation.text, lang, languages)) {
    add(line, `${translation.file}:${line}: the link ${target} goes to another language; use /${lang}/…`);
  }
  for (const { line, text } of englishSentences(translation.text)) {
    add(line, `${translation.file}:${line}: English left in a ${lang} page: "${text}" (translate it, or mark deliberate English with <span lang="en">…</span>)`);
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Every translated Markdown page under `contentRoot` (normally src/content), paired with its English source. */
export function translatedPagePairs(contentRoot: string, sourceLang = 'en'): TranslationPair[] {
  const cwd = process.cwd();
  return translatedCollections.flatMap((collection) => {
    const dir = join(contentRoot, collection);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== sourceLang)
      .flatMap((langDir) =>
        readdirSync(join(dir, langDir.name))
          .filter((name) => name.endsWith('.md') && existsSync(join(dir, sourceLang, name)))
          .map((name): TranslationPair => {
            const read = (lang: string) => {
              const path = join(dir, lang, name);
              return { file: relative(cwd, path), text: readFileSync(path, 'utf8') };
            };
            return { lang: langDir.name, source: read(sourceLang), translation: read(langDir.name) };
          }),
      );
  });
}

/**
 * A YAML file reduced to the prose fields named, each on its own line as in the file (other lines
 * blank, keys blanked), so the page checks read it like Markdown and report true line numbers.
 */
function yamlProse(text: string, fields: readonly string[]): string {
  let keep = false;
  const lines = text.split('\n');
  return lines
    .map((line, index) => {
      const key = /^([A-Za-z]+):/.exec(line)?.[1];
      if (key !== undefined) keep = fields.includes(key);
      else if (!/^\s/.test(line)) keep = false;
      if (!keep) return '';
      // The key and the value's own quotes go: a quoted value is not a quotation in the text.
      const value = line.replace(/^[A-Za-z]+:/, (k) => ' '.repeat(k.length)).replace(/^(\s*)"(.*)"\s*$/, ' $1$2');
      // Each field is its own sentence: a full stop keeps one field's words from running into the next.
      return /^\s/.test(lines[index + 1] ?? '') ? value : `${value}.`;
    })
    .join('\n');
}

/**
 * Every service description translation, paired with its English entry. Only the fields the
 * translation gives are compared (a service that keeps its English name leaves `name` out).
 */
export function servicePairs(contentRoot: string): TranslationPair[] {
  const cwd = process.cwd();
  const dir = join(contentRoot, 'services');
  if (!existsSync(dir)) return [];
  const english = new Set(readServiceFiles(dir).map((s) => s.id));
  return readServiceTranslations(dir)
    .filter((t) => english.has(t.id))
    .map((t) => {
      const fields = serviceProseFields.filter((field) => field in t.data);
      const sourcePath = join(dir, `${t.id}.yaml`);
      return {
        lang: t.lang,
        source: { file: relative(cwd, sourcePath), text: yamlProse(readFileSync(sourcePath, 'utf8'), fields) },
        translation: { file: relative(cwd, join(dir, t.lang, `${t.id}.yaml`)), text: yamlProse(t.text, fields) },
      };
    });
}

/** A service translation that leaves out hours the English entry states would show them in English. */
function missingFields(contentRoot: string): TranslationProblem[] {
  const dir = join(contentRoot, 'services');
  if (!existsSync(dir)) return [];
  const english = new Map(readServiceFiles(dir).map((s) => [s.id, s]));
  return readServiceTranslations(dir).flatMap((t): TranslationProblem[] => {
    const file = relative(process.cwd(), join(dir, t.lang, `${t.id}.yaml`));
    const source = english.get(t.id);
    if (!source) return [{ file, line: 1, message: `${file}:1: there is no English entry services/${t.id}.yaml` }];
    if (t.data.translation.of !== t.id) return [{ file, line: 1, message: `${file}:1: translation.of is "${t.data.translation.of}"; it must be "${t.id}"` }];
    if (source.hours && !t.data.hours) return [{ file, line: 1, message: `${file}:1: the English entry has hours; translate them too` }];
    return [];
  });
}

/** Every problem in every translated page and service description under `contentRoot`. */
export function checkTranslatedPages(contentRoot: string, languages: readonly string[]): TranslationProblem[] {
  return [
    ...[...translatedPagePairs(contentRoot), ...servicePairs(contentRoot)].flatMap((pair) => checkTranslation(pair, languages)),
    ...missingFields(contentRoot),
  ];
}
