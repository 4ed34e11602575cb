/** Turns an intake outcome into the JSON answer of /api/callback, messages in the reader's language. */
import { emergencyNumbers } from '../content/emergency-numbers.ts';
import type { Translate } from '../i18n/translate.ts';
import type { IntakeOutcome } from './intake.ts';

/** The translated notice for an outcome that is not about one field, or undefined. */
export function noticeFor(outcome: IntakeOutcome, t: Translate): string | undefined {
  switch (outcome.status) {
    case 201:
    case 400:
      return undefined;
    case 429:
      return t('callbackForm.rateLimited', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
    case 503:
      return t('callbackForm.unavailable', { number: emergencyNumbers.nationalHelpline });
    case 409:
      return t('callbackForm.changedAfterSending');
    default:
      return t('callbackForm.refused');
  }
}

/** Headers an outcome needs besides the body: Allow for 405, Retry-After for 429. */
export function outcomeHeaders(outcome: IntakeOutcome): Record<string, string> {
  if (outcome.status === 405) return { Allow: 'POST' };
  if (outcome.status === 429) return { 'Retry-After': String(outcome.retryAfterSeconds) };
  return {};
}

/** The JSON answer: 201 { reference, dueBy }, 400 { errors }, otherwise { error } (503 adds the helplines). */
export function jsonAnswer(outcome: IntakeOutcome, t: Translate): { status: number; headers: Record<string, string>; body: string } {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', ...outcomeHeaders(outcome) };
  let body: unknown;
  if (outcome.status === 201) body = { reference: outcome.reference, dueBy: outcome.dueBy.toISOString() };
  else if (outcome.status === 400) body = { errors: Object.fromEntries(Object.entries(outcome.errors).map(([field, key]) => [field, t(key)])) };
  else if (outcome.status === 503) body = { error: noticeFor(outcome, t), helplines: { emergency: emergencyNumbers.emergency, nationalHelpline: emergencyNumbers.nationalHelpline } };
  else body = { error: noticeFor(outcome, t) };
  return { status: outcome.status, headers, body: JSON.stringify(body) };
}
