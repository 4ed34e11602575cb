/**
 * Which Host headers the server answers (against DNS rebinding: a page on another site whose name
 * is made to resolve to this server must not be able to read it or post to it). With SITE_URL set,
 * only its host name, plus loopback names for health checks made from the machine itself; without
 * it, loopback names only.
 */
import { isIP } from 'node:net';

/** The host name of a Host header, lower-case, without port or IPv6 brackets; undefined when malformed. */
function hostName(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
}

/** True for localhost, 127.0.0.0/8 and ::1 (an IPv4-mapped loopback address included). */
export function isLoopback(name: string): boolean {
  const plain = name.replace(/^::ffff:/i, '');
  return plain === 'localhost' || plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/** Whether to answer a request with this Host header, arriving from `remoteAddress`. */
export function isAllowedHost(host: string | undefined, remoteAddress: string | undefined, siteUrl: string | undefined): boolean {
  const name = host ? hostName(host) : undefined;
  if (!name) return false;
  if (isLoopback(name)) return siteUrl === undefined || isLoopback(remoteAddress ?? '');
  return siteUrl !== undefined && name === new URL(siteUrl).hostname.toLowerCase();
}
