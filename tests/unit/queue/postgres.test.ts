/** What only the shared PostgreSQL queue must guarantee: several servers at once on one database. */
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openQueue } from '../../../src/queue/index.ts';
import { openPostgresQueue } from '../../../src/queue/postgres.ts';
import type { CaseQueue } from '../../../src/queue/types.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';
import { skipReason, startPostgres } from '../../support/postgres.ts';

// Each test makes a database and several connections: slow on a busy machine, so allow a minute.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const cluster = startPostgres(4421);
afterAll(() => cluster?.stop());

/** Runs `work` with a plain client on `url`, for looking under the adapter. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!cluster)(`PostgreSQL queue with several servers${cluster ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('is the queue the server and the command line open when QUEUE_URL is postgres://…', async () => {
    const url = await cluster!.createDatabase();
    const queue = await openQueue({ QUEUE_URL: url });
    try {
      const input = sampleCase();
      await queue.enqueue(input);
      const rows = await withClient(url, async (c) => (await c.query('SELECT reference FROM cases')).rows);
      expect(rows).toEqual([{ reference: input.reference }]);
    } finally {
      await queue.shutdown();
    }
  });

  it('migrates exactly once when many servers start together', async () => {
    const url = await cluster!.createDatabase();
    const queues = await Promise.all(Array.from({ length: 6 }, () => openPostgresQueue(url, 2)));
    try {
      const versions = await withClient(url, async (c) => (await c.query('SELECT version FROM queue_schema_version ORDER BY version')).rows);
      // Each migration once, in order (the request digest is version 2; others follow it).
      expect(versions.length).toBeGreaterThanOrEqual(2);
      expect(versions).toEqual(versions.map((_, i) => ({ version: i + 1 })));
      await queues[0]!.enqueue(sampleCase());
      expect(await queues[5]!.list()).toHaveLength(1);
    } finally {
      await Promise.all(queues.map((q) => q.shutdown()));
    }
  });

  it('refuses to start on a database migrated by newer code', async () => {
    const url = await cluster!.createDatabase();
    await (await openPostgresQueue(url)).shutdown();
    await withClient(url, (c) => c.query('INSERT INTO queue_schema_version (version) VALUES (99)'));
    await expect(openPostgresQueue(url)).rejects.toThrow(/schema version 99, newer than this code knows/);
  });

  it('never lets two servers claim the same case', async () => {
    const url = await cluster!.createDatabase();
    const [a, b] = [await openPostgresQueue(url, 5), await openPostgresQueue(url, 5)] as [CaseQueue, CaseQueue];
    try {
      const inputs = Array.from({ length: 60 }, () => sampleCase());
      for (const input of inputs) await a.enqueue(input);
      const ids = (await a.list()).map((c) => c.id);
      const attempt = (queue: CaseQueue, who: string) =>
        Promise.all(ids.map((id) => queue.claim(id, who).then(() => [id, who] as const, () => undefined)));
      const [byA, byB] = await Promise.all([attempt(a, 'sam'), attempt(b, 'alex')]);
      const wins = [...byA, ...byB].filter((w) => w !== undefined);
      expect(wins).toHaveLength(ids.length);
      expect(new Set(wins.map(([id]) => id)).size).toBe(ids.length);
      for (const [id, who] of wins) {
        expect((await b.get(id))!.claimedBy).toBe(who);
        expect((await b.audit(id)).filter((e) => e.action === 'claimed').map((e) => e.actor)).toEqual([who]);
      }
    } finally {
      await Promise.all([a.shutdown(), b.shutdown()]);
    }
  });

  it('rolls a state change back when its audit row cannot be written', async () => {
    const url = await cluster!.createDatabase();
    const queue = await openPostgresQueue(url);
    try {
      const input = sampleCase();
      await queue.enqueue(input);
      const { id } = (await queue.get(input.reference))!;
      await withClient(url, (c) =>
        c.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$;
                 CREATE TRIGGER refuse_claims BEFORE INSERT ON audit FOR EACH ROW WHEN (NEW.action = 'claimed') EXECUTE FUNCTION refuse();`),
      );
      await expect(queue.claim(id, 'sam')).rejects.toThrow(/audit unavailable/);
      expect((await queue.get(id))!).toMatchObject({ status: 'new', claimedBy: null });
    } finally {
      await queue.shutdown();
    }
  });

  it('a web server role granted as the README says can take requests but cannot alter history', async () => {
    const url = await cluster!.createDatabase();
    await (await openPostgresQueue(url)).shutdown();
    const database = new URL(url).pathname.slice(1);
    // The README's GRANT lines, word for word (a password is not needed on this trust-auth cluster).
    await withClient(url, (c) =>
      c.query(`DO $$ BEGIN CREATE ROLE safe_home_web LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
               GRANT CONNECT ON DATABASE ${database} TO safe_home_web;
               GRANT USAGE ON SCHEMA public TO safe_home_web;
               GRANT SELECT ON queue_schema_version TO safe_home_web;
               GRANT SELECT (id, reference, submission_key, request_digest, due_by, status), INSERT ON cases TO safe_home_web;
               GRANT INSERT ON audit TO safe_home_web;
               GRANT SELECT, INSERT, UPDATE ON notifications TO safe_home_web;
               GRANT INSERT ON feedback TO safe_home_web;
               GRANT SELECT (received_on, question, answer, count), INSERT, UPDATE (count) ON feedback_counts TO safe_home_web;`),
    );
    const webUrl = url.replace('postgres@', 'safe_home_web@');
    const web = await openPostgresQueue(webUrl);
    try {
      const input = sampleCase({ accessNeeds: ['bsl'] });
      const now = new Date();
      expect(await web.enqueue({ ...input, notifications: [{ kind: 'new', channel: 'email', runAt: now }] })).toEqual({ reference: input.reference, created: true });
      expect(await web.enqueue({ ...sampleCase(), submissionKey: input.submissionKey })).toEqual({ reference: input.reference, created: false });
      // Every web server runs the notification worker: it claims, fails and completes outbox rows.
      const [held] = await web.claimNotifications('w1', ['email'], now, 60_000, 10);
      expect(held).toMatchObject({ reference: input.reference, caseStatus: 'new' });
      expect(await web.failNotification(held!.id, 'w1', 'Error:ESOCKET', now, { baseMs: 0, capMs: 0, maxAttempts: 5 })).toBe('pending');
      await web.claimNotifications('w1', ['email'], now, 60_000, 10);
      expect(await web.completeNotification(held!.id, 'w1', 'delivered', now)).toBe(true);
      // Survivors' feedback, twice on one day: the second adds to the first day's counts.
      for (let i = 0; i < 2; i += 1) await web.recordFeedback({ receivedOn: '2026-11-02', scores: { easeOfAsking: '4', calledSafely: 'yes', listenedTo: '5' }, sealed: new Uint8Array([1, 2, 3]) });
    } finally {
      await web.shutdown();
    }
    for (const statement of ['UPDATE audit SET actor = $$x$$', 'DELETE FROM audit', 'UPDATE cases SET status = $$closed$$', 'DELETE FROM cases', 'SELECT sealed FROM cases', 'SELECT access_needs FROM cases', 'SELECT sealed FROM feedback', 'DELETE FROM feedback_counts']) {
      await expect(withClient(webUrl, (c) => c.query(statement)), statement).rejects.toThrow(/permission denied/);
    }
  });

  it('holds nothing but sealed bytes and case metadata in its tables', async () => {
    const url = await cluster!.createDatabase();
    await (await openPostgresQueue(url)).shutdown();
    const columns = await withClient(url, async (c) =>
      (
        await c.query<{ table_name: string; column_name: string; data_type: string }>(
          `SELECT table_name, column_name, data_type FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name IN ('cases', 'audit', 'notifications') ORDER BY table_name, ordinal_position`,
        )
      ).rows.map((r) => `${r.table_name}.${r.column_name}:${r.data_type}`),
    );
    expect(columns).toEqual([
      'audit.seq:bigint',
      'audit.case_id:text',
      'audit.at:timestamp with time zone',
      'audit.actor:text',
      'audit.action:text',
      'audit.sealed_detail:bytea',
      'audit.hash:text',
      'cases.id:text',
      'cases.reference:text',
      'cases.submission_key:text',
      'cases.lang:text',
      'cases.created_at:timestamp with time zone',
      'cases.due_by:timestamp with time zone',
      'cases.status:text',
      'cases.claimed_by:text',
      'cases.closed_at:timestamp with time zone',
      'cases.sealed:bytea',
      'cases.request_digest:text',
      'cases.access_needs:text',
      'notifications.id:text',
      'notifications.case_id:text',
      'notifications.kind:text',
      'notifications.channel:text',
      'notifications.state:text',
      'notifications.run_at:timestamp with time zone',
      'notifications.attempts:integer',
      'notifications.last_error:text',
      'notifications.claimed_by:text',
      'notifications.claimed_until:timestamp with time zone',
      'notifications.created_at:timestamp with time zone',
      'notifications.finished_at:timestamp with time zone',
    ]);
  });
});
