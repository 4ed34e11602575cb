/**
 * A throwaway PostgreSQL cluster for tests and the benchmark: `initdb` and `pg_ctl` in a temp
 * folder, listening on loopback only, stopped and deleted afterwards. PostgreSQL refuses to run as
 * root, so as root the cluster runs as the `postgres` user (or `nobody`), owning its folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running cluster: its connection URL, fresh empty databases on demand, and how to stop it. */
export interface TestPostgres {
  url: string;
  port: number;
  /** Creates a new empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Freezes every process of the cluster (SIGSTOP), as a hung database host looks to its clients. */
  pause(): void;
  /** Thaws a paused cluster (SIGCONT). */
  resume(): void;
  stop(): void;
}

/** Where `pg_ctl` and `initdb` live: on PATH, or Debian's versioned folder (not on PATH). */
export function postgresBinDir(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return join(onPath.stdout.trim(), '..');
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(join(debian, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : undefined;
}

/** The unprivileged account to run PostgreSQL as when we are root. */
function serviceAccount(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('Running as root, and there is no "postgres" or "nobody" account to run PostgreSQL as.');
}

/**
 * Starts a cluster on 127.0.0.1:`port` (use 4420-4439 in this project). Returns undefined, with
 * the reason in `skipReason`, only when PostgreSQL is not installed; under CI=true that throws,
 * because CI must run these tests.
 */
export function startPostgres(port: number): TestPostgres | undefined {
  const bin = postgresBinDir();
  if (!bin) {
    const reason = 'PostgreSQL is not installed (no pg_ctl on PATH or in /usr/lib/postgresql/*/bin). On Debian: apt-get install postgresql';
    if (process.env.CI === 'true') throw new Error(`CI must run the PostgreSQL tests, but: ${reason}`);
    skipReason = reason;
    return undefined;
  }
  const account = serviceAccount();
  const dir = mkdtempSync(join(tmpdir(), 'queue-pg-'));
  const data = join(dir, 'data');
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const command = account ? 'runuser' : join(bin, tool);
    const argv = account ? ['-u', account.name, '--', join(bin, tool), ...args] : args;
    try {
      execFileSync(command, argv, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string };
      throw new Error(`${tool} failed: ${failure.stderr || failure.stdout || String(error)}`);
    }
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions']);
  // Loopback TCP only; the socket goes in our own folder so we never touch /run/postgresql.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run that dies early must not leave a server behind.
  process.on('exit', stop);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  const createDatabase = async () => {
    databases += 1;
    const name = `queue_test_${databases}`;
    const admin = new pg.Client(url);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  /** The postmaster and every backend it has forked. */
  const processes = () => {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    return [postmaster, ...children];
  };
  const pause = () => processes().forEach((pid) => process.kill(pid, 'SIGSTOP'));
  const resume = () => processes().forEach((pid) => process.kill(pid, 'SIGCONT'));
  return { url, port, createDatabase, pause, resume, stop };
}

/** Why startPostgres returned undefined, for the skip message. */
export let skipReason = '';
