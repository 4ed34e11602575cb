import type { LocaleCode } from './locales.ts';

/** A calendar date written the way readers of `lang` expect, in UK time. */
export function formatDate(lang: LocaleCode, date: Date): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}
