/**
 * The SQLite queue's writer thread (see sqlite.ts): its own connection takes every new request,
 * a group commit at a time, so the server's main thread never waits for an fsync.
 */
import { workerData } from 'node:worker_threads';
import { answerCalls } from '../server/worker-call.ts';
import { groupCommit, openWriterConnection } from './sqlite.ts';

const { path } = workerData as { path: string };
answerCalls(groupCommit(() => openWriterConnection(path)));
