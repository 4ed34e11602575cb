/**
 * A Content-Security-Policy for one rendered page that allows exactly the inline <script> and
 * <style> elements it contains, by sha256 hash. Astro's island hydration needs a small inline
 * script and style; hashing them keeps 'unsafe-inline' out of the policy.
 */
import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from './security-headers.ts';

const hashOf = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

/** The hashes of every inline element named `tag` (no src attribute) in `html`. */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(pattern)) {
    if (tag === 'script' && /\ssrc\s*=/i.test(attributes)) continue;
    hashes.add(hashOf(body));
  }
  return [...hashes];
}

/** The site's policy, with the page's own inline scripts and styles allowed by hash. */
export function policyForPage(html: string): string {
  const scripts = inlineHashes(html, 'script');
  const styles = inlineHashes(html, 'style');
  return contentSecurityPolicy
    .replace("script-src 'self'", ["script-src 'self'", ...scripts].join(' '))
    .replace("style-src 'self'", ["style-src 'self'", ...styles].join(' '));
}
