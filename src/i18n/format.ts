import type { LocaleCode } from './locales.ts';

/** Readers here live in the UK: English dates are written the British way (25 November 2026). */
const intlLocale = (lang: LocaleCode) => (lang === 'en' ? 'en-GB' : lang);

/** A calendar date written the way readers of `lang` expect, in UK time. */
export function formatDate(lang: LocaleCode, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}
