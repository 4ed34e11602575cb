/** Starts the real server (`node src/server/start.ts`) on a port of its own, for tests that must kill it or read its output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export interface RunningServer {
  process: ChildProcess;
  url: string;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a server and waits until it answers; `cwd` is the site's folder (a copy, for tests that change content). */
export async function startServer(port: number, env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'callback-server-')), cwd = root): Promise<RunningServer> {
  // Two specs given one port would each test the other's server: say so instead.
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is already answering: give this test a port of its own.`);
  const child = spawn(process.execPath, ['src/server/start.ts'], {
    cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, QUEUE_URL: '', STAFF_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Up to two minutes: loading the server (or building a stale site first) is slow on a busy machine.
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited: ${output}`);
    const up = await fetch(`${url}/en/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > giveUpAt) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 2 minutes: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    process: child,
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs a process to the end and returns its exit code and output. */
export function runToExit(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
