/** Reads the test server's queue the way staff do: through the command line, with the dev identity. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Runs `npm run queue -- …` against a data folder; returns exit code and output. */
export function queueCli(args: string[], dataDir = process.env.TEST_DATA_DIR!, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['src/cli/queue.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, QUEUE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every queued request's summary. */
export function queuedReferences(dataDir?: string): string[] {
  const { stdout } = queueCli(['list', '--json'], dataDir);
  return (JSON.parse(stdout) as { reference: string }[]).map((c) => c.reference);
}

/** The due-by the case team sees for one request (`queue list`). */
export function queuedDueBy(reference: string, dataDir?: string): Date {
  const { stdout } = queueCli(['list', '--json'], dataDir);
  const found = (JSON.parse(stdout) as { reference: string; dueBy: string }[]).find((c) => c.reference === reference);
  if (!found) throw new Error(`${reference} is not in the queue`);
  return new Date(found.dueBy);
}

/** What the survivor sent in one request, decrypted with the development identity in the data folder. */
export function openRequest(reference: string, dataDir = process.env.TEST_DATA_DIR!): Record<string, unknown> {
  const { stdout, status, stderr } = queueCli(['show', reference, '--identity', join(dataDir, 'identity.txt'), '--json', '--by', 'e2e'], dataDir);
  if (status !== 0) throw new Error(stderr);
  return JSON.parse(stdout).request.request;
}
