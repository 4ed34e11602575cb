import { formatDayHeading, formatTime } from '../../i18n/format.ts';
import type { LocaleCode } from '../../i18n/locales.ts';

/**
 * The confirmation's promise: `template` (callbackSent.body, "… by {{time}} on {{date}}") filled
 * with the due-by the server stored, in UK time, so the survivor reads the moment the team sees.
 */
export function promiseText(template: string, lang: LocaleCode, dueBy: Date): string {
  return template.replace('{{time}}', formatTime(lang, dueBy)).replace('{{date}}', formatDayHeading(lang, dueBy));
}
