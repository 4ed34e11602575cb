import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroCli, buildIsStale } from '../../../src/server/build-freshness.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'freshness-'));
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'src/pages/index.astro'), '');
  return root;
}
const at = (root: string, path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

describe('buildIsStale', () => {
  it('is stale when there is no build', () => {
    expect(buildIsStale(project(), 'dist/server/entry.mjs')).toBe(true);
  });

  it('is fresh when the build is newer than every source, stale when a source changes', () => {
    const root = project();
    mkdirSync(join(root, 'dist/server'), { recursive: true });
    writeFileSync(join(root, 'dist/server/entry.mjs'), '');
    at(root, 'src/pages/index.astro', 1000);
    at(root, 'src/pages', 1000);
    at(root, 'src', 1000);
    at(root, 'dist/server/entry.mjs', 2000);
    expect(buildIsStale(root, 'dist/server/entry.mjs')).toBe(false);
    at(root, 'src/pages/index.astro', 3000);
    expect(buildIsStale(root, 'dist/server/entry.mjs')).toBe(true);
  });
});

describe('astroCli', () => {
  it('finds the Astro command that npm start runs to build', () => {
    expect(existsSync(astroCli())).toBe(true);
  });
});
