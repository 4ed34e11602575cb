/**
 * The SQLite queue's files on disk: queue.db and, in WAL mode, queue.db-wal and queue.db-shm. They
 * are private to the server's user, and the writer checks they are still the files it has open:
 * a database deleted or replaced under a running server would otherwise take requests into a file
 * nobody will ever see again, and the server would answer "sent" for them.
 */
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

const suffixes = ['', '-wal', '-shm'] as const;

/** The database, its write-ahead log and its shared-memory index. */
function databaseFiles(path: string): string[] {
  return suffixes.map((suffix) => path + suffix);
}

/** Which file is at `path` (device and inode), or undefined when there is none. */
function identityAt(path: string): string | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : undefined;
}

/**
 * Creates queue.db owner-only (0600) if it is missing, and makes it and any journal 0600 if an
 * older version created them 0644. SQLite gives the journals it creates the database's own mode.
 */
export function makeDatabaseFilesPrivate(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  for (const file of databaseFiles(path)) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** The database at the path is no longer the one this connection writes to. */
export class DatabaseFileChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileChangedError';
  }
}

/**
 * Remembers which files are at the database's paths now (call it right after opening). `check()`
 * throws DatabaseFileChangedError once any of them is gone or is another file. A journal that did
 * not exist yet is learned the first time it is seen: SQLite creates it on first use and, while a
 * connection is open, never removes it.
 */
export function watchDatabaseFiles(path: string): { check: () => void } {
  const files = databaseFiles(path);
  const known = files.map(identityAt);
  return {
    check() {
      files.forEach((file, i) => {
        const now = identityAt(file);
        if (known[i] === undefined) known[i] = now;
        else if (now !== known[i]) {
          throw new DatabaseFileChangedError(`${file} was ${now === undefined ? 'deleted' : 'replaced'} while the queue had it open.`);
        }
      });
    },
  };
}
