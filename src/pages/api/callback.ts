import type { APIRoute } from 'astro';
import { jsonResponse } from '../../callback/responses.ts';
import { serverIntake } from '../../callback/server-intake.ts';
import { defaultLocale, isLocaleCode } from '../../i18n/locales.ts';
import { translatorFor } from '../../i18n/translate.ts';

export const prerender = false;

/** POST /api/callback: the island's JSON requests. Every other method reaches the handler too, which answers 405. */
export const ALL: APIRoute = async ({ request, clientAddress }) => {
  // The island says which language to answer in; the path carries none.
  const asked = request.headers.get('content-language') ?? undefined;
  const lang = isLocaleCode(asked) ? asked : defaultLocale;
  const outcome = await serverIntake.handle({ request, clientAddress, lang, route: '/api/callback' });
  return jsonResponse(outcome, translatorFor(lang));
};
