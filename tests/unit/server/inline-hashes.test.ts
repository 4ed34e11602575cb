import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { islandScripts, onDemandPagePolicy } from '../../../src/server/inline-hashes.ts';

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
