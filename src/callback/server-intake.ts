/**
 * The server's one intake, built from the organisation profile and the environment. Both POST
 * routes use it, so they share one queue connection and one rate limiter.
 */
import { organisation } from '../content/organisation.ts';
import { openQueue } from '../queue/index.ts';
import type { CaseQueue } from '../queue/types.ts';
import { notifyConfig } from '../notify/config.ts';
import { createIntake } from './intake.ts';
import { callbackRecipients } from './recipients.ts';
import { createSealPool } from './seal-pool.ts';

let recipients: Promise<string[]> | undefined;

/**
 * The queue, opened as the server starts (with the SQLite writer thread), so the first request
 * does not spend its storage deadline on it. The intake takes this first attempt; if it failed,
 * the intake opens again on a later request.
 */
let opening: Promise<CaseQueue> | undefined = openQueue(process.env);
opening.catch(() => undefined);

/** The intake every callback route calls. */
export const serverIntake = createIntake({
  openQueue: () => {
    const first = opening ?? openQueue(process.env);
    opening = undefined;
    return first;
  },
  recipients: () => (recipients ??= callbackRecipients(process.env)),
  seal: createSealPool(),
  firstContactWorkingDays: organisation.promises.firstContactWorkingDays,
  region: organisation.bankHolidayRegion,
  callbackHours: organisation.callbackHours,
  // Checked when the server started (start.ts), so this cannot throw here.
  notificationChannels: notifyConfig(process.env).channels,
  // Generous for a person, tight for a script: 20 requests that pass every check, per client, per 10 minutes.
  rateLimit: process.env.CALLBACK_RATE_LIMIT === 'off' ? null : { perClient: 20, windowMs: 10 * 60_000 },
  extraOrigins: process.env.SITE_URL ? [new URL(process.env.SITE_URL).origin] : [],
});
