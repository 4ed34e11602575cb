/**
 * Mistakes staff can make in src/content, found before Astro reads the files, each as one plain
 * sentence that names the file, the field and the real line, and says what to write instead.
 * Astro's own messages for these point at the wrong line or guess (a US date), so the build
 * (content-errors-integration.ts) and content:status stop on these first. Plain Node, no Astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { isoDateHint, isIsoDate } from './iso-date.ts';
import { translatedCollections } from './content-files.ts';

/** One mistake in one file. */
export interface ContentError {
  /** The file as staff find it, e.g. src/content/campaigns/en/winter.md. */
  file: string;
  /** 1-based line in the file, as a text editor counts. */
  line: number;
  /** The front matter or YAML field, e.g. "end" or "translation.reviewedOn"; absent for the whole file. */
  field?: string;
  /** The whole sentence staff read. */
  message: string;
}

/** Date fields of pages and campaigns (translation.reviewedOn is a field of the translation record). */
const pageDateFields = [['lastReviewed'], ['start'], ['end'], ['translation', 'reviewedOn']];
/** Date fields of a service entry and of a service translation. */
const serviceDateFields = [['lastVerified'], ['translation', 'reviewedOn']];

const yamlQuoteHint =
  'if a value has a colon (:) or starts with a quote mark or #, put the whole value in double quotes, for example title: "Safety: first steps"';

/**
 * Checks one YAML text (a front matter block or a whole .yaml file). `firstLine` is the line of the
 * file the YAML starts on: 2 for front matter, after the opening ---.
 */
function yamlErrors(file: string, yaml: string, firstLine: number, dateFields: string[][]): ContentError[] {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const line = lineAt(first.pos[0]);
    const field = /^\s*([\w.-]+):/.exec(yaml.split(/\r?\n/)[line - firstLine] ?? '')?.[1];
    const where = field ? `the ${field} line is not valid YAML` : 'this line is not valid YAML';
    return [{ file, line, ...(field ? { field } : {}), message: `${file}, line ${line}: ${where}. ${capitalise(yamlQuoteHint)}.` }];
  }
  if (!isMap(doc.contents)) return [];
  return dateFields.flatMap((path) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || node.value === null || node.value === undefined) return [];
    const text = String(node.source ?? node.value);
    if (typeof node.value === 'string' && isIsoDate(node.value)) return [];
    const field = path.join('.');
    const line = lineAt(node.range?.[0] ?? 0);
    return [{ file, line, field, message: `${file}, line ${line}: ${field} is "${text}"; ${isoDateHint} (a date such as 05/01/2027 could mean May or January).` }];
  });
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** The front matter of a Markdown file (it starts on line 2), or undefined when there is none. */
function frontMatterBlock(markdown: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(markdown)?.[1];
}

/** Every content error under `contentRoot`, in file order; `shownAs` is how messages name that folder. */
export function contentErrors(contentRoot: string, shownAs = 'src/content/'): ContentError[] {
  const errors: ContentError[] = [];
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)) : []);
  for (const collection of translatedCollections) {
    for (const langDir of list(join(contentRoot, collection)).filter((e) => e.isDirectory())) {
      for (const entry of list(join(contentRoot, collection, langDir.name)).filter((e) => e.name.endsWith('.md'))) {
        const path = `${collection}/${langDir.name}/${entry.name}`;
        const file = shownAs + path;
        const block = frontMatterBlock(readFileSync(join(contentRoot, path), 'utf8'));
        if (block !== undefined) errors.push(...yamlErrors(file, block, 2, pageDateFields));
        const english = `${collection}/en/${entry.name}`;
        if (langDir.name !== 'en' && !existsSync(join(contentRoot, english))) {
          errors.push({
            file,
            line: 1,
            message: `${file} has no English page ${shownAs}${english}, so it is never published. Add the English page first, or rename this file to the English page's file name.`,
          });
        }
      }
    }
  }
  const services = join(contentRoot, 'services');
  for (const entry of list(services)) {
    const folder = entry.isDirectory() ? list(join(services, entry.name)).map((e) => `${entry.name}/${e.name}`) : [entry.name];
    for (const name of folder.filter((n) => n.endsWith('.yaml'))) {
      const file = `${shownAs}services/${name}`;
      errors.push(...yamlErrors(file, readFileSync(join(services, name), 'utf8'), 1, serviceDateFields));
    }
  }
  return errors;
}
