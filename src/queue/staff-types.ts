/**
 * Staff, their passkeys and sessions: the StaffStore sits beside CaseQueue in the same database
 * (staff-sqlite.ts, staff-postgres.ts) and passes the same contract suite on both. Only hashes of
 * enrolment and session tokens are stored; a passkey is its public key; the unlock copy of the case
 * team's identity is wrapped in the browser with a passkey's PRF, so the server cannot open it.
 */

/** What a staff member may do: `case` sees requests; `publisher` edits the site's content. */
export type StaffRole = 'case' | 'publisher';

export const staffRoles: readonly StaffRole[] = ['case', 'publisher'];

/** A member of staff. */
export interface StaffMember {
  id: string;
  /** Full name, shown in the audit trail. */
  name: string;
  roles: StaffRole[];
  /** The WebAuthn user handle: random, never a name or email. */
  userHandle: string;
  createdAt: Date;
  /** How many passkeys they have registered. */
  passkeys: number;
}

/** A registered passkey (public half only). */
export interface StaffPasskey {
  /** base64url credential id. */
  credentialId: string;
  staffId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** A ceremony's challenge, kept server-side between the options and the verification. */
export interface StoredChallenge {
  challenge: string;
  purpose: 'register' | 'sign-in';
  /** For registration: the staff member enrolling; null for sign-in. */
  staffId: string | null;
}

/** One line of the staff audit trail (sign-ins, enrolments, removals); never a secret. */
export interface StaffEvent {
  at: Date;
  /** The staff member's name, or "unknown" for a failed sign-in with no matching passkey. */
  actor: string;
  action: 'staff-added' | 'staff-removed' | 'enrolment-issued' | 'passkey-added' | 'sign-in' | 'sign-in-failed' | 'sign-out' | 'unlock-saved';
}

/** One publish of the site from the editor: who, when, and which content files it changed. */
export interface PublishEvent {
  at: Date;
  /** The publisher's full name. */
  actor: string;
  /** Content files added, changed or deleted since the build it replaced (src/content/…). */
  files: string[];
}

/** The identity copy wrapped to one passkey's PRF (age's fido2prf stanza), and the credential that opens it. */
export interface WrappedIdentity {
  /** age-encryption's AGE-PLUGIN-FIDO2PRF-1… string: the credential id and relying party, nothing secret. */
  credential: string;
  wrapped: Uint8Array;
}

/** Storage for staff, passkeys, ceremonies and sessions. Every method is atomic. */
export interface StaffStore {
  /** Adds a staff member with a first enrolment token (its hash) valid until `expiresAt`. */
  addStaff(name: string, roles: StaffRole[], enrolmentHash: string, expiresAt: Date): Promise<StaffMember>;
  /** Another enrolment token for an existing member (a second device). Returns false if there is no such member. */
  addEnrolment(staffId: string, enrolmentHash: string, expiresAt: Date): Promise<boolean>;
  /** Everyone, oldest first. */
  listStaff(): Promise<StaffMember[]>;
  /** One member by id; undefined when there is none. */
  getStaff(id: string): Promise<StaffMember | undefined>;
  /** Deletes a member with their passkeys, enrolments, sessions and unlock copy, at once. Returns false if none. */
  removeStaff(id: string): Promise<boolean>;
  /** The member an unexpired enrolment token belongs to, without using it up. */
  findEnrolment(enrolmentHash: string, now: Date): Promise<StaffMember | undefined>;
  /** Uses up the enrolment token and stores the passkey, together; undefined (nothing stored) if the token is gone or expired. */
  enrolPasskey(enrolmentHash: string, now: Date, passkey: StaffPasskey): Promise<StaffMember | undefined>;
  /** A member's passkeys. */
  passkeysOf(staffId: string): Promise<StaffPasskey[]>;
  /** A passkey by its credential id. */
  findPasskey(credentialId: string): Promise<StaffPasskey | undefined>;
  /** Stores the authenticator's new signature counter after a verified sign-in. */
  updateCounter(credentialId: string, counter: number, at: Date): Promise<void>;
  /** Keeps a challenge until `expiresAt` under `id`. */
  saveChallenge(id: string, challenge: StoredChallenge, expiresAt: Date): Promise<void>;
  /** Takes a challenge (it can be used once); undefined if unknown or expired. Expired ones are deleted too. */
  takeChallenge(id: string, now: Date): Promise<StoredChallenge | undefined>;
  /** Starts a session under the hash of its token. */
  createSession(tokenHash: string, staffId: string, now: Date): Promise<void>;
  /**
   * The member behind a session still within both limits (idle since last use, absolute since the
   * start), marking it used now; undefined otherwise (an expired session is deleted).
   */
  touchSession(tokenHash: string, now: Date, limits: { idleMs: number; absoluteMs: number }): Promise<StaffMember | undefined>;
  /** Ends one session. */
  endSession(tokenHash: string): Promise<void>;
  /** Appends a line to the staff audit trail. */
  recordStaffEvent(actor: string, action: StaffEvent['action'], at?: Date): Promise<void>;
  /** The staff audit trail, oldest first. */
  staffEvents(): Promise<StaffEvent[]>;
  /** Appends a publish to the audit trail. */
  recordPublish(actor: string, files: readonly string[], at?: Date): Promise<void>;
  /** Every publish, newest first. */
  publishes(): Promise<PublishEvent[]>;
  /** Saves (replacing) a member's passkey-wrapped copy of the case team's identity. */
  saveWrappedIdentity(staffId: string, wrapped: WrappedIdentity): Promise<void>;
  /** A member's wrapped identity, if they saved one. */
  wrappedIdentityOf(staffId: string): Promise<WrappedIdentity | undefined>;
  /** Releases the connection. */
  shutdown(): Promise<void>;
}
