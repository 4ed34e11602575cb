import { defineMiddleware } from 'astro:middleware';
import { langFromPath, translatorFor } from './i18n/translate.ts';
import { policyForPage } from './server/inline-hashes.ts';
import { forbiddenHeaders, securityHeaders } from './server/security-headers.ts';

/**
 * Puts the page's language and t() in locals, and the security headers on every response. An HTML
 * page rendered on demand gets a policy that allows its own inline scripts by hash (island hydration).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const lang = langFromPath(context.url.pathname);
  context.locals.lang = lang;
  context.locals.t = translatorFor(lang);
  let response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  for (const name of forbiddenHeaders) response.headers.delete(name);
  if (!context.isPrerendered && response.headers.get('content-type')?.startsWith('text/html')) {
    const html = await response.text();
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', policyForPage(html));
    response = new Response(html, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
});
