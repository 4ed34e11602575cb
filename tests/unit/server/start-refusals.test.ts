/**
 * `npm start` refuses to run, with a message naming the problem, when it would seal requests to
 * nobody or keep them where other users can read. These checks run before the build and before
 * listening, in every NODE_ENV, so no build is needed here and no port is opened.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newIdentity } from '../../../src/callback/seal.ts';

const root = new URL('../../..', import.meta.url).pathname;
const { recipient } = await newIdentity();

/** Runs start.ts until it exits (or 30 s pass, when it is killed: a server that started is a failure here). */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/server/start.ts'], {
      cwd: root,
      // Port 9 (discard) on loopback: if the checks are missing, the server would try to listen, never answer.
      env: { ...process.env, PORT: '9', HOST: '127.0.0.1', QUEUE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const privateDir = () => mkdtempSync(join(tmpdir(), 'start-refusal-'));

describe('npm start refuses a configuration that would break its promises', { timeout: 60_000 }, () => {
  for (const NODE_ENV of ['production', 'development']) {
    it(`CALLBACK_RECIPIENTS="," (no key at all), NODE_ENV=${NODE_ENV}`, async () => {
      const { code, output } = await start({ NODE_ENV, CALLBACK_RECIPIENTS: ',', DATA_DIR: privateDir() });
      expect(code).toBe(1);
      expect(output).toContain('CALLBACK_RECIPIENTS is set but holds no key');
    });
  }

  it('a key given twice, or a malformed one', async () => {
    const twice = await start({ NODE_ENV: 'production', CALLBACK_RECIPIENTS: `${recipient}, ${recipient}`, DATA_DIR: privateDir() });
    expect(twice.code).toBe(1);
    expect(twice.output).toContain('entry 2 of 2 repeats entry 1');
    const malformed = await start({ NODE_ENV: 'production', CALLBACK_RECIPIENTS: `${recipient},age1notakey`, DATA_DIR: privateDir() });
    expect(malformed.code).toBe(1);
    expect(malformed.output).toContain('entry 2 of 2 is not an age public key');
  });

  it('an existing DATA_DIR that group or others can read (0755, 0750) or write (0703)', async () => {
    for (const mode of [0o755, 0o750, 0o703]) {
      const dataDir = join(privateDir(), 'data');
      mkdirSync(dataDir);
      chmodSync(dataDir, mode);
      const { code, output } = await start({ NODE_ENV: 'production', CALLBACK_RECIPIENTS: recipient, DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`DATA_DIR ${dataDir} can be read or changed by other users (mode ${mode.toString(8)})`);
      expect(output).toContain(`chmod 700 ${dataDir}`);
    }
  });

  it('a DATA_DIR it creates is 0700', async () => {
    const dataDir = join(privateDir(), 'new', 'data');
    // The recipients are wrong on purpose, so the server stops right after preparing the folder.
    const { code } = await start({ NODE_ENV: 'production', CALLBACK_RECIPIENTS: ',', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('notification settings that are wrong, naming the variable and never quoting a password or the secret', async () => {
    const base = { NODE_ENV: 'production', CALLBACK_RECIPIENTS: recipient };
    const cases: [Record<string, string>, string][] = [
      [{ NOTIFY_SMTP_URL: 'https://notify:Canary-Password-1@mail.example.org' }, 'NOTIFY_SMTP_URL must be an smtp:// or smtps:// address'],
      [{ NOTIFY_SMTP_URL: 'smtps://notify:Canary-Password-1@mail.example.org', NOTIFY_FROM: 'alerts@example.org' }, 'NOTIFY_TO is missing'],
      [{ NOTIFY_WEBHOOK_URL: 'http://relay.example.org/hook', NOTIFY_WEBHOOK_SECRET: 'Canary-Password-1'.repeat(3) }, 'NOTIFY_WEBHOOK_URL must be an https:// address'],
      [{ NOTIFY_WEBHOOK_URL: 'https://relay.example.org/hook', NOTIFY_WEBHOOK_SECRET: 'Canary-Password-1' }, 'NOTIFY_WEBHOOK_SECRET is too short'],
    ];
    for (const [env, message] of cases) {
      const { code, output } = await start({ ...base, ...env, DATA_DIR: privateDir() });
      expect(code).toBe(1);
      expect(output).toContain(message);
      expect(output).not.toContain('Canary-Password-1');
    }
  });
});

