/**
 * A fixed-window rate limit per client, held in memory only and keyed by an HMAC of the client
 * (under a key made at start-up, so the map never holds an address, and the key dies with the
 * process). A client is one IPv4 address or one IPv6 /64, the block a single home or phone is given.
 *
 * There is deliberately no global cap: any count shared by everyone is a budget one actor with a
 * few dozen addresses can spend, locking every survivor out until the window ends. The intake
 * counts only requests that passed every check, so junk costs nobody else anything.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

export interface RateLimitOptions {
  /** Requests per client per window. */
  perClient: number;
  windowMs: number;
}

/** A decision: allowed, or refused with the seconds until the window resets. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Who a request counts against: an IPv4 address as it is (an IPv4-mapped IPv6 address as IPv4),
 * an IPv6 address as its /64 prefix, anything else as given.
 */
export function clientKey(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part is two groups; it is past the /64 either way.
  const groups = [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => (g.replace(/^0+/, '') || '0'))
    .join(':')}::/64`;
}

/** A limiter; `check(address)` counts one request. */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now) {
  const key = randomBytes(32);
  let windowStart = now();
  let clients = new Map<string, number>();

  return {
    /** Counts a request from `address` and says whether it may go ahead. */
    check(address: string): RateDecision {
      const t = now();
      if (t - windowStart >= options.windowMs) {
        windowStart = t;
        clients = new Map();
      }
      const client = createHmac('sha256', key).update(clientKey(address)).digest('base64url');
      const count = (clients.get(client) ?? 0) + 1;
      if (count > options.perClient) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + options.windowMs - t) / 1000)) };
      }
      clients.set(client, count);
      return { allowed: true };
    },
  };
}
