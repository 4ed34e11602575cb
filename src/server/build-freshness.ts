import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What a build is made from: when any of these is newer than the build, the build is stale. */
export const buildSources = ['src', 'locales', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];

/** The newest modification time (ms) of a file or anything under a folder (but `skip`); 0 when absent. */
export function newestMtime(path: string, skip?: string): number {
  if (!existsSync(path) || path === skip) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name), skip)), stat.mtimeMs);
}

/**
 * True when the built server is missing or older than any of its sources. `skipContent` leaves
 * src/content out: a published build stays live while the editor saves content not yet published.
 */
export function buildIsStale(root: string, entry: string, skipContent = false): boolean {
  const built = newestMtime(join(root, entry));
  if (built === 0) return true;
  const skip = skipContent ? join(root, 'src', 'content') : undefined;
  return buildSources.some((source) => newestMtime(join(root, source), skip) > built);
}

/** Path of Astro's command-line entry, found through the package (its bin file is not exported). */
export function astroCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
}
