/**
 * Opens the case queue and, beside it in the same database, the staff store. The queue's
 * migrations create the staff tables, so it is opened first.
 */
import { join, resolve } from 'node:path';
import { openQueue } from './index.ts';
import { openPostgresStaffStore } from './staff-postgres.ts';
import { openSqliteStaffStore } from './staff-sqlite.ts';
import type { StaffStore } from './staff-types.ts';
import type { CaseQueue } from './types.ts';

/** The queue and the staff store that QUEUE_URL and DATA_DIR name. */
export async function openQueueWithStaff(env: NodeJS.ProcessEnv = process.env): Promise<{ queue: CaseQueue; staff: StaffStore }> {
  const queue = await openQueue(env);
  const url = env.QUEUE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { queue, staff: openPostgresStaffStore(url) };
  const path = url?.startsWith('sqlite:') ? resolve(url.slice('sqlite:'.length)) : join(resolve(env.DATA_DIR ?? 'data'), 'queue.db');
  return { queue, staff: openSqliteStaffStore(path) };
}
