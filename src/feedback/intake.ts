/**
 * The handler behind POST /<lang>/feedback/ (the plain form, and the island's JSON to the same
 * address). The same checks as a callback request, in the same order, from the same code
 * (readSubmission in src/callback/intake.ts): method, origin, type, size, UTF-8, then the schema,
 * then the client's rate. Then the answers are sealed to the case team, and stored with their
 * scores as plain counts; nothing is reported as sent unless the queue said so.
 */
import { isoDate, londonDate } from '../callback/london-time.ts';
import { loggedOutcome, openOnFirstUse, readSubmission, type IntakeRequest } from '../callback/intake.ts';
import { errorClassOf } from '../callback/log.ts';
import { createRateLimiter, type RateLimitOptions } from '../callback/rate-limit.ts';
import { firstErrorKeys } from '../callback/schema.ts';
import { seal } from '../callback/seal.ts';
import { withinDeadline } from '../queue/deadline.ts';
import type { CaseQueue } from '../queue/types.ts';
import { feedbackErrorKeys, feedbackFields, feedbackSchema, type FeedbackErrorKey, type FeedbackField } from './schema.ts';

/** What the handler needs from outside; the server builds one with the real queue (server-intake.ts), tests their own. */
export interface FeedbackIntakeDependencies {
  openQueue: () => Promise<CaseQueue>;
  recipients: () => Promise<string[]>;
  /** null turns rate limiting off (CALLBACK_RATE_LIMIT=off, for benchmarks only). */
  rateLimit: RateLimitOptions | null;
  seal?: (recipients: readonly string[], plaintext: string) => Promise<Uint8Array>;
  /** Origins besides the request's own that may post (SITE_URL behind a proxy). */
  extraOrigins?: string[];
  now?: () => Date;
}

/** What happened; the page turns it into a redirect, the re-rendered form or JSON. */
export type FeedbackOutcome =
  | { status: 201 }
  | { status: 400; errors: Partial<Record<FeedbackField, FeedbackErrorKey>>; values: Record<string, unknown> }
  | { status: 403 | 405 | 413 | 415 }
  | { status: 429; retryAfterSeconds: number }
  | { status: 503; values: Record<string, unknown> };

/** Builds the handler. The queue is opened on first use and kept. */
export function createFeedbackIntake(deps: FeedbackIntakeDependencies) {
  const limiter = deps.rateLimit ? createRateLimiter(deps.rateLimit) : null;
  const now = deps.now ?? (() => new Date());
  const sealAnswers = deps.seal ?? seal;
  const queue = openOnFirstUse(deps.openQueue);
  const form = { fields: feedbackFields, multiValueFields: [] };

  async function decide(request: IntakeRequest): Promise<FeedbackOutcome & { errorClass?: string }> {
    const read = await readSubmission(request, form, deps.extraOrigins ?? []);
    if (read.status !== 'read') return read;
    const { values, repeated } = read;
    if (repeated.length > 0) return { status: 400, errors: Object.fromEntries(repeated.map((field) => [field, firstKeyOf(field as FeedbackField)])), values };
    const checked = feedbackSchema.safeParse(values);
    if (!checked.success) {
      return { status: 400, errors: firstErrorKeys(checked.error, feedbackFields, feedbackErrorKeys, { field: 'easeOfAsking', key: 'feedbackForm.errorEase' }), values };
    }
    if (limiter) {
      const decision = limiter.check(request.clientAddress);
      if (!decision.allowed) return { status: 429, retryAfterSeconds: decision.retryAfterSeconds };
    }
    try {
      await withinDeadline(
        (async () => {
          const opened = await queue();
          const receivedOn = isoDate(londonDate(now()));
          const answers = checked.data;
          const sealed = await sealAnswers(await deps.recipients(), JSON.stringify({ kind: 'feedback', lang: request.lang, receivedOn, answers }));
          await opened.recordFeedback({ receivedOn, sealed, scores: { easeOfAsking: answers.easeOfAsking, calledSafely: answers.calledSafely, listenedTo: answers.listenedTo } });
        })(),
      );
      return { status: 201 };
    } catch (error) {
      return { status: 503, values, errorClass: errorClassOf(error) };
    }
  }

  return {
    /** Runs every check in order and, if all pass, seals and stores the feedback. Logs one allow-listed line. */
    handle(input: IntakeRequest): Promise<FeedbackOutcome> {
      return loggedOutcome<FeedbackOutcome>(input.route, () => decide(input));
    },
  };
}

/** The message for a field sent twice (easeOfAsking=1&easeOfAsking=5): the person is asked again. */
function firstKeyOf(field: FeedbackField): FeedbackErrorKey {
  const keys: Record<FeedbackField, FeedbackErrorKey> = {
    easeOfAsking: 'feedbackForm.errorEase',
    calledSafely: 'feedbackForm.errorCalledSafely',
    listenedTo: 'feedbackForm.errorListened',
    comment: 'callbackForm.errorMessageTooLong',
  };
  return keys[field];
}
