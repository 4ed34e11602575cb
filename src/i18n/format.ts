import type { LocaleCode } from './locales.ts';

/** Readers here live in the UK: English dates are written the British way (25 November 2026). */
const intlLocale = (lang: LocaleCode) => (lang === 'en' ? 'en-GB' : lang);

/** A calendar date written the way readers of `lang` expect, in UK time. */
export function formatDate(lang: LocaleCode, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}

/** A span of calendar days ("YYYY-MM-DD", both included) written the way readers of `lang` expect. */
export function formatDateRange(lang: LocaleCode, start: string, end: string): string {
  // Midday UTC is the same calendar day in the UK in winter and summer.
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).formatRange(day(start), day(end));
}
