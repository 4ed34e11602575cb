/** What only the SQLite adapter promises: durable settings, versioned schema, data kept across reopening. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sqlite-queue-')), 'queue.db');

describe('SQLite queue', () => {
  it('uses WAL and synchronous=FULL, and records its schema version', async () => {
    const path = freshPath();
    const queue = openSqliteQueue(path);
    await queue.shutdown();
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    // Version 2 added the request digest; others follow it.
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('keeps cases across closing and reopening', async () => {
    const path = freshPath();
    const first = openSqliteQueue(path);
    const input = sampleCase();
    await first.enqueue(input);
    await first.shutdown();
    const second = openSqliteQueue(path);
    expect((await second.get(input.reference))?.reference).toBe(input.reference);
    await second.shutdown();
  });

  it('upgrades a database from before access needs were stored: its cases read as "not recorded"', async () => {
    const path = freshPath();
    const old = openSqliteQueue(path);
    const input = sampleCase({ accessNeeds: ['bsl'] });
    await old.enqueue(input);
    await old.shutdown();
    // Back to the schema before the access_needs migration (the last one).
    const db = new DatabaseSync(path);
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    db.exec(`ALTER TABLE cases DROP COLUMN access_needs; PRAGMA user_version = ${version - 1};`);
    db.close();
    const upgraded = openSqliteQueue(path);
    const newer = sampleCase({ accessNeeds: ['easy-read'] });
    await upgraded.enqueue(newer);
    const rows = await upgraded.reportRows(new Date(0), new Date('2100-01-01T00:00:00Z'));
    expect(Object.fromEntries(rows.map((r) => [r.reference, r.accessNeeds]))).toEqual({ [input.reference]: null, [newer.reference]: ['easy-read'] });
    await upgraded.shutdown();
  });

  it('refuses a database from a newer version of the code', async () => {
    const path = freshPath();
    await openSqliteQueue(path).shutdown();
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => openSqliteQueue(path)).toThrow(/schema version 99/);
  });

  it('answers every request in a group commit with failure when the commit cannot happen, and stores none of them', async () => {
    const path = freshPath();
    const queue = openSqliteQueue(path);
    // Another writer holds the database past the queue's 5 s busy timeout.
    const blocker = new DatabaseSync(path);
    blocker.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled([sampleCase(), sampleCase(), sampleCase()].map((c) => queue.enqueue(c)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(await queue.list()).toEqual([]);
    const later = sampleCase();
    expect(await queue.enqueue(later)).toEqual({ reference: later.reference, created: true });
    await queue.shutdown();
  }, 20_000);
});
