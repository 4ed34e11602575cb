import { defineMiddleware } from 'astro:middleware';
import { langFromPath, translatorFor } from './i18n/translate.ts';
import { forbiddenHeaders, securityHeaders } from './server/security-headers.ts';

/** Puts the page's language and t() in locals, and the security headers on every response. */
export const onRequest = defineMiddleware(async (context, next) => {
  const lang = langFromPath(context.url.pathname);
  context.locals.lang = lang;
  context.locals.t = translatorFor(lang);
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  for (const name of forbiddenHeaders) response.headers.delete(name);
  return response;
});
