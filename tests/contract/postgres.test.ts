import { afterAll, describe, it, vi } from 'vitest';
import { openPostgresQueue } from '../../src/queue/postgres.ts';
import { skipReason, startPostgres } from '../support/postgres.ts';
import pg from 'pg';
import { auditChainContract } from './audit-chain-contract.ts';
import { caseQueueContract } from './case-queue-contract.ts';
import { reportRowsContract } from './report-rows-contract.ts';
import { notificationOutboxContract } from './notification-outbox-contract.ts';
import { feedbackContract } from './feedback-contract.ts';

// Each test makes a database and several connections: slow on a busy machine, so allow a minute.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const cluster = startPostgres(4420);
afterAll(() => cluster?.stop());

if (cluster) {
  caseQueueContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
  reportRowsContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
  notificationOutboxContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
  feedbackContract('postgres', async () => openPostgresQueue(await cluster.createDatabase()));
  auditChainContract('postgres', {
    open: async () => {
      const url = await cluster.createDatabase();
      return {
        queue: await openPostgresQueue(url),
        sql: async (statement) => {
          const client = new pg.Client(url);
          await client.connect();
          try {
            await client.query(statement);
          } finally {
            await client.end();
          }
        },
      };
    },
    disableTriggers: 'ALTER TABLE audit DISABLE TRIGGER audit_append_only;',
  });
} else {
  describe.skip(`CaseQueue contract: postgres (skipped: ${skipReason})`, () => {
    it('needs PostgreSQL', () => undefined);
  });
}
