/**
 * DATA_DIR holds the case queue (sealed, but its metadata still says who asked for help and when)
 * and, in development, a private key. Only the server's own user may read or enter it.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * Creates DATA_DIR owner-only (0700), or checks that an existing one is. Throws a message naming
 * the folder, its mode and the fix when group or others may read, write or enter it.
 */
export function preparePrivateDataDir(path: string): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (!existing) {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask; say it outright.
    chmodSync(path, 0o700);
    return;
  }
  if (!existing.isDirectory()) throw new Error(`DATA_DIR ${path} is not a folder.`);
  const mode = existing.mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `DATA_DIR ${path} can be read or changed by other users (mode ${mode.toString(8).padStart(3, '0')}). ` +
        `The server will not start until only its own user can: chmod 700 ${path}`,
    );
  }
}
