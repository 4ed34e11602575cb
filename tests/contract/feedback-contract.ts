/**
 * Survivors' feedback in every CaseQueue implementation: sealed answers stored, scores counted per
 * day, and the counts read back for any span of days. Each adapter's test file calls
 * `feedbackContract(name, openEmptyQueue)`.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseQueue, NewFeedback } from '../../src/queue/types.ts';

/** One feedback received on `receivedOn`; the sealed bytes are random, as real ones look. */
function sampleFeedback(receivedOn: string, scores: NewFeedback['scores']): NewFeedback {
  return { receivedOn, scores, sealed: new Uint8Array(randomBytes(64)) };
}

const none = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };

/** Defines the feedback contract tests for one CaseQueue implementation. */
export function feedbackContract(name: string, openEmptyQueue: () => Promise<CaseQueue>): void {
  describe(`CaseQueue feedback contract: ${name}`, () => {
    const open: CaseQueue[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.shutdown()));
    });

    it('counts nothing when nothing was sent, with every answer present as 0', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      expect(await queue.feedbackCounts('2026-11-01', '2026-11-30')).toEqual({
        responses: 0,
        easeOfAsking: none,
        calledSafely: { yes: 0, no: 0, 'not-yet': 0 },
        listenedTo: none,
      });
    });

    it('adds each feedback to its day and reads the counts for a span of days, both ends included', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      await queue.recordFeedback(sampleFeedback('2026-10-31', { easeOfAsking: '1', calledSafely: 'no', listenedTo: '1' }));
      await queue.recordFeedback(sampleFeedback('2026-11-01', { easeOfAsking: '5', calledSafely: 'yes', listenedTo: '4' }));
      await queue.recordFeedback(sampleFeedback('2026-11-01', { easeOfAsking: '5', calledSafely: 'not-yet', listenedTo: '5' }));
      await queue.recordFeedback(sampleFeedback('2026-11-30', { easeOfAsking: '2', calledSafely: 'yes', listenedTo: '4' }));
      await queue.recordFeedback(sampleFeedback('2026-12-01', { easeOfAsking: '3', calledSafely: 'no', listenedTo: '3' }));

      expect(await queue.feedbackCounts('2026-11-01', '2026-11-30')).toEqual({
        responses: 3,
        easeOfAsking: { ...none, '2': 1, '5': 2 },
        calledSafely: { yes: 2, no: 0, 'not-yet': 1 },
        listenedTo: { ...none, '4': 2, '5': 1 },
      });
      expect((await queue.feedbackCounts('2026-10-31', '2026-10-31')).calledSafely).toEqual({ yes: 0, no: 1, 'not-yet': 0 });
      expect((await queue.feedbackCounts('2026-10-01', '2026-12-31')).responses).toBe(5);
    });

    it('keeps every feedback when many arrive at once', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => queue.recordFeedback(sampleFeedback('2026-11-02', { easeOfAsking: '4', calledSafely: 'yes', listenedTo: String((i % 5) + 1) as '1' }))),
      );
      const counts = await queue.feedbackCounts('2026-11-02', '2026-11-02');
      expect(counts.responses).toBe(20);
      expect(counts.listenedTo).toEqual({ '1': 4, '2': 4, '3': 4, '4': 4, '5': 4 });
    });
  });
}
