import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../../src/server/host-check.ts';

describe('isAllowedHost', () => {
  const site = 'https://help.example.org';

  it('with SITE_URL, answers its host and loopback names from the machine itself, nothing else', () => {
    expect(isAllowedHost('help.example.org', '10.0.0.2', site)).toBe(true);
    expect(isAllowedHost('HELP.example.org:443', '10.0.0.2', site)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4321', '127.0.0.1', site)).toBe(true);
    expect(isAllowedHost('localhost:4321', '::1', site)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4321', '203.0.113.9', site)).toBe(false);
    expect(isAllowedHost('attacker.example', '127.0.0.1', site)).toBe(false);
    expect(isAllowedHost('help.example.org.attacker.example', '10.0.0.2', site)).toBe(false);
  });

  it('without SITE_URL, answers loopback names only', () => {
    for (const host of ['localhost:4321', '127.0.0.1:4321', '[::1]:4321', '127.0.0.1']) expect(isAllowedHost(host, '127.0.0.1', undefined), host).toBe(true);
    for (const host of ['rebind.attacker.example:4321', '192.168.1.5:4321', 'help.example.org']) expect(isAllowedHost(host, '127.0.0.1', undefined), host).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    expect(isAllowedHost(undefined, '127.0.0.1', undefined)).toBe(false);
    expect(isAllowedHost('', '127.0.0.1', site)).toBe(false);
    expect(isAllowedHost('a b', '127.0.0.1', site)).toBe(false);
  });
});
