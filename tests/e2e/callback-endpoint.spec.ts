/**
 * POST /api/callback on the real server, where Node's http module answers it ahead of Astro
 * (src/server/callback-endpoint.ts): every status in the order of checks, the headers every
 * response carries, and a log line with nothing from the request in it. Runs once, in the desktop project.
 */
import { expect, test } from '@playwright/test';
import http from 'node:http';
import net from 'node:net';
import { offeredSafeTimes, unofferedSafeTimes, validRequest } from '../fixtures/callback-requests.ts';
import { openRequest, queuedDueBy } from './callback-queue.ts';
import { startServer, type RunningServer } from './server-process.ts';

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'server process tests run once'));
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: RunningServer;
test.beforeAll(async ({}, testInfo) => {
  // Starting the server takes a while on a busy machine.
  test.setTimeout(120_000);
  if (testInfo.project.name === 'desktop') server = await startServer(4416);
});
test.afterAll(async () => {
  await server?.stop();
});

const json = { 'content-type': 'application/json' };
const post = (body: string, headers: Record<string, string> = json, path = '/api/callback') => fetch(`${server.url}${path}`, { method: 'POST', headers, body });

/** A POST whose body is sent in chunks with no Content-Length, as a client that does not say its size. */
function postChunked(bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}/api/callback`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    for (let sent = 0; sent < bytes; sent += 1024) request.write('x'.repeat(1024));
    request.end();
  });
}

test('201 with a reference, and the same reference again for the same submission', async () => {
  const body = JSON.stringify(validRequest({ askFor: 'Canary Endpoint' }));
  const first = await post(body);
  expect(first.status).toBe(201);
  const { reference, dueBy } = await first.json();
  expect(reference).toMatch(/^CB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  expect(new Date(dueBy).getTime()).toBeGreaterThan(Date.now());
  const again = await post(body);
  expect(again.status).toBe(201);
  expect((await again.json()).reference).toBe(reference);
  // The documented address has no trailing slash; the other spelling reaches the same endpoint.
  expect((await post(JSON.stringify(validRequest()), json, '/api/callback/')).status).toBe(201);
});

test('409 in the reader\'s language when the same token comes back with different details; nothing new stored', async () => {
  const body = validRequest({ askFor: 'Canary Retry' });
  const first = await (await post(JSON.stringify(body))).json();
  const edited = await post(JSON.stringify({ ...body, phone: '07700 900456' }), { ...json, 'content-language': 'pl' });
  expect(edited.status).toBe(409);
  const answer = await edited.json();
  expect(answer).not.toHaveProperty('reference');
  expect(answer.error).toContain('Poproś o telefon');
  // The identical request, even spelt differently, still gets the first reference.
  const again = await post(JSON.stringify({ ...body, phone: '+447700900123' }));
  expect(again.status).toBe(201);
  expect((await again.json()).reference).toBe(first.reference);
});

test('400 for safe times it would not offer now, with the field named; none of them stored', async () => {
  const cases: [string, string][] = [
    [unofferedSafeTimes.garbage, 'Choose at least one safe time'],
    [unofferedSafeTimes.sundayNight, 'Choose at least one safe time'],
    [unofferedSafeTimes.tooFarAhead, 'Choose at least one safe time'],
    [unofferedSafeTimes.past, 'A time you chose has passed or is now less than an hour away. Choose a later time'],
  ];
  for (const [value, message] of cases) {
    const response = await post(JSON.stringify(validRequest({ safeTime: [offeredSafeTimes().at(-1), value] })));
    expect(response.status, value).toBe(400);
    expect(await response.json(), value).toEqual({ errors: { safeTime: message } });
  }
});

test('50 copies of one window are stored once; the due-by the team sees is the one answered, worked out from the windows', async () => {
  const offered = offeredSafeTimes();
  const response = await post(JSON.stringify(validRequest({ safeTime: [...Array(49).fill(offered.at(-1)), offered.at(-2)] })));
  expect(response.status).toBe(201);
  const { reference, dueBy } = await response.json();
  expect(openRequest(reference, server.dataDir).safeTime).toEqual(offered.slice(-2));
  // Both windows are days beyond a one-working-day promise: due by the end of the earlier one.
  const [, end] = /T\d{2}:\d{2}-(\d{2}:\d{2})$/.exec(offered.at(-2)!)!;
  const shownEnd = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date(dueBy));
  expect(shownEnd).toBe(end);
  expect(queuedDueBy(reference, server.dataDir).toISOString()).toBe(dueBy);
});

test('every answer carries the security headers and no cookie', async () => {
  const response = await post(JSON.stringify(validRequest()));
  expect(response.headers.get('cache-control')).toContain('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
});

test('405 with Allow for anything but POST', async () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const response = await fetch(`${server.url}/api/callback`, { method });
    expect(response.status, method).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  }
});

test('403 for a cross-site request, told by Sec-Fetch-Site or by Origin', async () => {
  const body = JSON.stringify(validRequest());
  expect((await post(body, { ...json, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  expect((await post(body, { ...json, origin: 'https://evil.example' })).status).toBe(403);
  expect((await post(body, { ...json, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
});

test('415 for a body that is neither JSON nor a form', async () => {
  expect((await post(JSON.stringify(validRequest()), { 'content-type': 'text/plain' })).status).toBe(415);
});

test('413 for a body over 16 KiB, whether Content-Length says so or not', async () => {
  expect((await post(JSON.stringify(validRequest({ message: 'x'.repeat(17_000) })))).status).toBe(413);
  expect(await postChunked(20 * 1024)).toBe(413);
});

/** One raw HTTP/1.1 exchange, for what fetch hides: the status line and the Host header. */
function rawRequest(path: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; statusText: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode!, statusText: response.statusMessage!, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

test('a single-value field sent twice is refused, with the real status text, on the form and the endpoint', async () => {
  const form = `phone=07700+900123&method=call&safeTime=${encodeURIComponent(offeredSafeTimes().at(-1)!)}&voicemail=no&sayWhoWeAre=no&consent=yes&consent=no&submissionToken=abcdefghijklmnopqrst`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
  const page = await rawRequest('/en/callback/', { method: 'POST', headers, body: form });
  expect([page.status, page.statusText]).toEqual([400, 'Bad Request']);
  expect(page.body).toContain('id="callback-consent-error"');
  const api = await rawRequest('/api/callback', { method: 'POST', headers, body: form });
  expect([api.status, api.statusText]).toEqual([400, 'Bad Request']);
  const wrongType = await rawRequest('/en/callback/', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'x' });
  expect([wrongType.status, wrongType.statusText]).toEqual([415, 'Unsupported Media Type']);
});

test('415 for a charset other than UTF-8, and for bytes that are not UTF-8', async () => {
  expect((await post(JSON.stringify(validRequest()), { 'content-type': 'application/json; charset=iso-8859-1' })).status).toBe(415);
  const latin1 = Buffer.from(JSON.stringify(validRequest({ askFor: 'Renée' })), 'latin1');
  expect((await fetch(`${server.url}/api/callback`, { method: 'POST', headers: json, body: latin1 })).status).toBe(415);
});

test('421 for a Host that is not this site, on pages and the endpoint alike (DNS rebinding)', async () => {
  for (const path of ['/en/', '/en/callback/', '/api/callback', '/_astro/nothing.js']) {
    const answer = await rawRequest(path, { headers: { host: 'rebind.attacker.example' } });
    expect(answer.status, path).toBe(421);
  }
  const post = await rawRequest('/api/callback', { method: 'POST', headers: { ...json, host: 'rebind.attacker.example:4416' }, body: JSON.stringify(validRequest()) });
  expect(post.status).toBe(421);
  expect((await rawRequest('/en/', { headers: { host: 'localhost:4416' } })).status).toBe(200);
});

/**
 * Opens a raw connection, sends `head`, then (with `stream`) writes body bytes as fast as the
 * connection takes them; resolves when the server closes it, or after `giveUpMs`.
 */
function untilClosed(head: string, stream: boolean, giveUpMs: number): Promise<{ closedAfterMs: number | null; bytesSent: number; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    let bytesSent = 0;
    let answer = '';
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ closedAfterMs: closed ? Date.now() - started : null, bytesSent, answer });
    };
    const timer = setTimeout(() => finish(false), giveUpMs);
    const pump = () => {
      while (!done && stream) {
        bytesSent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

test('a client streaming a huge body gets its 413 and is cut off at once, not drained', async () => {
  const head = 'POST /api/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' + `${(1 << 30).toString(16)}\r\n`;
  const chunked = await untilClosed(head, true, 15_000);
  console.log(`streamed body: closed after ${chunked.closedAfterMs} ms, ${(chunked.bytesSent / 1e6).toFixed(1)} MB written by the client`);
  // What matters is that the server stops reading at once. The 413 usually reaches the client first,
  // but a client still writing may see the close before it can read the answer (a TCP reset).
  if (chunked.answer !== '') expect(chunked.answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(chunked.closedAfterMs).not.toBeNull();
  expect(chunked.closedAfterMs!).toBeLessThan(5_000);
  const declared = await untilClosed('POST /api/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 32212254720\r\n\r\n', true, 15_000);
  expect(declared.answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(declared.closedAfterMs!).toBeLessThan(5_000);
});

test('a client that sends its headers too slowly is disconnected within the header timeout', async () => {
  const slow = await untilClosed('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', false, 30_000);
  console.log(`slow headers: closed after ${slow.closedAfterMs} ms`);
  expect(slow.closedAfterMs).not.toBeNull();
  // 10 s header timeout, checked every second; Node's default was 60 s.
  expect(slow.closedAfterMs!).toBeLessThan(15_000);
  expect(slow.closedAfterMs!).toBeGreaterThan(9_000);
});

test('400 names each bad field, in the language the island asks for', async () => {
  const response = await post(JSON.stringify(validRequest({ phone: '07700 900', consent: 'no' })), { ...json, 'content-language': 'pl' });
  expect(response.status).toBe(400);
  const { errors } = await response.json();
  expect(Object.keys(errors).sort()).toEqual(['consent', 'phone']);
  // Polish text, not the English message or a key.
  expect(errors.phone).not.toMatch(/phone number|callbackForm\./i);
  expect(errors.phone.length).toBeGreaterThan(5);
  const english = await (await post(JSON.stringify(validRequest({ phone: '07700 900' })))).json();
  expect(errors.phone).not.toBe(english.errors.phone);
});

test('429 with Retry-After once one client passes its limit', async () => {
  let last: Response | undefined;
  for (let i = 0; i < 25; i += 1) {
    last = await post(JSON.stringify(validRequest()));
    if (last.status === 429) break;
  }
  expect(last!.status).toBe(429);
  expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await last!.json()).error).toBeTruthy();
});

test('the log has one line per request with nothing from the request in it', async () => {
  await post(JSON.stringify(validRequest()), json, '/api/callback?phone=07700900456');
  const lines = server.output().split('\n').filter((line) => line.includes('"route":"/api/callback"'));
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) {
    expect(Object.keys(JSON.parse(line)).every((key) => ['time', 'route', 'status', 'durationMs', 'reference', 'errorClass'].includes(key))).toBe(true);
  }
  expect(server.output()).not.toMatch(/07700|Canary|900456|askFor/);
});
