import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentManifest, manifestFile } from './content-manifest.ts';

/**
 * Writes the build's content manifest (content-manifest.ts) beside its client/ and server/ folders,
 * so publishing can name the files each publish changed.
 */
export function contentManifestFile(contentRoot = fileURLToPath(new URL('.', import.meta.url))): AstroIntegration {
  let outDir: URL;
  return {
    name: 'content-manifest',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': () => {
        writeFileSync(new URL(manifestFile, outDir), `${JSON.stringify(contentManifest(contentRoot), null, 1)}\n`);
      },
    },
  };
}
