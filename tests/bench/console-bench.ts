/**
 * `npm run bench:console`: seeds 10,000 sealed requests, then times the case team's console on the
 * staff listener in headless Chromium (virtual passkey authenticator): showing the queue, and
 * opening one request (the server's answer, and the whole open with decryption in the browser),
 * beside `npm run queue -- list` on the same data in the same run. Prints medians of 5 runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { callbackSchema } from '../../src/callback/schema.ts';
import { newIdentity, seal } from '../../src/callback/seal.ts';
import { newReference } from '../../src/callback/reference.ts';
import { openSqliteQueue } from '../../src/queue/sqlite.ts';
import { validRequest } from '../fixtures/callback-requests.ts';
import { chromiumArgs, executablePath } from '../playwright.config.ts';

const count = Number(process.env.BENCH_REQUESTS ?? 10_000);
const runs = 5;
const publicPort = 4441;
const staffPort = 4442;
const staffOrigin = `http://localhost:${staffPort}`;
const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

// The team's key, in a file as a coordinator keeps it; the server gets only the public half.
const { identity, recipient } = await newIdentity();
const identityFile = join(dataDir, 'case-team.key');
writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });

console.log(`Seeding ${count} sealed requests…`);
const queue = openSqliteQueue(join(dataDir, 'queue.db'));
const start = Date.now() - count * 60_000;
for (let batch = 0; batch < count; batch += 500) {
  await Promise.all(
    Array.from({ length: Math.min(500, count - batch) }, async (_, i) => {
      const n = batch + i;
      const createdAt = new Date(start + n * 60_000);
      const reference = newReference();
      // What intake seals: the request as the schema outputs it (E.164 phone, defaults filled in).
      const request = callbackSchema.parse(validRequest());
      const sealed = await seal([recipient], JSON.stringify({ reference, lang: 'en', createdAt: createdAt.toISOString(), dueBy: createdAt.toISOString(), request }));
      await queue.enqueue({ reference, submissionKey: `bench-${n}`, requestDigest: `bench-${n}`, lang: 'en', createdAt, dueBy: new Date(createdAt.getTime() + 86_400_000), accessNeeds: [], sealed });
    }),
  );
}
await queue.shutdown();

const env = { ...process.env, DATA_DIR: dataDir, QUEUE_URL: '', CALLBACK_RECIPIENTS: recipient, STAFF_URL: staffOrigin, ASTRO_TELEMETRY_DISABLED: '1' };
const cliList: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const t = performance.now();
  const listed = spawnSync(process.execPath, ['src/cli/queue.ts', 'list', '--json'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(listed.stderr);
  cliList.push(performance.now() - t);
}

const server = spawn(process.execPath, ['src/server/start.ts'], {
  env: { ...env, PORT: String(publicPort), HOST: '127.0.0.1', STAFF_PORT: String(staffPort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i += 1) {
    if (await fetch(`${staffOrigin}/staff/sign-in/`).then((r) => r.ok, () => false)) break;
    if (server.exitCode !== null || i > 600) throw new Error('The server did not start.');
    await sleep(200);
  }
  const added = spawnSync(process.execPath, ['src/cli/queue.ts', 'staff', 'add', '--name', 'Bench Coordinator', '--role', 'case'], { env, encoding: 'utf8' });
  const enrolment = /http:\/\/\S+/.exec(added.stdout)![0];

  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  await page.goto(enrolment);
  await page.getByRole('button', { name: 'Register a passkey on this device' }).click();
  await page.waitForURL(`${staffOrigin}/staff/console/`);

  const showQueue: number[] = [];
  const listApi: number[] = [];
  const openApi: number[] = [];
  const openInBrowser: number[] = [];
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  for (let i = 0; i < runs; i += 1) {
    let t = performance.now();
    await page.goto(`${staffOrigin}/staff/console/`);
    // The console draws the 100 requests due first; the rest are a "Show more" away.
    await page.getByText(`Showing 100 of ${count}`).waitFor({ timeout: 120_000 });
    showQueue.push(performance.now() - t);

    t = performance.now();
    const list = (await (await fetch(`${staffOrigin}/staff/api/requests`, { headers: { cookie } })).json()) as { requests: { id: string; reference: string }[] };
    listApi.push(performance.now() - t);
    const one = list.requests[50]!;
    t = performance.now();
    await (await fetch(`${staffOrigin}/staff/api/requests/${one.id}`, { headers: { cookie } })).json();
    openApi.push(performance.now() - t);

    await page.getByLabel("The team's key file").setInputFiles(identityFile);
    await page.getByRole('button', { name: 'Unlock with the file' }).click();
    await page.getByRole('button', { name: `Open ${one.reference}` }).waitFor();
    t = performance.now();
    await page.getByRole('button', { name: `Open ${one.reference}` }).click();
    await page.getByRole('cell', { name: 'Opened' }).first().waitFor();
    openInBrowser.push(performance.now() - t);
  }
  await browser.close();

  console.log(`\n${count} requests, median of ${runs} runs:`);
  console.log(`  npm run queue -- list --json (whole process)   ${ms(median(cliList))}`);
  console.log(`  console: GET /staff/api/requests (server)      ${ms(median(listApi))}`);
  console.log(`  console: queue shown (first 100 of all)        ${ms(median(showQueue))}`);
  console.log(`  console: GET /staff/api/requests/:id (server)  ${ms(median(openApi))}`);
  console.log(`  console: open one (fetch, decrypt, "viewed")   ${ms(median(openInBrowser))}`);
} finally {
  server.kill();
}
