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

// Panjabi, Urdu, Bengali and Gujarati get the English "AM"/"PM" as day periods: English on the
// page, and in right-to-left Urdu drawn before the time ("AM 11:00"). Every other language than
// English gets the 24-hour clock, which has no day period and is how UK services write times.
const clockFor = (lang: LocaleCode) => (lang === 'en' ? {} : { hourCycle: 'h23' as const });

/** First-strong isolate … pop: the run inside is laid out as one piece, whatever text surrounds it. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * A time range such as "09:00–11:00" (or "9:00 am – 11:00 am"), in the reader's language, UK time.
 * In right-to-left languages each end is written in full and isolated, so the first time is drawn
 * at the right, where a right-to-left reader starts, and neither end can be pulled apart.
 */
export function formatTimeRange(lang: LocaleCode, start: Date, end: Date): string {
  const time = new Intl.DateTimeFormat(intlLocale(lang), { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London', ...clockFor(lang) });
  if (localeFor(lang).dir === 'ltr') return time.formatRange(start, end);
  return `${isolate(time.format(start))} – ${isolate(time.format(end))}`;
}

/** A time of day such as "11:00" (or "11:00 am"), in the reader's language, UK time. */
export function formatTime(lang: LocaleCode, at: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London', ...clockFor(lang) }).format(at);
}

/** A span of calendar days ("YYYY-MM-DD", both included) written the way readers of `lang` expect. */
export function formatDateRange(lang: LocaleCode, start: string, end: string): string {
  // Midday UTC is the same calendar day in the UK in winter and summer.
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'Europe/London' }).formatRange(day(start), day(end));
}
