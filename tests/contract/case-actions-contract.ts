/**
 * The console's case actions (release, reassign, attempts, hand-over, reopen), run against every
 * CaseQueue implementation beside the main contract suite.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseQueueError, type CaseQueue } from '../../src/queue/types.ts';
import { sampleCase } from './case-queue-contract.ts';

async function expectRefused(promise: Promise<unknown>, code: CaseQueueError['code']) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaseQueueError);
  expect((error as CaseQueueError).code).toBe(code);
}

/** Defines the case-action contract tests for one CaseQueue implementation. */
export function caseActionsContract(name: string, openEmptyQueue: () => Promise<CaseQueue>): void {
  describe(`CaseQueue console actions: ${name}`, () => {
    const open: CaseQueue[] = [];
    async function freshCase(): Promise<{ queue: CaseQueue; id: string }> {
      const queue = await openEmptyQueue();
      open.push(queue);
      const input = sampleCase();
      await queue.enqueue(input);
      return { queue, id: (await queue.get(input.reference))!.id };
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.shutdown()));
    });

    it('releases a claim and lets someone else take it; reassigns to another holder', async () => {
      const { queue, id } = await freshCase();
      await queue.claim(id, 'sam');
      await queue.release(id, 'sam');
      expect(await queue.get(id)).toMatchObject({ status: 'new', claimedBy: null });
      await queue.claim(id, 'alex');
      await queue.reassign(id, 'priya', 'alex');
      expect(await queue.get(id)).toMatchObject({ status: 'claimed', claimedBy: 'priya' });
      expect((await queue.audit(id)).map((e) => [e.action, e.actor])).toEqual([
        ['created', 'intake'],
        ['claimed', 'sam'],
        ['released', 'sam'],
        ['claimed', 'alex'],
        ['reassigned', 'alex'],
      ]);
    });

    it('records attempts with their sealed note and no change of state; refuses one on a new case', async () => {
      const { queue, id } = await freshCase();
      await expectRefused(queue.recordAttempt(id, 'no-answer', 'sam'), 'invalid-transition');
      await queue.claim(id, 'sam');
      const note = new Uint8Array(randomBytes(40));
      await queue.recordAttempt(id, 'no-answer', 'sam', note);
      await queue.recordAttempt(id, 'not-safe', 'sam');
      expect(await queue.get(id)).toMatchObject({ status: 'claimed', claimedBy: 'sam' });
      const trail = await queue.audit(id);
      expect(trail.map((e) => e.action)).toEqual(['created', 'claimed', 'attempt-no-answer', 'attempt-not-safe']);
      expect(Buffer.from(trail[2]!.sealedDetail!).equals(Buffer.from(note))).toBe(true);
      expect(trail[3]!.sealedDetail).toBeNull();
    });

    it('hands over only after first contact, and reopens a closed case to the one reopening it', async () => {
      const { queue, id } = await freshCase();
      await queue.claim(id, 'sam');
      await expectRefused(queue.handOver(id, 'sam', new Uint8Array([1])), 'invalid-transition');
      await queue.recordOutcome(id, 'contacted', 'sam');
      const reference = new Uint8Array(randomBytes(24));
      await queue.handOver(id, 'sam', reference);
      await queue.closeCase(id, 'sam');
      await expectRefused(queue.release(id, 'sam'), 'invalid-transition');
      await queue.reopen(id, 'alex');
      expect(await queue.get(id)).toMatchObject({ status: 'claimed', claimedBy: 'alex', closedAt: null });
      const trail = await queue.audit(id);
      expect(trail.map((e) => e.action)).toEqual(['created', 'claimed', 'contacted', 'handed-over', 'closed', 'reopened']);
      expect(Buffer.from(trail[3]!.sealedDetail!).equals(Buffer.from(reference))).toBe(true);
    });

    it('refuses each new action on a case that does not exist, and on the wrong state changes nothing', async () => {
      const { queue, id } = await freshCase();
      await expectRefused(queue.release('nope', 'sam'), 'not-found');
      await expectRefused(queue.reassign('nope', 'a', 'sam'), 'not-found');
      await expectRefused(queue.recordAttempt('nope', 'reached', 'sam'), 'not-found');
      await expectRefused(queue.handOver('nope', 'sam', new Uint8Array([1])), 'not-found');
      await expectRefused(queue.reopen('nope', 'sam'), 'not-found');
      await expectRefused(queue.reassign(id, 'a', 'sam'), 'invalid-transition');
      await expectRefused(queue.reopen(id, 'sam'), 'invalid-transition');
      expect(await queue.get(id)).toMatchObject({ status: 'new', claimedBy: null });
      expect((await queue.audit(id)).map((e) => e.action)).toEqual(['created']);
    });
  });
}
