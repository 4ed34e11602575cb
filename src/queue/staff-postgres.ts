/**
 * StaffStore on the shared PostgreSQL queue: a small pool of its own. The tables come from the
 * queue's migrations in postgres.ts, so open the queue first (staff-index.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PublishEvent, StaffEvent, StaffMember, StaffPasskey, StaffRole, StaffStore, StoredChallenge, WrappedIdentity } from './staff-types.ts';

interface StaffRow {
  id: string;
  name: string;
  roles: string;
  user_handle: string;
  created_at: Date;
  passkeys: string;
}

const staffColumns = `s.id, s.name, s.roles, s.user_handle, s.created_at,
  (SELECT count(*) FROM staff_passkeys p WHERE p.staff_id = s.id) AS passkeys`;

function toMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles.split(',') as StaffRole[],
    userHandle: row.user_handle,
    createdAt: row.created_at,
    passkeys: Number(row.passkeys),
  };
}

interface PasskeyRow {
  credential_id: string;
  staff_id: string;
  public_key: Buffer;
  counter: string;
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

const bytea = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Opens the staff tables in the PostgreSQL queue at `url` (already migrated by openPostgresQueue). */
export function openPostgresStaffStore(url: string, poolSize = 4): StaffStore {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (error) => console.error(`staff store: idle PostgreSQL connection lost (${error.name})`));
  return new PostgresStaffStore(pool);
}

class PostgresStaffStore implements StaffStore {
  #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async addStaff(name: string, roles: StaffRole[], enrolmentHash: string, expiresAt: Date): Promise<StaffMember> {
    const id = randomUUID();
    // One statement: the member and their first enrolment exist together or not at all.
    await this.#pool.query(
      `WITH member AS (
         INSERT INTO staff (id, name, roles, user_handle, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING id
       )
       INSERT INTO staff_enrolments (token_hash, staff_id, expires_at) SELECT $5, id, $6 FROM member`,
      [id, name, roles.join(','), randomBytes(32).toString('base64url'), enrolmentHash, expiresAt],
    );
    return (await this.getStaff(id))!;
  }

  async addEnrolment(staffId: string, enrolmentHash: string, expiresAt: Date): Promise<boolean> {
    const result = await this.#pool.query('INSERT INTO staff_enrolments (token_hash, staff_id, expires_at) SELECT $1, id, $3 FROM staff WHERE id = $2', [
      enrolmentHash,
      staffId,
      expiresAt,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async listStaff(): Promise<StaffMember[]> {
    const { rows } = await this.#pool.query<StaffRow>(`SELECT ${staffColumns} FROM staff s ORDER BY s.created_at, s.id`);
    return rows.map(toMember);
  }

  async getStaff(id: string): Promise<StaffMember | undefined> {
    const { rows } = await this.#pool.query<StaffRow>(`SELECT ${staffColumns} FROM staff s WHERE s.id = $1`, [id]);
    return rows[0] ? toMember(rows[0]) : undefined;
  }

  async removeStaff(id: string): Promise<boolean> {
    // ON DELETE CASCADE takes their sessions in the same statement: a removed member is signed out at once.
    const result = await this.#pool.query('DELETE FROM staff WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async findEnrolment(enrolmentHash: string, now: Date): Promise<StaffMember | undefined> {
    const { rows } = await this.#pool.query<StaffRow>(
      `SELECT ${staffColumns} FROM staff s JOIN staff_enrolments e ON e.staff_id = s.id WHERE e.token_hash = $1 AND e.expires_at > $2`,
      [enrolmentHash, now],
    );
    return rows[0] ? toMember(rows[0]) : undefined;
  }

  async enrolPasskey(enrolmentHash: string, now: Date, passkey: StaffPasskey): Promise<StaffMember | undefined> {
    // One statement: the token is used up only if the passkey is stored, and a token can win only once.
    const { rows } = await this.#pool.query<{ staff_id: string }>(
      `WITH used AS (
         DELETE FROM staff_enrolments WHERE token_hash = $1 AND expires_at > $2 AND staff_id = $3 RETURNING staff_id
       )
       INSERT INTO staff_passkeys (credential_id, staff_id, public_key, counter, transports, created_at)
       SELECT $4, staff_id, $5, $6, $7, $2 FROM used RETURNING staff_id`,
      [enrolmentHash, now, passkey.staffId, passkey.credentialId, bytea(passkey.publicKey), passkey.counter, passkey.transports.join(',')],
    );
    return rows[0] ? this.getStaff(rows[0].staff_id) : undefined;
  }

  async passkeysOf(staffId: string): Promise<StaffPasskey[]> {
    const { rows } = await this.#pool.query<PasskeyRow>('SELECT * FROM staff_passkeys WHERE staff_id = $1 ORDER BY created_at', [staffId]);
    return rows.map(toPasskey);
  }

  async findPasskey(credentialId: string): Promise<StaffPasskey | undefined> {
    const { rows } = await this.#pool.query<PasskeyRow>('SELECT * FROM staff_passkeys WHERE credential_id = $1', [credentialId]);
    return rows[0] ? toPasskey(rows[0]) : undefined;
  }

  async updateCounter(credentialId: string, counter: number, at: Date): Promise<void> {
    await this.#pool.query('UPDATE staff_passkeys SET counter = $1, last_used_at = $2 WHERE credential_id = $3', [counter, at, credentialId]);
  }

  async saveChallenge(id: string, challenge: StoredChallenge, expiresAt: Date): Promise<void> {
    await this.#pool.query('INSERT INTO staff_challenges (id, challenge, purpose, staff_id, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      id,
      challenge.challenge,
      challenge.purpose,
      challenge.staffId,
      expiresAt,
    ]);
  }

  async takeChallenge(id: string, now: Date): Promise<StoredChallenge | undefined> {
    await this.#pool.query('DELETE FROM staff_challenges WHERE expires_at <= $1', [now]);
    const { rows } = await this.#pool.query<{ challenge: string; purpose: StoredChallenge['purpose']; staff_id: string | null }>(
      'DELETE FROM staff_challenges WHERE id = $1 AND expires_at > $2 RETURNING challenge, purpose, staff_id',
      [id, now],
    );
    return rows[0] ? { challenge: rows[0].challenge, purpose: rows[0].purpose, staffId: rows[0].staff_id } : undefined;
  }

  async createSession(tokenHash: string, staffId: string, now: Date): Promise<void> {
    await this.#pool.query('INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [tokenHash, staffId, now]);
  }

  async touchSession(tokenHash: string, now: Date, limits: { idleMs: number; absoluteMs: number }): Promise<StaffMember | undefined> {
    const { rows } = await this.#pool.query<{ staff_id: string }>(
      `UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at > $3 AND created_at > $4 RETURNING staff_id`,
      [tokenHash, now, new Date(now.getTime() - limits.idleMs), new Date(now.getTime() - limits.absoluteMs)],
    );
    if (!rows[0]) {
      await this.endSession(tokenHash);
      return undefined;
    }
    return this.getStaff(rows[0].staff_id);
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async recordStaffEvent(actor: string, action: StaffEvent['action'], at = new Date()): Promise<void> {
    await this.#pool.query('INSERT INTO staff_audit (at, actor, action) VALUES ($1, $2, $3)', [at, actor, action]);
  }

  async staffEvents(): Promise<StaffEvent[]> {
    const { rows } = await this.#pool.query<StaffEvent>('SELECT at, actor, action FROM staff_audit ORDER BY seq');
    return rows;
  }

  async recordPublish(actor: string, files: readonly string[], at = new Date()): Promise<void> {
    await this.#pool.query('INSERT INTO publish_audit (at, actor, files) VALUES ($1, $2, $3)', [at, actor, JSON.stringify(files)]);
  }

  async publishes(): Promise<PublishEvent[]> {
    const { rows } = await this.#pool.query<PublishEvent>('SELECT at, actor, files FROM publish_audit ORDER BY seq DESC');
    return rows;
  }

  async saveWrappedIdentity(staffId: string, wrapped: WrappedIdentity): Promise<void> {
    await this.#pool.query(
      `INSERT INTO staff_unlock (staff_id, credential, wrapped, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (staff_id) DO UPDATE SET credential = excluded.credential, wrapped = excluded.wrapped, updated_at = excluded.updated_at`,
      [staffId, wrapped.credential, bytea(wrapped.wrapped)],
    );
  }

  async wrappedIdentityOf(staffId: string): Promise<WrappedIdentity | undefined> {
    const { rows } = await this.#pool.query<{ credential: string; wrapped: Buffer }>('SELECT credential, wrapped FROM staff_unlock WHERE staff_id = $1', [staffId]);
    return rows[0] ? { credential: rows[0].credential, wrapped: new Uint8Array(rows[0].wrapped) } : undefined;
  }

  async shutdown(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
