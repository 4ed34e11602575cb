import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { liveBuildDir, LiveSite, loadBuild, pointCurrentAt, publishedFolder } from '../../../src/server/live-build.ts';

// Builds here are two tiny modules each, saying which build they are: enough to see which one answers.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function site(): string {
  const root = mkdtempSync(join(tmpdir(), 'live-build-'));
  roots.push(root);
  return root;
}
function fakeBuild(dir: string, name: string, broken = false): string {
  mkdirSync(join(dir, 'server'), { recursive: true });
  writeFileSync(join(dir, 'server', 'entry.mjs'), broken ? 'export const handler = ;' : `export const handler = (req, res) => res.end(${JSON.stringify(name)});`);
  writeFileSync(join(dir, 'server', 'callback-endpoint.mjs'), 'export const handleCallbackApi = async () => {};');
  return dir;
}
/** What the live build answers, through a response that only records end(). */
function answer(live: LiveSite): string {
  let body = '';
  live.build.handler({} as IncomingMessage, { end: (text: string) => (body = text) } as unknown as ServerResponse);
  return body;
}

describe('the live build and the publish switch', () => {
  it('serves dist/ until something is published, then published/current', () => {
    const root = site();
    expect(liveBuildDir(root)).toBe(join(root, 'dist'));
    fakeBuild(join(root, publishedFolder, 'build-1'), 'one');
    pointCurrentAt(root, join(root, publishedFolder, 'build-1'));
    expect(liveBuildDir(root)).toBe(join(root, publishedFolder, 'build-1'));
  });

  it('switches the handler and the pointer together, and a second switch replaces the pointer in place', async () => {
    const root = site();
    const live = new LiveSite(root, await loadBuild(fakeBuild(join(root, 'dist'), 'dist')));
    expect(answer(live)).toBe('dist');
    await live.switchTo(fakeBuild(join(root, publishedFolder, 'build-1'), 'one'));
    expect(answer(live)).toBe('one');
    expect(readlinkSync(join(root, publishedFolder, 'current'))).toBe('build-1');
    await live.switchTo(fakeBuild(join(root, publishedFolder, 'build-2'), 'two'));
    expect(answer(live)).toBe('two');
    expect(readlinkSync(join(root, publishedFolder, 'current'))).toBe('build-2');
  });

  it('leaves the live build and the pointer as they were when the new build cannot be loaded', async () => {
    const root = site();
    const live = new LiveSite(root, await loadBuild(fakeBuild(join(root, 'dist'), 'dist')));
    await expect(live.switchTo(fakeBuild(join(root, publishedFolder, 'build-1'), 'one', true))).rejects.toThrow();
    expect(answer(live)).toBe('dist');
    expect(existsSync(join(root, publishedFolder, 'current'))).toBe(false);
  });
});
