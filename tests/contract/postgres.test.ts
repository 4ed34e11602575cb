import { afterAll, describe, it } from 'vitest';
import { openPostgresQueue } from '../../src/queue/postgres.ts';
import { skipReason, startPostgres } from '../support/postgres.ts';
import { caseQueueContract } from './case-queue-contract.ts';

const cluster = startPostgres(4420);
afterAll(() => cluster?.stop());

if (cluster) {
  caseQueueContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
} else {
  describe.skip(`CaseQueue contract: postgres (skipped: ${skipReason})`, () => {
    it('needs PostgreSQL', () => undefined);
  });
}
