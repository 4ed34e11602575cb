/**
 * The Content-Security-Policy for pages rendered on demand (the callback form, which hydrates an
 * island). Astro's island hydration needs a small inline script and style; we allow exactly the
 * ones Astro emits, by sha256 hash of Astro's own prebuilt source, fixed when the site is built.
 * Never hashes of whatever inline script a finished page happens to contain: then a script that
 * ever got injected into the page would be allowed too.
 */
import { createHash } from 'node:crypto';
import loadDirectiveScript from 'astro/runtime/client/load.prebuilt.js';
import onlyDirectiveScript from 'astro/runtime/client/only.prebuilt.js';
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js';
import islandScriptForDevelopment from 'astro/runtime/server/astro-island.prebuilt-dev.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { contentSecurityPolicy } from './security-headers.ts';

const hashOf = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

/**
 * The inline scripts Astro writes before an island: the directive the page uses (client:load on the
 * callback form, client:only on the staff console) and the <astro-island> element (`npm run dev` uses
 * its own copy).
 */
export const islandScripts: readonly string[] = [loadDirectiveScript, onlyDirectiveScript, islandScript, islandScriptForDevelopment];

/** The site's policy with Astro's island scripts and style allowed by hash, and no other inline script or style. */
export const onDemandPagePolicy = contentSecurityPolicy
  .replace("script-src 'self'", ["script-src 'self'", ...islandScripts.map(hashOf)].join(' '))
  .replace("style-src 'self'", `style-src 'self' ${hashOf(ISLAND_STYLES)}`);

/**
 * The content editor's page (Keystatic, staff listener only): the same policy, plus the hash of an
 * empty style. Keystatic's styling library adds empty <style> elements and fills them through the
 * CSSOM (insertRule), which a policy does not govern; without this hash the browser refuses the empty
 * element and gives it no stylesheet to fill. An empty style can do nothing, so no inline style or
 * script with content is allowed that was not before. It may also be framed by a page of its own
 * origin: the translating view (src/pages/staff/translate/) shows it beside the English. Every other
 * page, and the whole public site, still refuses any frame.
 */
export const editorPagePolicy = onDemandPagePolicy
  .replace("style-src 'self'", `style-src 'self' ${hashOf('')}`)
  .replace("frame-ancestors 'none'", "frame-ancestors 'self'");

/** X-Frame-Options for the editor's page, saying the same as its policy for browsers that read only this. */
export const editorPageFraming = 'SAMEORIGIN';
