/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the server keeps only its hash,
 * with the time it started and was last used. Idle 15 minutes or 8 hours in all, and it is over.
 */
import type { IncomingMessage } from 'node:http';
import type { StaffMember, StaffStore } from '../queue/staff-types.ts';
import type { StaffConfig } from './config.ts';
import { sessionToken } from './http.ts';
import { hashToken, newToken } from './tokens.ts';

/** The two limits every session lives within. */
export const sessionLimits = { idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 };

/** Starts a session for `member`; returns the token for the cookie. */
export async function startSession(store: StaffStore, member: StaffMember): Promise<string> {
  const token = newToken();
  await store.createSession(hashToken(token), member.id, new Date());
  return token;
}

/** The signed-in member behind the request's cookie, if the session is still alive (and marks it used). */
export async function currentMember(req: IncomingMessage, config: StaffConfig, store: StaffStore): Promise<StaffMember | undefined> {
  const token = sessionToken(req, config);
  return token ? store.touchSession(hashToken(token), new Date(), sessionLimits) : undefined;
}

/** Ends the request's session, if it has one. */
export async function endSession(req: IncomingMessage, config: StaffConfig, store: StaffStore): Promise<void> {
  const token = sessionToken(req, config);
  if (token) await store.endSession(hashToken(token));
}

/** Where a member starts after signing in: the console for the case team, otherwise the staff home page. */
export function homeFor(member: StaffMember): string {
  return member.roles.includes('case') ? '/staff/console/' : '/staff/home/';
}
