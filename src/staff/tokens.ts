/**
 * Secrets the staff side hands out (enrolment links, session cookies) are random and stored only as
 * a SHA-256 hash, so a copy of the database lets nobody enrol or sign in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token, URL-safe (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The hash under which a token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An enrolment link is good for one passkey within 24 hours. */
export const enrolmentValidityMs = 24 * 3_600_000;

/** Where the staff listener is reached: STAFF_URL, by default http://localhost:4322. */
export function staffUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.STAFF_URL?.trim() || 'http://localhost:4322');
}

/**
 * The enrolment address. The token rides in the fragment, which browsers never send to a server,
 * so it cannot end up in a proxy's or the server's logs; the enrolment page posts it.
 */
export function enrolmentAddress(token: string, env: NodeJS.ProcessEnv = process.env): string {
  return new URL(`/staff/enrol/#${token}`, staffUrl(env)).href;
}
