/**
 * Sealing on worker threads. Sealing is the costliest step of a callback request, and the server
 * has one main thread to read requests, check them and write the queue; on worker threads the
 * sealing of one request overlaps the rest of the next. The sealing itself is seal.ts, unchanged.
 */
import { Worker } from 'node:worker_threads';

export interface SealJob {
  id: number;
  recipients: readonly string[];
  plaintext: string;
}

export type SealResult = { id: number; sealed: Uint8Array } | { id: number; error: string };

interface PoolWorker {
  worker: Worker;
  waiting: Map<number, { resolve: (sealed: Uint8Array) => void; reject: (error: Error) => void }>;
}

/** A seal function backed by `size` workers running `workerFile` (seal-worker.ts), started on first use. */
export function createSealPool(workerFile: string, size: number): (recipients: readonly string[], plaintext: string) => Promise<Uint8Array> {
  const workers: (PoolWorker | undefined)[] = Array.from({ length: size }, () => undefined);
  let nextId = 0;

  function start(slot: number): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(workerFile), waiting: new Map() };
    // The pool must never keep a finished process (a test, the CLI) alive.
    entry.worker.unref();
    entry.worker.on('message', (result: SealResult) => {
      const job = entry.waiting.get(result.id);
      entry.waiting.delete(result.id);
      if ('sealed' in result) job?.resolve(result.sealed);
      else job?.reject(new Error(result.error));
    });
    // A worker that dies fails what it held (the intake then answers 503) and is replaced on next use.
    const fail = (error: Error) => {
      if (workers[slot] === entry) workers[slot] = undefined;
      for (const job of entry.waiting.values()) job.reject(error);
      entry.waiting.clear();
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', (code) => fail(new Error(`The seal worker exited with code ${code}.`)));
    workers[slot] = entry;
    return entry;
  }

  return (recipients, plaintext) => {
    // The worker with the fewest requests in hand takes the next one.
    let slot = 0;
    for (let i = 1; i < size; i += 1) {
      if ((workers[i]?.waiting.size ?? 0) < (workers[slot]?.waiting.size ?? 0)) slot = i;
    }
    const entry = workers[slot] ?? start(slot);
    const id = (nextId += 1);
    return new Promise<Uint8Array>((resolve, reject) => {
      entry.waiting.set(id, { resolve, reject });
      entry.worker.postMessage({ id, recipients, plaintext } satisfies SealJob);
    });
  };
}
