/**
 * `npm run bench [-- --queue sqlite|postgres]`: autocannon against POST /api/callback (rate limit
 * off) and, in the same run, against the floor (tests/bench/floor-server.ts). Prints requests per
 * second, p50 and p99 latency, and the ratio to the floor. Goals: at least 50% of the floor, p99 ≤
 * 50 ms. SQLite is always measured; `--queue postgres` measures a throwaway PostgreSQL cluster too,
 * in the same run, so the two can be compared. Each queue backend is one entry in `backends`.
 * Last, it times sealing alone on one thread, the largest cost a request has that the floor has not.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newIdentity, seal } from '../../src/callback/seal.ts';
import { offeredSafeTimes, validRequest } from '../fixtures/callback-requests.ts';
import { startServer } from '../e2e/server-process.ts';
import { skipReason, startPostgres } from '../support/postgres.ts';

const root = new URL('../..', import.meta.url).pathname;
const duration = 10;
const connections = 20;

/** How to point the server at each queue backend: its environment, and what to tidy up afterwards. */
const backends: Record<string, () => Promise<{ env: Record<string, string>; stop: () => void }>> = {
  sqlite: async () => ({ env: { QUEUE_URL: '' }, stop: () => undefined }),
  postgres: async () => {
    const cluster = startPostgres(4430);
    if (!cluster) throw new Error(`--queue postgres needs PostgreSQL: ${skipReason}`);
    return { env: { QUEUE_URL: await cluster.createDatabase() }, stop: () => cluster.stop() };
  },
};

const { values } = parseArgs({ options: { queue: { type: 'string', default: 'sqlite' } } });
if (!backends[values.queue!]) {
  console.error(`--queue must be one of: ${Object.keys(backends).join(', ')}`);
  process.exit(2);
}
// SQLite, the default, is always the baseline for another backend.
const measured = [...new Set(['sqlite', values.queue!])];

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

// Worked out once: the offer takes dozens of time-zone conversions, which would load the generator.
// The last window on offer is days away, so it stays on offer for the whole run.
const safeTime = offeredSafeTimes().slice(-1);

/** Ten seconds of 20 connections posting a fresh valid request each time. */
async function load(name: string, url: string): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(validRequest({ safeTime })) }) }],
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function floor(port: number): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const child = spawn(process.execPath, ['tests/bench/floor-server.ts'], { cwd: root, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  try {
    return await load('floor (node:http + one node:sqlite insert)', `http://127.0.0.1:${port}/`);
  } finally {
    child.kill('SIGTERM');
  }
}

async function site(port: number, queue: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  const backend = await backends[queue]!();
  try {
    const server = await startServer(port, { CALLBACK_RATE_LIMIT: 'off', ...backend.env }, dataDir);
    try {
      return await load(`/api/callback (${queue})`, `${server.url}/api/callback`);
    } finally {
      await server.stop();
    }
  } finally {
    backend.stop();
  }
}

/** Sealing alone, one request after another on this thread: what one core can seal per second. */
async function sealingAlone(): Promise<{ perSecond: number; msEach: number }> {
  const { recipient } = await newIdentity();
  const body = JSON.stringify({ request: validRequest() });
  for (let i = 0; i < 300; i += 1) await seal([recipient], body);
  const count = 3000;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await seal([recipient], body);
  const msEach = (performance.now() - started) / count;
  return { perSecond: 1000 / msEach, msEach };
}

const floorFigures = await floor(4417);
const siteFigures: Figures[] = [];
for (const [i, queue] of measured.entries()) siteFigures.push(await site(i === 0 ? 4418 : 4431, queue));
console.log(`\n${connections} connections, ${duration} s each, same machine, same run\n`);
console.table(
  [floorFigures, ...siteFigures].map((f) => ({
    target: f.name,
    'req/s': Math.round(f.rps),
    'p50 ms': f.p50,
    'p99 ms': f.p99,
    'non-2xx': f.non2xx,
    errors: f.errors,
  })),
);
const sealing = await sealingAlone();
console.log(
  `sealing alone, one thread: ${Math.round(sealing.perSecond)}/s (${sealing.msEach.toFixed(2)} ms each), ` +
    `${((sealing.perSecond / floorFigures.rps) * 100).toFixed(0)}% of the floor's requests per second`,
);
for (const f of siteFigures) {
  console.log(`${f.name}: ratio to floor ${((f.rps / floorFigures.rps) * 100).toFixed(1)}% (goal ≥ 50%); p99 ${f.p99} ms (goal ≤ 50 ms)`);
}
