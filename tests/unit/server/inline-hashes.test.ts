import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { editorPageFraming, editorPagePolicy, islandScripts, onDemandPagePolicy } from '../../../src/server/inline-hashes.ts';
import { contentSecurityPolicy, securityHeaders } from '../../../src/server/security-headers.ts';

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
  it('is the on-demand policy plus only the hash of an empty style and framing by its own origin', () => {
    const styleSources = (policy: string) => /style-src ([^;]*)/.exec(policy)![1]!.split(' ');
    expect(styleSources(editorPagePolicy)).toEqual([...styleSources(onDemandPagePolicy).slice(0, 1), hashOf(''), ...styleSources(onDemandPagePolicy).slice(1)]);
    expect(editorPagePolicy.replace(` ${hashOf('')}`, '').replace("frame-ancestors 'self'", "frame-ancestors 'none'")).toBe(onDemandPagePolicy);
    expect(editorPagePolicy).not.toContain('unsafe-inline');
  });
});

describe('framing', () => {
  const frameAncestors = (policy: string) => /frame-ancestors ([^;]*)/.exec(policy)![1];
  it('the public site and every other page refuse any frame; only the editor may be framed, by its own origin', () => {
    expect(frameAncestors(contentSecurityPolicy)).toBe("'none'");
    expect(securityHeaders['X-Frame-Options']).toBe('DENY');
    expect(frameAncestors(onDemandPagePolicy)).toBe("'none'");
    expect(frameAncestors(editorPagePolicy)).toBe("'self'");
    expect(editorPageFraming).toBe('SAMEORIGIN');
  });
});
