/**
 * The notification worker, run inside `npm start`: it claims due outbox rows (written with each
 * request, see plan.ts), sends them, and records the outcome in the queue. Every retry, lease and
 * death is a row in the database, never a timer holding state in memory, so a crash or a restart
 * loses nothing, and with several servers each row is sent by one of them. The survivor's answer
 * never waits for any of this: intake only writes the rows.
 */
import { randomUUID } from 'node:crypto';
import type { CaseQueue, ClaimedNotification, NotificationChannel, RetryPolicy } from '../queue/types.ts';
import type { NotifyConfig } from './config.ts';
import { deliveryErrorClass, type Sender } from './delivery.ts';
import { emailSender } from './email.ts';
import { notificationText } from './message.ts';
import { webhookSender } from './webhook.ts';

/** Timings; the defaults suit production, tests shorten them. */
export interface NotifierOptions {
  /** How often to look for due rows. */
  pollMs?: number;
  /** How long a claim holds a row: longer than the slowest send (email.ts and webhook.ts time out well within it). */
  leaseMs?: number;
  /** Rows claimed at a time. */
  batch?: number;
  retry?: RetryPolicy;
  /** Names this worker in its claims; unique per process. */
  workerId?: string;
}

/** 10 s, 20 s, 40 s … up to 15 minutes between tries; dead after 20 (about 3½ hours). */
const defaultRetry: RetryPolicy = { baseMs: 10_000, capMs: 15 * 60_000, maxAttempts: 20 };

/** A running worker. */
export interface Notifier {
  /** Stops polling and waits for the send in progress. */
  stop: () => Promise<void>;
}

/** Whether a reminder still says something true: due-soon only while unclaimed, overdue only until first contact. */
function stillTrue(n: ClaimedNotification): boolean {
  if (n.kind === 'due-soon') return n.caseStatus === 'new';
  if (n.kind === 'overdue') return n.caseStatus === 'new' || n.caseStatus === 'claimed';
  return true;
}

/** One allow-listed log line per outcome: reference, kind, channel, outcome, attempts and an error class. */
function logOutcome(n: ClaimedNotification, outcome: string, errorClass?: string): void {
  const line = { time: new Date().toISOString(), notification: n.kind, channel: n.channel, reference: n.reference, outcome, attempts: n.attempts };
  process.stdout.write(`${JSON.stringify(errorClass ? { ...line, errorClass } : line)}\n`);
}

/** Starts the worker for the configured channels; with none configured it does nothing. */
export function startNotifier(queue: CaseQueue, config: NotifyConfig, options: NotifierOptions = {}): Notifier {
  const { pollMs = 2_000, leaseMs = 60_000, batch = 10, retry = defaultRetry, workerId = randomUUID() } = options;
  const senders: Partial<Record<NotificationChannel, Sender>> = {
    ...(config.email ? { email: emailSender(config.email) } : {}),
    ...(config.webhook ? { webhook: webhookSender(config.webhook) } : {}),
  };
  const channels = config.channels;
  let stopped = channels.length === 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function settle(n: ClaimedNotification): Promise<void> {
    if (!stillTrue(n)) {
      await queue.completeNotification(n.id, workerId, 'skipped', new Date());
      logOutcome(n, 'skipped');
      return;
    }
    try {
      await senders[n.channel]!.send({ id: n.id, kind: n.kind, reference: n.reference, dueBy: n.dueBy, text: notificationText(n.kind, n.reference, n.dueBy) });
    } catch (error) {
      const errorClass = deliveryErrorClass(error);
      const state = await queue.failNotification(n.id, workerId, errorClass, new Date(), retry);
      logOutcome(n, state === 'dead' ? 'dead' : 'retry', errorClass);
      return;
    }
    await queue.completeNotification(n.id, workerId, 'delivered', new Date());
    logOutcome(n, 'delivered');
  }

  /** Sends everything that is due now, a batch at a time. */
  async function sendDue(): Promise<void> {
    for (;;) {
      const claimed = await queue.claimNotifications(workerId, channels, new Date(), leaseMs, batch);
      // Side by side, so one slow mail server cannot keep the last of a batch past its lease.
      await Promise.all(claimed.map(settle));
      if (claimed.length < batch || stopped) return;
    }
  }

  function tick(): void {
    running = sendDue()
      // A database or mail server that is down now is tried again at the next poll; the rows wait.
      .catch((error: unknown) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), notifier: 'poll failed', errorClass: deliveryErrorClass(error) })}\n`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  }
  if (!stopped) tick();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      for (const sender of Object.values(senders)) sender.close?.();
    },
  };
}
