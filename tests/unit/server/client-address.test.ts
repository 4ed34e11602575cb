import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '../../../src/server/client-address.ts';
import { clientKey } from '../../../src/callback/rate-limit.ts';

describe('clientAddress', () => {
  const proxies = trustedProxies('127.0.0.1,10.0.0.0/8,fd00::/8');

  it('ignores X-Forwarded-For from anyone not named in TRUSTED_PROXIES', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.1', proxies)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', '203.0.113.1', trustedProxies(undefined))).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '203.0.113.1', trustedProxies(undefined))).toBe('127.0.0.1');
  });

  it('takes the right-most hop that is not a trusted proxy, never the client-written left end', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.1, 10.9.9.9', proxies)).toBe('203.0.113.1');
    expect(clientAddress('::ffff:127.0.0.1', '2001:db8::1', proxies)).toBe('2001:db8::1');
    expect(clientAddress('fd12::1', '198.51.100.2', proxies)).toBe('198.51.100.2');
  });

  it('stops at a hop that is not an address, and uses the whole chain when every hop is trusted', () => {
    expect(clientAddress('127.0.0.1', 'not-an-ip', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '10.0.0.5, 10.0.0.6', proxies)).toBe('10.0.0.5');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or a CIDR block', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0/8', 'fd00::/129', '10.0.0.0/x']) {
      expect(() => trustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe('clientKey (rate limit)', () => {
  it('is the /64 for IPv6, in every spelling, and the address for IPv4', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
