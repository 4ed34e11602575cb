/** A worker thread of the seal pool (seal-pool.ts): seals each request it is sent. */
import { answerCalls } from '../server/worker-call.ts';
import type { SealJob } from './seal-pool.ts';
import { seal } from './seal.ts';

answerCalls<SealJob, Uint8Array>(
  ({ recipients, plaintext }) => seal(recipients, plaintext),
  // The sealed bytes own their buffer, so they move back to the main thread without a copy.
  (sealed) => (sealed.byteOffset === 0 && sealed.byteLength === sealed.buffer.byteLength ? [sealed.buffer as ArrayBuffer] : []),
);
