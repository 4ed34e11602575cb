/**
 * How long a survivor waits for "sent" at most. A database that hangs (paused, locked by another
 * process, unreachable) must not leave someone watching a spinner: past the deadline they are told
 * it did not work and given the helplines. Every storage timeout is derived from this one number.
 */

/**
 * The most a request may spend being sealed and stored before the answer is 503. Long enough for a
 * server that has just started, on a busy machine, to load its worker threads for the first request
 * (4-5 s seen on a loaded two-core machine); short next to the 90 s a paused database used to take.
 */
export const storageDeadlineMs = 10_000;

/** Storage did not answer within the deadline. */
export class StorageDeadlineError extends Error {
  constructor(ms: number) {
    super(`Storage did not answer within ${ms} ms.`);
    this.name = 'StorageDeadlineError';
  }
}

/**
 * Settles as `work` does, or rejects with StorageDeadlineError once `ms` have passed. The work is
 * not abandoned: a request that commits after its deadline is an ordinary stored request the case
 * team sees, and a retry with the same submission token finds it and returns its reference.
 */
export function withinDeadline<T>(work: Promise<T>, ms = storageDeadlineMs): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageDeadlineError(ms)), ms);
  });
  // The late outcome has no one left to hear it; it must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
