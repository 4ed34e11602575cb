/**
 * The rate limit under attack, on the real server: a flood from 32 addresses must not lock out
 * anyone else, and X-Forwarded-For counts only from TRUSTED_PROXIES, right-most untrusted hop
 * first, on both callback routes. Runs once, in the desktop project.
 */
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { offeredSafeTimes, validRequest } from '../fixtures/callback-requests.ts';
import { startServer, type RunningServer } from './server-process.ts';

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'server process tests run once'));
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Posts a body from `localAddress` (any 127.x address reaches the server on loopback); resolves with the status. */
function postFrom(url: string, localAddress: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', localAddress, headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test.describe('a flood from 32 addresses', () => {
  let server: RunningServer;
  test.beforeAll(async ({}, testInfo) => {
    // Starting the server takes a while on a busy machine.
    test.setTimeout(120_000);
    if (testInfo.project.name === 'desktop') server = await startServer(4419);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('real requests from another address still get 201', async () => {
    const attackers = Array.from({ length: 32 }, (_, i) => `127.0.0.${i + 2}`);
    const junk = [JSON.stringify(validRequest({ phone: 'junk' })), '{not json', JSON.stringify(validRequest({ consent: 'no' }))];
    let sent = 0;
    let refused = 0;
    let stop = false;
    // Each attacker sends junk without pause and, every tenth request, a valid one, so it also
    // spends all of its own budget for real requests.
    const flood = attackers.map(async (address) => {
      for (let i = 0; !stop; i += 1) {
        const body = i % 10 === 9 ? JSON.stringify(validRequest()) : junk[i % junk.length]!;
        const status = await postFrom(`${server.url}/api/callback`, address, body);
        sent += 1;
        if (status >= 400) refused += 1;
      }
    });
    // Let the flood pass the old global cap (600) before the real requests start.
    while (sent < 700) await new Promise((r) => setTimeout(r, 50));
    const real: number[] = [];
    for (let i = 0; i < 10; i += 1) real.push(await postFrom(`${server.url}/api/callback`, '127.0.0.1', JSON.stringify(validRequest({ phone: `07700 9005${String(i).padStart(2, '0')}` }))));
    stop = true;
    await Promise.all(flood);
    const accepted = real.filter((s) => s === 201).length;
    console.log(`flood from ${attackers.length} addresses: ${sent} requests sent, ${refused} refused; real requests from another address: ${accepted} of ${real.length} accepted (201)`);
    expect(sent).toBeGreaterThan(700);
    expect(real).toEqual(Array(10).fill(201));
  });
});

test.describe('X-Forwarded-For behind TRUSTED_PROXIES', () => {
  let server: RunningServer;
  test.beforeAll(async ({}, testInfo) => {
    // Starting the server takes a while on a busy machine.
    test.setTimeout(120_000);
    if (testInfo.project.name === 'desktop') server = await startServer(4418, { TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' });
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  const json = (forwardedFor: string) => ({ 'content-type': 'application/json', 'x-forwarded-for': forwardedFor });
  const form = (forwardedFor: string) => ({ 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': forwardedFor });
  const formBody = (token: string) =>
    `phone=07700+900123&method=call&safeTime=${encodeURIComponent(offeredSafeTimes().at(-1)!)}&voicemail=no&sayWhoWeAre=no&consent=yes&submissionToken=${token}`;

  test('from a trusted proxy, each right-most untrusted hop is its own client; a forged left end changes nothing', async () => {
    // 25 people behind the proxy: none is limited by the others (20 each per 10 minutes).
    for (let i = 0; i < 25; i += 1) expect(await postFrom(`${server.url}/api/callback`, '127.0.0.1', JSON.stringify(validRequest()), json(`203.0.113.${i}`))).toBe(201);
    // One person forging a new left-most address each time, through two trusted proxies, on both routes: one budget.
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const forwarded = `198.18.${i}.1, 198.51.100.77, 10.1.1.1`;
      statuses.push(
        i % 2 === 0
          ? await postFrom(`${server.url}/api/callback`, '127.0.0.1', JSON.stringify(validRequest()), json(forwarded))
          : await postFrom(`${server.url}/en/callback/`, '127.0.0.1', formBody(`form-token-${String(i).padStart(12, '0')}`), form(forwarded)),
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 201 || s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  test('from an address that is not a trusted proxy, X-Forwarded-For is ignored, on both routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const forwarded = `203.0.113.${100 + i}`;
      statuses.push(
        i % 2 === 0
          ? await postFrom(`${server.url}/api/callback`, '127.0.0.9', JSON.stringify(validRequest()), json(forwarded))
          : await postFrom(`${server.url}/en/callback/`, '127.0.0.9', formBody(`untrusted-token-${String(i).padStart(8, '0')}`), form(forwarded)),
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 201 || s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
