/**
 * The one test suite every StaffStore implementation must pass: enrolment once, sessions within
 * their limits, removal ending sessions at once, challenges used once, counters kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffPasskey, StaffStore } from '../../src/queue/staff-types.ts';

const minute = 60_000;
const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
const limits = { idleMs: 15 * minute, absoluteMs: 8 * 60 * minute };

function passkeyFor(staffId: string): StaffPasskey {
  return { credentialId: randomBytes(16).toString('base64url'), staffId, publicKey: new Uint8Array(randomBytes(77)), counter: 0, transports: ['internal'] };
}

/** Defines the StaffStore contract tests for one implementation; `openEmpty` returns a new, empty store each time. */
export function staffStoreContract(name: string, openEmpty: () => Promise<StaffStore>): void {
  describe(`StaffStore contract: ${name}`, () => {
    const open: StaffStore[] = [];
    async function fresh(): Promise<StaffStore> {
      const store = await openEmpty();
      open.push(store);
      return store;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.shutdown()));
    });

    it('adds staff with roles and an opaque user handle, and lists them', async () => {
      const store = await fresh();
      const sam = await store.addStaff('Sam Patel', ['case'], hash('t1'), new Date(Date.now() + minute));
      const pat = await store.addStaff('Pat Jones', ['publisher', 'case'], hash('t2'), new Date(Date.now() + minute));
      expect(sam).toMatchObject({ name: 'Sam Patel', roles: ['case'], passkeys: 0 });
      expect(sam.userHandle).toMatch(/^[\w-]{43}$/);
      expect(sam.userHandle).not.toContain('Sam');
      expect((await store.listStaff()).map((s) => [s.name, s.roles])).toEqual([
        ['Sam Patel', ['case']],
        ['Pat Jones', ['publisher', 'case']],
      ]);
      expect(await store.getStaff(pat.id)).toMatchObject({ name: 'Pat Jones' });
    });

    it('uses an enrolment token once, and never after it expires', async () => {
      const store = await fresh();
      const now = new Date();
      const sam = await store.addStaff('Sam', ['case'], hash('enrol'), new Date(now.getTime() + minute));
      expect(await store.findEnrolment(hash('enrol'), now)).toMatchObject({ id: sam.id });
      expect(await store.findEnrolment(hash('enrol'), new Date(now.getTime() + 2 * minute))).toBeUndefined();
      expect(await store.enrolPasskey(hash('enrol'), new Date(now.getTime() + 2 * minute), passkeyFor(sam.id))).toBeUndefined();
      const first = passkeyFor(sam.id);
      expect(await store.enrolPasskey(hash('enrol'), now, first)).toMatchObject({ id: sam.id, passkeys: 1 });
      expect(await store.enrolPasskey(hash('enrol'), now, passkeyFor(sam.id))).toBeUndefined();
      expect(await store.findEnrolment(hash('enrol'), now)).toBeUndefined();
      expect(await store.findPasskey(first.credentialId)).toMatchObject({ staffId: sam.id, counter: 0, transports: ['internal'] });
      expect(Buffer.from((await store.findPasskey(first.credentialId))!.publicKey).equals(Buffer.from(first.publicKey))).toBe(true);

      expect(await store.addEnrolment(sam.id, hash('second'), new Date(now.getTime() + minute))).toBe(true);
      expect(await store.addEnrolment('nobody', hash('third'), new Date(now.getTime() + minute))).toBe(false);
      await store.enrolPasskey(hash('second'), now, passkeyFor(sam.id));
      expect(await store.passkeysOf(sam.id)).toHaveLength(2);
    });

    it('keeps the signature counter', async () => {
      const store = await fresh();
      const sam = await store.addStaff('Sam', ['case'], hash('e'), new Date(Date.now() + minute));
      const key = passkeyFor(sam.id);
      await store.enrolPasskey(hash('e'), new Date(), key);
      await store.updateCounter(key.credentialId, 7, new Date());
      expect((await store.findPasskey(key.credentialId))!.counter).toBe(7);
    });

    it('hands out a challenge once, and none after its expiry', async () => {
      const store = await fresh();
      const now = new Date();
      await store.saveChallenge('a', { challenge: 'c1', purpose: 'sign-in', staffId: null }, new Date(now.getTime() + minute));
      await store.saveChallenge('b', { challenge: 'c2', purpose: 'register', staffId: 'x' }, new Date(now.getTime() + minute));
      expect(await store.takeChallenge('a', now)).toEqual({ challenge: 'c1', purpose: 'sign-in', staffId: null });
      expect(await store.takeChallenge('a', now)).toBeUndefined();
      expect(await store.takeChallenge('b', new Date(now.getTime() + 2 * minute))).toBeUndefined();
    });

    it('keeps a session within its idle and absolute limits, and ends it on either', async () => {
      const store = await fresh();
      const sam = await store.addStaff('Sam', ['case'], hash('e'), new Date(Date.now() + minute));
      const start = new Date();
      await store.createSession(hash('s1'), sam.id, start);
      expect(await store.touchSession(hash('s1'), new Date(start.getTime() + 14 * minute), limits)).toMatchObject({ id: sam.id });
      // Used at 14 minutes, so still alive at 28; then idle for 16 minutes: gone.
      expect(await store.touchSession(hash('s1'), new Date(start.getTime() + 28 * minute), limits)).toMatchObject({ id: sam.id });
      expect(await store.touchSession(hash('s1'), new Date(start.getTime() + 44 * minute), limits)).toBeUndefined();
      expect(await store.touchSession(hash('s1'), new Date(start.getTime() + 45 * minute), limits)).toBeUndefined();

      await store.createSession(hash('s2'), sam.id, start);
      let t = start.getTime();
      for (let i = 0; i < 33; i += 1) {
        t += 14 * minute;
        const alive = await store.touchSession(hash('s2'), new Date(t), limits);
        if (t - start.getTime() < limits.absoluteMs) expect(alive).toBeDefined();
        else expect(alive).toBeUndefined();
      }
      await store.createSession(hash('s3'), sam.id, start);
      await store.endSession(hash('s3'));
      expect(await store.touchSession(hash('s3'), start, limits)).toBeUndefined();
    });

    it('removing a member ends their sessions and deletes their passkeys and unlock copy at once', async () => {
      const store = await fresh();
      const sam = await store.addStaff('Sam', ['case'], hash('e'), new Date(Date.now() + minute));
      const key = passkeyFor(sam.id);
      await store.enrolPasskey(hash('e'), new Date(), key);
      await store.createSession(hash('s'), sam.id, new Date());
      await store.saveWrappedIdentity(sam.id, { credential: 'AGE-PLUGIN-FIDO2PRF-1X', wrapped: new Uint8Array([1, 2, 3]) });
      expect(await store.removeStaff(sam.id)).toBe(true);
      expect(await store.touchSession(hash('s'), new Date(), limits)).toBeUndefined();
      expect(await store.findPasskey(key.credentialId)).toBeUndefined();
      expect(await store.wrappedIdentityOf(sam.id)).toBeUndefined();
      expect(await store.listStaff()).toEqual([]);
      expect(await store.removeStaff(sam.id)).toBe(false);
    });

    it('stores one wrapped identity per member, replacing the old one', async () => {
      const store = await fresh();
      const sam = await store.addStaff('Sam', ['case'], hash('e'), new Date(Date.now() + minute));
      expect(await store.wrappedIdentityOf(sam.id)).toBeUndefined();
      await store.saveWrappedIdentity(sam.id, { credential: 'one', wrapped: new Uint8Array([1]) });
      await store.saveWrappedIdentity(sam.id, { credential: 'two', wrapped: new Uint8Array([2, 2]) });
      const saved = (await store.wrappedIdentityOf(sam.id))!;
      expect(saved.credential).toBe('two');
      expect([...saved.wrapped]).toEqual([2, 2]);
    });

    it('keeps the staff audit trail in order', async () => {
      const store = await fresh();
      await store.recordStaffEvent('Sam', 'sign-in', new Date('2026-11-02T10:00:00Z'));
      await store.recordStaffEvent('unknown', 'sign-in-failed', new Date('2026-11-02T10:01:00Z'));
      expect((await store.staffEvents()).map((e) => [e.actor, e.action, e.at.toISOString()])).toEqual([
        ['Sam', 'sign-in', '2026-11-02T10:00:00.000Z'],
        ['unknown', 'sign-in-failed', '2026-11-02T10:01:00.000Z'],
      ]);
    });

    it('keeps every publish with who, when and which files, newest first', async () => {
      const store = await fresh();
      await store.recordPublish('Pat', ['src/content/campaigns/en/winter.md'], new Date('2026-12-01T10:00:00Z'));
      await store.recordPublish('Pat', ['src/content/campaigns/pl/winter.md', 'src/content/campaigns/ur/winter.md'], new Date('2026-12-01T11:00:00Z'));
      expect((await store.publishes()).map((p) => [p.actor, p.at.toISOString(), p.files])).toEqual([
        ['Pat', '2026-12-01T11:00:00.000Z', ['src/content/campaigns/pl/winter.md', 'src/content/campaigns/ur/winter.md']],
        ['Pat', '2026-12-01T10:00:00.000Z', ['src/content/campaigns/en/winter.md']],
      ]);
    });
  });
}
