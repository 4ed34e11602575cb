/**
 * Fixed-window rate limits held in memory only: per client, keyed by an HMAC of the address under
 * a key made at start-up (so the map never holds an address, and the key dies with the process),
 * plus one global cap so a crowd of addresses cannot flood the queue either.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface RateLimitOptions {
  perClient: number;
  global: number;
  windowMs: number;
}

/** A decision: allowed, or refused with the seconds until the window resets. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A limiter; `check(address)` counts one request. */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now) {
  const key = randomBytes(32);
  let windowStart = now();
  let total = 0;
  let clients = new Map<string, number>();

  return {
    /** Counts a request from `address` and says whether it may go ahead. */
    check(address: string): RateDecision {
      const t = now();
      if (t - windowStart >= options.windowMs) {
        windowStart = t;
        total = 0;
        clients = new Map();
      }
      const client = createHmac('sha256', key).update(address).digest('base64url');
      const count = (clients.get(client) ?? 0) + 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + options.windowMs - t) / 1000));
      if (count > options.perClient || total + 1 > options.global) return { allowed: false, retryAfterSeconds };
      clients.set(client, count);
      total += 1;
      return { allowed: true };
    },
  };
}
