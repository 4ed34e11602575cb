/**
 * The callback server as a process: it survives SIGKILL without losing an answered request, keeps
 * nothing personal in plaintext on disk or in its logs, and refuses to run in production without
 * the case team's recipients. No browser needed, so these run once, in the desktop project.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { offeredSafeTimes, validRequest } from '../fixtures/callback-requests.ts';
import { queuedReferences } from './callback-queue.ts';
import { runToExit, startServer } from './server-process.ts';

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'server process tests run once'));
test.describe.configure({ timeout: 180_000 });

const post = (url: string, body: Record<string, unknown>) =>
  fetch(`${url}/api/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('SIGKILL during a burst of 200 requests loses no request that was answered 201', async () => {
  const server = await startServer(4411, { CALLBACK_RATE_LIMIT: 'off' });
  const answered: string[] = [];
  let sent = 0;
  let killed = false;
  const worker = async () => {
    while (sent < 200) {
      sent += 1;
      if (sent === 90 && !killed) {
        killed = true;
        server.process.kill('SIGKILL');
      }
      try {
        const response = await post(server.url, validRequest());
        if (response.status === 201) answered.push(((await response.json()) as { reference: string }).reference);
      } catch {
        // Refused or cut off by the kill: no answer, so no promise was made.
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  await server.stop();
  expect(killed).toBe(true);
  expect(answered.length).toBeGreaterThan(20);

  const restarted = await startServer(4412, { CALLBACK_RATE_LIMIT: 'off' }, server.dataDir);
  try {
    const stored = new Set(queuedReferences(server.dataDir));
    expect(answered.filter((r) => !stored.has(r))).toEqual([]);
    expect((await post(restarted.url, validRequest())).status).toBe(201);
  } finally {
    await restarted.stop();
  }
});

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a canary phone number, name and message appear nowhere in plaintext on disk or in the logs', async () => {
  const server = await startServer(4413);
  const canary = { phone: '07700 900999', askFor: 'Quillon Zephyrine', message: 'canary message seventeen lanterns', safeWord: 'marmalade-kestrel' };
  try {
    expect((await post(server.url, validRequest(canary))).status).toBe(201);
    const form = new URLSearchParams({ ...(validRequest(canary) as Record<string, string>), safeTime: offeredSafeTimes().at(-1)! });
    const formResponse = await fetch(`${server.url}/en/callback/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(formResponse.status).toBe(303);
    // A refused request is logged too: its body must not be.
    expect((await post(server.url, { ...canary, phone: `${canary.phone}x` })).status).toBe(400);
    const files = filesUnder(server.dataDir);
    expect(files.some((f) => f.endsWith('queue.db-wal'))).toBe(true);
    const needles = ['07700900999', '7700900999', '07700 900999', canary.askFor, canary.message, canary.safeWord];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${file}`).toBe(false);
      }
    }
    const logs = server.output();
    expect(logs).toContain('"status":201');
    for (const needle of needles) expect(logs).not.toContain(needle);
    for (const line of logs.split('\n').filter((l) => l.startsWith('{'))) {
      expect(Object.keys(JSON.parse(line)).every((k) => ['time', 'route', 'status', 'durationMs', 'reference', 'errorClass'].includes(k))).toBe(true);
    }
  } finally {
    await server.stop();
  }
});

test('every file the server writes is 0600 in a 0700 folder; a queue deleted under it is noticed, and it carries on without a restart', async () => {
  const server = await startServer(4417);
  // The command line between requests can outlast the server's keep-alive, and fetch then reuses a
  // socket the server just closed: send the same request again (same token, so never a second case).
  const postAgainIfCut = async (url: string, body: Record<string, unknown>) => {
    try {
      return await post(url, body);
    } catch {
      return post(url, body);
    }
  };
  const modes = () => Object.fromEntries([server.dataDir, ...filesUnder(server.dataDir)].map((f) => [f, (statSync(f).mode & 0o777).toString(8)]));
  try {
    const first = (await (await postAgainIfCut(server.url, validRequest())).json()) as { reference: string };
    expect(Object.values(modes()).sort()).toEqual(['600', '600', '600', '600', '700']);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(server.dataDir, `queue.db${suffix}`));
    const response = await postAgainIfCut(server.url, validRequest());
    // Stored in the file now at the path, or refused: never "sent" into the deleted file.
    if (response.status === 201) {
      const { reference } = (await response.json()) as { reference: string };
      expect(queuedReferences(server.dataDir)).toEqual([reference]);
    } else {
      expect(response.status).toBe(503);
    }
    const later = (await (await postAgainIfCut(server.url, validRequest())).json()) as { reference: string };
    expect(queuedReferences(server.dataDir)).toContain(later.reference);
    expect(queuedReferences(server.dataDir)).not.toContain(first.reference);
    expect(Object.values(modes()).every((m) => m === '600' || m === '700')).toBe(true);
  } finally {
    await server.stop();
  }
});

test('in production the server will not start without CALLBACK_RECIPIENTS', async () => {
  const { code, output } = await runToExit(['src/server/start.ts'], { NODE_ENV: 'production', CALLBACK_RECIPIENTS: '', PORT: '4414', DATA_DIR: '/tmp/never-created-callback-data' });
  expect(code).not.toBe(0);
  expect(output).toContain('CALLBACK_RECIPIENTS is not set');
});

test('in development it creates one private identity, once, and warns loudly', async () => {
  const first = await startServer(4415);
  await first.stop();
  const path = join(first.dataDir, 'identity.txt');
  const created = readFileSync(path, 'utf8');
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(first.output()).toContain('WARNING: CALLBACK_RECIPIENTS is not set');
  const second = await startServer(4415, {}, first.dataDir);
  await second.stop();
  expect(readFileSync(path, 'utf8')).toBe(created);
});

test('the build output holds no age secret key', () => {
  const dist = new URL('../../dist', import.meta.url).pathname;
  const files = filesUnder(dist);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    // The age library names the prefix in its parser; a key is the prefix plus 58 bech32 characters.
    expect(/AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}/.test(text), file).toBe(false);
    expect(file.endsWith('identity.txt'), file).toBe(false);
  }
});
