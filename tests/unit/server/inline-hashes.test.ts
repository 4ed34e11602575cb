import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { editorPagePolicy, islandScripts, onDemandPagePolicy } from '../../../src/server/inline-hashes.ts';

const hashOf = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const scriptSources = () => /script-src ([^;]*)/.exec(onDemandPagePolicy)![1]!.split(' ');

describe('onDemandPagePolicy', () => {
  it('allows Astro\'s own island scripts by hash, and nothing else inline', () => {
    expect(scriptSources()).toEqual(["'self'", ...islandScripts.map(hashOf)]);
    expect(islandScripts[0]).toContain('astro:load');
    expect(islandScripts[1]).toContain('astro:only');
    expect(islandScripts[2]).toContain('astro-island');
    expect(onDemandPagePolicy).not.toContain('unsafe-inline');
  });

  it('does not depend on the page: an injected inline script is not allowed', () => {
    expect(scriptSources()).not.toContain(hashOf('alert(document.cookie)'));
  });
});

describe('editorPagePolicy', () => {
  it('is the on-demand policy plus only the hash of an empty style', () => {
    const styleSources = (policy: string) => /style-src ([^;]*)/.exec(policy)![1]!.split(' ');
    expect(styleSources(editorPagePolicy)).toEqual([...styleSources(onDemandPagePolicy).slice(0, 1), hashOf(''), ...styleSources(onDemandPagePolicy).slice(1)]);
    expect(editorPagePolicy.replace(` ${hashOf('')}`, '')).toBe(onDemandPagePolicy);
    expect(editorPagePolicy).not.toContain('unsafe-inline');
  });
});
