/**
 * Mistakes staff can make in src/content, found before Astro reads the files, each as one plain
 * sentence that names the file, the field and the real line, and says what to write instead.
 * Astro's own messages for these point at the wrong line, or guess (a US date), so the build
 * (content-errors-integration.ts) and content:status stop on these first. Plain Node, no Astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { translatedCollections } from './content-files.ts';
import { campaignSchema, guidanceSchema } from './page-schemas.ts';
import { serviceSchema, serviceTranslationSchema } from './service-schema.ts';

/** One mistake in one file. */
export interface ContentError {
  /** The file as staff find it, e.g. src/content/campaigns/en/winter.md. */
  file: string;
  /** 1-based line in the file, as a text editor counts. */
  line: number;
  /** The field, e.g. "end" or "translation.reviewedOn"; absent when the mistake is the whole file. */
  field?: string;
  /** The whole sentence staff read. */
  message: string;
}

const schemas: Record<string, z.ZodType> = { guidance: guidanceSchema, campaigns: campaignSchema };

const quoteHint =
  'If a value has a colon (:), or starts with a quote mark or #, put the whole value in double quotes, for example title: "Safety: first steps".';

/** What a zod type name means to staff. */
const kinds: Record<string, string> = { string: 'text', boolean: 'true or false', number: 'a number', int: 'a whole number', object: 'a list of fields', array: 'a list' };

/** One sentence for one broken rule, given the text staff wrote (undefined when the field is absent). */
function explain(issue: z.core.$ZodIssue, field: string, written: string | undefined): string {
  if (written === undefined) return `${field} is missing: add a line "${field}: …"`;
  const was = `${field} is "${written}"`;
  if (issue.code === 'invalid_type') return `${was}, but it must be ${kinds[issue.expected] ?? issue.expected}`;
  if (issue.code === 'too_small') return `${field} is empty: write it in`;
  if (issue.code === 'invalid_value') return `${was}, but it must be one of: ${issue.values.map(String).join(', ')}`;
  if (field.endsWith('sourceHash')) return `${was}, but it must be the 64 letters and digits that npm run content:status -- --hash <English file> prints`;
  if (issue.code === 'invalid_format' && issue.format === 'regex') return `${was}, which is not in the right form`;
  return `${was}: ${issue.message}`;
}

/**
 * The mistakes in one YAML text (a front matter block or a whole .yaml file) checked against
 * `schema`. `firstLine` is the line of the file the YAML starts on: 2 for front matter, after the ---.
 */
export function yamlErrors(file: string, yaml: string, firstLine: number, schema: z.ZodType): ContentError[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length) {
    const line = lineAt(doc.errors[0]!.pos[0]);
    const field = /^\s*([\w.-]+):/.exec(yaml.split(/\r?\n/)[line - firstLine] ?? '')?.[1];
    const what = field ? `the ${field} line is not valid YAML` : 'this line is not valid YAML';
    return [{ file, line, ...(field ? { field } : {}), message: `${file}, line ${line}: ${what}. ${quoteHint}` }];
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return [];
  return result.error.issues.map((issue): ContentError => {
    const path = issue.path.map(String);
    const field = path.join('.') || 'the file';
    // The line of the field itself, or of the nearest field above it that is there.
    let node: unknown;
    for (let depth = path.length; depth > 0 && !isNode(node); depth--) node = doc.getIn(path.slice(0, depth), true);
    const range = isNode(node) ? node.range : undefined;
    const line = range ? lineAt(range[0]) : firstLine;
    const written = isNode(node) && path.length && doc.hasIn(path) ? yaml.slice(range![0], range![1]).trim() : undefined;
    return { file, line, field, message: `${file}, line ${line}: ${explain(issue, field, written)}.` };
  });
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
        const english = `${collection}/en/${entry.name}`;
        if (langDir.name !== 'en' && !existsSync(join(contentRoot, english))) {
          errors.push({
            file,
            line: 1,
            message: `${file} has no English page ${shownAs}${english}, so it is never published. Add the English page first, or rename this file to the English page's file name.`,
          });
        }
        const block = frontMatterBlock(readFileSync(join(contentRoot, path), 'utf8'));
        if (block === undefined) {
          errors.push({ file, line: 1, message: `${file}, line 1: the file must start with a line ---, then its fields (title and the others), then another line ---.` });
        } else {
          errors.push(...yamlErrors(file, block, 2, schemas[collection]!));
        }
      }
    }
  }
  const services = join(contentRoot, 'services');
  for (const entry of list(services)) {
    // services/<id>.yaml are the English entries; services/<lang>/<id>.yaml their translations.
    const names = entry.isDirectory() ? list(join(services, entry.name)).map((e) => `${entry.name}/${e.name}`) : [entry.name];
    for (const name of names.filter((n) => n.endsWith('.yaml'))) {
      const schema = entry.isDirectory() ? serviceTranslationSchema : serviceSchema;
      errors.push(...yamlErrors(`${shownAs}services/${name}`, readFileSync(join(services, name), 'utf8'), 1, schema));
    }
  }
  return errors;
}
