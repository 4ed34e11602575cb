/**
 * Small helpers for the staff listener's own JSON answers: the security headers on every one, a
 * size-capped JSON body reader, the session cookie, and the cross-site check for state changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../server/security-headers.ts';
import type { StaffConfig } from './config.ts';

/** Answers with JSON and the site's security headers (plus any extra, such as Set-Cookie). */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

/** A plain answer with no body, for redirects and refusals of pages. */
export function sendEmpty(res: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Length': 0, ...extra });
  res.end();
}

/** Thrown when a body is too large or not JSON; the listener answers 400 or 413. */
export class BodyError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(status === 413 ? 'too large' : 'bad request');
    this.status = status;
  }
}

/** Reads a JSON object body of at most `limit` bytes. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  if (!req.headers['content-type']?.startsWith('application/json')) throw new BodyError(415);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413);
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the refusal below
  }
  throw new BodyError(400);
}

/** The session cookie's name: `__Host-` prefixed over HTTPS, which pins it to this host and path "/". */
export function cookieName(config: StaffConfig): string {
  return config.secure ? '__Host-staff-session' : 'staff-session';
}

/** The session token from the request's cookie, if any. */
export function sessionToken(req: IncomingMessage, config: StaffConfig): string | undefined {
  const name = cookieName(config);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

/** Set-Cookie for a new session (no Max-Age: the server ends it) or, with no token, one that deletes it. */
export function sessionCookie(config: StaffConfig, token?: string): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(config.secure ? ['Secure'] : [])];
  return token ? [`${cookieName(config)}=${token}`, ...attributes].join('; ') : [`${cookieName(config)}=`, ...attributes, 'Max-Age=0'].join('; ');
}

/**
 * Whether a state-changing request comes from the staff pages themselves: Sec-Fetch-Site says
 * same-origin, or, from a browser that sends no Sec-Fetch-Site, Origin is the staff origin.
 */
export function isSameOrigin(req: IncomingMessage, config: StaffConfig): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  return req.headers.origin === config.origin;
}
