import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteQueue } from '../../src/queue/sqlite.ts';
import { caseQueueContract } from './case-queue-contract.ts';

caseQueueContract('sqlite', async () => openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'queue-contract-')), 'queue.db')));
