/**
 * Who sent a request, for the rate limit: the connection's own address unless that is a proxy
 * named in TRUSTED_PROXIES, in which case X-Forwarded-For is read from the right, hop by hop,
 * until the first address that is not a trusted proxy (Express's "trust proxy" convention). The
 * left end of the header is whatever the client chose to write, so it is never believed on its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BlockList, isIP } from 'node:net';

/** An IPv4-mapped IPv6 address ("::ffff:127.0.0.1") as plain IPv4; anything else unchanged. */
function unmapped(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * TRUSTED_PROXIES ("127.0.0.1,10.0.0.0/8,fd00::/8") as a block list; throws, naming the entry,
 * on anything that is not an address or a CIDR block, so a typo stops the server rather than
 * silently trusting nobody (or everybody).
 */
export function trustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && prefix === String(bits)))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR block such as 10.0.0.0/8.`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The right-most address that is not a trusted proxy: the socket's, or one from X-Forwarded-For behind trusted proxies. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  let current = unmapped(socketAddress ?? '');
  const hops = (forwardedFor ?? '').split(',').map((hop) => unmapped(hop.trim())).filter(Boolean);
  while (isTrusted(current, trusted) && hops.length > 0) {
    const next = hops.pop()!;
    // A hop that is not an address was written by someone we cannot vouch for: count the request against the proxy that passed it on.
    if (!isIP(next)) break;
    current = next;
  }
  return current;
}

/**
 * The client address of the request being handled, set by src/server/start.ts around Astro's
 * handler (whose standalone entry passes no locals) and read by the form's page. Kept on a global
 * symbol because the page runs from the built bundle and start.ts from src/: two copies of this module.
 */
export const currentClient: AsyncLocalStorage<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('safe-home.current-client')] ??=
  new AsyncLocalStorage<string>()) as AsyncLocalStorage<string>;

/** The server's trusted proxies, from the environment; an empty list (trust no header) when unset. */
export const serverTrustedProxies = trustedProxies(process.env.TRUSTED_PROXIES);
