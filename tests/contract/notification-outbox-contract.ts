/**
 * The notification outbox behind CaseQueue, for every adapter: rows go in with their case or not
 * at all, a claim holds a row for one worker until its lease ends, a failure schedules the retry
 * with a doubling, capped delay in one statement, and a row dies after its last attempt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseQueue, NewNotification, RetryPolicy } from '../../src/queue/types.ts';
import { sampleCase } from './case-queue-contract.ts';

const minute = 60_000;
const t0 = new Date(Date.UTC(2026, 11, 1, 10, 0));
const at = (ms: number) => new Date(t0.getTime() + ms);
const policy: RetryPolicy = { baseMs: 10_000, capMs: 40_000, maxAttempts: 5 };

/** New, due-soon and overdue by email; new by webhook. */
const rows = (due: Date): NewNotification[] => [
  { kind: 'new', channel: 'email', runAt: t0 },
  { kind: 'due-soon', channel: 'email', runAt: at(-2 * minute + (due.getTime() - t0.getTime())) },
  { kind: 'overdue', channel: 'email', runAt: due },
  { kind: 'new', channel: 'webhook', runAt: t0 },
];

/** Defines the outbox contract tests for one CaseQueue implementation. */
export function notificationOutboxContract(name: string, openEmptyQueue: () => Promise<CaseQueue>): void {
  describe(`Notification outbox contract: ${name}`, () => {
    const open: CaseQueue[] = [];
    async function fresh(): Promise<CaseQueue> {
      const queue = await openEmptyQueue();
      open.push(queue);
      return queue;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.shutdown()));
    });

    /** A queue holding one case due an hour after t0, with its four outbox rows. */
    async function withOneCase() {
      const queue = await fresh();
      const input = sampleCase({ createdAt: t0, dueBy: at(60 * minute) });
      await queue.enqueue({ ...input, notifications: rows(input.dueBy) });
      return { queue, input };
    }

    it('writes the rows with their case, and none for a repeat, a clash or a request without channels', async () => {
      const { queue, input } = await withOneCase();
      const pending = await queue.listNotifications(['pending']);
      expect(pending.map((n) => [n.reference, n.kind, n.channel, n.attempts, n.lastError]).sort()).toEqual(
        [
          [input.reference, 'new', 'email', 0, null],
          [input.reference, 'new', 'webhook', 0, null],
          [input.reference, 'due-soon', 'email', 0, null],
          [input.reference, 'overdue', 'email', 0, null],
        ].sort(),
      );
      expect(pending.find((n) => n.kind === 'overdue')!.runAt).toEqual(input.dueBy);
      // A repeat of the same submission stores nothing, outbox rows included.
      await queue.enqueue({ ...sampleCase({ submissionKey: input.submissionKey }), notifications: rows(input.dueBy) });
      // A reference clash fails the whole request: its rows go nowhere.
      await expect(queue.enqueue({ ...sampleCase({ reference: input.reference }), notifications: rows(input.dueBy) })).rejects.toThrow();
      // No channel configured: no rows.
      await queue.enqueue(sampleCase());
      expect(await queue.listNotifications(['pending', 'delivered', 'dead', 'skipped'])).toHaveLength(4);
    });

    it('claims only due rows of the asked channels, each for one worker until its lease ends', async () => {
      const { queue, input } = await withOneCase();
      expect(await queue.claimNotifications('w1', [], t0, minute, 10)).toEqual([]);
      const first = await queue.claimNotifications('w1', ['email'], t0, minute, 10);
      expect(first).toEqual([
        { id: expect.any(String), kind: 'new', channel: 'email', attempts: 1, reference: input.reference, dueBy: input.dueBy, caseStatus: 'new' },
      ]);
      // Held: another worker gets nothing of it, even later, while the lease lasts.
      expect(await queue.claimNotifications('w2', ['email'], at(30_000), minute, 10)).toEqual([]);
      // The webhook row is another channel's.
      expect((await queue.claimNotifications('w2', ['webhook'], t0, minute, 10)).map((n) => n.channel)).toEqual(['webhook']);
      // The lease ended (w1 crashed): the row comes back, with its attempt counted.
      const again = await queue.claimNotifications('w2', ['email'], at(minute), minute, 10);
      expect(again.map((n) => [n.id, n.attempts])).toEqual([[first[0]!.id, 2]]);
      // w1 no longer holds it, so it cannot settle it.
      expect(await queue.completeNotification(first[0]!.id, 'w1', 'delivered', at(minute))).toBe(false);
      expect(await queue.completeNotification(first[0]!.id, 'w2', 'delivered', at(minute))).toBe(true);
      // Reminders wait for their time; the case's status comes with them.
      await queue.claim((await queue.get(input.reference))!.id, 'sam');
      const later = await queue.claimNotifications('w1', ['email'], at(60 * minute), minute, 10);
      expect(later.map((n) => [n.kind, n.caseStatus])).toEqual([
        ['due-soon', 'claimed'],
        ['overdue', 'claimed'],
      ]);
      expect(await queue.completeNotification(later[0]!.id, 'w1', 'skipped', at(60 * minute))).toBe(true);
      expect((await queue.listNotifications(['skipped'])).map((n) => n.kind)).toEqual(['due-soon']);
      expect((await queue.listNotifications(['delivered'])).map((n) => n.kind)).toEqual(['new']);
    });

    it('never gives one row to two workers claiming at the same moment', async () => {
      const queue = await fresh();
      for (let i = 0; i < 10; i += 1) await queue.enqueue({ ...sampleCase(), notifications: [{ kind: 'new', channel: 'email', runAt: t0 }] });
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((w) => queue.claimNotifications(w, ['email'], t0, minute, 4)));
      const ids = claims.flat().map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(10);
    });

    it('retries with a doubling delay up to the cap, then marks the row dead, recording only the error class', async () => {
      const queue = await fresh();
      await queue.enqueue({ ...sampleCase(), notifications: [{ kind: 'new', channel: 'email', runAt: t0 }] });
      let now = t0;
      const delays: number[] = [];
      for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
        const [held] = await queue.claimNotifications('w1', ['email'], now, minute, 1);
        expect(held?.attempts).toBe(attempt);
        expect(await queue.failNotification(held!.id, 'someone-else', 'Error:ECONNREFUSED', now, policy)).toBeUndefined();
        const state = await queue.failNotification(held!.id, 'w1', 'Error:ECONNREFUSED', now, policy);
        expect(state).toBe(attempt < policy.maxAttempts ? 'pending' : 'dead');
        if (state === 'dead') break;
        const [row] = await queue.listNotifications(['pending']);
        delays.push(row!.runAt.getTime() - now.getTime());
        // Not before its time.
        expect(await queue.claimNotifications('w1', ['email'], new Date(row!.runAt.getTime() - 1), minute, 1)).toEqual([]);
        now = row!.runAt;
      }
      expect(delays).toEqual([10_000, 20_000, 40_000, 40_000]);
      const [dead] = await queue.listNotifications(['dead']);
      expect(dead).toMatchObject({ kind: 'new', channel: 'email', attempts: policy.maxAttempts, lastError: 'Error:ECONNREFUSED' });
      expect(await queue.claimNotifications('w1', ['email'], at(24 * 60 * minute), minute, 1)).toEqual([]);
    });

    it('re-queues a dead row, all dead rows, or one waiting row, but never one a worker holds', async () => {
      const queue = await fresh();
      for (let i = 0; i < 3; i += 1) await queue.enqueue({ ...sampleCase(), notifications: [{ kind: 'new', channel: 'email', runAt: t0 }] });
      const oneTry = { ...policy, maxAttempts: 1 };
      for (const n of await queue.claimNotifications('w1', ['email'], t0, minute, 2)) await queue.failNotification(n.id, 'w1', 'Error:EAUTH', t0, oneTry);
      const [held] = await queue.claimNotifications('w1', ['email'], t0, minute, 1);
      const dead = await queue.listNotifications(['dead']);
      expect(dead).toHaveLength(2);
      expect(await queue.retryNotifications({ id: held!.id }, t0)).toBe(0);
      expect(await queue.retryNotifications({ id: dead[0]!.id }, t0)).toBe(1);
      expect(await queue.retryNotifications({ dead: true }, t0)).toBe(1);
      const pending = await queue.listNotifications(['pending']);
      expect(pending.filter((n) => n.id !== held!.id).map((n) => [n.attempts, n.lastError])).toEqual([
        [0, null],
        [0, null],
      ]);
      expect(await queue.claimNotifications('w2', ['email'], t0, minute, 10)).toHaveLength(2);
    });

    it('deletes a purged case\'s rows with it', async () => {
      const { queue, input } = await withOneCase();
      const { id } = (await queue.get(input.reference))!;
      await queue.claim(id, 'sam');
      await queue.recordOutcome(id, 'contacted', 'sam');
      await queue.closeCase(id, 'sam');
      expect(await queue.purge(new Date(Date.now() + minute))).toBe(1);
      expect(await queue.listNotifications(['pending', 'delivered', 'dead', 'skipped'])).toEqual([]);
    });
  });
}
