/**
 * What the monthly report reads (`reportRows`) and the access-need flags it counts, run against
 * every CaseQueue implementation beside the main contract suite.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseQueue } from '../../src/queue/types.ts';
import { sampleCase } from './case-queue-contract.ts';

/** Defines the report-rows contract tests for one CaseQueue implementation. */
export function reportRowsContract(name: string, openEmptyQueue: () => Promise<CaseQueue>): void {
  describe(`CaseQueue report rows: ${name}`, () => {
    const open: CaseQueue[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.shutdown()));
    });

    it('returns the cases received in the range, with their actions in order and nothing sealed or personal', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      const from = new Date('2026-11-01T00:00:00Z');
      const to = new Date('2026-12-01T00:00:00Z');
      const first = sampleCase({ createdAt: from, lang: 'pl', accessNeeds: ['bsl', 'interpreter'] });
      const last = sampleCase({ createdAt: new Date(to.getTime() - 1), accessNeeds: [] });
      const before = sampleCase({ createdAt: new Date(from.getTime() - 1) });
      const after = sampleCase({ createdAt: to });
      for (const input of [last, before, first, after]) await queue.enqueue(input);
      const id = (await queue.get(first.reference))!.id;
      await queue.claim(id, 'sam');
      await queue.recordAttempt(id, 'no-answer', 'sam', new Uint8Array(randomBytes(32)));
      await queue.recordOutcome(id, 'contacted', 'sam');
      await queue.handOver(id, 'sam', new Uint8Array(randomBytes(32)));
      await queue.recordShareDecision(id, false, 'sam', new Uint8Array(randomBytes(32)));

      const rows = await queue.reportRows(from, to);
      expect(rows.map((r) => r.reference)).toEqual([first.reference, last.reference]);
      const [reported] = rows;
      expect(reported).toMatchObject({ lang: 'pl', createdAt: first.createdAt, dueBy: first.dueBy, status: 'contacted', accessNeeds: ['interpreter', 'bsl'] });
      expect(Object.keys(reported!).sort()).toEqual(['accessNeeds', 'createdAt', 'dueBy', 'events', 'lang', 'reference', 'status']);
      expect(reported!.events.map((e) => e.action)).toEqual(['created', 'claimed', 'attempt-no-answer', 'contacted', 'handed-over', 'not-shared']);
      const trail = await queue.audit(id);
      expect(reported!.events.map((e) => e.at)).toEqual(trail.map((e) => e.at));
      for (const event of reported!.events) expect(Object.keys(event).sort()).toEqual(['action', 'at']);
      expect(rows[1]).toMatchObject({ accessNeeds: [], events: [{ action: 'created', at: last.createdAt }] });
      expect(await queue.reportRows(new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'))).toEqual([]);
    });

    it('stores every access-need flag exactly as asked for', async () => {
      const queue = await openEmptyQueue();
      open.push(queue);
      const all = sampleCase({ accessNeeds: ['easy-read', 'relay-uk', 'bsl', 'interpreter'] });
      await queue.enqueue(all);
      const [row] = await queue.reportRows(all.createdAt, new Date(all.createdAt.getTime() + 1));
      expect(row!.accessNeeds).toEqual(['interpreter', 'bsl', 'relay-uk', 'easy-read']);
    });
  });
}
