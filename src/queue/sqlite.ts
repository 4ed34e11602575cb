/**
 * The default CaseQueue: one SQLite file through node:sqlite. WAL lets the staff command line read
 * while the server writes; synchronous=FULL means an answered request survives a power cut.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
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
import { workerCaller, type WorkerCaller } from '../server/worker-call.ts';
import { storageDeadlineMs } from './deadline.ts';
import { makeDatabaseFilesPrivate, watchDatabaseFiles } from './sqlite-files.ts';
import { auditHash, chainStart, type ChainedAuditRow } from './audit-chain.ts';

/** Versioned schema: entry n moves the database from user_version n to n + 1. Append only. */
const migrations = [
  `CREATE TABLE cases (
     id TEXT PRIMARY KEY,
     reference TEXT NOT NULL UNIQUE,
     submission_key TEXT NOT NULL UNIQUE,
     lang TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     due_by INTEGER NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('new', 'claimed', 'contacted', 'could-not-contact', 'closed')),
     claimed_by TEXT,
     closed_at INTEGER,
     sealed BLOB NOT NULL
   ) STRICT;
   CREATE INDEX cases_status_due ON cases (status, due_by);
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     sealed_detail BLOB
   ) STRICT;
   CREATE INDEX audit_case ON audit (case_id, seq);`,
  // A retry under the same token must match what was stored (cases from before this have NULL: a conflict).
  `ALTER TABLE cases ADD COLUMN request_digest TEXT;`,
  // Append-only audit (see audit-chain.ts): every new row carries its chain hash; no row may be
  // changed; a row may only go with its case, and only a closed case may be deleted (purge).
  `ALTER TABLE audit ADD COLUMN hash TEXT;
   CREATE TRIGGER audit_hash_required BEFORE INSERT ON audit WHEN NEW.hash IS NULL
     BEGIN SELECT RAISE(ABORT, 'audit rows must carry their chain hash'); END;
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
     BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: they go only with their closed case'); END;
   CREATE TRIGGER cases_delete_closed_only BEFORE DELETE ON cases WHEN OLD.status <> 'closed'
     BEGIN SELECT RAISE(ABORT, 'only a closed case may be deleted'); END;`,
  // Staff sign-in (src/queue/staff-sqlite.ts): only hashes of tokens, only public keys.
  `CREATE TABLE staff (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     roles TEXT NOT NULL,
     user_handle TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE staff_enrolments (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     expires_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE staff_passkeys (
     credential_id TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     public_key BLOB NOT NULL,
     counter INTEGER NOT NULL,
     transports TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER
   ) STRICT;
   CREATE TABLE staff_sessions (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE staff_challenges (
     id TEXT PRIMARY KEY,
     challenge TEXT NOT NULL,
     purpose TEXT NOT NULL,
     staff_id TEXT,
     expires_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE staff_unlock (
     staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
     credential TEXT NOT NULL,
     wrapped BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE staff_audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL
   ) STRICT;`,
  // The notification outbox (src/notify/): rows written with their case, delivered by the worker.
  // Nothing personal: which case, why, by which channel, and how delivery is going.
  `CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('new', 'due-soon', 'overdue')),
     channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'skipped')),
     run_at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     claimed_by TEXT,
     claimed_until INTEGER,
     created_at INTEGER NOT NULL,
     finished_at INTEGER,
     UNIQUE (case_id, kind, channel)
   ) STRICT;
   CREATE INDEX notifications_due ON notifications (state, run_at);`,
  // Survivors' feedback, sealed, with its scores also
  // kept as plain counts per day (never the comment, never a moment finer than the day).
  `CREATE TABLE feedback (
     id TEXT PRIMARY KEY,
     received_on TEXT NOT NULL,
     sealed BLOB NOT NULL
   ) STRICT;
   CREATE TABLE feedback_counts (
     received_on TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (received_on, question, answer)
   ) STRICT;`,
  // Publishes from the editor (src/editor/publish.ts): who, when, which content files, as a JSON list.
  `CREATE TABLE publish_audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     files TEXT NOT NULL
   ) STRICT;`,
  // Access-need flags for the monthly report (see access-needs.ts); NULL for requests made before.
  `ALTER TABLE cases ADD COLUMN access_needs TEXT;`,
];

interface CaseRow {
  id: string;
  reference: string;
  lang: string;
  created_at: number;
  due_by: number;
  status: CaseStatus;
  claimed_by: string | null;
  closed_at: number | null;
  sealed?: Uint8Array;
}

const summaryColumns = 'id, reference, lang, created_at, due_by, status, claimed_by, closed_at';

interface NotificationRow {
  id: string;
  kind: ClaimedNotification['kind'];
  channel: NotificationChannel;
  attempts: number;
  reference: string;
  due_by: number;
  status: CaseStatus;
}

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    lang: row.lang,
    createdAt: new Date(row.created_at),
    dueBy: new Date(row.due_by),
    status: row.status,
    claimedBy: row.claimed_by,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
  };
}

/** A connection with the queue's settings, checked. One that fails its settings is closed, never leaked. */
export function openConnection(path: string): DatabaseSync {
  // Waiting for another process's write lock longer than a survivor waits for an answer helps nobody.
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: storageDeadlineMs });
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
    assertDurable(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The writer's connection, and a check that its files are still the ones at the path. */
export interface WriterConnection {
  db: DatabaseSync;
  /** Throws when the database at the path is no longer the file this connection writes to. */
  check: () => void;
}

/** Opens, migrates and starts watching the writer's connection; closes it again if any step fails. */
export function openWriterConnection(path: string): WriterConnection {
  makeDatabaseFilesPrivate(path);
  const db = openConnection(path);
  try {
    migrate(db);
    return { db, check: watchDatabaseFiles(path).check };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (creating and migrating if needed) the SQLite queue at `path`. New requests are written by
 * a thread of their own (sqlite-writer.ts), so the server's main thread never waits on the disk.
 * Node runs the writer's TypeScript as it is, from the project root, where the server, the staff
 * command line and the tests all run; a bundled copy of this module could not find it beside itself.
 */
export function openSqliteQueue(path: string, writerFile = resolve('src/queue/sqlite-writer.ts')): CaseQueue {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  makeDatabaseFilesPrivate(path);
  const db = openConnection(path);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const writer = workerCaller<NewCase, EnqueueResult>(writerFile, { path });
  // Loading the writer thread takes a while on a busy machine; it must not eat into the first
  // request's storage deadline.
  writer.warm();
  return new SqliteCaseQueue(db, writer);
}

/** Refuses to run unless WAL and synchronous=FULL really took effect. */
function assertDurable(db: DatabaseSync): void {
  const journal = (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode;
  const synchronous = (db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous;
  if (journal !== 'wal' || synchronous !== 2) {
    throw new Error(`The queue database must use journal_mode=WAL and synchronous=FULL, but has ${journal} and ${synchronous}.`);
  }
}

function migrate(db: DatabaseSync): void {
  transaction(db, () => {
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > migrations.length) {
      throw new Error(`The queue database is at schema version ${version}, newer than this code knows (${migrations.length}).`);
    }
    for (let v = version; v < migrations.length; v += 1) db.exec(migrations[v]!);
    db.exec(`PRAGMA user_version = ${migrations.length}`);
  });
}

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back on any error. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

interface PendingCase {
  input: NewCase;
  resolve: (result: EnqueueResult) => void;
  reject: (error: unknown) => void;
}

/** Prepared statements, kept per connection: intake runs the same three for every request. */
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();
function statement(db: DatabaseSync, sql: string): StatementSync {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/**
 * Appends a row to the case's hash chain; the caller's transaction (BEGIN IMMEDIATE) keeps any
 * other writer out between reading the last hash and writing the next. A new case passes chainStart.
 */
function appendAudit(
  db: DatabaseSync,
  caseId: string,
  actor: string,
  action: AuditAction,
  sealedDetail: Uint8Array | null,
  at = Date.now(),
  previous = (statement(db, 'SELECT hash FROM audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1').get(caseId) as { hash: string | null } | undefined)
    ?.hash ?? chainStart,
): void {
  const hash = auditHash(previous, { caseId, at: new Date(at), actor, action, sealedDetail });
  statement(db, 'INSERT INTO audit (case_id, at, actor, action, sealed_detail, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    caseId,
    at,
    actor,
    action,
    sealedDetail,
    hash,
  );
}

function insertCase(db: DatabaseSync, input: NewCase): EnqueueResult {
  const existing = statement(db, 'SELECT reference, request_digest FROM cases WHERE submission_key = ?').get(input.submissionKey) as
    | { reference: string; request_digest: string | null }
    | undefined;
  if (existing) {
    return existing.request_digest === input.requestDigest ? { reference: existing.reference, created: false } : { reference: existing.reference, created: false, conflict: true };
  }
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO cases (id, reference, submission_key, request_digest, lang, created_at, due_by, status, sealed, access_needs)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
  ).run(
    id,
    input.reference,
    input.submissionKey,
    input.requestDigest,
    input.lang,
    input.createdAt.getTime(),
    input.dueBy.getTime(),
    input.sealed,
    storedAccessNeeds(input.accessNeeds),
  );
  appendAudit(db, id, 'intake', 'created', null, input.createdAt.getTime(), chainStart);
  for (const n of input.notifications ?? []) {
    statement(db, 'INSERT INTO notifications (id, case_id, kind, channel, run_at, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      randomUUID(),
      id,
      n.kind,
      n.channel,
      n.runAt.getTime(),
      input.createdAt.getTime(),
    );
  }
  return { reference: input.reference, created: true };
}

/**
 * Enqueue with group commit: every request that arrives in the same turn of the event loop goes
 * into one transaction, so one fsync covers them all instead of one each (the writer thread takes
 * in every request that came while the last fsync ran). No caller hears "stored" until the COMMIT
 * holding its row has returned, so synchronous=FULL still means what it says. Each request has its
 * own savepoint, so one failing (a reference clash, say) cannot undo the others.
 *
 * After each COMMIT the writer checks that its file is still the one at the path: if the database
 * was deleted or replaced, the batch went where nobody will look, so every request in it fails.
 * After any failed batch (that, a disk gone read-only, a lock held too long) the connection is
 * closed and the next batch opens a fresh one, so the queue recovers by itself once the fault is gone.
 */
export function groupCommit(connect: () => WriterConnection): (input: NewCase) => Promise<EnqueueResult> {
  let pending: PendingCase[] = [];
  let current: WriterConnection | undefined;

  function flush(): void {
    const batch = pending;
    pending = [];
    let outcomes: ({ ok: EnqueueResult } | { error: unknown })[];
    let connection: WriterConnection;
    try {
      connection = current ??= connect();
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    const { db } = connection;
    try {
      outcomes = transaction(db, () =>
        batch.map(({ input }) => {
          db.exec('SAVEPOINT enqueue');
          try {
            const ok = insertCase(db, input);
            db.exec('RELEASE enqueue');
            return { ok };
          } catch (error) {
            db.exec('ROLLBACK TO enqueue; RELEASE enqueue');
            return { error };
          }
        }),
      );
      connection.check();
    } catch (error) {
      current = undefined;
      if (db.isOpen) db.close();
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if ('ok' in outcome) waiting.resolve(outcome.ok);
      else waiting.reject(outcome.error);
    });
  }

  return (input) =>
    new Promise((resolve, reject) => {
      pending.push({ input, resolve, reject });
      if (pending.length === 1) setImmediate(flush);
    });
}

class SqliteCaseQueue implements CaseQueue {
  #db: DatabaseSync;
  #writer: WorkerCaller<NewCase, EnqueueResult>;

  constructor(db: DatabaseSync, writer: WorkerCaller<NewCase, EnqueueResult>) {
    this.#db = db;
    this.#writer = writer;
  }

  enqueue(input: NewCase): Promise<EnqueueResult> {
    return this.#writer.call(input);
  }

  async list(filter: { status?: CaseStatus } = {}): Promise<CaseSummary[]> {
    const where = filter.status ? 'WHERE status = ?' : '';
    const params: SQLInputValue[] = filter.status ? [filter.status] : [];
    const rows = this.#db.prepare(`SELECT ${summaryColumns} FROM cases ${where} ORDER BY created_at DESC, rowid DESC`).all(...params);
    return (rows as unknown as CaseRow[]).map(toSummary);
  }

  async get(idOrReference: string): Promise<CaseRecord | undefined> {
    const row = this.#db.prepare(`SELECT ${summaryColumns}, sealed FROM cases WHERE id = ? OR reference = ?`).get(idOrReference, idOrReference) as
      | CaseRow
      | undefined;
    return row ? { ...toSummary(row), sealed: new Uint8Array(row.sealed!) } : undefined;
  }

  async recordView(id: string, actor: string): Promise<void> {
    transaction(this.#db, () => {
      this.#status(id);
      appendAudit(this.#db, id, actor, 'viewed', null);
    });
  }

  async claim(id: string, actor: string): Promise<void> {
    this.#change(id, 'claim', 'claimed', actor, 'claimed', null, { claimed_by: actor });
  }

  async recordOutcome(id: string, outcome: CaseOutcome, actor: string, sealedNote?: Uint8Array): Promise<void> {
    this.#change(id, 'outcome', outcome, actor, outcome, sealedNote ?? null, {});
  }

  async closeCase(id: string, actor: string): Promise<void> {
    this.#change(id, 'close', 'closed', actor, 'closed', null, { closed_at: Date.now() });
  }

  async recordShareDecision(id: string, share: boolean, actor: string, sealedReason: Uint8Array): Promise<void> {
    transaction(this.#db, () => {
      this.#status(id);
      appendAudit(this.#db, id, actor, share ? 'shared' : 'not-shared', sealedReason);
    });
  }

  async release(id: string, actor: string): Promise<void> {
    this.#change(id, 'release', 'new', actor, 'released', null, { claimed_by: null });
  }

  async reassign(id: string, to: string, actor: string): Promise<void> {
    this.#change(id, 'reassign', 'claimed', actor, 'reassigned', null, { claimed_by: to });
  }

  async recordAttempt(id: string, result: AttemptResult, actor: string, sealedNote?: Uint8Array): Promise<void> {
    this.#guardedAudit(id, 'attempt', actor, `attempt-${result}`, sealedNote ?? null);
  }

  async handOver(id: string, actor: string, sealedReference: Uint8Array): Promise<void> {
    this.#guardedAudit(id, 'handOver', actor, 'handed-over', sealedReference);
  }

  async reopen(id: string, actor: string): Promise<void> {
    this.#change(id, 'reopen', 'claimed', actor, 'reopened', null, { claimed_by: actor, closed_at: null });
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const rows = this.#db.prepare('SELECT at, actor, action, sealed_detail FROM audit WHERE case_id = ? ORDER BY seq').all(id) as unknown as {
      at: number;
      actor: string;
      action: AuditAction;
      sealed_detail: Uint8Array | null;
    }[];
    return rows.map((r) => ({
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      sealedDetail: r.sealed_detail === null ? null : new Uint8Array(r.sealed_detail),
    }));
  }

  async overdue(now: Date): Promise<CaseSummary[]> {
    const rows = this.#db
      .prepare(`SELECT ${summaryColumns} FROM cases WHERE status IN ('new', 'claimed') AND due_by < ? ORDER BY due_by`)
      .all(now.getTime());
    return (rows as unknown as CaseRow[]).map(toSummary);
  }

  async reportRows(from: Date, to: Date): Promise<ReportCase[]> {
    const range = [from.getTime(), to.getTime()];
    // One read transaction, so the cases and their events come from the same snapshot (WAL).
    this.#db.exec('BEGIN');
    try {
      return this.#reportRows(range);
    } finally {
      this.#db.exec('COMMIT');
    }
  }

  #reportRows(range: number[]): ReportCase[] {
    const cases = this.#db
      .prepare('SELECT id, reference, lang, created_at, due_by, status, access_needs FROM cases WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid')
      .all(...range) as unknown as (Omit<CaseRow, 'claimed_by' | 'closed_at'> & { access_needs: string | null })[];
    const events = this.#db
      .prepare(
        `SELECT a.case_id, a.at, a.action FROM audit a JOIN cases c ON c.id = a.case_id
         WHERE c.created_at >= ? AND c.created_at < ? ORDER BY a.seq`,
      )
      .all(...range) as unknown as { case_id: string; at: number; action: AuditAction }[];
    const byCase = new Map(cases.map((c) => [c.id, [] as ReportCase['events']]));
    for (const e of events) byCase.get(e.case_id)!.push({ at: new Date(e.at), action: e.action });
    return cases.map((c) => ({
      reference: c.reference,
      lang: c.lang,
      createdAt: new Date(c.created_at),
      dueBy: new Date(c.due_by),
      status: c.status,
      accessNeeds: accessNeedsFromColumn(c.access_needs),
      events: byCase.get(c.id)!,
    }));
  }

  async chainedAudit(): Promise<ChainedAuditRow[]> {
    const rows = this.#db
      .prepare(
        `SELECT a.case_id, c.reference, a.at, a.actor, a.action, a.sealed_detail, a.hash
         FROM audit a JOIN cases c ON c.id = a.case_id ORDER BY a.case_id, a.seq`,
      )
      .all() as unknown as { case_id: string; reference: string; at: number; actor: string; action: AuditAction; sealed_detail: Uint8Array | null; hash: string | null }[];
    return rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      sealedDetail: r.sealed_detail === null ? null : new Uint8Array(r.sealed_detail),
      hash: r.hash,
    }));
  }

  async purge(closedBefore: Date): Promise<number> {
    return transaction(this.#db, () => {
      const result = this.#db.prepare("DELETE FROM cases WHERE status = 'closed' AND closed_at < ?").run(closedBefore.getTime());
      return Number(result.changes);
    });
  }

  async claimNotifications(worker: string, channels: readonly NotificationChannel[], now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
    if (channels.length === 0) return [];
    const at = now.getTime();
    const due = `n.state = 'pending' AND n.run_at <= ? AND (n.claimed_until IS NULL OR n.claimed_until <= ?) AND n.channel IN (${channels.map(() => '?').join(', ')})`;
    // Asked first without the write lock: the worker polls, and most polls find nothing.
    if (!this.#db.prepare(`SELECT 1 FROM notifications n WHERE ${due} LIMIT 1`).get(at, at, ...channels)) return [];
    return transaction(this.#db, () => {
      const rows = this.#db
        .prepare(
          `SELECT n.id, n.kind, n.channel, n.attempts + 1 AS attempts, c.reference, c.due_by, c.status
           FROM notifications n JOIN cases c ON c.id = n.case_id WHERE ${due} ORDER BY n.run_at LIMIT ?`,
        )
        .all(at, at, ...channels, limit) as unknown as NotificationRow[];
      const hold = this.#db.prepare('UPDATE notifications SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id = ?');
      for (const row of rows) hold.run(worker, at + leaseMs, row.id);
      return rows.map((r) => ({ id: r.id, kind: r.kind, channel: r.channel, attempts: r.attempts, reference: r.reference, dueBy: new Date(r.due_by), caseStatus: r.status }));
    });
  }

  async completeNotification(id: string, worker: string, state: 'delivered' | 'skipped', now: Date): Promise<boolean> {
    const result = this.#db
      .prepare(
        `UPDATE notifications SET state = ?, finished_at = ?, claimed_by = NULL, claimed_until = NULL
         WHERE id = ? AND claimed_by = ? AND state = 'pending'`,
      )
      .run(state, now.getTime(), id, worker);
    return Number(result.changes) === 1;
  }

  async failNotification(id: string, worker: string, errorClass: string, now: Date, policy: RetryPolicy): Promise<NotificationState | undefined> {
    // One statement records the error and either schedules the next attempt (the delay doubles
    // from baseMs, never beyond capMs) or, once the attempts are spent, marks the row dead.
    const row = this.#db
      .prepare(
        `UPDATE notifications SET
           last_error = ?,
           state = CASE WHEN attempts >= ? THEN 'dead' ELSE 'pending' END,
           finished_at = CASE WHEN attempts >= ? THEN ? ELSE NULL END,
           run_at = ? + min(?, ? * (1 << min(attempts - 1, 20))),
           claimed_by = NULL, claimed_until = NULL
         WHERE id = ? AND claimed_by = ? AND state = 'pending'
         RETURNING state`,
      )
      .get(errorClass, policy.maxAttempts, policy.maxAttempts, now.getTime(), now.getTime(), policy.capMs, policy.baseMs, id, worker) as
      | { state: NotificationState }
      | undefined;
    return row?.state;
  }

  async listNotifications(states: readonly NotificationState[]): Promise<NotificationSummary[]> {
    if (states.length === 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT n.id, c.reference, n.kind, n.channel, n.state, n.attempts, n.run_at, n.last_error
         FROM notifications n JOIN cases c ON c.id = n.case_id
         WHERE n.state IN (${states.map(() => '?').join(', ')}) ORDER BY n.run_at, n.id`,
      )
      .all(...states) as unknown as (Omit<NotificationSummary, 'runAt' | 'lastError'> & { run_at: number; last_error: string | null })[];
    return rows.map(({ run_at, last_error, ...r }) => ({ ...r, runAt: new Date(run_at), lastError: last_error }));
  }

  async retryNotifications(target: { id: string } | { dead: true }, now: Date): Promise<number> {
    const at = now.getTime();
    const which = 'id' in target ? `id = ? AND state IN ('pending', 'dead')` : `state = 'dead'`;
    const result = this.#db
      .prepare(
        `UPDATE notifications SET state = 'pending', attempts = 0, run_at = ?, last_error = NULL, finished_at = NULL, claimed_by = NULL, claimed_until = NULL
         WHERE ${which} AND (claimed_until IS NULL OR claimed_until <= ?)`,
      )
      .run(at, ...('id' in target ? [target.id] : []), at);
    return Number(result.changes);
  }

  async recordFeedback(input: NewFeedback): Promise<void> {
    transaction(this.#db, () => {
      statement(this.#db, 'INSERT INTO feedback (id, received_on, sealed) VALUES (?, ?, ?)').run(randomUUID(), input.receivedOn, input.sealed);
      const count = statement(
        this.#db,
        `INSERT INTO feedback_counts (received_on, question, answer, count) VALUES (?, ?, ?, 1)
         ON CONFLICT (received_on, question, answer) DO UPDATE SET count = count + 1`,
      );
      for (const { question, answer } of countedAnswers(input.scores)) count.run(input.receivedOn, question, answer);
    });
  }

  async feedbackCounts(firstDay: string, lastDay: string): Promise<FeedbackCounts> {
    const rows = this.#db
      .prepare('SELECT question, answer, sum(count) AS total FROM feedback_counts WHERE received_on BETWEEN ? AND ? GROUP BY question, answer')
      .all(firstDay, lastDay) as unknown as CountRow[];
    return feedbackCountsFrom(rows);
  }

  async sealedFeedback(firstDay: string, lastDay: string): Promise<SealedFeedback[]> {
    const rows = this.#db
      .prepare('SELECT received_on, sealed FROM feedback WHERE received_on BETWEEN ? AND ? ORDER BY received_on, id')
      .all(firstDay, lastDay) as unknown as { received_on: string; sealed: Uint8Array }[];
    return rows.map((r) => ({ receivedOn: r.received_on, sealed: new Uint8Array(r.sealed) }));
  }

  async purgeFeedback(receivedBefore: string): Promise<number> {
    return transaction(this.#db, () => Number(this.#db.prepare('DELETE FROM feedback WHERE received_on < ?').run(receivedBefore).changes));
  }

  async shutdown(): Promise<void> {
    await this.#writer.stop();
    if (this.#db.isOpen) this.#db.close();
  }

  /** The case's current status; throws not-found when there is no such case. */
  #status(id: string): CaseStatus {
    const row = this.#db.prepare('SELECT status FROM cases WHERE id = ?').get(id) as { status: CaseStatus } | undefined;
    if (!row) throw new CaseQueueError('not-found', `No case with id ${id}.`);
    return row.status;
  }

  #change(
    id: string,
    change: keyof typeof allowedFrom,
    to: CaseStatus,
    actor: string,
    action: AuditAction,
    sealedDetail: Uint8Array | null,
    extra: { claimed_by?: string | null; closed_at?: number | null },
  ): void {
    transaction(this.#db, () => {
      const from = this.#status(id);
      if (!allowedFrom[change].includes(from)) {
        throw new CaseQueueError('invalid-transition', `Case ${id} is "${from}", so it cannot become "${to}".`);
      }
      const sets = ['status = ?', ...Object.keys(extra).map((column) => `${column} = ?`)];
      this.#db.prepare(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`).run(to, ...Object.values(extra), id);
      appendAudit(this.#db, id, actor, action, sealedDetail);
    });
  }

  /** An audit line that changes no state but is allowed only in some states (attempts, hand-over). */
  #guardedAudit(id: string, change: keyof typeof allowedFrom, actor: string, action: AuditAction, sealedDetail: Uint8Array | null): void {
    transaction(this.#db, () => {
      const from = this.#status(id);
      if (!allowedFrom[change].includes(from)) throw new CaseQueueError('invalid-transition', `Case ${id} is "${from}", so "${action}" cannot be recorded.`);
      appendAudit(this.#db, id, actor, action, sealedDetail);
    });
  }
}
