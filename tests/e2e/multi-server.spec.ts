/**
 * Two real servers on one PostgreSQL queue, as a landlord behind a load balancer runs them: 500
 * callback requests split between them while two coordinators claim from the command line, and
 * one server is killed (SIGKILL) in the middle. Whatever a server acknowledged must be stored
 * exactly once, nothing may be lost, and no case may be claimed twice.
 */
import { expect, test } from '@playwright/test';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { openPostgresQueue } from '../../src/queue/postgres.ts';
import { validRequest } from '../fixtures/callback-requests.ts';
import { skipReason, startPostgres, type TestPostgres } from '../support/postgres.ts';
import { runToExit, startServer } from './server-process.ts';

const totalRequests = 500;
const concurrency = 20;
const killAfterAcknowledged = 120;

/** A valid request with its own one-time token (and an Ofcom drama number), marked for finding later. */
const payload = (i: number) => validRequest({ phone: `07700 900${String(i % 1000).padStart(3, '0')}`, message: `multi-server canary ${i}` });

/** POSTs one request; the reference when the server answered 201, otherwise undefined. */
async function send(port: number, body: ReturnType<typeof payload>): Promise<string | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) return undefined;
    return ((await response.json()) as { reference: string }).reference;
  } catch {
    return undefined; // The server died with the request in flight: not acknowledged.
  }
}

/** Runs the staff command line against the shared queue. */
const queueCommand = (url: string, args: string[]) => runToExit(['src/cli/queue.ts', ...args], { QUEUE_URL: url });

let cluster: TestPostgres | undefined;
test.afterAll(() => cluster?.stop());

test('two servers on one PostgreSQL queue keep every acknowledged request exactly once, even when one is killed', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'Runs once: it tests servers, not a screen size.');
  cluster = startPostgres(4424);
  test.skip(!cluster, `No PostgreSQL: ${skipReason}`);
  test.setTimeout(600_000); // 500 sealed requests and a dozen command lines: minutes on a busy machine.

  const url = await cluster!.createDatabase();
  const identity = await generateX25519Identity();
  const env = { QUEUE_URL: url, CALLBACK_RECIPIENTS: await identityToRecipient(identity) };
  const ports = [4425, 4426] as const;
  const servers = await Promise.all(ports.map((port) => startServer(port, { ...env, CALLBACK_RATE_LIMIT: 'off' })));
  for (const server of servers) expect(await fetch(`${server.url}/en/`).then((r) => r.ok, () => false), server.output()).toBe(true);
  const doomed = servers[0]!.process;

  try {
    // The burst: request i goes to server i % 2; the load balancer resends to the survivor whatever
    // the killed server left unanswered, with the same token, as a browser retry would.
    const requests = Array.from({ length: totalRequests }, (_, i) => payload(i));
    const acknowledged = new Map<string, string>(); // token → reference
    const acknowledgedByDoomed: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < requests.length) {
        const i = next++;
        const body = requests[i]!;
        const port = killed ? ports[1] : ports[i % 2]!;
        let reference = await send(port, body);
        if (reference && port === ports[0]) {
          acknowledgedByDoomed.push(reference);
          if (acknowledgedByDoomed.length === killAfterAcknowledged) {
            doomed.kill('SIGKILL');
            killed = true;
          }
        }
        for (let retry = 0; !reference && retry < 3; retry += 1) reference = await send(ports[1], body);
        if (reference) acknowledged.set(body.submissionToken as string, reference);
      }
    };

    // Two coordinators claim the same newest cases at the same moment, for as long as the burst lasts.
    const claims: { id: string; by: string; code: number | null }[] = [];
    let bursting = true;
    const coordinator = async (name: string) => {
      for (let round = 0; bursting || round < 3; round += 1) {
        const listed = await queueCommand(url, ['list', '--status', 'new', '--json']);
        expect(listed.code).toBe(0);
        const ids = (JSON.parse(listed.output) as { id: string }[]).slice(0, 2).map((c) => c.id);
        for (const id of ids) {
          const { code } = await queueCommand(url, ['claim', id, '--by', name]);
          claims.push({ id, by: name, code });
        }
      }
    };
    const staff = Promise.all([coordinator('sam'), coordinator('alex')]);
    await Promise.all(Array.from({ length: concurrency }, worker));
    bursting = false;
    await staff;

    // Then both go down the same list of cases at once, so every one of these claims is contested.
    const contested = (JSON.parse((await queueCommand(url, ['list', '--status', 'new', '--json'])).output) as { id: string }[])
      .slice(0, 5)
      .map((c) => c.id);
    const contest = (name: string) =>
      Promise.all(contested.map(async (id) => ({ id, by: name, code: (await queueCommand(url, ['claim', id, '--by', name])).code })));
    const contestedClaims = (await Promise.all([contest('sam'), contest('alex')])).flat();
    claims.push(...contestedClaims);

    expect(killed, 'the first server was killed during the burst').toBe(true);
    expect(doomed.signalCode).toBe('SIGKILL');
    expect(acknowledged.size, 'every request was acknowledged by one server or the other').toBe(totalRequests);

    const queue = await openPostgresQueue(url, 2);
    try {
      const stored = await queue.list();
      // Exactly once: one case per request, even for those the killed server stored but never answered.
      expect(stored).toHaveLength(totalRequests);
      const storedReferences = new Set(stored.map((c) => c.reference));
      expect(storedReferences.size).toBe(totalRequests);
      for (const reference of acknowledged.values()) expect(storedReferences.has(reference)).toBe(true);
      for (const reference of acknowledgedByDoomed) expect(storedReferences.has(reference)).toBe(true);

      // What is stored is the request, sealed: only the case team's identity opens it.
      const sample = (await queue.get(acknowledgedByDoomed[0]!))!;
      expect(Buffer.from(sample.sealed).includes('multi-server canary')).toBe(false);
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      expect(await decrypter.decrypt(sample.sealed, 'text')).toContain('multi-server canary');

      // No case claimed twice: each won claim matches the case, every contested claim was refused.
      const won = claims.filter((c) => c.code === 0);
      expect(won.length).toBeGreaterThan(contested.length);
      expect(contested).toHaveLength(5);
      for (const id of contested) {
        expect(contestedClaims.filter((c) => c.id === id).map((c) => c.code).sort(), `one winner for ${id}`).toEqual([0, 1]);
      }
      expect(new Set(won.map((c) => c.id)).size).toBe(won.length);
      for (const claim of claims) expect([0, 1]).toContain(claim.code);
      for (const { id, by } of won) {
        expect((await queue.get(id))!).toMatchObject({ status: 'claimed', claimedBy: by });
        expect((await queue.audit(id)).filter((e) => e.action === 'claimed')).toHaveLength(1);
      }
      expect((await queue.list({ status: 'claimed' })).length).toBe(won.length);
    } finally {
      await queue.shutdown();
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
});
