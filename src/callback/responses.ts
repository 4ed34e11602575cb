/**
 * Turns an intake outcome (a callback request's or a feedback's) into its answer: the translated
 * notice, the extra headers, and the JSON body, messages in the reader's language.
 */
import { emergencyNumbers } from '../content/emergency-numbers.ts';
import type { FeedbackOutcome } from '../feedback/intake.ts';
import type { UiKey } from '../i18n/schema.ts';
import type { Translate } from '../i18n/translate.ts';
import type { IntakeOutcome } from './intake.ts';

/** The notices that name what was being sent: "your request" or "your answers". */
export interface NoticeKeys {
  unavailable: UiKey;
  refused: UiKey;
}

/** The callback form's notices. */
export const callbackNotices: NoticeKeys = { unavailable: 'callbackForm.unavailable', refused: 'callbackForm.refused' };
/** The feedback form's notices. */
export const feedbackNotices: NoticeKeys = { unavailable: 'feedbackForm.unavailable', refused: 'feedbackForm.refused' };

/** Either intake's outcome. */
export type AnyOutcome = IntakeOutcome | FeedbackOutcome;

/** The translated notice for an outcome that is not about one field, or undefined. */
export function noticeFor(outcome: AnyOutcome, t: Translate, keys: NoticeKeys = callbackNotices): string | undefined {
  switch (outcome.status) {
    case 201:
    case 400:
      return undefined;
    case 429:
      return t('callbackForm.rateLimited', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
    case 503:
      return t(keys.unavailable, { number: emergencyNumbers.nationalHelpline });
    case 409:
      return t('callbackForm.changedAfterSending');
    default:
      return t(keys.refused);
  }
}

/** Headers an outcome needs besides the body: Allow for 405, Retry-After for 429. */
export function outcomeHeaders(outcome: AnyOutcome): Record<string, string> {
  if (outcome.status === 405) return { Allow: 'POST' };
  if (outcome.status === 429) return { 'Retry-After': String(outcome.retryAfterSeconds) };
  return {};
}

/**
 * The JSON answer: 201 { reference, dueBy } for a callback request ({} for feedback), 400 { errors },
 * otherwise { error } (503 adds the helplines).
 */
export function jsonAnswer(outcome: AnyOutcome, t: Translate, keys: NoticeKeys = callbackNotices): { status: number; headers: Record<string, string>; body: string } {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', ...outcomeHeaders(outcome) };
  let body: unknown;
  if (outcome.status === 201) body = 'reference' in outcome ? { reference: outcome.reference, dueBy: outcome.dueBy.toISOString() } : {};
  else if (outcome.status === 400) body = { errors: Object.fromEntries(Object.entries(outcome.errors).map(([field, key]) => [field, t(key)])) };
  else if (outcome.status === 503) body = { error: noticeFor(outcome, t, keys), helplines: { emergency: emergencyNumbers.emergency, nationalHelpline: emergencyNumbers.nationalHelpline } };
  else body = { error: noticeFor(outcome, t, keys) };
  return { status: outcome.status, headers, body: JSON.stringify(body) };
}
