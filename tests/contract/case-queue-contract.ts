/**
 * The one test suite every CaseQueue implementation must pass. Each adapter's test file calls
 * `caseQueueContract(name, openEmptyQueue)`; the factory must return a new, empty queue each time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseQueueError, type CaseQueue, type NewCase } from '../../src/queue/types.ts';

const hour = 3_600_000;
const day = 24 * hour;

let counter = 0;
/** A new case with unique reference and submission key; the sealed bytes are random, as real ones look. */
export function sampleCase(overrides: Partial<NewCase> = {}): NewCase {
  counter += 1;
  const createdAt = new Date(Date.UTC(2026, 10, 2, 10, 0, 0, counter % 1000));
  return {
    reference: `CB-T${String(counter).padStart(3, '0').slice(-3)}-${randomUUID().slice(0, 4).toUpperCase()}`,
    submissionKey: randomUUID(),
    // The same request unless a test says otherwise: a repeated key then counts as an identical retry.
    requestDigest: 'same-request',
    lang: 'en',
    createdAt,
    dueBy: new Date(createdAt.getTime() + day),
    accessNeeds: [],
    sealed: new Uint8Array(randomBytes(64)),
    ...overrides,
  };
}

/** Rejects with a CaseQueueError carrying `code`. */
async function expectRefused(promise: Promise<unknown>, code: CaseQueueError['code']) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaseQueueError);
  expect((error as CaseQueueError).code).toBe(code);
}

/** Defines the contract tests for one CaseQueue implementation. */
export function caseQueueContract(name: string, openEmptyQueue: () => Promise<CaseQueue>): void {
  describe(`CaseQueue contract: ${name}`, () => {
    const open: CaseQueue[] = [];
    async function fresh(): Promise<CaseQueue> {
      const queue = await openEmptyQueue();
      open.push(queue);
      return queue;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.shutdown()));
    });

    it('stores a new case as "new", unclaimed, with every field intact', async () => {
      const queue = await fresh();
      const input = sampleCase({ lang: 'ar' });
      expect(await queue.enqueue(input)).toEqual({ reference: input.reference, created: true });
      const [summary] = await queue.list();
      expect(summary).toMatchObject({
        reference: input.reference,
        lang: 'ar',
        status: 'new',
        claimedBy: null,
        closedAt: null,
        createdAt: input.createdAt,
        dueBy: input.dueBy,
      });
      expect(typeof summary!.id).toBe('string');
      expect(summary).not.toHaveProperty('sealed');
    });

    it('finds a case by id and by reference, returning the sealed bytes unchanged', async () => {
      const queue = await fresh();
      const input = sampleCase();
      await queue.enqueue(input);
      const byReference = await queue.get(input.reference);
      expect(byReference).toBeDefined();
      expect(Buffer.from(byReference!.sealed).equals(Buffer.from(input.sealed))).toBe(true);
      const byId = await queue.get(byReference!.id);
      expect(byId?.reference).toBe(input.reference);
      expect(await queue.get('no-such-case')).toBeUndefined();
    });

    it('stores nothing new for a repeated submission key and returns the first reference', async () => {
      const queue = await fresh();
      const first = sampleCase();
      await queue.enqueue(first);
      const repeat = sampleCase({ submissionKey: first.submissionKey });
      expect(await queue.enqueue(repeat)).toEqual({ reference: first.reference, created: false });
      expect(await queue.list()).toHaveLength(1);
    });

    it('stores nothing and says conflict when a repeated submission key carries a different request', async () => {
      const queue = await fresh();
      const first = sampleCase();
      await queue.enqueue(first);
      const edited = sampleCase({ submissionKey: first.submissionKey, requestDigest: 'edited-request' });
      expect(await queue.enqueue(edited)).toEqual({ reference: first.reference, created: false, conflict: true });
      expect(await queue.list()).toHaveLength(1);
      expect((await queue.get(first.reference))!.sealed).toEqual(first.sealed);
    });

    it('creates exactly one case when the same submission arrives many times at once', async () => {
      const queue = await fresh();
      const submissionKey = randomUUID();
      const results = await Promise.all(Array.from({ length: 10 }, () => queue.enqueue(sampleCase({ submissionKey }))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.reference)).size).toBe(1);
      expect(await queue.list()).toHaveLength(1);
    });

    it('refuses a reference that is already in use', async () => {
      const queue = await fresh();
      const first = sampleCase();
      await queue.enqueue(first);
      await expect(queue.enqueue(sampleCase({ reference: first.reference }))).rejects.toThrow();
      expect(await queue.list()).toHaveLength(1);
    });

    it('refuses a clashing request without losing the others that arrived with it', async () => {
      const queue = await fresh();
      const first = sampleCase();
      const clash = sampleCase({ reference: first.reference });
      const third = sampleCase();
      const [a, b, c] = await Promise.allSettled([queue.enqueue(first), queue.enqueue(clash), queue.enqueue(third)]);
      expect(a).toEqual({ status: 'fulfilled', value: { reference: first.reference, created: true } });
      expect(b.status).toBe('rejected');
      expect(c).toEqual({ status: 'fulfilled', value: { reference: third.reference, created: true } });
      expect((await queue.list()).map((x) => x.reference).sort()).toEqual([first.reference, third.reference].sort());
    });

    it('keeps every one of many concurrent requests', async () => {
      const queue = await fresh();
      const inputs = Array.from({ length: 40 }, () => sampleCase());
      await Promise.all(inputs.map((input) => queue.enqueue(input)));
      const stored = (await queue.list()).map((c) => c.reference).sort();
      expect(stored).toEqual(inputs.map((c) => c.reference).sort());
    });

    it('lists newest first and filters by status', async () => {
      const queue = await fresh();
      const older = sampleCase({ createdAt: new Date('2026-11-02T09:00:00Z') });
      const newer = sampleCase({ createdAt: new Date('2026-11-02T11:00:00Z') });
      await queue.enqueue(older);
      await queue.enqueue(newer);
      expect((await queue.list()).map((c) => c.reference)).toEqual([newer.reference, older.reference]);
      await queue.claim((await queue.get(older.reference))!.id, 'sam');
      expect((await queue.list({ status: 'claimed' })).map((c) => c.reference)).toEqual([older.reference]);
      expect((await queue.list({ status: 'new' })).map((c) => c.reference)).toEqual([newer.reference]);
      expect(await queue.list({ status: 'closed' })).toEqual([]);
    });

    it('moves a case new → claimed → contacted → closed and audits each step in order', async () => {
      const queue = await fresh();
      const input = sampleCase();
      await queue.enqueue(input);
      const { id } = (await queue.get(input.reference))!;
      await queue.recordView(id, 'sam');
      await queue.claim(id, 'sam');
      expect((await queue.get(id))!).toMatchObject({ status: 'claimed', claimedBy: 'sam' });
      const note = new Uint8Array(randomBytes(32));
      await queue.recordOutcome(id, 'contacted', 'sam', note);
      expect((await queue.get(id))!.status).toBe('contacted');
      await queue.closeCase(id, 'alex');
      const closed = (await queue.get(id))!;
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).toBeInstanceOf(Date);

      const trail = await queue.audit(id);
      expect(trail.map((e) => [e.action, e.actor])).toEqual([
        ['created', 'intake'],
        ['viewed', 'sam'],
        ['claimed', 'sam'],
        ['contacted', 'sam'],
        ['closed', 'alex'],
      ]);
      expect(Buffer.from(trail[3]!.sealedDetail!).equals(Buffer.from(note))).toBe(true);
      expect(trail[2]!.sealedDetail).toBeNull();
      for (const entry of trail) expect(entry.at).toBeInstanceOf(Date);
    });

    it('records could-not-contact as an outcome', async () => {
      const queue = await fresh();
      const input = sampleCase();
      await queue.enqueue(input);
      const { id } = (await queue.get(input.reference))!;
      await queue.claim(id, 'sam');
      await queue.recordOutcome(id, 'could-not-contact', 'sam');
      expect((await queue.get(id))!.status).toBe('could-not-contact');
      expect((await queue.audit(id)).at(-1)).toMatchObject({ action: 'could-not-contact', sealedDetail: null });
    });

    it('refuses changes the current state does not allow, and changes nothing', async () => {
      const queue = await fresh();
      const input = sampleCase();
      await queue.enqueue(input);
      const { id } = (await queue.get(input.reference))!;
      await expectRefused(queue.recordOutcome(id, 'contacted', 'sam'), 'invalid-transition');
      await expectRefused(queue.closeCase(id, 'sam'), 'invalid-transition');
      await queue.claim(id, 'sam');
      await expectRefused(queue.claim(id, 'alex'), 'invalid-transition');
      expect((await queue.get(id))!).toMatchObject({ status: 'claimed', claimedBy: 'sam' });
      expect((await queue.audit(id)).map((e) => e.action)).toEqual(['created', 'claimed']);
    });

    it('refuses every change to a case that does not exist', async () => {
      const queue = await fresh();
      await expectRefused(queue.claim('no-such-case', 'sam'), 'not-found');
      await expectRefused(queue.recordOutcome('no-such-case', 'contacted', 'sam'), 'not-found');
      await expectRefused(queue.closeCase('no-such-case', 'sam'), 'not-found');
      await expectRefused(queue.recordView('no-such-case', 'sam'), 'not-found');
      await expectRefused(queue.recordShareDecision('no-such-case', true, 'sam', new Uint8Array([1])), 'not-found');
    });

    it('records share decisions with their sealed reason, whatever the state', async () => {
      const queue = await fresh();
      const input = sampleCase();
      await queue.enqueue(input);
      const { id } = (await queue.get(input.reference))!;
      const reason = new Uint8Array(randomBytes(40));
      await queue.recordShareDecision(id, true, 'sam', reason);
      await queue.recordShareDecision(id, false, 'alex', new Uint8Array([7]));
      const trail = await queue.audit(id);
      expect(trail.slice(1).map((e) => [e.action, e.actor])).toEqual([
        ['shared', 'sam'],
        ['not-shared', 'alex'],
      ]);
      expect(Buffer.from(trail[1]!.sealedDetail!).equals(Buffer.from(reason))).toBe(true);
      expect((await queue.get(id))!.status).toBe('new');
    });

    it('lists as overdue only cases still waiting for first contact past their due time', async () => {
      const queue = await fresh();
      const now = new Date('2026-11-10T12:00:00Z');
      const pastNew = sampleCase({ dueBy: new Date(now.getTime() - hour) });
      const pastClaimed = sampleCase({ dueBy: new Date(now.getTime() - 2 * hour) });
      const pastContacted = sampleCase({ dueBy: new Date(now.getTime() - 3 * hour) });
      const future = sampleCase({ dueBy: new Date(now.getTime() + hour) });
      for (const c of [pastNew, pastClaimed, pastContacted, future]) await queue.enqueue(c);
      const idOf = async (ref: string) => (await queue.get(ref))!.id;
      await queue.claim(await idOf(pastClaimed.reference), 'sam');
      await queue.claim(await idOf(pastContacted.reference), 'sam');
      await queue.recordOutcome(await idOf(pastContacted.reference), 'contacted', 'sam');
      expect((await queue.overdue(now)).map((c) => c.reference)).toEqual([pastClaimed.reference, pastNew.reference]);
      expect(await queue.overdue(new Date(now.getTime() - 10 * day))).toEqual([]);
    });

    it('purges only closed cases closed before the cutoff, with their audit, and never an open one', async () => {
      const queue = await fresh();
      const longAgo = new Date(Date.now() - 365 * day);
      const open = sampleCase({ createdAt: longAgo, dueBy: longAgo });
      const done = sampleCase();
      for (const c of [open, done]) await queue.enqueue(c);
      const doneId = (await queue.get(done.reference))!.id;
      await queue.claim(doneId, 'sam');
      await queue.recordOutcome(doneId, 'contacted', 'sam');
      await queue.closeCase(doneId, 'sam');

      expect(await queue.purge(new Date(Date.now() - day))).toBe(0);
      expect(await queue.list()).toHaveLength(2);

      expect(await queue.purge(new Date(Date.now() + day))).toBe(1);
      expect((await queue.list()).map((c) => c.reference)).toEqual([open.reference]);
      expect(await queue.get(done.reference)).toBeUndefined();
      await expectRefused(queue.recordView(doneId, 'sam'), 'not-found');
      expect(await queue.audit(doneId)).toEqual([]);
    });
  });
}
