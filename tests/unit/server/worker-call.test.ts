/** Calls into worker threads: answers reach the right caller, failures fail only what they must, a dead worker is replaced. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCaller } from '../../../src/server/worker-call.ts';
import { newIdentity, unseal } from '../../../src/callback/seal.ts';
import { createSealPool } from '../../../src/callback/seal-pool.ts';

const echoWorker = resolve('tests/fixtures/echo-worker.ts');

describe('workerCaller', () => {
  it('answers each call with its own answer, however many are in flight', async () => {
    const worker = workerCaller<string, string>(echoWorker);
    // Every other call is slow, so the answers come back out of order.
    const inputs = Array.from({ length: 50 }, (_, i) => (i % 2 ? `slow:${i}` : String(i)));
    expect(await Promise.all(inputs.map((input) => worker.call(input)))).toEqual(inputs.map((input) => `echo ${input}`));
    expect(worker.inFlight()).toBe(0);
    await worker.stop();
  });

  it('fails only the call whose work failed, with its error', async () => {
    const worker = workerCaller<string, string>(echoWorker);
    const [bad, good] = await Promise.allSettled([worker.call('throw'), worker.call('fine')]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'RangeError', message: 'asked to throw' } });
    expect(good).toEqual({ status: 'fulfilled', value: 'echo fine' });
    await worker.stop();
  });

  it('fails every call a dead worker held, then starts a new one', async () => {
    const worker = workerCaller<string, string>(echoWorker);
    const held = worker.call('slow:held');
    const death = worker.call('die');
    await expect(death).rejects.toThrow(/exited with code 3/);
    await expect(held).rejects.toThrow(/exited with code 3/);
    expect(await worker.call('again')).toBe('echo again');
    await worker.stop();
  });

  it('waits for calls in flight before it stops', async () => {
    const worker = workerCaller<string, string>(echoWorker);
    const slow = worker.call('slow:last');
    await worker.stop();
    expect(await slow).toBe('echo slow:last');
  });
});

describe('createSealPool', () => {
  it('seals on worker threads what the identity opens, each request to itself', async () => {
    const { identity, recipient } = await newIdentity();
    const seal = createSealPool(2);
    const messages = Array.from({ length: 20 }, (_, i) => JSON.stringify({ request: i }));
    const sealed = await Promise.all(messages.map((m) => seal([recipient], m)));
    expect(await Promise.all(sealed.map((s) => unseal(identity, s)))).toEqual(messages);
  });
});
