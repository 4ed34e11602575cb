/**
 * Picks the case queue from QUEUE_URL: unset → SQLite at DATA_DIR/queue.db; "sqlite:<path>" → that
 * file; "postgres://…" or "postgresql://…" → the shared PostgreSQL queue for several servers. The
 * server and the staff command line both open the queue through here.
 */
import { join, resolve } from 'node:path';
import { openPostgresQueue } from './postgres.ts';
import { openSqliteQueue } from './sqlite.ts';
import type { CaseQueue } from './types.ts';

/** Opens the queue the environment names. Throws a clear message for an unknown QUEUE_URL. */
export async function openQueue(env: NodeJS.ProcessEnv = process.env): Promise<CaseQueue> {
  const url = env.QUEUE_URL?.trim();
  if (!url) return openSqliteQueue(join(resolve(env.DATA_DIR ?? 'data'), 'queue.db'));
  if (url.startsWith('sqlite:')) return openSqliteQueue(resolve(url.slice('sqlite:'.length)));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgresQueue(url);
  throw new Error('QUEUE_URL must be unset, "sqlite:<path>" or "postgres://…".');
}
