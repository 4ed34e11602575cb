/**
 * The server's intakes, built from the organisation profile and the environment: one for callback
 * requests (both POST routes use it, so they share one rate limiter) and one for survivors'
 * feedback. Both share one queue connection, one seal pool and the recipients.
 */
import { organisation } from '../content/organisation.ts';
import { createFeedbackIntake } from '../feedback/intake.ts';
import { openQueue } from '../queue/index.ts';
import type { CaseQueue } from '../queue/types.ts';
import { notifyConfig } from '../notify/config.ts';
import { createIntake } from './intake.ts';
import { callbackRecipients } from './recipients.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { createSealPool } from './seal-pool.ts';

let recipients: Promise<string[]> | undefined;

/**
 * The queue, opened as the server starts (with the SQLite writer thread), so the first request
 * does not spend its storage deadline on it. Both intakes get this one; if opening failed, the
 * next request to either opens it again.
 */
let opening: Promise<CaseQueue> | undefined = openQueue(process.env);
opening.catch(() => undefined);

const shared = {
  openQueue: () =>
    (opening ??= openQueue(process.env)).catch((error: unknown) => {
      opening = undefined;
      throw error;
    }),
  recipients: () => (recipients ??= callbackRecipients(process.env)),
  seal: createSealPool(),
  extraOrigins: process.env.SITE_URL ? [new URL(process.env.SITE_URL).origin] : [],
};

// Generous for a person, tight for a script: 20 requests that pass every check, per client, per 10 minutes.
const rateLimit: RateLimitOptions | null = process.env.CALLBACK_RATE_LIMIT === 'off' ? null : { perClient: 20, windowMs: 10 * 60_000 };

/** The intake every callback route calls. */
export const serverIntake = createIntake({
  ...shared,
  firstContactWorkingDays: organisation.promises.firstContactWorkingDays,
  region: organisation.bankHolidayRegion,
  callbackHours: organisation.callbackHours,
  // Checked when the server started (start.ts), so this cannot throw here.
  notificationChannels: notifyConfig(process.env).channels,
  rateLimit,
});

/** The intake of the feedback form; its own rate limiter, so feedback never spends a callback's budget. */
export const serverFeedbackIntake = createFeedbackIntake({ ...shared, rateLimit });
