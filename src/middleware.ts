import { defineMiddleware } from 'astro:middleware';
import { langFromPath, translatorFor } from './i18n/translate.ts';
import { editorPageFraming, editorPagePolicy, onDemandPagePolicy } from './server/inline-hashes.ts';
import { forbiddenHeaders, securityHeaders } from './server/security-headers.ts';

/**
 * Puts the page's language and t() in locals, and the security headers on every response. An HTML
 * page rendered on demand gets a policy that allows Astro's island scripts by hash (see inline-hashes.ts);
 * the content editor's page also allows an empty style, which its styling library fills, and being
 * framed by its own origin (the translating view). The public listener never serves the editor.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const lang = langFromPath(context.url.pathname);
  context.locals.lang = lang;
  context.locals.t = translatorFor(lang);
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  for (const name of forbiddenHeaders) response.headers.delete(name);
  if (!context.isPrerendered && response.headers.get('content-type')?.startsWith('text/html')) {
    const editorPage = context.url.pathname.startsWith('/keystatic/');
    response.headers.set('Content-Security-Policy', editorPage ? editorPagePolicy : onDemandPagePolicy);
    if (editorPage) response.headers.set('X-Frame-Options', editorPageFraming);
  }
  return response;
});
