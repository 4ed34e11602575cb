import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/queue/staff-types.ts';
import { sealedFrom } from '../../../src/staff/case-api.ts';
import { staffConfig } from '../../../src/staff/config.ts';
import { isSameOrigin, sessionCookie, sessionToken } from '../../../src/staff/http.ts';
import { allowed, isStaffPath, matchApi, staffApiRoutes, staffPages } from '../../../src/staff/routes.ts';

const member = (roles: StaffMember['roles']): StaffMember => ({ id: 'x', name: 'Sam', roles, userHandle: 'h', createdAt: new Date(), passkeys: 1 });
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('staff config', () => {
  it('defaults to 127.0.0.1:4322 and http://localhost:4322, and STAFF_PORT=off turns it off', () => {
    expect(staffConfig({})).toEqual({ port: 4322, host: '127.0.0.1', origin: 'http://localhost:4322', rpID: 'localhost', secure: false });
    expect(staffConfig({ STAFF_PORT: 'off' })).toBeNull();
    expect(staffConfig({ STAFF_URL: 'https://staff.example.org', STAFF_PORT: '8443' })).toMatchObject({ port: 8443, rpID: 'staff.example.org', secure: true });
  });
  it('refuses an IP address as the relying party, and a port that is not one', () => {
    expect(() => staffConfig({ STAFF_URL: 'http://127.0.0.1:4322' })).toThrow(/host name/);
    expect(() => staffConfig({ STAFF_URL: 'http://[::1]:4322' })).toThrow(/host name/);
    expect(() => staffConfig({ STAFF_PORT: 'abc' })).toThrow(/STAFF_PORT/);
  });
});

describe('session cookie', () => {
  const http = staffConfig({})!;
  const https = staffConfig({ STAFF_URL: 'https://staff.example.org' })!;
  it('is HttpOnly and SameSite=Strict, __Host- prefixed and Secure over HTTPS, with no lifetime of its own', () => {
    expect(sessionCookie(http, 'tok')).toBe('staff-session=tok; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie(https, 'tok')).toBe('__Host-staff-session=tok; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(sessionCookie(https)).toContain('Max-Age=0');
  });
  it('is read back from the Cookie header by its own name only', () => {
    expect(sessionToken(request({ cookie: 'a=1; staff-session=abc' }), http)).toBe('abc');
    expect(sessionToken(request({ cookie: 'staff-session=abc' }), https)).toBeUndefined();
  });
});

describe('cross-site check', () => {
  const config = staffConfig({})!;
  it('accepts same-origin fetches, and without Sec-Fetch-Site only the staff origin', () => {
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-origin' }), config)).toBe(true);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-site' }), config)).toBe(false);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:4322' }), config)).toBe(false);
    expect(isSameOrigin(request({ origin: 'http://localhost:4322' }), config)).toBe(true);
    expect(isSameOrigin(request({ origin: 'null' }), config)).toBe(false);
    expect(isSameOrigin(request({}), config)).toBe(false);
  });
});

describe('routes and roles', () => {
  it('gives a publisher no page or API that touches requests', () => {
    const publisher = member(['publisher']);
    const caseRoutes = [...staffApiRoutes.filter((r) => r.path.includes('requests') || r.path.includes('unlock') || r.path.includes('recipients')), ...staffPages.filter((p) => p.path === '/staff/console/')];
    expect(caseRoutes.length).toBeGreaterThan(5);
    for (const route of caseRoutes) expect(allowed(route.access, publisher), route.path).toBe(false);
    for (const route of caseRoutes) expect(allowed(route.access, member(['case', 'publisher'])), route.path).toBe(true);
  });
  it('lets nobody without a session past anything but the sign-in and enrolment steps', () => {
    for (const route of [...staffApiRoutes, ...staffPages]) {
      const open = route.path.startsWith('/staff/api/enrol/') || route.path.startsWith('/staff/api/sign-in/') || route.path === '/staff/sign-in/' || route.path === '/staff/enrol/';
      expect(allowed(route.access, undefined), route.path).toBe(open);
    }
  });
  it('matches API paths with their parameters and method', () => {
    expect(matchApi('POST', '/staff/api/requests/abc/claim')).toMatchObject({ params: { id: 'abc', action: 'claim' } });
    expect(matchApi('GET', '/staff/api/requests/abc/claim')).toBeUndefined();
    expect(matchApi('GET', '/staff/api/requests//')).toBeUndefined();
    expect(matchApi('GET', '/staff/api/nothing')).toBeUndefined();
  });
  it('knows every staff path, and nothing else, as staff', () => {
    expect(isStaffPath('/staff')).toBe(true);
    expect(isStaffPath('/staff/console/')).toBe(true);
    expect(isStaffPath('/staffing/')).toBe(false);
    expect(isStaffPath('/en/')).toBe(false);
  });
});

describe('sealed input', () => {
  it('takes only age files, so no plaintext note can be stored through the console API', () => {
    const age = Buffer.from('age-encryption.org/v1\n-> X25519 abc\n').toString('base64');
    expect(sealedFrom(age)).toBeInstanceOf(Uint8Array);
    expect(sealedFrom(Buffer.from('Rang twice, no answer').toString('base64'))).toBeUndefined();
    expect(sealedFrom('Rang twice, no answer')).toBeUndefined();
    expect(sealedFrom(42)).toBeUndefined();
  });
});
