import { localeFor, type LocaleCode } from './locales.ts';

/** Readers here live in the UK: English dates are written the British way (25 November 2026). */
const intlLocale = (lang: LocaleCode) => (lang === 'en' ? 'en-GB' : lang);

/** A calendar date written the way readers of `lang` expect, in UK time. */
export function formatDate(lang: LocaleCode, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).format(date);
}

/** A day heading for safe times, e.g. "Monday 2 November", in the reader's language. */
export function formatDayHeading(lang: LocaleCode, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/London' }).format(date);
}

/** First-strong isolate … pop: the run inside is laid out as one piece, whatever text surrounds it. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * A time range such as "09:00–11:00" (or "9:00 am – 11:00 am"), in the reader's language, UK time.
 * In right-to-left languages each end is written in full and isolated: otherwise Urdu's Latin "AM"
 * and "PM" pull the times apart ("AM – 1:00 PM 11:00"), and a shared "AM" lands beside the wrong time.
 * Isolated, the first time is drawn at the right, where a right-to-left reader starts.
 */
export function formatTimeRange(lang: LocaleCode, start: Date, end: Date): string {
  const time = new Intl.DateTimeFormat(intlLocale(lang), { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' });
  if (localeFor(lang).dir === 'ltr') return time.formatRange(start, end);
  return `${isolate(time.format(start))} – ${isolate(time.format(end))}`;
}

/** A span of calendar days ("YYYY-MM-DD", both included) written the way readers of `lang` expect. */
export function formatDateRange(lang: LocaleCode, start: string, end: string): string {
  // Midday UTC is the same calendar day in the UK in winter and summer.
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).formatRange(day(start), day(end));
}
