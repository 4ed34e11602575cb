/**
 * The staff listener's settings, from the environment: STAFF_PORT (4322, or "off"), STAFF_HOST
 * (127.0.0.1) and STAFF_URL (http://localhost:4322), whose host is the passkeys' relying party.
 */
import { staffUrl } from './tokens.ts';

/** Everything the staff side needs to know about where it runs. */
export interface StaffConfig {
  port: number;
  host: string;
  /** The origin browsers send, e.g. "https://staff.example.org". */
  origin: string;
  /** The WebAuthn relying party id: STAFF_URL's host name (never an IP address). */
  rpID: string;
  /** Over HTTPS the session cookie is `__Host-` prefixed and Secure. */
  secure: boolean;
}

/** The staff listener's config, or null when STAFF_PORT=off. Throws a clear message for a bad value. */
export function staffConfig(env: NodeJS.ProcessEnv = process.env): StaffConfig | null {
  const portSetting = env.STAFF_PORT?.trim() || '4322';
  if (portSetting === 'off') return null;
  const port = Number(portSetting);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error('STAFF_PORT must be a port number or "off".');
  const url = staffUrl(env);
  if (/^\d+\.\d+\.\d+\.\d+$|^\[/.test(url.hostname)) {
    throw new Error('STAFF_URL must use a host name (for example http://localhost:4322): passkeys refuse an IP address.');
  }
  return { port, host: env.STAFF_HOST?.trim() || '127.0.0.1', origin: url.origin, rpID: url.hostname, secure: url.protocol === 'https:' };
}
