/**
 * Request and answer over a worker thread. The server has one main thread for every request;
 * work that would hold it up (sealing, the queue's fsync) runs on a worker instead, and the main
 * thread waits for the answer as it would for any other I/O.
 */
import { Worker, parentPort, type Transferable } from 'node:worker_threads';

type Message<O> = { id: number; output: O } | { id: number; error: { name: string; message: string } };

/** One worker thread, called like an async function. */
export interface WorkerCaller<I, O> {
  call(input: I): Promise<O>;
  /** Starts the thread now, if it is not running, so the first call does not wait for it to load. */
  warm(): void;
  /** Calls sent and not yet answered. */
  inFlight(): number;
  /** Waits for the calls in flight, then stops the thread. */
  stop(): Promise<void>;
}

/**
 * A caller for the worker in `file`, started on the first call. A worker that dies fails the calls
 * it held (the intake then answers 503, never a false success) and is started afresh on the next call.
 */
export function workerCaller<I, O>(file: string, workerData?: unknown): WorkerCaller<I, O> {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (output: O) => void; reject: (error: Error) => void }>();
  const calls = new Set<Promise<unknown>>();
  let nextId = 0;

  function start(): Worker {
    const started = new Worker(file, { workerData });
    // A waiting call keeps the process alive through its promise; an idle thread must not.
    started.unref();
    started.on('message', (message: Message<O>) => {
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if ('output' in message) call?.resolve(message.output);
      else call?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
    });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = undefined;
      for (const call of waiting.values()) call.reject(error);
      waiting.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`The worker ${file} exited with code ${code}.`)));
    return started;
  }

  return {
    call(input) {
      worker ??= start();
      const id = (nextId += 1);
      const promise = new Promise<O>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, input });
      calls.add(promise);
      promise.then(
        () => calls.delete(promise),
        () => calls.delete(promise),
      );
      return promise;
    },
    warm() {
      worker ??= start();
    },
    inFlight: () => waiting.size,
    async stop() {
      await Promise.allSettled([...calls]);
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}

/** Inside a worker: answers each call with `handle`, sending back any bytes in `transfer` without a copy. */
export function answerCalls<I, O>(handle: (input: I) => Promise<O>, transfer: (output: O) => Transferable[] = () => []): void {
  parentPort!.on('message', ({ id, input }: { id: number; input: I }) => {
    handle(input).then(
      (output) => parentPort!.postMessage({ id, output } satisfies Message<O>, transfer(output)),
      (error: unknown) => {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        parentPort!.postMessage({ id, error: { name, message } } satisfies Message<O>);
      },
    );
  });
}
