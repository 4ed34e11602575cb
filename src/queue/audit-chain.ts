/**
 * The audit trail as a hash chain, one per case: each row stores a SHA-256 over the previous row's
 * hash and its own content, written in the same transaction as the row. Triggers in both databases
 * refuse UPDATE and DELETE of audit rows; the chain is the second line, for whoever could bypass
 * them (the database owner): an edited, removed or reordered row breaks every hash after it, and
 * `npm run queue -- verify` names the case. Rows written before chaining began carry no hash.
 */
import { createHash } from 'node:crypto';
import type { AuditAction } from './types.ts';

/** The "previous hash" of a case's first row. */
export const chainStart = '0'.repeat(64);

/** One audit row as stored, with its chain hash (null only for rows older than the chain). */
export interface ChainedAuditRow {
  caseId: string;
  reference: string;
  at: Date;
  actor: string;
  action: AuditAction;
  sealedDetail: Uint8Array | null;
  hash: string | null;
}

/** The hash of an audit row that follows `previous`. Times count in whole milliseconds, as both databases keep them. */
export function auditHash(previous: string, row: Omit<ChainedAuditRow, 'reference' | 'hash'>): string {
  const detail = row.sealedDetail ? Buffer.from(row.sealedDetail.buffer, row.sealedDetail.byteOffset, row.sealedDetail.byteLength).toString('base64') : null;
  return createHash('sha256')
    .update(JSON.stringify([previous, row.caseId, row.at.getTime(), row.actor, row.action, detail]))
    .digest('hex');
}

/** A case whose chain does not hold, and the first entry (1-based, oldest first) that breaks it. */
export interface BrokenChain {
  caseId: string;
  reference: string;
  entry: number;
}

/**
 * Checks every case's chain. `rows` holds each case's rows together, oldest first. Unhashed rows
 * are accepted only before a case's first hashed row (written before this code existed).
 */
export function brokenChains(rows: readonly ChainedAuditRow[]): BrokenChain[] {
  const broken: BrokenChain[] = [];
  let caseId: string | undefined;
  let previous = chainStart;
  let chained = false;
  let entry = 0;
  let reported = false;
  for (const row of rows) {
    if (row.caseId !== caseId) {
      caseId = row.caseId;
      previous = chainStart;
      chained = false;
      entry = 0;
      reported = false;
    }
    entry += 1;
    if (reported) continue;
    const ok = row.hash === null ? !chained : row.hash === auditHash(previous, row);
    if (!ok) {
      broken.push({ caseId: row.caseId, reference: row.reference, entry });
      reported = true;
    } else if (row.hash !== null) {
      previous = row.hash;
      chained = true;
    }
  }
  return broken;
}
