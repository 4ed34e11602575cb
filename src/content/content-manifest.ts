/**
 * What content a build was made from: every file under src/content with its sha256. Each build
 * writes it (content-manifest-integration.ts), so a publish can say which files it changed.
 * Plain Node, no Astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sourceHash } from './content-files.ts';

/** File name of the manifest in a build's folder. */
export const manifestFile = 'content-manifest.json';

/** Path under src/content (with /) → sha256 of its bytes. */
export type ContentManifest = Record<string, string>;

/** The manifest of the content folder as it is now (the staff guide, README.md, is not content). */
export function contentManifest(contentRoot: string): ContentManifest {
  const manifest: ContentManifest = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|yaml)$/.test(entry.name) && entry.name !== 'README.md') manifest[relative(contentRoot, path).split(sep).join('/')] = sourceHash(readFileSync(path));
    }
  };
  walk(contentRoot);
  return manifest;
}

/** The manifest a build folder holds, or undefined for a build without one. */
export function readManifest(buildDir: string): ContentManifest | undefined {
  const path = join(buildDir, manifestFile);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ContentManifest) : undefined;
}

/** Files added, changed or deleted between two manifests, as src/content/… paths, sorted. */
export function changedFiles(before: ContentManifest, after: ContentManifest): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort().map((path) => `src/content/${path}`);
}
