/**
 * The shared CaseQueue for landlords that run several servers: PostgreSQL through `pg`.
 * Every server and every staff command line talks to the same database, so the rules that keep a
 * case safe live in SQL: a claim is a conditional UPDATE that only one transaction can win, each
 * change commits together with its audit row, and the submission key is a unique constraint.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { auditHash, chainStart, type ChainedAuditRow } from './audit-chain.ts';
import { storageDeadlineMs } from './deadline.ts';
import {
  allowedFrom,
  CaseQueueError,
  type AttemptResult,
  type AuditAction,
  type AuditEntry,
  type CaseOutcome,
  type CaseQueue,
  type CaseRecord,
  type CaseStatus,
  type CaseSummary,
  type EnqueueResult,
  type FeedbackCounts,
  type NewCase,
  type ReportCase,
  type ClaimedNotification,
  type NotificationChannel,
  type NotificationState,
  type NotificationSummary,
  type RetryPolicy,
  type NewFeedback,
  type SealedFeedback,
} from './types.ts';
import { accessNeedsFromColumn, storedAccessNeeds } from './access-needs.ts';
import { countedAnswers, feedbackCountsFrom, type CountRow } from './feedback-counts.ts';

/** Versioned schema: entry n takes the database from version n to n + 1. Append only. */
const migrations = [
  `CREATE TABLE cases (
     id text PRIMARY KEY,
     reference text NOT NULL UNIQUE,
     submission_key text NOT NULL UNIQUE,
     lang text NOT NULL,
     created_at timestamptz NOT NULL,
     due_by timestamptz NOT NULL,
     status text NOT NULL CHECK (status IN ('new', 'claimed', 'contacted', 'could-not-contact', 'closed')),
     claimed_by text,
     closed_at timestamptz,
     sealed bytea NOT NULL
   );
   CREATE INDEX cases_status_due ON cases (status, due_by);
   CREATE INDEX cases_created ON cases (created_at DESC);
   CREATE TABLE audit (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
     at timestamptz NOT NULL,
     actor text NOT NULL,
     action text NOT NULL,
     sealed_detail bytea
   );
   CREATE INDEX audit_case ON audit (case_id, seq);`,
  // A retry under the same token must match what was stored (cases from before this have NULL: a conflict).
  `ALTER TABLE cases ADD COLUMN request_digest text;`,
  // Append-only audit (see audit-chain.ts): every new row carries its chain hash; no row may be
  // changed or truncated; a row may only go with its case (the cascade from purge), and only a
  // closed case may be deleted. A role without UPDATE and DELETE is the stronger guard (README).
  `ALTER TABLE audit ADD COLUMN hash text;
   ALTER TABLE audit ADD CONSTRAINT audit_hash_required CHECK (hash IS NOT NULL) NOT VALID;
   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
       RETURN OLD;
     END IF;
     RAISE EXCEPTION 'audit rows are append-only: they go only with their closed case';
   END $$;
   CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
   CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
   CREATE FUNCTION cases_delete_closed_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF OLD.status <> 'closed' THEN
       RAISE EXCEPTION 'only a closed case may be deleted';
     END IF;
     RETURN OLD;
   END $$;
   CREATE TRIGGER cases_delete_closed_only BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION cases_delete_closed_only();`,
  // Staff sign-in (src/queue/staff-postgres.ts): only hashes of tokens, only public keys.
  `CREATE TABLE staff (
     id text PRIMARY KEY,
     name text NOT NULL,
     roles text NOT NULL,
     user_handle text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL
   );
   CREATE TABLE staff_enrolments (
     token_hash text PRIMARY KEY,
     staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     expires_at timestamptz NOT NULL
   );
   CREATE TABLE staff_passkeys (
     credential_id text PRIMARY KEY,
     staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     public_key bytea NOT NULL,
     counter bigint NOT NULL,
     transports text NOT NULL,
     created_at timestamptz NOT NULL,
     last_used_at timestamptz
   );
   CREATE TABLE staff_sessions (
     token_hash text PRIMARY KEY,
     staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL
   );
   CREATE TABLE staff_challenges (
     id text PRIMARY KEY,
     challenge text NOT NULL,
     purpose text NOT NULL,
     staff_id text,
     expires_at timestamptz NOT NULL
   );
   CREATE TABLE staff_unlock (
     staff_id text PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
     credential text NOT NULL,
     wrapped bytea NOT NULL,
     updated_at timestamptz NOT NULL
   );
   CREATE TABLE staff_audit (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at timestamptz NOT NULL,
     actor text NOT NULL,
     action text NOT NULL
   );`,
  // The notification outbox (src/notify/): rows written with their case, delivered by the workers
  // of every server, each row claimed by one (FOR UPDATE SKIP LOCKED) under a lease. Nothing personal.
  `CREATE TABLE notifications (
     id text PRIMARY KEY,
     case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN ('new', 'due-soon', 'overdue')),
     channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
     state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'skipped')),
     run_at timestamptz NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     last_error text,
     claimed_by text,
     claimed_until timestamptz,
     created_at timestamptz NOT NULL,
     finished_at timestamptz,
     UNIQUE (case_id, kind, channel)
   );
   CREATE INDEX notifications_due ON notifications (run_at) WHERE state = 'pending';`,
  // Survivors' feedback, sealed, with its scores also
  // kept as plain counts per day (never the comment, never a moment finer than the day).
  `CREATE TABLE feedback (
     id text PRIMARY KEY,
     received_on date NOT NULL,
     sealed bytea NOT NULL
   );
   CREATE TABLE feedback_counts (
     received_on date NOT NULL,
     question text NOT NULL,
     answer text NOT NULL,
     count integer NOT NULL,
     PRIMARY KEY (received_on, question, answer)
   );`,
  // Publishes from the editor (src/editor/publish.ts): who, when, which content files.
  `CREATE TABLE publish_audit (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at timestamptz NOT NULL,
     actor text NOT NULL,
     files jsonb NOT NULL
   );`,
  // Access-need flags for the monthly report (see access-needs.ts); NULL for requests made before.
  `ALTER TABLE cases ADD COLUMN access_needs text;`,
];

/** Held while migrating, so servers starting together apply each migration exactly once. */
const migrationLockKey = 7_246_007;

interface CaseRow {
  id: string;
  reference: string;
  lang: string;
  created_at: Date;
  due_by: Date;
  status: CaseStatus;
  claimed_by: string | null;
  closed_at: Date | null;
  sealed?: Buffer;
}

const summaryColumns = 'id, reference, lang, created_at, due_by, status, claimed_by, closed_at';

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    lang: row.lang,
    createdAt: row.created_at,
    dueBy: row.due_by,
    status: row.status,
    claimedBy: row.claimed_by,
    closedAt: row.closed_at,
  };
}

/** pg sends a Buffer as bytea; a plain Uint8Array is wrapped without copying. */
function bytea(bytes: Uint8Array | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Connects to the queue at `url` (postgres://…), applies any missing migrations under an advisory
 * lock, and returns the queue. `poolSize` caps this process's connections.
 */
export async function openPostgresQueue(url: string, poolSize = 10): Promise<CaseQueue> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A database that does not answer (paused, unreachable, overloaded) must not hang a request:
    // connecting, or waiting for a free connection, gives up well inside the request's deadline;
    // the server cancels any statement that runs past it; and a connection that gets no answer at
    // all is dropped after twice the deadline, so hung connections do not fill the pool.
    connectionTimeoutMillis: Math.round(storageDeadlineMs * 0.6),
    statement_timeout: storageDeadlineMs,
    query_timeout: 2 * storageDeadlineMs,
    keepAlive: true,
  });
  // An idle connection dropped by the database must not crash the server; the next query reconnects.
  pool.on('error', (error) => console.error(`case queue: idle PostgreSQL connection lost (${error.name})`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresCaseQueue(pool);
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    // Asked first, not CREATE … IF NOT EXISTS: a web server role without CREATE (README) may start
    // on a database its owner has already brought up to date.
    const { rows: known } = await client.query<{ present: boolean }>(`SELECT to_regclass('queue_schema_version') IS NOT NULL AS present`);
    if (!known[0]?.present) {
      await client.query(`CREATE TABLE queue_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    }
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM queue_schema_version');
    const version = rows[0]?.version ?? 0;
    if (version > migrations.length) {
      throw new Error(`The queue database is at schema version ${version}, newer than this code knows (${migrations.length}).`);
    }
    for (let v = version; v < migrations.length; v += 1) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[v]!);
        await client.query('INSERT INTO queue_schema_version (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * Appends a row to the case's hash chain. The caller holds the case row's lock (the UPDATE of a
 * state change, or SELECT … FOR UPDATE), so no other append can read the same last hash.
 */
async function appendChained(client: pg.PoolClient, caseId: string, actor: string, action: AuditAction, sealedDetail: Uint8Array | null): Promise<void> {
  const last = await client.query<{ hash: string | null }>('SELECT hash FROM audit WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [caseId]);
  const previous = last.rows[0]?.hash ?? chainStart;
  // The time is set here, in whole milliseconds, so the hash covers exactly what is stored.
  const at = new Date();
  const hash = auditHash(previous, { caseId, at, actor, action, sealedDetail });
  await client.query('INSERT INTO audit (case_id, at, actor, action, sealed_detail, hash) VALUES ($1, $2, $3, $4, $5, $6)', [
    caseId,
    at,
    actor,
    action,
    bytea(sealedDetail),
    hash,
  ]);
}

class PostgresCaseQueue implements CaseQueue {
  #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * One statement, so one round trip and one commit: the case and its "created" audit row go in
   * together or not at all. The unique submission key decides between duplicates; one that lost
   * to a request still committing sees nothing in this statement's snapshot, so it asks again.
   */
  async enqueue(input: NewCase): Promise<EnqueueResult> {
    const id = randomUUID();
    const hash = auditHash(chainStart, { caseId: id, at: input.createdAt, actor: 'intake', action: 'created', sealedDetail: null });
    const notifications = input.notifications ?? [];
    const { rows } = await this.#pool.query<{ reference: string; created: boolean; conflict: boolean }>(
      `WITH inserted AS (
         INSERT INTO cases (id, reference, submission_key, lang, created_at, due_by, status, sealed, request_digest, access_needs)
         VALUES ($1, $2, $3, $4, $5, $6, 'new', $7, $8, $10)
         ON CONFLICT (submission_key) DO NOTHING
         RETURNING id, reference
       ), audited AS (
         INSERT INTO audit (case_id, at, actor, action, hash) SELECT id, $5, 'intake', 'created', $9 FROM inserted
       ), notified AS (
         INSERT INTO notifications (id, case_id, kind, channel, run_at, created_at)
         SELECT n.id, inserted.id, n.kind, n.channel, n.run_at, $5
         FROM inserted, unnest($11::text[], $12::text[], $13::text[], $14::timestamptz[]) AS n (id, kind, channel, run_at)
       )
       SELECT reference, true AS created, false AS conflict FROM inserted
       UNION ALL
       SELECT reference, false, request_digest IS DISTINCT FROM $8 FROM cases WHERE submission_key = $3 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [
        id,
        input.reference,
        input.submissionKey,
        input.lang,
        input.createdAt,
        input.dueBy,
        bytea(input.sealed),
        input.requestDigest,
        hash,
        storedAccessNeeds(input.accessNeeds),
        notifications.map(() => randomUUID()),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.channel),
        notifications.map((n) => n.runAt.toISOString()),
      ],
    );
    const row =
      rows[0] ??
      (
        await this.#pool.query<{ reference: string; created: boolean; conflict: boolean }>(
          'SELECT reference, false AS created, request_digest IS DISTINCT FROM $2 AS conflict FROM cases WHERE submission_key = $1',
          [input.submissionKey, input.requestDigest],
        )
      ).rows[0]!;
    return row.conflict ? { reference: row.reference, created: row.created, conflict: true } : { reference: row.reference, created: row.created };
  }

  async list(filter: { status?: CaseStatus } = {}): Promise<CaseSummary[]> {
    const where = filter.status ? 'WHERE status = $1' : '';
    const { rows } = await this.#pool.query<CaseRow>(
      `SELECT ${summaryColumns} FROM cases ${where} ORDER BY created_at DESC, reference DESC`,
      filter.status ? [filter.status] : [],
    );
    return rows.map(toSummary);
  }

  async get(idOrReference: string): Promise<CaseRecord | undefined> {
    const { rows } = await this.#pool.query<CaseRow>(`SELECT ${summaryColumns}, sealed FROM cases WHERE id = $1 OR reference = $1`, [idOrReference]);
    const row = rows[0];
    return row ? { ...toSummary(row), sealed: new Uint8Array(row.sealed!) } : undefined;
  }

  async recordView(id: string, actor: string): Promise<void> {
    await this.#appendAudit(id, actor, 'viewed', null);
  }

  async claim(id: string, actor: string): Promise<void> {
    await this.#change(id, 'claim', 'claimed', actor, 'claimed', null);
  }

  async recordOutcome(id: string, outcome: CaseOutcome, actor: string, sealedNote?: Uint8Array): Promise<void> {
    await this.#change(id, 'outcome', outcome, actor, outcome, sealedNote ?? null);
  }

  async closeCase(id: string, actor: string): Promise<void> {
    await this.#change(id, 'close', 'closed', actor, 'closed', null);
  }

  async recordShareDecision(id: string, share: boolean, actor: string, sealedReason: Uint8Array): Promise<void> {
    await this.#appendAudit(id, actor, share ? 'shared' : 'not-shared', sealedReason);
  }

  async release(id: string, actor: string): Promise<void> {
    await this.#change(id, 'release', 'new', actor, 'released', null, { holder: null });
  }

  async reassign(id: string, to: string, actor: string): Promise<void> {
    await this.#change(id, 'reassign', 'claimed', actor, 'reassigned', null, { holder: to });
  }

  async recordAttempt(id: string, result: AttemptResult, actor: string, sealedNote?: Uint8Array): Promise<void> {
    await this.#guardedAudit(id, 'attempt', actor, `attempt-${result}`, sealedNote ?? null);
  }

  async handOver(id: string, actor: string, sealedReference: Uint8Array): Promise<void> {
    await this.#guardedAudit(id, 'handOver', actor, 'handed-over', sealedReference);
  }

  async reopen(id: string, actor: string): Promise<void> {
    await this.#change(id, 'reopen', 'claimed', actor, 'reopened', null, { holder: actor });
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const { rows } = await this.#pool.query<{ at: Date; actor: string; action: AuditAction; sealed_detail: Buffer | null }>(
      'SELECT at, actor, action, sealed_detail FROM audit WHERE case_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({
      at: r.at,
      actor: r.actor,
      action: r.action,
      sealedDetail: r.sealed_detail === null ? null : new Uint8Array(r.sealed_detail),
    }));
  }

  async overdue(now: Date): Promise<CaseSummary[]> {
    const { rows } = await this.#pool.query<CaseRow>(
      `SELECT ${summaryColumns} FROM cases WHERE status IN ('new', 'claimed') AND due_by < $1 ORDER BY due_by`,
      [now],
    );
    return rows.map(toSummary);
  }

  async reportRows(from: Date, to: Date): Promise<ReportCase[]> {
    // One statement, so the cases and their events come from the same snapshot.
    const { rows } = await this.#pool.query<{
      reference: string;
      lang: string;
      created_at: Date;
      due_by: Date;
      status: CaseStatus;
      access_needs: string | null;
      events: { at: number; action: AuditAction }[];
    }>(
      `SELECT c.reference, c.lang, c.created_at, c.due_by, c.status, c.access_needs,
         coalesce((SELECT json_agg(json_build_object('at', floor(extract(epoch FROM a.at) * 1000), 'action', a.action) ORDER BY a.seq)
                   FROM audit a WHERE a.case_id = c.id), '[]') AS events
       FROM cases c WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY c.created_at, c.reference`,
      [from, to],
    );
    return rows.map((r) => ({
      reference: r.reference,
      lang: r.lang,
      createdAt: r.created_at,
      dueBy: r.due_by,
      status: r.status,
      accessNeeds: accessNeedsFromColumn(r.access_needs),
      events: r.events.map((e) => ({ at: new Date(Number(e.at)), action: e.action })),
    }));
  }

  async chainedAudit(): Promise<ChainedAuditRow[]> {
    const { rows } = await this.#pool.query<{
      case_id: string;
      reference: string;
      at: Date;
      actor: string;
      action: AuditAction;
      sealed_detail: Buffer | null;
      hash: string | null;
    }>('SELECT a.case_id, c.reference, a.at, a.actor, a.action, a.sealed_detail, a.hash FROM audit a JOIN cases c ON c.id = a.case_id ORDER BY a.case_id, a.seq');
    return rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      at: r.at,
      actor: r.actor,
      action: r.action,
      sealedDetail: r.sealed_detail === null ? null : new Uint8Array(r.sealed_detail),
      hash: r.hash,
    }));
  }

  async purge(closedBefore: Date): Promise<number> {
    // The audit rows go with their case (ON DELETE CASCADE), in the same statement.
    const result = await this.#pool.query(`DELETE FROM cases WHERE status = 'closed' AND closed_at < $1`, [closedBefore]);
    return result.rowCount ?? 0;
  }

  async claimNotifications(worker: string, channels: readonly NotificationChannel[], now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
    if (channels.length === 0) return [];
    // SKIP LOCKED: a row another server is claiming this instant is left to it, not waited for;
    // once that claim commits, its lease (claimed_until) keeps the row out of every other claim.
    const { rows } = await this.#pool.query<{
      id: string;
      kind: ClaimedNotification['kind'];
      channel: NotificationChannel;
      attempts: number;
      reference: string;
      due_by: Date;
      status: CaseStatus;
    }>(
      `WITH due AS (
         SELECT id FROM notifications
         WHERE state = 'pending' AND run_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3) AND channel = ANY($2::text[])
         ORDER BY run_at LIMIT $5
         FOR UPDATE SKIP LOCKED
       )
       UPDATE notifications n SET claimed_by = $1, claimed_until = $3::timestamptz + $4 * interval '1 millisecond', attempts = n.attempts + 1
       FROM due, cases c WHERE n.id = due.id AND c.id = n.case_id
       RETURNING n.id, n.kind, n.channel, n.attempts, c.reference, c.due_by, c.status`,
      [worker, channels, now, leaseMs, limit],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, channel: r.channel, attempts: r.attempts, reference: r.reference, dueBy: r.due_by, caseStatus: r.status }));
  }

  async completeNotification(id: string, worker: string, state: 'delivered' | 'skipped', now: Date): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE notifications SET state = $3, finished_at = $4, claimed_by = NULL, claimed_until = NULL
       WHERE id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [id, worker, state, now],
    );
    return result.rowCount === 1;
  }

  async failNotification(id: string, worker: string, errorClass: string, now: Date, policy: RetryPolicy): Promise<NotificationState | undefined> {
    // One statement records the error and either schedules the next attempt (the delay doubles
    // from baseMs, never beyond capMs) or, once the attempts are spent, marks the row dead; only
    // while this worker still holds the row.
    const { rows } = await this.#pool.query<{ state: NotificationState }>(
      `UPDATE notifications SET
         last_error = $3,
         state = CASE WHEN attempts >= $5 THEN 'dead' ELSE 'pending' END,
         finished_at = CASE WHEN attempts >= $5 THEN $4::timestamptz ELSE NULL END,
         run_at = $4::timestamptz + least($6::float8, $7::float8 * power(2, least(attempts - 1, 20))) * interval '1 millisecond',
         claimed_by = NULL, claimed_until = NULL
       WHERE id = $1 AND claimed_by = $2 AND state = 'pending'
       RETURNING state`,
      [id, worker, errorClass, now, policy.maxAttempts, policy.capMs, policy.baseMs],
    );
    return rows[0]?.state;
  }

  async listNotifications(states: readonly NotificationState[]): Promise<NotificationSummary[]> {
    const { rows } = await this.#pool.query<Omit<NotificationSummary, 'runAt' | 'lastError'> & { run_at: Date; last_error: string | null }>(
      `SELECT n.id, c.reference, n.kind, n.channel, n.state, n.attempts, n.run_at, n.last_error
       FROM notifications n JOIN cases c ON c.id = n.case_id
       WHERE n.state = ANY($1::text[]) ORDER BY n.run_at, n.id`,
      [states],
    );
    return rows.map(({ run_at, last_error, ...r }) => ({ ...r, runAt: run_at, lastError: last_error }));
  }

  async retryNotifications(target: { id: string } | { dead: true }, now: Date): Promise<number> {
    // A row a live worker holds is left alone, so a retry can never make two deliveries at once.
    const result = await this.#pool.query(
      `UPDATE notifications SET state = 'pending', attempts = 0, run_at = $1, last_error = NULL, finished_at = NULL, claimed_by = NULL, claimed_until = NULL
       WHERE ${'id' in target ? `id = $2 AND state IN ('pending', 'dead')` : `state = 'dead'`} AND (claimed_until IS NULL OR claimed_until <= $1)`,
      'id' in target ? [now, target.id] : [now],
    );
    return result.rowCount ?? 0;
  }

  /** One statement, so the sealed answers and the counts commit together or not at all. */
  async recordFeedback(input: NewFeedback): Promise<void> {
    const answers = countedAnswers(input.scores);
    await this.#pool.query(
      `WITH stored AS (INSERT INTO feedback (id, received_on, sealed) VALUES ($1, $2, $3))
       INSERT INTO feedback_counts (received_on, question, answer, count)
       SELECT $2, question, answer, 1 FROM unnest($4::text[], $5::text[]) AS a (question, answer)
       ON CONFLICT (received_on, question, answer) DO UPDATE SET count = feedback_counts.count + 1`,
      [randomUUID(), input.receivedOn, bytea(input.sealed), answers.map((a) => a.question), answers.map((a) => a.answer)],
    );
  }

  async feedbackCounts(firstDay: string, lastDay: string): Promise<FeedbackCounts> {
    const { rows } = await this.#pool.query<CountRow>(
      'SELECT question, answer, sum(count)::integer AS total FROM feedback_counts WHERE received_on BETWEEN $1 AND $2 GROUP BY question, answer',
      [firstDay, lastDay],
    );
    return feedbackCountsFrom(rows);
  }

  async sealedFeedback(firstDay: string, lastDay: string): Promise<SealedFeedback[]> {
    // to_char: the day as written, never a Date shifted by the server's time zone. Within a day the
    // order is the random id's, so it says nothing about which came first.
    const { rows } = await this.#pool.query<{ received_on: string; sealed: Buffer }>(
      "SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on, sealed FROM feedback WHERE received_on BETWEEN $1 AND $2 ORDER BY received_on, id",
      [firstDay, lastDay],
    );
    return rows.map((r) => ({ receivedOn: r.received_on, sealed: new Uint8Array(r.sealed) }));
  }

  async purgeFeedback(receivedBefore: string): Promise<number> {
    const result = await this.#pool.query('DELETE FROM feedback WHERE received_on < $1', [receivedBefore]);
    return result.rowCount ?? 0;
  }

  async shutdown(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }

  /**
   * One state change and its audit row in one transaction. The UPDATE only matches a row still in
   * an allowed state; a concurrent second claim waits for the first to commit, re-reads the row,
   * finds it "claimed", and matches nothing.
   */
  async #change(
    id: string,
    change: keyof typeof allowedFrom,
    to: CaseStatus,
    actor: string,
    action: AuditAction,
    sealedDetail: Uint8Array | null,
    /** Who holds the case afterwards; by default a claim's actor, otherwise unchanged. */
    { holder }: { holder?: string | null } = change === 'claim' ? { holder: actor } : {},
  ): Promise<void> {
    await this.#transaction(async (client) => {
      const updated = await client.query(
        `UPDATE cases SET status = $2,
           claimed_by = CASE WHEN $5 THEN $3 ELSE claimed_by END,
           closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END
         WHERE id = $1 AND status = ANY($4::text[])`,
        [id, to, holder ?? null, allowedFrom[change], holder !== undefined],
      );
      if (updated.rowCount === 0) {
        const current = await client.query<{ status: CaseStatus }>('SELECT status FROM cases WHERE id = $1', [id]);
        const from = current.rows[0]?.status;
        if (!from) throw new CaseQueueError('not-found', `No case with id ${id}.`);
        throw new CaseQueueError('invalid-transition', `Case ${id} is "${from}", so it cannot become "${to}".`);
      }
      await appendChained(client, id, actor, action, sealedDetail);
    });
  }

  /** An audit line that changes no state (viewed, share decisions), chained under a lock on its case. */
  async #appendAudit(id: string, actor: string, action: AuditAction, sealedDetail: Uint8Array | null): Promise<void> {
    await this.#transaction(async (client) => {
      const found = await client.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
      if (found.rowCount === 0) throw new CaseQueueError('not-found', `No case with id ${id}.`);
      await appendChained(client, id, actor, action, sealedDetail);
    });
  }

  /** An audit line that changes no state but is allowed only in some states (attempts, hand-over), chained under a lock on its case. */
  async #guardedAudit(id: string, change: keyof typeof allowedFrom, actor: string, action: AuditAction, sealedDetail: Uint8Array | null): Promise<void> {
    await this.#transaction(async (client) => {
      const current = await client.query<{ status: CaseStatus }>('SELECT status FROM cases WHERE id = $1 FOR UPDATE', [id]);
      const from = current.rows[0]?.status;
      if (!from) throw new CaseQueueError('not-found', `No case with id ${id}.`);
      if (!allowedFrom[change].includes(from)) throw new CaseQueueError('invalid-transition', `Case ${id} is "${from}", so "${action}" cannot be recorded.`);
      await appendChained(client, id, actor, action, sealedDetail);
    });
  }

  /** Runs `work` between BEGIN and COMMIT on one connection, rolling back on any error. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // A checked-out client has no pool listener: without ours, a dropped connection would crash the server.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that got no answer in time, or cannot even roll back, is discarded rather than
      // returned to the pool (the database rolls back what it never saw committed).
      if ((error as Error).message === 'Query read timeout') broken = error as Error;
      else await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}
