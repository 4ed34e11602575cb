import { afterAll, describe, it, vi } from 'vitest';
import { openPostgresQueue } from '../../src/queue/postgres.ts';
import { openQueueWithStaff } from '../../src/queue/staff-index.ts';
import { skipReason, startPostgres } from '../support/postgres.ts';
import { caseActionsContract } from './case-actions-contract.ts';
import { staffStoreContract } from './staff-store-contract.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const cluster = startPostgres(4427);
afterAll(() => cluster?.stop());

if (cluster) {
  caseActionsContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
  staffStoreContract('postgres', async () => {
    const { queue, staff } = await openQueueWithStaff({ QUEUE_URL: await cluster.createDatabase() });
    await queue.shutdown();
    return staff;
  });
} else {
  describe.skip(`StaffStore contract: postgres (skipped: ${skipReason})`, () => {
    it('needs PostgreSQL', () => undefined);
  });
}
