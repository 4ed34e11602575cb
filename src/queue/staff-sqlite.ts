/**
 * StaffStore on the SQLite queue file: its own connection beside the queue's (WAL lets both work).
 * The tables come from the queue's migrations in sqlite.ts, so open the queue first (staff-index.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { openConnection, transaction } from './sqlite.ts';
import type { PublishEvent, StaffEvent, StaffMember, StaffPasskey, StaffRole, StaffStore, StoredChallenge, WrappedIdentity } from './staff-types.ts';

interface StaffRow {
  id: string;
  name: string;
  roles: string;
  user_handle: string;
  created_at: number;
  passkeys: number;
}

const staffColumns = `s.id, s.name, s.roles, s.user_handle, s.created_at,
  (SELECT count(*) FROM staff_passkeys p WHERE p.staff_id = s.id) AS passkeys`;

function toMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles.split(',') as StaffRole[],
    userHandle: row.user_handle,
    createdAt: new Date(row.created_at),
    passkeys: Number(row.passkeys),
  };
}

interface PasskeyRow {
  credential_id: string;
  staff_id: string;
  public_key: Uint8Array;
  counter: number;
  transports: string;
}

function toPasskey(row: PasskeyRow): StaffPasskey {
  return {
    credentialId: row.credential_id,
    staffId: row.staff_id,
    publicKey: new Uint8Array(row.public_key),
    counter: Number(row.counter),
    transports: row.transports ? row.transports.split(',') : [],
  };
}

/** Opens the staff tables in the SQLite queue at `path` (already migrated by openSqliteQueue). */
export function openSqliteStaffStore(path: string): StaffStore {
  return new SqliteStaffStore(openConnection(path));
}

class SqliteStaffStore implements StaffStore {
  #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async addStaff(name: string, roles: StaffRole[], enrolmentHash: string, expiresAt: Date): Promise<StaffMember> {
    const id = randomUUID();
    transaction(this.#db, () => {
      this.#db
        .prepare('INSERT INTO staff (id, name, roles, user_handle, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, name, roles.join(','), randomBytes(32).toString('base64url'), Date.now());
      this.#db.prepare('INSERT INTO staff_enrolments (token_hash, staff_id, expires_at) VALUES (?, ?, ?)').run(enrolmentHash, id, expiresAt.getTime());
    });
    return (await this.getStaff(id))!;
  }

  async addEnrolment(staffId: string, enrolmentHash: string, expiresAt: Date): Promise<boolean> {
    return transaction(this.#db, () => {
      if (!this.#db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staffId)) return false;
      this.#db.prepare('INSERT INTO staff_enrolments (token_hash, staff_id, expires_at) VALUES (?, ?, ?)').run(enrolmentHash, staffId, expiresAt.getTime());
      return true;
    });
  }

  async listStaff(): Promise<StaffMember[]> {
    return (this.#db.prepare(`SELECT ${staffColumns} FROM staff s ORDER BY s.created_at, s.rowid`).all() as unknown as StaffRow[]).map(toMember);
  }

  async getStaff(id: string): Promise<StaffMember | undefined> {
    const row = this.#db.prepare(`SELECT ${staffColumns} FROM staff s WHERE s.id = ?`).get(id) as StaffRow | undefined;
    return row ? toMember(row) : undefined;
  }

  async removeStaff(id: string): Promise<boolean> {
    // ON DELETE CASCADE takes their sessions in the same statement: a removed member is signed out at once.
    return Number(this.#db.prepare('DELETE FROM staff WHERE id = ?').run(id).changes) > 0;
  }

  async findEnrolment(enrolmentHash: string, now: Date): Promise<StaffMember | undefined> {
    const row = this.#db
      .prepare(`SELECT ${staffColumns} FROM staff s JOIN staff_enrolments e ON e.staff_id = s.id WHERE e.token_hash = ? AND e.expires_at > ?`)
      .get(enrolmentHash, now.getTime()) as StaffRow | undefined;
    return row ? toMember(row) : undefined;
  }

  async enrolPasskey(enrolmentHash: string, now: Date, passkey: StaffPasskey): Promise<StaffMember | undefined> {
    const staffId = transaction(this.#db, () => {
      const row = this.#db
        .prepare('DELETE FROM staff_enrolments WHERE token_hash = ? AND expires_at > ? AND staff_id = ? RETURNING staff_id')
        .get(enrolmentHash, now.getTime(), passkey.staffId) as { staff_id: string } | undefined;
      if (!row) return undefined;
      this.#db
        .prepare('INSERT INTO staff_passkeys (credential_id, staff_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(passkey.credentialId, row.staff_id, passkey.publicKey, passkey.counter, passkey.transports.join(','), now.getTime());
      return row.staff_id;
    });
    return staffId ? this.getStaff(staffId) : undefined;
  }

  async passkeysOf(staffId: string): Promise<StaffPasskey[]> {
    return (this.#db.prepare('SELECT * FROM staff_passkeys WHERE staff_id = ? ORDER BY created_at').all(staffId) as unknown as PasskeyRow[]).map(toPasskey);
  }

  async findPasskey(credentialId: string): Promise<StaffPasskey | undefined> {
    const row = this.#db.prepare('SELECT * FROM staff_passkeys WHERE credential_id = ?').get(credentialId) as PasskeyRow | undefined;
    return row ? toPasskey(row) : undefined;
  }

  async updateCounter(credentialId: string, counter: number, at: Date): Promise<void> {
    this.#db.prepare('UPDATE staff_passkeys SET counter = ?, last_used_at = ? WHERE credential_id = ?').run(counter, at.getTime(), credentialId);
  }

  async saveChallenge(id: string, challenge: StoredChallenge, expiresAt: Date): Promise<void> {
    this.#db
      .prepare('INSERT INTO staff_challenges (id, challenge, purpose, staff_id, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, challenge.challenge, challenge.purpose, challenge.staffId, expiresAt.getTime());
  }

  async takeChallenge(id: string, now: Date): Promise<StoredChallenge | undefined> {
    return transaction(this.#db, () => {
      this.#db.prepare('DELETE FROM staff_challenges WHERE expires_at <= ?').run(now.getTime());
      const row = this.#db.prepare('DELETE FROM staff_challenges WHERE id = ? RETURNING challenge, purpose, staff_id').get(id) as
        | { challenge: string; purpose: StoredChallenge['purpose']; staff_id: string | null }
        | undefined;
      return row ? { challenge: row.challenge, purpose: row.purpose, staffId: row.staff_id } : undefined;
    });
  }

  async createSession(tokenHash: string, staffId: string, now: Date): Promise<void> {
    this.#db
      .prepare('INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash, staffId, now.getTime(), now.getTime());
  }

  async touchSession(tokenHash: string, now: Date, limits: { idleMs: number; absoluteMs: number }): Promise<StaffMember | undefined> {
    const t = now.getTime();
    const staffId = transaction(this.#db, () => {
      const row = this.#db
        .prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at > ? AND created_at > ? RETURNING staff_id')
        .get(t, tokenHash, t - limits.idleMs, t - limits.absoluteMs) as { staff_id: string } | undefined;
      if (!row) this.#db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
      return row?.staff_id;
    });
    return staffId ? this.getStaff(staffId) : undefined;
  }

  async endSession(tokenHash: string): Promise<void> {
    this.#db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
  }

  async recordStaffEvent(actor: string, action: StaffEvent['action'], at = new Date()): Promise<void> {
    this.#db.prepare('INSERT INTO staff_audit (at, actor, action) VALUES (?, ?, ?)').run(at.getTime(), actor, action);
  }

  async staffEvents(): Promise<StaffEvent[]> {
    const rows = this.#db.prepare('SELECT at, actor, action FROM staff_audit ORDER BY seq').all() as unknown as { at: number; actor: string; action: StaffEvent['action'] }[];
    return rows.map((r) => ({ at: new Date(r.at), actor: r.actor, action: r.action }));
  }

  async recordPublish(actor: string, files: readonly string[], at = new Date()): Promise<void> {
    this.#db.prepare('INSERT INTO publish_audit (at, actor, files) VALUES (?, ?, ?)').run(at.getTime(), actor, JSON.stringify(files));
  }

  async publishes(): Promise<PublishEvent[]> {
    const rows = this.#db.prepare('SELECT at, actor, files FROM publish_audit ORDER BY seq DESC').all() as unknown as { at: number; actor: string; files: string }[];
    return rows.map((r) => ({ at: new Date(r.at), actor: r.actor, files: JSON.parse(r.files) as string[] }));
  }

  async saveWrappedIdentity(staffId: string, wrapped: WrappedIdentity): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO staff_unlock (staff_id, credential, wrapped, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (staff_id) DO UPDATE SET credential = excluded.credential, wrapped = excluded.wrapped, updated_at = excluded.updated_at`,
      )
      .run(staffId, wrapped.credential, wrapped.wrapped, Date.now());
  }

  async wrappedIdentityOf(staffId: string): Promise<WrappedIdentity | undefined> {
    const row = this.#db.prepare('SELECT credential, wrapped FROM staff_unlock WHERE staff_id = ?').get(staffId) as
      | { credential: string; wrapped: Uint8Array }
      | undefined;
    return row ? { credential: row.credential, wrapped: new Uint8Array(row.wrapped) } : undefined;
  }

  async shutdown(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
