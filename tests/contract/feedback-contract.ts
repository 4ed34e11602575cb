/**
 * Survivors' feedback in every CaseQueue implementation: sealed answers stored, scores counted per
 * day, the counts and the sealed answers read back for any span of days, and old sealed answers
 * purged while the counts stay. Each adapter's test file calls
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

    it('gives back the sealed answers of a span of days, both ends included, oldest day first, byte for byte', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      const scores = { easeOfAsking: '3', calledSafely: 'yes', listenedTo: '3' } as const;
      const sent = ['2026-11-30', '2026-10-31', '2026-11-01', '2026-12-01', '2026-11-01'].map((day) => sampleFeedback(day, scores));
      for (const f of sent) await queue.recordFeedback(f);

      const read = await queue.sealedFeedback('2026-11-01', '2026-11-30');
      expect(read.map((f) => f.receivedOn)).toEqual(['2026-11-01', '2026-11-01', '2026-11-30']);
      const bytes = (f: { sealed: Uint8Array }) => Buffer.from(f.sealed).toString('hex');
      expect(read.map(bytes).sort()).toEqual([sent[2]!, sent[4]!, sent[0]!].map(bytes).sort());
      expect(await queue.sealedFeedback('2027-01-01', '2027-01-31')).toEqual([]);
    });

    it('purges the sealed answers received before a day, and keeps every count', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      for (const day of ['2026-08-03', '2026-08-03', '2026-08-04', '2026-11-02']) {
        await queue.recordFeedback(sampleFeedback(day, { easeOfAsking: '4', calledSafely: 'no', listenedTo: '2' }));
      }
      expect(await queue.purgeFeedback('2026-08-04')).toBe(2);
      expect((await queue.sealedFeedback('2026-01-01', '2026-12-31')).map((f) => f.receivedOn)).toEqual(['2026-08-04', '2026-11-02']);
      expect(await queue.purgeFeedback('2026-08-04')).toBe(0);
      // The counts are not personal: the report for August still has both days.
      expect((await queue.feedbackCounts('2026-08-01', '2026-08-31')).responses).toBe(3);
    });
  });
}
