import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openQueueWithStaff } from '../../src/queue/staff-index.ts';
import { openSqliteQueue } from '../../src/queue/sqlite.ts';
import { caseActionsContract } from './case-actions-contract.ts';
import { staffStoreContract } from './staff-store-contract.ts';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'staff-contract-'));

caseActionsContract('sqlite', async () => openSqliteQueue(join(emptyDir(), 'queue.db')));
staffStoreContract('sqlite', async () => {
  const { queue, staff } = await openQueueWithStaff({ DATA_DIR: emptyDir() });
  await queue.shutdown();
  return staff;
});
