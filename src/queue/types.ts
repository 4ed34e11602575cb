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
  /** The request, sealed with age to the case team's recipients. */
  sealed: Uint8Array;
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
  /** Cases still waiting for first contact (new or claimed) whose dueBy is before `now`, oldest due first. */
  overdue(now: Date): Promise<CaseSummary[]>;
  /** Every audit row of every case with its chain hash, each case's rows together and oldest first (for `verify`). */
  chainedAudit(): Promise<ChainedAuditRow[]>;
  /** Deletes closed cases (and their audit) closed before `closedBefore`; never an open case. Returns how many. */
  purge(closedBefore: Date): Promise<number>;
  /** Stores one survivor's feedback, sealed, and adds its scores to the day's plain counts, in one transaction. */
  recordFeedback(input: NewFeedback): Promise<void>;
  /** The plain counts of feedback received from `firstDay` to `lastDay` ("2026-11-01" to "2026-11-30"), both included. */
  feedbackCounts(firstDay: string, lastDay: string): Promise<FeedbackCounts>;
  /** Releases the connection; the queue is unusable afterwards. */
  shutdown(): Promise<void>;
}
