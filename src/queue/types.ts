/**
 * The case queue: where sealed callback requests wait for the case team. One interface, one file per
 * storage (sqlite.ts, postgres.ts), one contract suite (tests/contract/case-queue-contract.ts) that
 * every implementation must pass. Nothing personal is ever passed in plaintext: requests, staff notes
 * and share-decision reasons arrive already sealed to the case team's age recipients.
 */
import type { ChainedAuditRow } from './audit-chain.ts';
import type { FeedbackAnswers } from '../feedback/schema.ts';

/** Where a case is: new → claimed → contacted | could-not-contact → closed. */
export type CaseStatus = 'new' | 'claimed' | 'contacted' | 'could-not-contact' | 'closed';

export const caseStatuses: readonly CaseStatus[] = ['new', 'claimed', 'contacted', 'could-not-contact', 'closed'];

/** Which states each change may start from; every adapter enforces these same rules. */
export const allowedFrom: Record<'claim' | 'outcome' | 'close' | 'release' | 'reassign' | 'attempt' | 'handOver' | 'reopen', readonly CaseStatus[]> = {
  claim: ['new'],
  outcome: ['claimed'],
  close: ['contacted', 'could-not-contact'],
  release: ['claimed'],
  reassign: ['claimed'],
  attempt: ['claimed', 'contacted', 'could-not-contact'],
  handOver: ['contacted'],
  reopen: ['closed'],
};

/** How one contact attempt went (the console's "record an attempt"). */
export type AttemptResult = 'reached' | 'no-answer' | 'not-safe' | 'wrong-number';

export const attemptResults: readonly AttemptResult[] = ['reached', 'no-answer', 'not-safe', 'wrong-number'];

/** The result of the first contact attempt. */
export type CaseOutcome = 'contacted' | 'could-not-contact';

/** What happened to a case, as the audit trail records it. */
export type AuditAction =
  | 'created'
  | 'viewed'
  | 'claimed'
  | 'contacted'
  | 'could-not-contact'
  | 'closed'
  | 'shared'
  | 'not-shared'
  | 'released'
  | 'reassigned'
  | `attempt-${AttemptResult}`
  | 'handed-over'
  | 'reopened';

/**
 * The access needs a request asked for, as coarse flags kept unsealed for the monthly report: only
 * whether each was asked for, never the language, the interpreter's gender or anything typed.
 */
export type AccessNeedFlag = 'interpreter' | 'bsl' | 'relay-uk' | 'easy-read';

/** Every flag, in the order they are stored and reported. */
export const accessNeedFlags: readonly AccessNeedFlag[] = ['interpreter', 'bsl', 'relay-uk', 'easy-read'];

/** A new request, sealed before it gets here. */
export interface NewCase {
  /** The short reference the survivor is shown, e.g. CB-7K3Q-9XPM. Unique. */
  reference: string;
  /** A digest of the form's one-time submission token; a repeat returns the first case's reference. */
  submissionKey: string;
  /** A digest of the checked request, keyed by the token: tells an identical repeat from an edited one. */
  requestDigest: string;
  /** The language the request was made in (a locale code). */
  lang: string;
  createdAt: Date;
  /** When first contact is owed. */
  dueBy: Date;
  /** Which access needs the checked request asked for (empty when none). */
  accessNeeds: readonly AccessNeedFlag[];
  /** The request, sealed with age to the case team's recipients. */
  sealed: Uint8Array;
  /** Notifications to the case team, written to the outbox in the same transaction (none when no channel is configured). */
  notifications?: readonly NewNotification[];
}

/** Why the case team is told: a new request, one due within 2 working hours still unclaimed, or one overdue. */
export type NotificationKind = 'new' | 'due-soon' | 'overdue';

export const notificationKinds: readonly NotificationKind[] = ['new', 'due-soon', 'overdue'];

/** How the case team is told. */
export type NotificationChannel = 'email' | 'webhook';

/** pending (waiting or being sent) → delivered | dead (gave up) | skipped (a reminder no longer true: the case was claimed or contacted). */
export type NotificationState = 'pending' | 'delivered' | 'dead' | 'skipped';

/** One outbox row to write with a new case; at most one per case, kind and channel. */
export interface NewNotification {
  kind: NotificationKind;
  channel: NotificationChannel;
  /** Not to be sent before this. */
  runAt: Date;
}

/** An outbox row a worker holds until its lease ends: enough to write the message, nothing sealed. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  /** Attempts so far, this one included. */
  attempts: number;
  reference: string;
  dueBy: Date;
  /** The case's status now, so a reminder that is no longer true can be skipped. */
  caseStatus: CaseStatus;
}

/** An outbox row as the staff command line lists it: no personal data. */
export interface NotificationSummary {
  id: string;
  reference: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  state: NotificationState;
  attempts: number;
  runAt: Date;
  /** The class (and code) of the last error, e.g. "Error:ECONNECTION"; never its message. */
  lastError: string | null;
}

/** How failed deliveries are retried: the delay doubles from baseMs up to capMs; after maxAttempts the row is dead. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

/** What may be shown of a case without decrypting anything. */
export interface CaseSummary {
  id: string;
  reference: string;
  lang: string;
  createdAt: Date;
  dueBy: Date;
  status: CaseStatus;
  /** The staff member who claimed it, or null. */
  claimedBy: string | null;
  /** When the case was closed, or null while it is open. */
  closedAt: Date | null;
}

/** A case with its sealed request. */
export interface CaseRecord extends CaseSummary {
  sealed: Uint8Array;
}

/** One line of a case's audit trail. */
export interface AuditEntry {
  at: Date;
  /** Who did it: a staff name, or "intake" for the server. */
  actor: string;
  action: AuditAction;
  /** A sealed note or reason (done --note, a share decision), or null. */
  sealedDetail: Uint8Array | null;
}

/** A case as the monthly report sees it: metadata and what happened when, nothing sealed and no staff names. */
export interface ReportCase {
  reference: string;
  lang: string;
  createdAt: Date;
  dueBy: Date;
  status: CaseStatus;
  /** The flags stored at intake; null for a request made before they were stored. */
  accessNeeds: AccessNeedFlag[] | null;
  /** Every audit line's action and time, oldest first. */
  events: { at: Date; action: AuditAction }[];
}

/** Why a queue operation was refused. */
export type CaseQueueErrorCode = 'not-found' | 'invalid-transition';

/** A refused queue operation: an unknown case, or a change its current state does not allow. */
export class CaseQueueError extends Error {
  readonly code: CaseQueueErrorCode;
  constructor(code: CaseQueueErrorCode, message: string) {
    super(message);
    this.name = 'CaseQueueError';
    this.code = code;
  }
}

/**
 * What enqueue did: stored a new case, or found the submission key already used. `conflict` is
 * true when that earlier case holds a different request: nothing was stored, and the caller must
 * not report the new details as sent.
 */
export interface EnqueueResult {
  reference: string;
  created: boolean;
  conflict?: true;
}

/**
 * One survivor's feedback. Only the day it came (London time), never the moment, so it cannot be
 * matched to a callback request made at the same minute.
 */
export interface NewFeedback {
  /** "2026-11-02", the London calendar day it arrived. */
  receivedOn: string;
  /** The answers, all of them, sealed with age to the case team's recipients (the comment is only here). */
  sealed: Uint8Array;
  /** The scores alone, kept as plain counts for the monthly report. Never the comment. */
  scores: Pick<FeedbackAnswers, 'easeOfAsking' | 'calledSafely' | 'listenedTo'>;
}

/** How many people gave each answer to each scored question, over some days. */
export interface FeedbackCounts {
  /** How many sent the survey. */
  responses: number;
  easeOfAsking: Record<FeedbackAnswers['easeOfAsking'], number>;
  calledSafely: Record<FeedbackAnswers['calledSafely'], number>;
  listenedTo: Record<FeedbackAnswers['listenedTo'], number>;
}

/** One stored feedback as the case team opens it: the day it came and its answers, still sealed. */
export interface SealedFeedback {
  /** "2026-11-02", the London calendar day it arrived. */
  receivedOn: string;
  sealed: Uint8Array;
}

/** Storage for callback requests and their audit trail. Every method is atomic. */
export interface CaseQueue {
  /** Stores a new case and its "created" audit line in one transaction; a repeated submissionKey stores nothing and returns the first reference (with conflict when its requestDigest differs). */
  enqueue(input: NewCase): Promise<EnqueueResult>;
  /** Cases, newest first, optionally only those in one status. */
  list(filter?: { status?: CaseStatus }): Promise<CaseSummary[]>;
  /** One case by its id or its reference, with its sealed request; undefined when there is none. */
  get(idOrReference: string): Promise<CaseRecord | undefined>;
  /** Records that `actor` decrypted and viewed the case. */
  recordView(id: string, actor: string): Promise<void>;
  /** new → claimed by `actor`; refused in any other state. */
  claim(id: string, actor: string): Promise<void>;
  /** claimed → contacted | could-not-contact, with an optional sealed note; refused in any other state. */
  recordOutcome(id: string, outcome: CaseOutcome, actor: string, sealedNote?: Uint8Array): Promise<void>;
  /** contacted | could-not-contact → closed; refused in any other state. */
  closeCase(id: string, actor: string): Promise<void>;
  /** Records a decision to share (or not share) information, with its sealed reason, which the policy requires. */
  recordShareDecision(id: string, share: boolean, actor: string, sealedReason: Uint8Array): Promise<void>;
  /** claimed → new, held by nobody. */
  release(id: string, actor: string): Promise<void>;
  /** claimed → claimed, now held by `to`. */
  reassign(id: string, to: string, actor: string): Promise<void>;
  /** Records one contact attempt and how it went, with an optional sealed note; the case must be claimed or past first contact. */
  recordAttempt(id: string, result: AttemptResult, actor: string, sealedNote?: Uint8Array): Promise<void>;
  /** Records the hand-over to case management, with the external case reference sealed; only once contacted. */
  handOver(id: string, actor: string, sealedReference: Uint8Array): Promise<void>;
  /** closed → claimed by `actor`. */
  reopen(id: string, actor: string): Promise<void>;
  /** The case's audit trail, oldest first. */
  audit(id: string): Promise<AuditEntry[]>;
  /** Cases received from `from` up to but not including `to`, oldest first, each with its audit actions (for the monthly report). */
  reportRows(from: Date, to: Date): Promise<ReportCase[]>;
  /** Cases still waiting for first contact (new or claimed) whose dueBy is before `now`, oldest due first. */
  overdue(now: Date): Promise<CaseSummary[]>;
  /** Every audit row of every case with its chain hash, each case's rows together and oldest first (for `verify`). */
  chainedAudit(): Promise<ChainedAuditRow[]>;
  /** Deletes closed cases (and their audit) closed before `closedBefore`; never an open case. Returns how many. */
  purge(closedBefore: Date): Promise<number>;
  /**
   * Claims up to `limit` pending notifications for these channels whose time has come and that no
   * live lease holds, for `leaseMs` from `now`, counting an attempt on each. Two workers never hold
   * the same row; a crashed worker's rows come back when its lease ends.
   */
  claimNotifications(worker: string, channels: readonly NotificationChannel[], now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]>;
  /** Marks a held notification delivered (or skipped); false when `worker` no longer holds it. */
  completeNotification(id: string, worker: string, state: 'delivered' | 'skipped', now: Date): Promise<boolean>;
  /** Records a failed attempt by its error class and, in one statement, schedules the retry with backoff or marks it dead; only while `worker` holds it. */
  failNotification(id: string, worker: string, errorClass: string, now: Date, policy: RetryPolicy): Promise<NotificationState | undefined>;
  /** Outbox rows in these states, oldest first. */
  listNotifications(states: readonly NotificationState[]): Promise<NotificationSummary[]>;
  /** Puts one notification (by id) or every dead one back to pending, due now, with no attempts; returns how many. */
  retryNotifications(target: { id: string } | { dead: true }, now: Date): Promise<number>;
  /** Stores one survivor's feedback, sealed, and adds its scores to the day's plain counts, in one transaction. */
  recordFeedback(input: NewFeedback): Promise<void>;
  /** The plain counts of feedback received from `firstDay` to `lastDay` ("2026-11-01" to "2026-11-30"), both included. */
  feedbackCounts(firstDay: string, lastDay: string): Promise<FeedbackCounts>;
  /** The sealed feedback received from `firstDay` to `lastDay`, both included, oldest day first (for the case team to open). */
  sealedFeedback(firstDay: string, lastDay: string): Promise<SealedFeedback[]>;
  /** Deletes the sealed feedback received before the day `receivedBefore` ("2026-08-04"); the plain counts stay. Returns how many. */
  purgeFeedback(receivedBefore: string): Promise<number>;
  /** Releases the connection; the queue is unusable afterwards. */
  shutdown(): Promise<void>;
}
