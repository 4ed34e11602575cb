/**
 * Notifications from the real `npm start` process: a request sent through the real form (JavaScript
 * on) is answered while the mail server hangs, so the survivor never waits for it; once a working
 * mail server is back and staff re-queue the notification, it arrives as one email that says only
 * the reference and the due time. Server process tests run once, in the desktop project.
 */
import { expect, test } from '@playwright/test';
import { createServer, type Socket } from 'node:net';
import { ukDueTime } from '../../src/notify/message.ts';
import { validRequest } from '../fixtures/callback-requests.ts';
import { startMailServer } from '../support/smtp.ts';
import { queueCli, queuedDueBy } from './callback-queue.ts';
import { startServer } from './server-process.ts';

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'server process tests run once'));
test.describe.configure({ timeout: 120_000 });

const smtpPassword = 'Canary-Smtp-Password-7311';
const canary = { phone: '07700 900731', name: 'Persephone Wraxall', message: 'The side door by the bins is safest' };

/** The outbox as staff see it (`npm run queue -- notifications --json`). */
function outbox(dataDir: string): { id: string; reference: string; kind: string; channel: string; state: string; attempts: number }[] {
  return JSON.parse(queueCli(['notifications', '--json'], dataDir).stdout);
}

test('a request sent through the form is answered at once while the mail server hangs, then arrives as a content-free email', async ({ page }) => {
  // A "mail server" that accepts the connection and never says a word.
  const held: Socket[] = [];
  const hanging = createServer((socket) => held.push(socket));
  await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
  const { port } = hanging.address() as { port: number };
  const server = await startServer(4443, {
    NOTIFY_SMTP_URL: `smtp://notify:${smtpPassword}@127.0.0.1:${port}`,
    NOTIFY_FROM: 'alerts@example.org',
    NOTIFY_TO: 'case-team@example.org',
  });
  try {
    await page.goto(`${server.url}/en/callback/`);
    await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
    await page.getByLabel('A safe phone number').fill(canary.phone);
    await page.getByRole('radio', { name: 'Text' }).check();
    await page.locator('input[name="safeTime"]').first().check();
    await page.getByRole('group', { name: 'May we say we are from' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('A name or code name to ask for (optional)').fill(canary.name);
    await page.getByLabel('Anything else we should know? (optional)').fill(canary.message);
    await page.getByRole('checkbox', { name: /I agree/ }).check();
    const sent = Date.now();
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    const confirmation = page.locator('[data-callback-confirmation]');
    await expect(confirmation.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    const answeredMs = Date.now() - sent;
    const reference = (await confirmation.locator('[data-reference]').textContent())!;
    // The mail server has not answered anything, yet the survivor has theirs: far inside the 10 s
    // the worker waits for a greeting.
    expect(answeredMs).toBeLessThan(8_000);
    // With the worker stuck on the silent mail server, another request is still answered at once.
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const second = Date.now();
    const response = await fetch(`${server.url}/api/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validRequest()) });
    expect(response.status).toBe(201);
    expect(Date.now() - second).toBeLessThan(8_000);
    const waiting = outbox(server.dataDir).find((n) => n.reference === reference && n.kind === 'new')!;
    expect(waiting).toMatchObject({ channel: 'email', state: 'pending' });

    // The mail server is replaced by a working one on the same port; staff send the notification again now.
    for (const socket of held) socket.destroy();
    await new Promise((r) => hanging.close(r));
    const mail = await startMailServer(port, 'notify', smtpPassword);
    try {
      await expect.poll(() => queueCli(['notifications', 'retry', waiting.id], server.dataDir).status, { timeout: 30_000 }).toBe(0);
      // The second request's notification comes too; each is its own email.
      await mail.waitFor(2, 30_000);
      const email = mail.messages.find((m) => m.parsed.subject?.includes(reference));
      expect(email!.parsed.subject).toBe(`New callback request ${reference}, due by ${ukDueTime(queuedDueBy(reference, server.dataDir))}`);
      for (const trace of [canary.name, 'Wraxall', 'side door', '900731', '900 731']) {
        for (const m of mail.messages) expect(m.raw).not.toContain(trace);
        expect(server.output()).not.toContain(trace);
      }
      expect(server.output()).not.toContain(smtpPassword);
      await expect.poll(() => outbox(server.dataDir).some((n) => n.id === waiting.id), { timeout: 10_000 }).toBe(false);
    } finally {
      await mail.stop();
    }
  } finally {
    await server.stop();
    hanging.close();
  }
});
