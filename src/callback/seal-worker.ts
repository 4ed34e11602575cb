/** A worker thread of the seal pool (seal-pool.ts): seals each request it is sent and sends the bytes back. */
import { parentPort } from 'node:worker_threads';
import { seal } from './seal.ts';
import type { SealJob, SealResult } from './seal-pool.ts';

parentPort!.on('message', ({ id, recipients, plaintext }: SealJob) => {
  seal(recipients, plaintext).then(
    (sealed) => parentPort!.postMessage({ id, sealed } satisfies SealResult, [sealed.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies SealResult),
  );
});
