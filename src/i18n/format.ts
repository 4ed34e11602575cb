import type { LocaleCode } from './locales.ts';

/** A calendar date written the way readers of `lang` expect, in UK time. */
export function formatDate(lang: LocaleCode, date: Date): string {
  // A UK site: English dates are British (25 November 2026), not American.
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}
