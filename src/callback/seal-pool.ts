/**
 * Sealing on worker threads. Sealing is the costliest step of a callback request, and the server
 * has one main thread to read requests, check them and write the queue; on worker threads the
 * sealing of one request overlaps the rest of the next. The sealing itself is seal.ts, unchanged.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { workerCaller } from '../server/worker-call.ts';

export interface SealJob {
  recipients: readonly string[];
  plaintext: string;
}

/**
 * A seal function backed by `size` worker threads (one fewer than the cores, at least one). Node
 * runs the worker's TypeScript as it is, from the project root, where the server, the staff
 * command line and the tests all run; a bundled copy of this module could not find it beside itself.
 */
export function createSealPool(
  size = Math.max(1, availableParallelism() - 1),
  workerFile = resolve('src/callback/seal-worker.ts'),
): (recipients: readonly string[], plaintext: string) => Promise<Uint8Array> {
  const workers = Array.from({ length: size }, () => workerCaller<SealJob, Uint8Array>(workerFile));
  // Started now, not on the first request: loading a thread can take seconds on a busy machine,
  // and the first survivor after a restart must not spend their storage deadline waiting for it.
  for (const worker of workers) worker.warm();
  return (recipients, plaintext) => {
    // The worker with the fewest requests in hand takes the next one.
    const least = workers.reduce((best, w) => (w.inFlight() < best.inFlight() ? w : best));
    return least.call({ recipients, plaintext });
  };
}
