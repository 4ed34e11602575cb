/**
 * The SQLite queue under a failing or meddled-with disk, on real files: it never says "stored" for
 * a request that is not in the database at its path, it recovers by itself once the fault is gone,
 * it leaks no file handle on the way, and every file it creates is private to its user.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import type { CaseQueue } from '../../../src/queue/types.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sqlite-faults-')), 'queue.db');
const removeDatabase = (path: string) => ['', '-wal', '-shm'].forEach((s) => rmSync(path + s, { force: true }));
const openFileHandles = () => readdirSync('/proc/self/fd').length;

const open: CaseQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.shutdown()));
});
function queueAt(path: string): CaseQueue {
  const queue = openSqliteQueue(path);
  open.push(queue);
  return queue;
}
/** The references stored in the database now at `path`, read by a fresh queue. */
async function referencesAt(path: string): Promise<string[]> {
  const reader = openSqliteQueue(path);
  try {
    return (await reader.list()).map((c) => c.reference).sort();
  } finally {
    await reader.shutdown();
  }
}

/**
 * Makes a file refuse writes. Root ignores permission bits, so as root the file is made immutable
 * (chattr +i, what a disk remounted read-only looks like to a writer); otherwise chmod 0400.
 */
function setReadOnly(file: string, readOnly: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [readOnly ? '+i' : '-i', file]);
  else chmodSync(file, readOnly ? 0o400 : 0o600);
}

describe('SQLite queue faults', () => {
  it('creates queue.db, -wal and -shm owner-only (0600) whatever the umask, and tightens older 0644 files', async () => {
    const previous = process.umask(0o022);
    try {
      const path = freshPath();
      const queue = queueAt(path);
      await queue.enqueue(sampleCase());
      for (const suffix of ['', '-wal', '-shm']) expect((statSync(path + suffix).mode & 0o777).toString(8), suffix).toBe('600');
      await queue.shutdown();
      open.length = 0;
      chmodSync(path, 0o644);
      const again = queueAt(path);
      await again.enqueue(sampleCase());
      for (const suffix of ['', '-wal', '-shm']) expect((statSync(path + suffix).mode & 0o777).toString(8), suffix).toBe('600');
    } finally {
      process.umask(previous);
    }
  });

  it('a database deleted while running: the batch that went to the deleted file fails, the next is stored in a new file at the path', async () => {
    const path = freshPath();
    const queue = queueAt(path);
    await queue.enqueue(sampleCase());
    removeDatabase(path);
    const lost = sampleCase();
    await expect(queue.enqueue(lost)).rejects.toThrow(/deleted/);
    const kept = sampleCase();
    expect(await queue.enqueue(kept)).toEqual({ reference: kept.reference, created: true });
    expect(await referencesAt(path)).toEqual([kept.reference]);
  });

  it('a database replaced while running (a backup restored over it): no request is answered as stored in the old file', async () => {
    const path = freshPath();
    const queue = queueAt(path);
    await queue.enqueue(sampleCase());
    const restoredPath = freshPath();
    const restored = sampleCase();
    const other = openSqliteQueue(restoredPath);
    await other.enqueue(restored);
    await other.shutdown();
    removeDatabase(path);
    renameSync(restoredPath, path);
    await expect(queue.enqueue(sampleCase())).rejects.toThrow(/deleted|replaced/);
    const kept = sampleCase();
    expect(await queue.enqueue(kept)).toEqual({ reference: kept.reference, created: true });
    expect(await referencesAt(path)).toEqual([restored.reference, kept.reference].sort());
  });

  it('a database that cannot be written fails every request, then recovers by itself once it can, with no restart', async () => {
    const path = freshPath();
    const queue = queueAt(path);
    // The shared-memory index stays writable: SQLite maps it into memory, and with it immutable
    // SQLite itself ends the process (SIGBUS, seen here). Refusing the database and journal is the fault that matters.
    const files = ['', '-wal'].map((s) => path + s);
    const fault = async () => {
      files.forEach((f) => setReadOnly(f, true));
      try {
        for (let i = 0; i < 3; i += 1) await expect(queue.enqueue(sampleCase())).rejects.toThrow();
      } finally {
        files.forEach((f) => setReadOnly(f, false));
      }
      const later = sampleCase();
      expect(await queue.enqueue(later)).toEqual({ reference: later.reference, created: true });
      return later.reference;
    };
    // Read-only when the writer first opens it (a connection opened read-only stays so), then again mid-way.
    const first = await fault();
    const second = await fault();
    expect(await referencesAt(path)).toEqual([first, second].sort());
  });

  it('failed opens leak no file handle, whether opening the queue or reopening in its writer', async () => {
    const path = freshPath();
    writeFileSync(path, 'this is not a database, it is a file of the same name'.repeat(100));
    const before = openFileHandles();
    for (let i = 0; i < 20; i += 1) expect(() => openSqliteQueue(path)).toThrow(/not a database/);
    expect(openFileHandles()).toBe(before);

    const good = freshPath();
    const queue = queueAt(good);
    await queue.enqueue(sampleCase());
    removeDatabase(good);
    writeFileSync(good, 'not a database either'.repeat(100));
    await expect(queue.enqueue(sampleCase())).rejects.toThrow();
    const during = openFileHandles();
    for (let i = 0; i < 20; i += 1) await expect(queue.enqueue(sampleCase())).rejects.toThrow(/not a database/);
    expect(openFileHandles()).toBe(during);
    rmSync(good);
    const later = sampleCase();
    expect(await queue.enqueue(later)).toEqual({ reference: later.reference, created: true });
  });
});
