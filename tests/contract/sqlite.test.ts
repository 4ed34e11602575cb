import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteQueue } from '../../src/queue/sqlite.ts';
import { auditChainContract } from './audit-chain-contract.ts';
import { caseQueueContract } from './case-queue-contract.ts';
import { reportRowsContract } from './report-rows-contract.ts';
import { notificationOutboxContract } from './notification-outbox-contract.ts';
import { feedbackContract } from './feedback-contract.ts';

caseQueueContract('sqlite', async () => openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db')));
reportRowsContract('sqlite', async () => openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db')));

notificationOutboxContract('sqlite', async () => openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db')));
feedbackContract('sqlite', async () => openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db')));

auditChainContract('sqlite', {
  open: async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db');
    const queue = openSqliteQueue(path);
    return {
      queue,
      sql: async (statement) => {
        const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
        try {
          db.exec(statement);
        } finally {
          db.close();
        }
      },
    };
  },
  disableTriggers: 'DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;',
});
