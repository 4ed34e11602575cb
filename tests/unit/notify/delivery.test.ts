/**
 * Notifications delivered for real: a request goes through the intake into a real queue, the worker
 * sends it to a real SMTP server (smtp-server) and a webhook receiver that checks the signature.
 * Delivery, retry while the mail server is down and delivery once it is back, reminders, nothing
 * personal in any message or log line, and exactly once with two workers on one PostgreSQL.
 * Run under netns-run: these open ports.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createIntake } from '../../../src/callback/intake.ts';
import { newIdentity } from '../../../src/callback/seal.ts';
import { fromWebRequest } from '../../../src/callback/web-request.ts';
import { organisation } from '../../../src/content/organisation.ts';
import { notifyConfig } from '../../../src/notify/config.ts';
import { ukDueTime } from '../../../src/notify/message.ts';
import { startNotifier, type Notifier } from '../../../src/notify/worker.ts';
import { openPostgresQueue } from '../../../src/queue/postgres.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import type { CaseQueue, NotificationSummary } from '../../../src/queue/types.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';
import { validRequest } from '../../fixtures/callback-requests.ts';
import { startMailServer, type TestMailServer } from '../../support/smtp.ts';
import { skipReason, startPostgres } from '../../support/postgres.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../../support/webhook-receiver.ts';

vi.setConfig({ testTimeout: 60_000 });

const smtpPassword = 'Canary-Smtp-Password-5150';
const webhookSecret = 'canary-webhook-secret-'.padEnd(48, 'x');
const canary = { phone: '07700 900777', askFor: 'Zebedee Quillfeather', message: 'Canary message: the blue gate at number 12' };
/** Every way the canary could leak: the name, the message, the number in any spelling. */
const canaryTraces = [canary.askFor, 'Zebedee', 'Quillfeather', 'blue gate', '900777', '900 777', '7700900777'];
const fast = { pollMs: 50, retry: { baseMs: 200, capMs: 1_000, maxAttempts: 50 } };

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

/** Everything written to stdout and stderr from now on (and still written through). */
function captureOutput(): () => string {
  let text = '';
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      text += String(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  return () => text;
}

const sqliteQueue = () => {
  const queue = openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'notify-')), 'queue.db'));
  cleanups.push(() => queue.shutdown());
  return queue;
};

const settings = (mail: { port: number } | undefined, hook: TestWebhookReceiver | undefined) =>
  notifyConfig({
    ...(mail ? { NOTIFY_SMTP_URL: `smtp://notify:${smtpPassword}@127.0.0.1:${mail.port}`, NOTIFY_FROM: 'alerts@example.org', NOTIFY_TO: 'case-team@example.org' } : {}),
    ...(hook ? { NOTIFY_WEBHOOK_URL: hook.url, NOTIFY_WEBHOOK_SECRET: webhookSecret } : {}),
  });

async function mailServer(port = 0, messages?: TestMailServer['messages']) {
  const server = await startMailServer(port, 'notify', smtpPassword, messages);
  cleanups.push(() => server.stop());
  return server;
}
async function receiver() {
  const hook = await startWebhookReceiver(webhookSecret);
  cleanups.push(() => hook.stop());
  return hook;
}
function notifier(queue: CaseQueue, config: ReturnType<typeof notifyConfig>, options = {}): Notifier {
  const running = startNotifier(queue, config, { ...fast, ...options });
  cleanups.push(() => running.stop());
  return running;
}

/** Waits until `check` holds for the queue's outbox. */
async function outboxUntil(queue: CaseQueue, check: (rows: NotificationSummary[]) => boolean, ms = 20_000): Promise<NotificationSummary[]> {
  const until = Date.now() + ms;
  for (;;) {
    const rows = await queue.listNotifications(['pending', 'delivered', 'dead', 'skipped']);
    if (check(rows)) return rows;
    if (Date.now() > until) throw new Error(`The outbox never got there: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port with nothing listening on it (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

describe('notifications', () => {
  it('a request through the intake arrives by email and by signed webhook, saying only its reference and due time', async () => {
    const output = captureOutput();
    const [mail, hook] = await Promise.all([mailServer(), receiver()]);
    const queue = sqliteQueue();
    const config = settings(mail, hook);
    const { recipient } = await newIdentity();
    const intake = createIntake({
      openQueue: async () => queue,
      recipients: async () => [recipient],
      firstContactWorkingDays: 1,
      region: organisation.bankHolidayRegion,
      callbackHours: organisation.callbackHours,
      rateLimit: null,
      notificationChannels: config.channels,
    });
    const body = JSON.stringify(validRequest({ ...canary, method: 'text' }));
    const request = new Request('http://site.test/api/callback', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://site.test' }, body });
    const outcome = await intake.handle({ ...fromWebRequest(request), clientAddress: '192.0.2.1', lang: 'pl', route: '/api/callback' });
    expect(outcome.status).toBe(201);
    const { reference, dueBy } = outcome as { reference: string; dueBy: Date };
    // Written with the request; nothing sent yet, as no worker runs.
    expect((await queue.listNotifications(['pending'])).map((n) => `${n.kind} ${n.channel}`).sort()).toEqual([
      'due-soon email',
      'due-soon webhook',
      'new email',
      'new webhook',
      'overdue email',
      'overdue webhook',
    ]);

    notifier(queue, config);
    await Promise.all([mail.waitFor(1), hook.waitFor(1)]);
    const text = `New callback request ${reference}, due by ${ukDueTime(dueBy)}`;
    const [email] = mail.messages;
    expect(email!.parsed.subject).toBe(text);
    expect(email!.parsed.text?.trim()).toBe(text);
    expect(email!.parsed.to).toMatchObject({ text: 'case-team@example.org' });
    expect(email!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const webhook = JSON.parse(hook.accepted[0]!) as Record<string, unknown>;
    expect(Object.keys(webhook).sort()).toEqual(['dueBy', 'id', 'kind', 'reference', 'text']);
    expect(webhook).toMatchObject({ kind: 'new', reference, dueBy: dueBy.toISOString(), text });
    expect(hook.refused()).toBe(0);
    // The receiver's check is real: a message signed with another secret is refused.
    const forged = await fetch(hook.url, { method: 'POST', body: hook.accepted[0], headers: { 'x-safe-home-timestamp': String(Math.floor(Date.now() / 1000)), 'x-safe-home-signature': 'sha256=00' } });
    expect(forged.status).toBe(401);

    // Nothing from the sealed request anywhere: not in the email's source, the webhook's body or a
    // log line (the language and method are ruled out above: the text and the keys are exact).
    const everything = [email!.raw, hook.accepted[0]!, output()].join('\n');
    for (const trace of canaryTraces) expect(everything).not.toContain(trace);
    // Nor the SMTP password or the webhook secret in any log line.
    expect(output()).not.toContain(smtpPassword);
    expect(output()).not.toContain(webhookSecret);
    const rows = await outboxUntil(queue, (r) => r.filter((n) => n.state === 'delivered').length === 2);
    expect(rows.filter((n) => n.state === 'delivered').map((n) => n.kind)).toEqual(['new', 'new']);
  });

  it('keeps trying while the mail server is down and the webhook fails, and delivers once each is back', async () => {
    const output = captureOutput();
    const port = await freePort();
    const hook = await receiver();
    hook.failNext(3);
    const queue = sqliteQueue();
    const input = sampleCase({ createdAt: new Date(), dueBy: new Date(Date.now() + 86_400_000) });
    await queue.enqueue({ ...input, notifications: [{ kind: 'new', channel: 'email', runAt: input.createdAt }, { kind: 'new', channel: 'webhook', runAt: input.createdAt }] });
    notifier(queue, settings({ port }, hook));

    // Nothing listens on the mail port: attempts pile up, each recorded by its error class only.
    const failing = await outboxUntil(queue, (r) => r.some((n) => n.channel === 'email' && n.attempts >= 3));
    expect(failing.find((n) => n.channel === 'email')).toMatchObject({ state: 'pending', lastError: expect.stringMatching(/^Error:(ESOCKET|ECONNECTION)$/) });
    expect(output()).toMatch(/"outcome":"retry","attempts":\d+,"errorClass":"Error:(ESOCKET|ECONNECTION)"/);
    expect(output()).not.toContain(smtpPassword);

    // The mail server comes back on the same port.
    const mail = await mailServer(port);
    await mail.waitFor(1);
    await hook.waitFor(1);
    const rows = await outboxUntil(queue, (r) => r.every((n) => n.state === 'delivered'));
    expect(rows.find((n) => n.channel === 'webhook')).toMatchObject({ attempts: 4, lastError: 'WebhookStatusError:HTTP_503' });
    expect(mail.messages[0]!.parsed.subject).toBe(`New callback request ${input.reference}, due by ${ukDueTime(input.dueBy)}`);
    // Once delivered, never again.
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.messages).toHaveLength(1);
    expect(hook.accepted).toHaveLength(1);
  });

  it('reminds once when a request is due soon and still unclaimed, and once when overdue; skips what is no longer true', async () => {
    const hook = await receiver();
    const queue = sqliteQueue();
    const now = Date.now();
    const claimed = sampleCase({ createdAt: new Date(now - 3_600_000), dueBy: new Date(now - 60_000) });
    const unclaimed = sampleCase({ createdAt: new Date(now - 3_600_000), dueBy: new Date(now - 60_000) });
    for (const input of [claimed, unclaimed]) {
      await queue.enqueue({
        ...input,
        notifications: [
          { kind: 'due-soon', channel: 'webhook', runAt: new Date(now - 120_000) },
          { kind: 'overdue', channel: 'webhook', runAt: input.dueBy },
        ],
      });
    }
    await queue.claim((await queue.get(claimed.reference))!.id, 'sam');
    notifier(queue, settings(undefined, hook));
    await outboxUntil(queue, (r) => r.every((n) => n.state !== 'pending'));
    const texts = hook.accepted.map((b) => (JSON.parse(b) as { text: string }).text).sort();
    const due = ukDueTime(claimed.dueBy);
    expect(texts).toEqual(
      [
        `Due within 2 working hours, not yet claimed: ${unclaimed.reference}, due by ${due}`,
        `Overdue: ${claimed.reference}, was due by ${due}`,
        `Overdue: ${unclaimed.reference}, was due by ${due}`,
      ].sort(),
    );
    expect((await queue.listNotifications(['skipped'])).map((n) => [n.reference, n.kind])).toEqual([[claimed.reference, 'due-soon']]);
  });
});

const cluster = startPostgres(4438);
afterAll(() => cluster?.stop());

describe.skipIf(!cluster)(`notifications with several servers${cluster ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('two workers on one PostgreSQL send each notification exactly once', async () => {
    const url = await cluster!.createDatabase();
    const [first, second] = await Promise.all([openPostgresQueue(url), openPostgresQueue(url)]);
    cleanups.push(() => first!.shutdown(), () => second!.shutdown());
    const [mail, hook] = await Promise.all([mailServer(), receiver()]);
    const count = 20;
    for (let i = 0; i < count; i += 1) {
      const input = sampleCase({ createdAt: new Date(), dueBy: new Date(Date.now() + 86_400_000) });
      await first!.enqueue({ ...input, notifications: [{ kind: 'new', channel: 'email', runAt: input.createdAt }, { kind: 'new', channel: 'webhook', runAt: input.createdAt }] });
    }
    const config = settings(mail, hook);
    // Small batches and fast polls, so the two really do race for the same rows.
    notifier(first!, config, { batch: 2, pollMs: 10 });
    notifier(second!, config, { batch: 2, pollMs: 10 });
    await Promise.all([mail.waitFor(count), hook.waitFor(count)]);
    await outboxUntil(first!, (r) => r.every((n) => n.state === 'delivered'));
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.messages).toHaveLength(count);
    expect(new Set(mail.messages.map((m) => m.parsed.subject)).size).toBe(count);
    expect(hook.accepted).toHaveLength(count);
    expect(new Set(hook.accepted.map((b) => (JSON.parse(b) as { id: string }).id)).size).toBe(count);
    expect((await first!.listNotifications(['delivered'])).every((n) => n.attempts === 1)).toBe(true);
  });
});
