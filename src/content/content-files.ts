import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ContentFile, TranslationRecord } from './translation-status.ts';

/**
 * Reads the translatable Markdown collections straight from disk, for plain-node tools
 * (content:status, the build summary) and for the page notices. No Astro or Vite imports here.
 */

/** The collections whose pages are translated: src/content/<collection>/<lang>/<slug>.md. */
export const translatedCollections = ['guidance', 'campaigns'] as const;

/** sha256 hex of a file's bytes: what a translation record's `sourceHash` holds. */
export function sourceHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The YAML front matter of a Markdown file, or {} when it has none. */
export function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(markdown);
  return match ? ((parse(match[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

/** Every Markdown file of the translated collections under `contentRoot` (normally src/content). */
export function readContentFiles(contentRoot: string): ContentFile[] {
  return translatedCollections.flatMap((collection) => {
    const dir = join(contentRoot, collection);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((langDir) =>
        readdirSync(join(dir, langDir.name))
          .filter((name) => name.endsWith('.md'))
          .map((name): ContentFile => {
            const bytes = readFileSync(join(dir, langDir.name, name));
            const data = frontMatter(bytes.toString('utf8'));
            return {
              collection,
              lang: langDir.name,
              slug: name.replace(/\.md$/, ''),
              hash: sourceHash(bytes),
              verified: data.verified !== false,
              ...(data.translation ? { translation: data.translation as TranslationRecord } : {}),
            };
          }),
      );
  });
}
