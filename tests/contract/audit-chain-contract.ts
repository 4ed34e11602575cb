/**
 * The append-only audit trail, for every CaseQueue adapter: triggers refuse to change or delete
 * audit rows (purge of a closed case still removes its own), every row joins its case's hash
 * chain, and a row changed behind the triggers' back breaks the chain at that row.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHash, brokenChains, chainStart } from '../../src/queue/audit-chain.ts';
import type { CaseQueue } from '../../src/queue/types.ts';
import { sampleCase } from './case-queue-contract.ts';

/** A fresh, empty queue and a way to run raw SQL on its database, as someone with direct access could. */
export interface QueueWithSql {
  queue: CaseQueue;
  sql: (statement: string) => Promise<void>;
}

/** How each adapter's database is reached behind the queue's back. */
export interface AuditChainContractOptions {
  open: () => Promise<QueueWithSql>;
  /** SQL that turns the append-only triggers off, as the database owner could. */
  disableTriggers: string;
}

/** Defines the append-only audit tests for one adapter. */
export function auditChainContract(name: string, { open, disableTriggers }: AuditChainContractOptions): void {
  describe(`append-only audit: ${name}`, () => {
    const opened: CaseQueue[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((q) => q.shutdown()));
    });
    async function caseWithHistory(): Promise<QueueWithSql & { id: string; reference: string }> {
      const fresh = await open();
      opened.push(fresh.queue);
      const input = sampleCase();
      await fresh.queue.enqueue(input);
      const { id } = (await fresh.queue.get(input.reference))!;
      await fresh.queue.recordView(id, 'sam');
      await fresh.queue.claim(id, 'sam');
      await fresh.queue.recordOutcome(id, 'contacted', 'sam', new Uint8Array(randomBytes(32)));
      await fresh.queue.recordShareDecision(id, true, 'sam', new Uint8Array(randomBytes(32)));
      return { ...fresh, id, reference: input.reference };
    }

    it('chains every row of every case, written with the row', async () => {
      const { queue, id, reference } = await caseWithHistory();
      const other = sampleCase();
      await queue.enqueue(other);
      const rows = await queue.chainedAudit();
      const mine = rows.filter((r) => r.caseId === id);
      expect(mine.map((r) => r.action)).toEqual(['created', 'viewed', 'claimed', 'contacted', 'shared']);
      expect(mine.every((r) => r.reference === reference && /^[0-9a-f]{64}$/.test(r.hash!))).toBe(true);
      // Each hash covers the one before it: recomputed from the start, the chain matches.
      let previous = chainStart;
      for (const row of mine) {
        expect(row.hash).toBe(auditHash(previous, row));
        previous = row.hash!;
      }
      expect(rows.filter((r) => r.reference === other.reference).map((r) => r.action)).toEqual(['created']);
      expect(brokenChains(rows)).toEqual([]);
    });

    it('refuses to change or delete an audit row, or to delete an open case with its history', async () => {
      const { sql, id, queue } = await caseWithHistory();
      await expect(sql(`UPDATE audit SET actor = 'someone else' WHERE case_id = '${id}'`)).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM audit WHERE case_id = '${id}'`)).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM cases WHERE id = '${id}'`)).rejects.toThrow(/only a closed case/);
      await expect(sql(`INSERT INTO audit (case_id, at, actor, action) SELECT case_id, at, actor, action FROM audit WHERE case_id = '${id}' LIMIT 1`)).rejects.toThrow(
        /chain hash|audit_hash_required/,
      );
      expect((await queue.audit(id)).map((e) => e.action)).toEqual(['created', 'viewed', 'claimed', 'contacted', 'shared']);
    });

    it('purge still deletes a closed case together with its audit rows', async () => {
      const { queue, id } = await caseWithHistory();
      await queue.closeCase(id, 'sam');
      expect(await queue.purge(new Date(Date.now() + 60_000))).toBe(1);
      expect(await queue.get(id)).toBeUndefined();
      expect((await queue.chainedAudit()).filter((r) => r.caseId === id)).toEqual([]);
    });

    it('a row changed or removed behind the triggers breaks the chain at that row, naming the case', async () => {
      const { queue, sql, id, reference } = await caseWithHistory();
      const untouched = sampleCase();
      await queue.enqueue(untouched);
      await sql(disableTriggers);
      await sql(`UPDATE audit SET actor = 'alex' WHERE case_id = '${id}' AND action = 'claimed'`);
      expect(brokenChains(await queue.chainedAudit())).toEqual([{ caseId: id, reference, entry: 3 }]);
      await sql(`UPDATE audit SET actor = 'sam' WHERE case_id = '${id}' AND action = 'claimed'`);
      expect(brokenChains(await queue.chainedAudit())).toEqual([]);
      await sql(`DELETE FROM audit WHERE case_id = '${id}' AND action = 'viewed'`);
      expect(brokenChains(await queue.chainedAudit())).toEqual([{ caseId: id, reference, entry: 2 }]);
    });
  });
}
